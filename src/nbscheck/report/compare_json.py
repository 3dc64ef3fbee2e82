"""``nbscheck compare --format json``: the comparison as data, for scripts.

Shape (``format_version`` 1)::

    {"tool": "nbscheck", "version": ..., "format_version": 1, "kind": "compare",
     "old": {"file", "township", "guideline": {"id", "version"}, "score": {"earned", "available",
             "percent", "band", "qualified"}, "errors", "warnings"}, "new": {...},
     "score_change": {"earned", "percent"},
     "dimensions": [{"id", "old": {"earned", "percent", "band"} | null, "new": {...} | null}, ...],
     "clauses": [{"old_id", "new_id", "renumbered", "old_status", "new_status", "old_value",
                  "new_value", "status_changed", "value_changed", "old_evidence": [{"path", "kind"}],
                  "new_evidence", "evidence_added", "evidence_removed", "evidence_changed",
                  "old_note", "new_note", "note_changed"}, ...],
     "new_findings": [finding, ...], "resolved_findings": [finding, ...], "problems": [finding, ...]}

A status is a status id of the guideline, ``missing`` (no answer) or ``absent`` (the version the
file answers has no such assessed clause). Evidence (each item by path and kind) and notes are
compared only when both files answer the clause; otherwise (no answer, or not in a version) both lists are empty and both notes null.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..change.compare import Comparison, Side
from .findings_json import finding_dict


def _side(s: Side) -> dict[str, Any]:
    return {"file": s.file, "township": dict(s.township), "guideline": {"id": s.guideline_id, "version": s.version},
            "score": {"earned": s.earned, "available": s.available, "percent": s.percent, "band": s.band.id,
                      "qualified": s.qualified},
            "errors": s.errors, "warnings": s.warnings}


def _ev(items: Any) -> list[dict[str, str]]:
    return [{"path": path, "kind": kind} for path, kind in items]


def _dim(earned: float | None, percent: float | None, band: Any) -> dict[str, Any] | None:
    if earned is None:
        return None
    return {"earned": earned, "percent": percent, "band": band.id if band is not None else None}


def render(c: Comparison, lang: str = "zh") -> str:
    data = {
        "tool": "nbscheck", "version": __version__, "format_version": 1, "kind": "compare",
        "old": _side(c.old), "new": _side(c.new),
        "score_change": {"earned": c.earned_change, "percent": c.percent_change},
        "dimensions": [{"id": d.id, "old": _dim(d.old_earned, d.old_percent, d.old_band),
                        "new": _dim(d.new_earned, d.new_percent, d.new_band)} for d in c.dimensions],
        "clauses": [{"old_id": d.old_id, "new_id": d.new_id, "renumbered": d.renumbered, "old_status": d.old_status,
                     "new_status": d.new_status, "old_value": d.old_value, "new_value": d.new_value,
                     "status_changed": d.status_changed, "value_changed": d.value_changed,
                     "old_evidence": _ev(d.old_evidence), "new_evidence": _ev(d.new_evidence),
                     "evidence_added": _ev(d.evidence_added), "evidence_removed": _ev(d.evidence_removed),
                     "evidence_changed": d.evidence_changed, "old_note": d.old_note, "new_note": d.new_note,
                     "note_changed": d.note_changed} for d in c.clauses],
        "new_findings": [finding_dict(f, lang) for f in c.new_findings],
        "resolved_findings": [finding_dict(f, lang) for f in c.resolved],
        "problems": [finding_dict(f, lang) for f in c.problems],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
