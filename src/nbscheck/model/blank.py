"""A blank answer to one clause, with the clause described in YAML comments above it.

``nbscheck init`` writes one for every assessable clause; ``nbscheck migrate`` writes one for each
clause that is new to a submission. Both use this module, so a township sees the same words and
the same empty slots whichever command wrote them.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..vocabulary import level_zh
from .indicators import target_text
from .template_outcomes import clause_lines
from .types import Clause, Guideline

LABELS = {
    "zh": {"indicator": "指标", "target": "目标", "unit": "单位", "choices": "选项", "evidence": "证据",
           "points": "分值", "dimension": "维度", "no_na": "不允许答“不适用”", "type": "类型",
           "types": {"boolean": "是/否 (true/false)", "number": "数值", "percentage": "百分数 0–100",
                     "choice": "选项", "text": "文本"}},
    "en": {"indicator": "Indicator", "target": "Target", "unit": "Unit", "choices": "Options", "evidence": "Evidence",
           "points": "Points", "dimension": "Dimension", "no_na": "not_applicable is not allowed", "type": "Type",
           "types": {"boolean": "yes/no (true/false)", "number": "number", "percentage": "percentage 0-100",
                     "choice": "one option", "text": "text"}},
}

STATUS_HINT = "# met | partial | not_met | not_applicable"

SLOT_HINTS = {
    "zh": {"value": "指标值", "justification": "答 not_applicable（不适用）时写明理由", "note": "备注（可选）",
           "path": "证据文件，相对于本文件所在的文件夹"},
    "en": {"value": "the indicator's value", "justification": "why, when the answer is not_applicable",
           "note": "a note (optional)", "path": "the evidence file, relative to this file's folder"},
}
"""The comment after each slot a clerk fills, so the slot says what goes in it."""


def quoted(s: str) -> str:
    """A double-quoted YAML scalar (JSON's escaping is valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def key_text(cid: str, style: str | None) -> str:
    """A clause id as a mapping key, quoted like the file's other keys (``'``, ``"`` or plain when safe)."""
    if style == "'":
        return "'" + cid.replace("'", "''") + "'"
    if style == '"' or not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.\-]*", cid):
        return quoted(cid)
    return cid


def describe_lines(g: Guideline, c: Clause, lang: str) -> list[str]:
    """The comment lines (without indentation) that say what clause ``c`` asks."""
    a = c.assessment
    assert a is not None, "only assessable clauses get answers"
    lab = LABELS[lang]
    ind = a.indicator
    line = f"#   {lab['indicator']}: {ind.name.get(lang)}; {lab['type']}: {lab['types'][ind.type]}"
    if ind.unit:
        unit = g.units.get(ind.unit)
        line += f"; {lab['unit']}: {ind.unit}" + (f" ({unit.get(lang)})" if unit else "")
    out = [f"# {c.id} [{level_zh(c.level)}/{c.level}] {c.text.get(lang)}", line, f"#   {lab['target']}: {target_text(ind)}"]
    if ind.choices:
        out.append(f"#   {lab['choices']}: " + ", ".join(f"{x.id} ({x.name.get(lang)})" for x in ind.choices))
    kinds = ", ".join(f"{k} ({kind.name.get(lang)})" if (kind := g.evidence_kind(k)) else k for k in a.evidence)
    dim = g.dimension(a.dimension)
    extra = f"; {lab['no_na']}" if not a.not_applicable else ""
    out.append(f"#   {lab['evidence']}: {kinds or '-'}; {lab['points']}: {a.points}; "
               f"{lab['dimension']}: {dim.name.get(lang) if dim else a.dimension}{extra}")
    return out


def blank_lines(g: Guideline, c: Clause, lang: str, indent: int = 2, step: int = 2,
                key_style: str | None = '"') -> list[str]:
    """The clause described in comments, then its blank answer, at ``indent`` with ``step`` per level.

    Every slot a clerk fills is written, each with a comment saying what goes in it; evidence rows
    are block mappings (``- path: ""`` then ``kind:``) rather than ``{...}``, so a Windows path typed
    into one cannot break the line's brackets and quotes."""
    a = c.assessment
    assert a is not None, "only assessable clauses get answers"
    pad, pad2 = " " * indent, " " * (indent + step)
    hint = SLOT_HINTS[lang]
    notes, slots = clause_lines(c, lang)  # counting, data source, period, grading, baseline, stages
    out = [pad + line for line in describe_lines(g, c, lang)] + _reindent(notes, indent, step)
    out += [f"{pad}{key_text(c.id, key_style)}:", f"{pad2}status:          {STATUS_HINT}",
            f"{pad2}value:           # {hint['value']}: {LABELS[lang]['types'][a.indicator.type]}{_unit_hint(g, c, lang)}"]
    out += _reindent(slots, indent, step)
    if a.evidence:
        out.append(f"{pad2}evidence:")
        rows = [row for i, k in enumerate(a.evidence) for row in evidence_row(k, 6, lang, first=i == 0)]
        out += _reindent(rows, indent, step)
    else:
        out.append(f"{pad2}evidence: []")
    out.append(f"{pad2}justification: \"\"   # {hint['justification']}")
    out.append(f"{pad2}note: \"\"            # {hint['note']}")
    return out


def evidence_row(kind: str, indent: int, lang: str, first: bool = True) -> list[str]:
    """One blank evidence row in block style at ``indent`` (as written for step 2); the first row of
    an answer says what its path is relative to."""
    pad = " " * indent
    path = f'{pad}- path: ""' + (f'          # {SLOT_HINTS[lang]["path"]}' if first else "")
    return [path, f"{pad}  kind: {kind}", f'{pad}  description: ""']


def _unit_hint(g: Guideline, c: Clause, lang: str) -> str:
    """``; 单位: 公顷 (ha)`` after the value's comment, when the indicator has a unit."""
    ind = c.assessment.indicator if c.assessment else None
    if ind is None or not ind.unit:
        return ""
    unit = g.units.get(ind.unit)
    label = LABELS[lang]["unit"]
    return f"; {label}: {unit.get(lang)} ({ind.unit})" if unit else f"; {label}: {ind.unit}"


def _reindent(lines: list[str], indent: int, step: int) -> list[str]:
    """Lines written for indent 2 and step 2 (as :mod:`.template_outcomes` writes them), at ``indent``
    and ``step``: each two leading spaces past the first two become one ``step``, except a sequence
    item's later keys, which stay two columns past its ``-`` whatever the step."""
    out: list[str] = []
    dash: tuple[int, int] | None = None  # a "- " line's indent as written, and as rewritten
    for line in lines:
        n = len(line) - len(line.lstrip(" "))
        body = line.lstrip(" ")
        if dash is not None and n == dash[0] + 2 and not body.startswith("- "):
            out.append(" " * (dash[1] + 2) + body)
            continue
        new = indent + (n - 2) // 2 * step
        dash = (n, new) if body.startswith("- ") else None
        out.append(" " * new + body)
    return out


def blank_data(c: Clause) -> dict[str, Any]:
    """What :func:`blank_lines` reads back as: the data of a blank answer."""
    a = c.assessment
    assert a is not None, "only assessable clauses get answers"
    data: dict[str, Any] = {"status": None, "value": None}
    if a.indicator.baseline is not None:
        data["baseline"] = {"value": None, "year": None,
                            "evidence": [{"path": "", "kind": "survey-report", "description": ""}]}
    data["evidence"] = [{"path": "", "kind": k, "description": ""} for k in a.evidence]
    data["justification"] = ""
    data["note"] = ""
    return data
