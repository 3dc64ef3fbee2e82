"""JSON report (``format_version`` 1): documented in docs/running-nbscheck.md; fields are only added."""

from __future__ import annotations

import json
from typing import Any, Sequence

from .. import __version__
from ..check import CheckResult
from .findings_json import finding_dict

FORMAT_VERSION = 1


def result_dict(r: CheckResult, lang: str) -> dict[str, Any]:
    s = r.score
    score = None
    if s is not None:
        score = {
            "earned": s.earned, "available": s.available, "percent": s.percent,
            "band": {"id": s.band.id, "name": s.band.name.get(lang)},
            "qualified": s.qualified,
            "reasons": [{"code": x.code, "message": x.message(lang)} for x in s.reasons],
            "dimensions": [{"id": d.id, "name": d.name.get(lang), "earned": d.earned, "available": d.available,
                            "percent": d.percent, "band": d.band.id if d.band else None} for d in s.dimensions],
            "clauses": [{"clause": c.clause, "level": c.level, "dimension": c.dimension, "status": c.status,
                         "points": c.points, "earned": c.earned, "counted": c.counted, "valid": c.valid}
                        for c in s.clauses],
        }
    return {
        "file": r.file, "parsed": r.parsed, "valid": r.valid, "qualified": r.qualified,
        "guideline": {"id": r.guideline_id, "version": r.guideline_version},
        "township": r.township if isinstance(r.township, dict) else {},
        "period": r.period if isinstance(r.period, dict) else {},
        "errors": r.errors, "warnings": r.warnings,
        "findings": [finding_dict(f, lang) for f in r.findings],
        "score": score,
    }


def render(results: Sequence[CheckResult], lang: str) -> str:
    doc = {
        "tool": "nbscheck", "version": __version__, "format_version": FORMAT_VERSION, "kind": "check", "lang": lang,
        "files": [result_dict(r, lang) for r in results],
        "summary": {"files": len(results), "valid": sum(r.valid for r in results),
                    "qualified": sum(r.qualified for r in results),
                    "errors": sum(r.errors for r in results), "warnings": sum(r.warnings for r in results)},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"
