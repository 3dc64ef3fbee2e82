"""Checking a submission: the schema and its compiled gate, the answer rules, evidence, the runner."""
