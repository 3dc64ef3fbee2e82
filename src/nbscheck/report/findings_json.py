"""Findings as JSON objects: the stable, documented shape shared by every JSON output."""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..findings import Finding, Severity


def finding_dict(f: Finding, lang: str) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity.value,
        "file": f.file,
        "line": f.line,
        "column": f.column,
        **({"sheet": f.sheet, "cell": f.cell} if f.sheet is not None else {}),
        "clause": f.clause,
        "path": f.path,
        "message": f.message(lang),
        "message_zh": f.message("zh"),
        "message_en": f.message("en"),
        "hint": f.hint(lang),
    }


def lint_document(findings: list[Finding], lang: str) -> dict[str, Any]:
    """``nbscheck lint --format json``: the findings and their counts (``format_version`` 1)."""
    return {"tool": "nbscheck", "version": __version__, "format_version": 1, "kind": "lint",
            "findings": [finding_dict(f, lang) for f in findings],
            "summary": {"errors": sum(f.severity is Severity.ERROR for f in findings),
                        "warnings": sum(f.severity is Severity.WARNING for f in findings)}}
