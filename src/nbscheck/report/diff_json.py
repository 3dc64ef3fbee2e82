"""``nbscheck diff --format json``: every change as data, for scripts and CI.

Shape (``format_version`` 1)::

    {"tool": "nbscheck", "version": ..., "format_version": 1, "kind": "diff",
     "old": {"id", "version", "status", "released", "label"}, "new": {...},
     "summary": {"breaking": n, "substantive": n, "editorial": n, "total": n},
     "renumbered": {"old id": "new id", ...},
     "changes": [{"kind", "class", "old_id", "new_id", "field", "old", "new", "words",
                  "migrate", "description", "description_zh", "description_en",
                  "old_position", "new_position"}, ...],
     "other": [{"kind", "class", "subject", "field", "old", "new", "words", "description", ...}],
     "problems": [finding, ...]}

``words`` is the word diff as ``[{"op": "equal"|"delete"|"insert", "text": ...}]``; positions are
``{"file", "line", "column"}`` or null.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..change.describe import describe, describe_other
from ..change.types import ClauseChange, GuidelineChange, GuidelineDiff, Side
from ..findings import Position
from .findings_json import finding_dict


def _side(s: Side) -> dict[str, Any]:
    return {"id": s.id, "version": s.version, "status": s.status, "released": s.released, "label": s.label}


def _pos(p: Position | None) -> dict[str, Any] | None:
    if p is None or not p.file:
        return None
    return {"file": p.file, "line": p.line, "column": p.column}


def _words(words) -> list[dict[str, str]]:
    return [{"op": op, "text": text} for op, text in words]


def change_dict(c: ClauseChange, lang: str) -> dict[str, Any]:
    return {"kind": c.kind, "class": c.cls, "old_id": c.old_id, "new_id": c.new_id, "field": c.field,
            "old": c.old, "new": c.new, "words": _words(c.words), "migrate": c.migrate,
            "description": describe(c, lang), "description_zh": describe(c, "zh"), "description_en": describe(c, "en"),
            "old_position": _pos(c.old_pos if c.old_id else None), "new_position": _pos(c.new_pos if c.new_id else None)}


def other_dict(o: GuidelineChange, lang: str) -> dict[str, Any]:
    return {"kind": o.kind, "class": o.cls, "subject": o.subject, "field": o.field, "old": o.old, "new": o.new,
            "words": _words(o.words), "description": describe_other(o, lang),
            "description_zh": describe_other(o, "zh"), "description_en": describe_other(o, "en"),
            "position": _pos(o.pos)}


def as_dict(diff: GuidelineDiff, lang: str = "zh") -> dict[str, Any]:
    counts = diff.counts()
    return {
        "tool": "nbscheck", "version": __version__, "format_version": 1, "kind": "diff",
        "old": _side(diff.old), "new": _side(diff.new),
        "summary": {**counts, "total": diff.total},
        "renumbered": {o: n for o, n in diff.matches if o != n},
        "changes": [change_dict(c, lang) for c in diff.changes],
        "other": [other_dict(o, lang) for o in diff.other],
        "problems": [finding_dict(f, lang) for f in diff.problems],
    }


def render(diff: GuidelineDiff, lang: str = "zh") -> str:
    return json.dumps(as_dict(diff, lang), ensure_ascii=False, indent=2) + "\n"
