"""``nbscheck lint``: integrity rules a JSON Schema cannot express, each with a stable code.

The schema says what a clause looks like; these rules say whether the guideline holds together:
ids are unique and in GB/T 1.1 order, references resolve, both languages are there, the modal verb
matches the level, every shall clause can be assessed, and the points add up with the rating rules.
"""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding
from ..model.guideline import load_guideline
from ..model.types import Guideline
from . import (assessment, citations, definitions, languages, modal_verbs, numbering, numbers, outcomes,
               references, scoring, terms)


def lint(directory: str | Path | None = None) -> list[Finding]:
    """All findings for the guideline in ``directory`` (default: the shipped one), sorted."""
    loaded = load_guideline(directory, validate=True)
    findings = list(loaded.findings)
    g = loaded.guideline
    if g is not None:
        findings.extend(lint_model(g, complete=loaded.complete))
    unique = {(f.code, f.file, f.line, f.column, f.path, tuple(sorted(map(str, f.args.items())))): f for f in findings}
    return sorted(unique.values(), key=Finding.sort_key)


RULES = (languages, numbering, references, modal_verbs, assessment, scoring, outcomes, terms, numbers, definitions,
         citations)
"""The lint rules, one module per concern, in the order they run; each declares its codes in ``CODES``."""


def lint_model(g: Guideline, complete: bool = True) -> list[Finding]:
    """Every rule's findings for a loaded guideline. ``complete`` is false when some files failed to load."""
    out: list[Finding] = []
    for rule in RULES:
        out += rule.check(g, complete)
    return out
