"""Findings as JSON objects: the stable, documented shape shared by every JSON output."""

from __future__ import annotations

from typing import Any

from ..findings import Finding


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
