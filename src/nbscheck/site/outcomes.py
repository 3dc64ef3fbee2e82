"""The site's view of assessment model 2: rows for a clause's assessment table (how the value sets
the status, baseline, counting, data source, period, stages) and the extra qualification rules of
Annex A (core clauses, not-applicable caps, minimum bands per dimension and per framework item).

A module of its own so :mod:`.render` needs only two one-line calls: the render module is being
split by another hand, and these lines move with whichever part draws the tables.
"""

from __future__ import annotations

from ..model.clauses import Clause
from ..model.template_outcomes import grading_text
from ..model.types import Guideline

_L = {
    "zh": {"grading": "按值定状态", "baseline": "相对本底", "change": "变化量（当前值减本底值）",
           "percent_change": "相对本底的变化百分比", "counting": "计数方法", "data_source": "数据来源",
           "period": "数据时段", "stages": "评估阶段", "core": "核心（否决）条款须为“符合”或有理由的“不适用”：{v}",
           "na": "每个维度答“不适用”的分值不超过 {v}%", "na_dim": "维度“{d}”答“不适用”的分值不超过 {v}%",
           "dim_band": "维度“{d}”至少达到“{b}”", "item_band": "{f}：每项至少达到“{b}”（按映射到该项的条款计算）",
           "item_band_one": "{f}“{i}”至少达到“{b}”", "stage_list": "评估阶段：{v}", "after": "（入门认定后第 {n} 年）"},
    "en": {"grading": "Status from the value", "baseline": "Against the baseline",
           "change": "the change (value minus baseline)", "percent_change": "the change against the baseline, in percent",
           "counting": "Counting", "data_source": "Data source", "period": "Period", "stages": "Stages",
           "core": "core (veto) clauses met or justifiably not applicable: {v}",
           "na": "at most {v} % of each dimension's points not applicable",
           "na_dim": "at most {v} % of the points of dimension '{d}' not applicable",
           "dim_band": "dimension '{d}' at least {b}", "item_band": "{f}: every item at least {b} (from the clauses mapped to it)",
           "item_band_one": "{f} '{i}' at least {b}", "stage_list": "assessment stages: {v}", "after": " ({n} years after entry)"},
}


def clause_rows(c: Clause, lang: str) -> list[tuple[str, str]]:
    """Label and (raw, unescaped) text rows for the clause's assessment table."""
    a = c.assessment
    assert a is not None
    ind, lab = a.indicator, _L[lang]
    rows = []
    if ind.grading is not None:
        rows.append((lab["grading"], grading_text(ind)))
    if ind.baseline is not None:
        rows.append((lab["baseline"], lab[ind.baseline]))
    for key in ("counting", "data_source", "period"):
        text = getattr(ind, key)
        if text is not None:
            rows.append((lab[key], text.get(lang)))
    if a.stages:
        rows.append((lab["stages"], ", ".join(a.stages)))
    return rows


def grading_suffix(c: Clause) -> str:
    """For Annex A's target column: the grading after the target, when the clause has one."""
    a = c.assessment
    return f" ({grading_text(a.indicator)})" if a and a.indicator.grading else ""


def qualification_items(g: Guideline, lang: str) -> list[str]:
    """The qualification rules beyond the old three, as list items (raw text)."""
    r, lab = g.rules, _L[lang]
    q = r.qualification
    bname = (lambda b: r.band(b).name.get(lang) if r.band(b) else b)
    out = []
    if q.core_clauses:
        out.append(lab["core"].format(v=", ".join(q.core_clauses)))
    if q.max_na_default is not None:
        out.append(lab["na"].format(v=q.max_na_default))
    for d, v in q.max_na.items():
        dim = g.dimension(d)
        out.append(lab["na_dim"].format(d=dim.name.get(lang) if dim else d, v=v))
    for d, b in q.min_dimension_bands.items():
        dim = g.dimension(d)
        out.append(lab["dim_band"].format(d=dim.name.get(lang) if dim else d, b=bname(b)))
    for fw_id, (default, items) in q.min_item_bands.items():
        fw = g.framework(fw_id)
        fname = fw.name.get(lang) if fw else fw_id
        if default:
            out.append(lab["item_band"].format(f=fname, b=bname(default)))
        for i, b in items.items():
            item = fw.item(i) if fw else None
            out.append(lab["item_band_one"].format(f=fname, i=item.name.get(lang) if item else i, b=bname(b)))
    if r.stages:
        out.append(lab["stage_list"].format(v=", ".join(
            s.name.get(lang) + (lab["after"].format(n=s.after_years) if s.after_years else "") for s in r.stages)))
    return out
