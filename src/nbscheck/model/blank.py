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
    """The clause described in comments, then its blank answer, at ``indent`` with ``step`` per level."""
    a = c.assessment
    assert a is not None, "only assessable clauses get answers"
    pad, pad2, pad3 = " " * indent, " " * (indent + step), " " * (indent + 2 * step)
    notes, slots = clause_lines(c, lang)  # counting, data source, period, grading, baseline, stages
    out = [pad + line for line in describe_lines(g, c, lang)] + [_reindent(n, indent, step) for n in notes]
    out += [f"{pad}{key_text(c.id, key_style)}:", f"{pad2}status:          {STATUS_HINT}", f"{pad2}value:"]
    out += [_reindent(s, indent, step) for s in slots]
    if a.evidence:
        out.append(f"{pad2}evidence:")
        out += [f"{pad3}- {{path: \"\", kind: {k}, description: \"\"}}" for k in a.evidence]
    else:
        out.append(f"{pad2}evidence: []")
    out.append(f"{pad2}note: \"\"")
    return out


def _reindent(line: str, indent: int, step: int) -> str:
    """A line written for indent 2 and step 2 (as :mod:`.template_outcomes` writes them), at ``indent``
    and ``step``: each two leading spaces past the first two become one ``step``."""
    n = len(line) - len(line.lstrip(" "))
    return " " * (indent + (n - 2) // 2 * step) + line.lstrip(" ")


def blank_data(c: Clause) -> dict[str, Any]:
    """What :func:`blank_lines` reads back as: the data of a blank answer."""
    a = c.assessment
    assert a is not None, "only assessable clauses get answers"
    data: dict[str, Any] = {"status": None, "value": None}
    if a.indicator.baseline is not None:
        data["baseline"] = {"value": None, "year": None,
                            "evidence": [{"path": "", "kind": "survey-report", "description": ""}]}
    data["evidence"] = [{"path": "", "kind": k, "description": ""} for k in a.evidence]
    data["note"] = ""
    return data
