"""The template's slots for assessment model 2: how an indicator is counted, its data source and
period, how its value sets the status, and the baseline an outcome indicator is judged against.

One module, called from :mod:`.template` in two places, so the template's own layout can change
without touching these lines.
"""

from __future__ import annotations

from .clauses import Clause, Indicator
from .indicators import format_value
from .types import Guideline

_LABELS = {
    "zh": {"counting": "计数方法", "data_source": "数据来源", "period": "数据时段", "grading": "按值定状态",
           "baseline": "相对本底", "change": "变化量", "percent_change": "变化百分比", "stage": "评估阶段",
           "stages": "仅在以下阶段评估", "base_slot": "本底：首次评估的值、年份和证据"},
    "en": {"counting": "Counting", "data_source": "Data source", "period": "Period", "grading": "Status from the value",
           "baseline": "Against the baseline", "change": "the change", "percent_change": "the change in percent",
           "stage": "Assessment stage", "stages": "Assessed only at", "base_slot": "baseline: the first assessment's value, year and evidence"},
}


def grading_text(ind: Indicator) -> str:
    parts = []
    for lv in ind.grading.levels if ind.grading else ():
        cond = (f"≥ {format_value(lv.at_least)}" if lv.at_least is not None else
                f"≤ {format_value(lv.at_most)}" if lv.at_most is not None else "∈ {" + ", ".join(lv.one_of) + "}")
        share = f" ×{format_value(lv.factor)}" if lv.factor is not None else ""
        parts.append(f"{cond} → {lv.status}{share}")
    return "; ".join(parts + ["else → not_met"])


def stage_lines(g: Guideline, lang: str) -> list[str]:
    """The top-level ``stage:`` slot, when the guideline declares stages."""
    if not g.rules.stages:
        return []
    names = " | ".join(f"{s.id} ({s.name.get(lang)})" for s in g.rules.stages)
    return [f"stage:                         # {_LABELS[lang]['stage']}: {names}"]


def clause_lines(c: Clause, lang: str) -> tuple[list[str], list[str]]:
    """Comment lines for above the answer, and answer lines to go after ``value:``."""
    a = c.assessment
    assert a is not None
    ind, lab = a.indicator, _LABELS[lang]
    notes = [f"  #   {lab[key]}: {text.get(lang)}" for key, text in
             (("counting", ind.counting), ("data_source", ind.data_source), ("period", ind.period)) if text]
    if ind.grading is not None:
        notes.append(f"  #   {lab['grading']}: {grading_text(ind)}")
    if ind.baseline is not None:
        notes.append(f"  #   {lab['baseline']}: {lab[ind.baseline]}")
    if a.stages:
        notes.append(f"  #   {lab['stages']}: {', '.join(a.stages)}")
    slots = []
    if ind.baseline is not None:
        slots = [f"    baseline:        # {lab['base_slot']}", "      value:", "      year:", "      evidence:",
                 '        - path: ""', "          kind: survey-report", '          description: ""']
    return notes, slots
