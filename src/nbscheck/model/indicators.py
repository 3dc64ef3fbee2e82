"""Indicators described and judged the same way everywhere: in findings, diffs, templates and the site.

Lower than the checker on purpose: ``migrate``, ``diff`` and ``init`` need these too, and must not import
the checker for them.
"""

from __future__ import annotations

from typing import Any

from .clauses import Indicator


def format_value(v: Any) -> str:
    """A value as a person would write it: true/false, 12 rather than 12.0."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def target_text(ind: Indicator) -> str:
    """What counts as met, in symbols that read the same in both languages: ``≥ 90%``."""
    t = ind.target
    parts = []
    if t.at_least is not None:
        parts.append(f"≥ {format_value(t.at_least)}")
    if t.at_most is not None:
        parts.append(f"≤ {format_value(t.at_most)}")
    if t.equals is not None:
        parts.append(f"= {format_value(t.equals)}")
    if t.one_of:
        parts.append("∈ {" + ", ".join(t.one_of) + "}")
    if t.min_length is not None:
        parts.append(f"≥ {t.min_length} chars")
    unit = f" {ind.unit}" if ind.unit else ("%" if ind.type == "percentage" else "")
    return " ".join(parts) + unit


def target_reached(ind: Indicator, value: Any) -> bool | None:
    """Whether ``value`` meets the indicator's target; None when that cannot be judged."""
    t = ind.target
    if value is None:
        return None
    if ind.type == "boolean":
        return None if t.equals is None or not isinstance(value, bool) else value == t.equals
    if ind.type in ("number", "percentage"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None
        ok = True
        if t.at_least is not None:
            ok &= value >= t.at_least
        if t.at_most is not None:
            ok &= value <= t.at_most
        return ok
    if ind.type == "choice":
        return None if not t.one_of else value in t.one_of
    if ind.type == "text":
        return None if t.min_length is None or not isinstance(value, str) else len(value.strip()) >= t.min_length
    return None


def judged_value(ind: Indicator, ans: Any) -> Any:
    """The value the target and grading judge: the answer's value, or for a baseline indicator
    its change against the baseline the answer states (None when either is missing or unusable)."""
    if not isinstance(ans, dict):
        return None
    value = ans.get("value")
    if ind.baseline is None:
        return value
    base = ans.get("baseline")
    bval = base.get("value") if isinstance(base, dict) else None
    if not _number(value) or not _number(bval):
        return None
    if ind.baseline == "percent_change":
        return round(100.0 * (value - bval) / bval, 1) if bval else None
    return value - bval


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def derived_status(ind: Indicator, value: Any, factors: dict[str, float | None]) -> tuple[str, float] | None:
    """The status and points factor a graded indicator's value earns; None without a grading or
    a value it can judge (a choice value must be a string, a number a number)."""
    if ind.grading is None or value is None:
        return None
    if ind.type == "choice" and not isinstance(value, str):
        return None
    if ind.type in ("number", "percentage") and not _number(value):
        return None
    lv = ind.grading.grade(value)
    if lv is None:
        return "not_met", float(factors.get("not_met") or 0)
    factor = lv.factor if lv.factor is not None else factors.get(lv.status)
    return lv.status, float(factor or 0)
