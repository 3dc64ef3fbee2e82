"""One cell's value as the submission means it: Excel's storage undone (dates, percent formats, stray
spaces, integral floats, error values), and the words of drop-downs mapped back to the guideline's ids."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..model.clauses import Clause

from ..model.types import Guideline
from .layout import boolean_of, norm, tidy

ERROR = object()
"""A cell holding a spreadsheet error (#DIV/0!, #REF! ...): reported, then read as empty."""

_NUMBER = re.compile(r"^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")


def _percent_format(fmt: str | None) -> bool:
    """Whether a number format shows the value times 100 (a % outside quotes and escapes)."""
    if not fmt or "%" not in fmt:
        return False
    plain = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", fmt)
    return "%" in plain


def _tidy_number(v: float) -> int | float:
    if isinstance(v, float) and v.is_integer() and abs(v) < 2 ** 53:
        return int(v)
    return v


def plain(cell: Any) -> Any:
    """The cell's value as plain data: text trimmed (empty is None), dates as YYYY-MM-DD, 12.0 as 12,
    a percent-formatted 0.85 as 85 (the guideline's percentages run 0-100)."""
    if cell is None:
        return None
    if getattr(cell, "data_type", None) == "e":
        return ERROR
    v = cell.value
    if v is None:
        return None
    if isinstance(v, str):
        v = tidy(v)
        return v or None
    if isinstance(v, bool):
        return v
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time(0) else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, dt.time):
        return v.isoformat()
    if isinstance(v, (int, float)):
        if _percent_format(getattr(cell, "number_format", None)):
            v = round(v * 100, 9)
        return _tidy_number(v)
    return str(v)


def as_text(v: Any) -> Any:
    """Where the format takes text (codes, names, ids), a number typed into a cell becomes its digits."""
    if isinstance(v, bool) or v is None or v is ERROR:
        return v
    if isinstance(v, (int, float)):
        return str(_tidy_number(v))
    return v


def status_of(g: Guideline, v: Any) -> Any:
    """A status word (符合, Met, met, not met ...) as its id; anything else as it is, for the schema to report."""
    if not isinstance(v, str):
        return v
    t = norm(v)
    for s in g.rules.statuses.values():
        if t in (norm(s.id), norm(s.name.zh), norm(s.name.en)):
            return s.id
    return v


def value_of(g: Guideline, c: Clause | None, v: Any) -> Any:
    """A value cell by its clause's indicator: 是/否 as booleans, a choice's name as its id, a number
    typed as text as the number, a number in a text clause as text."""
    if c is None or c.assessment is None or v is None:
        return v
    ind = c.assessment.indicator
    if ind.type == "boolean" and isinstance(v, str):
        b = boolean_of(v)
        return v if b is None else b
    if ind.type == "choice" and isinstance(v, str):
        t = norm(v)
        for ch in ind.choices:
            if t in (norm(ch.id), norm(ch.name.zh), norm(ch.name.en)):
                return ch.id
        return v
    if ind.type in ("number", "percentage") and isinstance(v, str):
        s = v.replace(",", "").replace("，", "").rstrip("%％ ").strip()
        if _NUMBER.match(s):
            return _tidy_number(float(s))
        return v
    if ind.type == "text":
        return as_text(v)
    return v


def kind_of(g: Guideline, v: Any) -> Any:
    """An evidence kind's name (either language) as its id."""
    if not isinstance(v, str):
        return as_text(v)
    t = norm(v)
    for k in g.evidence_kinds:
        if t in (norm(k.id), norm(k.name.zh), norm(k.name.en)):
            return k.id
    return v


def unit_of(g: Guideline, v: Any) -> Any:
    """A unit's name (either language) as its code."""
    if not isinstance(v, str):
        return as_text(v)
    if v in g.units:
        return v
    t = norm(v)
    for code, name in g.units.items():
        if t in (norm(code), norm(name.zh), norm(name.en)):
            return code
    return v
