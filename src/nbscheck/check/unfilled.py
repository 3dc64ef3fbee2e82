"""Unfilled is not wrong: answers left as ``nbscheck init`` wrote them are "not answered yet".

A township fills its template over days. An answer still as the template wrote it is not a mistake,
so it gets no finding of its own: it scores as missing, and one summary (NBS260) says how many
answers are filled and which are not yet, after the real mistakes.

What counts as unfilled (documented in docs/submission-format.md):

* an answer key with nothing under it (``"5.1.1":``), or
* an answer whose ``status``, ``value``, ``justification`` and ``note`` are all blank (absent,
  empty, or only spaces), whose ``unit`` is blank or the clause's own unit, whose evidence is
  absent, an empty list, or only blank rows, and whose ``baseline`` (outcome indicators) is absent
  or has a blank value, year and note and only blank evidence rows.

A blank evidence row is one whose ``path``, ``description`` and ``sha256`` are blank (its ``kind``
is pre-written by the template). Blank rows are ignored in every answer, filled or not: they are
neither evidence given nor a mistake.

A blank slot in a filled answer (``value``, ``unit``, ``justification``, ``note``, ``evidence``, the
baseline's ``value``, ``year`` and ``note``) is read as not given, and so is a blank top-level
``stage``: the rules then say what a missing slot means (a ``met`` without a value, a
``not_applicable`` without a justification), never "this blank is not text". The header's blank
fields (township, period, contact), when two or more are blank, are one finding (NBS410) listing
each with its line, an error since a submission cannot be handed in without them; a single blank
field keeps its own finding.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..findings import Finding, make
from ..model.clauses import Clause
from ..model.types import Guideline
from ..yaml.document import Document

CODES: tuple[str, ...] = ("NBS260", "NBS410")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

SHOWN = 12
"""How many clause ids the summary lists before "…"."""


def blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, (list, dict)) and not v)


def blank_row(e: Any) -> bool:
    """An evidence row as the template wrote it: no path, description or checksum (kind may be set)."""
    return isinstance(e, dict) and all(blank(v) for k, v in e.items() if k != "kind")


def blank_scalar(v: Any) -> bool:
    """A slot left as the template wrote it: nothing after the colon, or only spaces in quotes."""
    return v is None or (isinstance(v, str) and not v.strip())


SLOTS = ("value", "unit", "justification", "note", "evidence")
"""The slots of an answer that may be left blank without saying anything (``status`` may not: an
answer with content but no status is asked for its status)."""


_ABSENT = object()


def given_slots(ans: dict[str, Any]) -> dict[str, Any]:
    """``ans`` without its blank slots (a new mapping), or ``ans`` itself when none is blank."""
    drop = set()
    for k in SLOTS:  # a plain loop: this runs for every answer of every file
        v = ans.get(k, _ABSENT)
        if v is None or (type(v) is str and not v.strip()):
            drop.add(k)
    base = ans.get("baseline")
    if not drop and base is None and "baseline" not in ans:
        return ans
    trimmed_base = _given_baseline(base) if isinstance(base, dict) else base
    if blank_scalar(base) and "baseline" in ans:
        drop.add("baseline")
    if not drop and trimmed_base is base:
        return ans
    out = {k: v for k, v in ans.items() if k not in drop}
    if "baseline" in out:
        if trimmed_base:
            out["baseline"] = trimmed_base
        else:
            del out["baseline"]
    return out


def _given_baseline(base: dict[str, Any]) -> dict[str, Any]:
    """A baseline without its blank value, year and note, and without its evidence when every row
    is blank (rows are never dropped one by one, so the others keep their positions)."""
    drop = {k for k in ("value", "year", "note") if k in base and blank_scalar(base[k])}
    ev = base.get("evidence")
    if "evidence" in base and (blank_scalar(ev) or (isinstance(ev, list) and all(blank_row(e) for e in ev))):
        drop.add("evidence")
    return {k: v for k, v in base.items() if k not in drop} if drop else base


def _blank_evidence(v: Any) -> bool:
    return blank(v) or (isinstance(v, list) and all(blank_row(e) for e in v))


def unfilled(ans: Any, c: Clause) -> bool:
    """Whether the answer to ``c`` is still as the template wrote it (see the module's docstring)."""
    if ans is None:
        return True
    if not isinstance(ans, dict):
        return False
    if not blank(ans.get("status")) or not blank(ans.get("value")):
        return False  # the usual case, decided before any evidence row is looked at
    unit = c.assessment.indicator.unit if c.assessment is not None else None
    for k, v in ans.items():
        if k == "evidence":
            if not _blank_evidence(v):
                return False
        elif k == "baseline":  # the template's baseline slot: value, year, evidence rows
            if not (blank(v) or (isinstance(v, dict) and all(
                    _blank_evidence(x) if kk == "evidence" else blank(x) for kk, x in v.items()))):
                return False
        elif k == "unit":
            if not (blank(v) or v == unit):
                return False
        elif not blank(v):
            return False
    return True


def unfilled_ids(answers: Any, g: Guideline) -> list[str]:
    """The clause ids, in guideline order, whose answers are present but still blank."""
    if not isinstance(answers, dict):
        return []
    return [c.id for c in g.assessable if c.id in answers and unfilled(answers[c.id], c)]


def without_blanks(answers: dict[str, Any], skip: Iterable[str]) -> dict[str, Any]:
    """``answers`` without the unfilled ones (a new mapping; the answers themselves are shared)."""
    gone = set(skip)
    return {k: v for k, v in answers.items() if k not in gone}


def shorten(ids: list[str], shown: int = SHOWN) -> tuple[str, str]:
    """``5.1.1、5.1.2 … 等 85 条`` / ``5.1.1, 5.1.2 … (85 in all)``."""
    if len(ids) <= shown:
        return "、".join(ids), ", ".join(ids)
    return "、".join(ids[:shown]) + f" 等 {len(ids)} 条", ", ".join(ids[:shown]) + f" … ({len(ids)} in all)"


def summary(doc: Document, g: Guideline, answers: dict[str, Any], blanks: list[str]) -> list[Finding]:
    """One finding for every unfilled answer: how many are filled, and which are not yet."""
    if not blanks:
        return []
    total = len(g.assessable)
    filled = sum(1 for c in g.assessable if c.id in answers) - len(blanks)
    shall = [c.id for c in g.assessable if c.level == "shall" and c.id in set(blanks)]
    zh, en = shorten(blanks)
    return [make("NBS260", doc.where(["answers"], key=True), path="/answers", filled=filled, total=total,
                 count=len(blanks), clauses=zh, clauses_en=en, ids=",".join(blanks), shall=len(shall),
                 shall_note=f"；其中 {len(shall)} 条是“应”条款，全部填写前不能通过认定" if shall else "",
                 shall_note_en=f"; {len(shall)} of them are shall clauses, so the township cannot qualify until they are filled in"
                 if shall else "")]


HEADER = ("township", "period", "contact")
"""The top-level sections whose blank fields NBS410 gathers."""

_HEADER_NAMES = {
    ("township", "name"): ("乡镇名称", "the township's name"),
    ("township", "code"): ("乡级行政区划代码", "the township's division code"),
    ("township", "county"): ("所属县（区）", "the county"),
    ("township", "province"): ("所属省", "the province"),
    ("period", "start"): ("评估期开始日期", "the period's start date"),
    ("period", "end"): ("评估期结束日期", "the period's end date"),
    ("contact", "name"): ("联系人姓名", "the contact's name"),
}


def blank_header(data: Any, path: list[Any]) -> bool:
    """Whether a schema error at ``path`` is about a header field left blank as the template wrote it."""
    if len(path) < 2 or path[0] not in HEADER:
        return False
    v: Any = data
    for k in path:
        if isinstance(v, dict) and k in v:
            v = v[k]
        else:
            return False
    return blank_scalar(v)


def header_summary(doc: Document, blanks: list[tuple[list[Any], Finding]]) -> list[Finding]:
    """The header's blank fields: one field's own findings when only one is blank, else NBS410,
    each field named with its line, in one finding at the first."""
    seen: dict[tuple, int] = {}
    for p, _ in blanks:
        key = tuple(p[:2])
        if key not in seen:
            seen[key] = doc.where(p).line
    if len(seen) < 2:
        return [f for _, f in blanks]
    order = sorted(seen, key=lambda k: seen[k])
    zh = "、".join(f"{_HEADER_NAMES.get(k, ('/'.join(map(str, k)),) * 2)[0]}（第 {seen[k]} 行）" for k in order)
    en = ", ".join(f"{_HEADER_NAMES.get(k, ('/'.join(map(str, k)),) * 2)[1]} (line {seen[k]})" for k in order)
    first = next(p for p, _ in blanks if tuple(p[:2]) == order[0])
    return [make("NBS410", doc.where(first), path="/" + "/".join(map(str, first)), count=len(order),
                 fields=zh, fields_en=en)]
