"""The bilingual words the three ``nbscheck compare`` reports share: statuses, values, sides, changes."""

from __future__ import annotations

from typing import Any

from ..change.compare import ABSENT, MISSING, ClauseDelta, Comparison, DimensionDelta, Side
from ..model.indicators import format_value
from .labels import num, township_name

W = {
    "zh": {"title": "比较", "township": "乡镇", "guideline": "指南", "score": "得分", "qualified": "认定",
           "yes": "达到", "no": "未达到", "dimensions": "维度变化", "clauses": "条款变化", "new": "新的问题",
           "resolved": "已解决的问题", "none": "无", "status": "状态", "value": "值", "missing": "未答",
           "absent": "不在该版本中", "points": "个百分点", "clause": "条款",
           "dimension": "维度", "status_h": "状态", "value_h": "值", "counts": "错误/警告", "sep": "；", "colon": "：",
           "evidence": "证据", "note": "备注", "evidence_h": "证据", "note_h": "备注"},
    "en": {"title": "Comparing", "township": "Township", "guideline": "Guideline", "score": "Score",
           "qualified": "Qualifies", "yes": "yes", "no": "no", "dimensions": "Dimensions changed",
           "clauses": "Clauses changed", "new": "New findings", "resolved": "Resolved findings", "none": "none",
           "status": "status", "value": "value", "missing": "no answer", "absent": "not in this version",
           "points": "percentage points", "clause": "Clause",
           "dimension": "Dimension", "status_h": "Status", "value_h": "Value", "counts": "Errors/warnings", "sep": "; ",
           "colon": ": ", "evidence": "evidence", "note": "note", "evidence_h": "Evidence", "note_h": "Note"},
}


def words(lang: str) -> dict[str, str]:
    return W["en" if lang == "en" else "zh"]


def status_name(c: Comparison, status: str, lang: str) -> str:
    if status in (MISSING, ABSENT):
        return words(lang)[status]
    name = c.statuses.get(status)
    return name.get(lang) if name is not None else status


def value_text(v: Any) -> str:
    return "-" if v is None else format_value(v)


def clause_label(d: ClauseDelta) -> str:
    """``7.7.4 → 7.7.5`` for a renumbered clause, else its id."""
    return f"{d.old_id} → {d.new_id}" if d.renumbered else d.id


def clause_parts(c: Comparison, d: ClauseDelta, lang: str) -> list[str]:
    """``状态：符合 → 不符合``, ``值：94 → 80``: what differs about one clause."""
    w = words(lang)
    parts = []
    if d.status_changed:
        parts.append(f"{w['status']}{w['colon']}{status_name(c, d.old_status, lang)} → {status_name(c, d.new_status, lang)}")
    if d.value_changed:
        parts.append(f"{w['value']}{w['colon']}{value_text(d.old_value)} → {value_text(d.new_value)}")
    if d.evidence_changed:
        parts.append(f"{w['evidence']}{w['colon']}{evidence_change(d, lang)}")
    if d.note_changed:
        parts.append(f"{w['note']}{w['colon']}{note_change(d)}")
    return parts


NOTE_CHARS = 40
"""How much of a note the text and Markdown reports show; the JSON report carries all of it."""


def evidence_change(d: ClauseDelta, lang: str) -> str:
    """``+ evidence/map.txt (map), − evidence/old.txt (report)``; empty when the evidence is the same."""
    return ("，" if lang != "en" else ", ").join([f"+ {path} ({kind})" for path, kind in d.evidence_added] +
                     [f"− {path} ({kind})" for path, kind in d.evidence_removed])


def note_text(note: str | None) -> str:
    if not note:
        return "-"
    one = " ".join(note.split())
    return one if len(one) <= NOTE_CHARS else one[:NOTE_CHARS - 1] + "…"


def note_change(d: ClauseDelta) -> str:
    return f"{note_text(d.old_note)} → {note_text(d.new_note)}"


def township(s: Side, lang: str) -> str:
    return township_name(dict(s.township), lang)


def guideline(s: Side) -> str:
    return f"{s.guideline_id} {s.version}"


def score(s: Side, lang: str) -> str:
    return f"{num(s.earned)}/{num(s.available)} ({num(s.percent)}%) {s.band.name.get(lang)}"


def qualified(s: Side, lang: str) -> str:
    return words(lang)["yes" if s.qualified else "no"]


def percent_change(c: Comparison, lang: str) -> str:
    delta = c.percent_change
    sign = "+" if delta > 0 else ("±" if delta == 0 else "")
    return f"{sign}{num(delta)} {words(lang)['points']}"


def dimension_side(percent: float | None, band: Any, lang: str) -> str:
    if percent is None:
        return "-"
    return f"{num(percent)}%" + (f" {band.name.get(lang)}" if band is not None else "")


def dimension_line(d: DimensionDelta, lang: str) -> tuple[str, str, str]:
    return (d.name.get(lang), dimension_side(d.old_percent, d.old_band, lang),
            dimension_side(d.new_percent, d.new_band, lang))
