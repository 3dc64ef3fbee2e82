"""Versions: pairing the clauses of two versions, classifying changes, word diffs, releases, migration."""
