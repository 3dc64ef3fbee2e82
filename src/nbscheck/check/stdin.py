"""Checking a submission read from standard input (``nbscheck - --stdin-filepath reviews/town.yaml``).

Editors and pre-commit-style tools pipe the buffer being edited; ``--stdin-filepath`` names it, so
findings carry that name and evidence paths resolve from its folder, as if the file were on disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from ..findings import Finding, Position, make
from ..yaml.errors import LoadError
from ..yaml.limits import DEFAULT_LIMITS, Limits
from ..yaml.load import load_bytes
from .checker import check_document
from .result import CheckResult

STDIN_NAME = "<stdin>"


def check_stream(stream: BinaryIO, filepath: str | None, *, guideline_root: str | None = None,
                 limits: Limits = DEFAULT_LIMITS) -> CheckResult:
    """Check what ``stream`` holds as though it were the file ``filepath`` (the working folder if None)."""
    shown = filepath or STDIN_NAME
    result = CheckResult(file=shown)
    try:
        raw = stream.read(limits.max_bytes + 1)
    except OSError as e:
        result.findings = [make("NBS001", Position(shown), reason=e.strerror or str(e))]
        return result
    if len(raw) > limits.max_bytes:
        result.findings = [make("NBS010", Position(shown, 1, 1), size=len(raw), limit=limits.max_bytes)]
        return result
    try:
        doc = load_bytes(raw, shown, limits, gbk=True)
    except LoadError as e:
        result.findings = e.findings
        return result
    result.parsed = True
    base = Path(filepath).resolve().parent if filepath else Path.cwd()
    result.findings = list(doc.warnings) + check_document(doc, base, guideline_root, result)
    result.findings.sort(key=Finding.sort_key)
    if result.findings:
        result.text = doc.text if getattr(doc, "original", None) is None else doc.original  # as written
    return result
