"""Statuses and units written by their names: ``status: 符合`` means met, ``unit: 公顷`` means ha.

A clerk reads the guideline in Chinese and writes what it says. Where a written word names exactly
one entry of a closed list in the guideline's own data (a status's or a unit's Chinese or English
name, or its code in other letter case), the answer is read as that entry, scored as it, and a
warning (NBS261) names the spelling to use. Nothing here knows a name: they come from the guideline.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Mapping

from ..findings import Finding, make, pointer
from ..model.clauses import Clause
from ..model.text import Text
from ..model.types import Guideline
from ..suggest import closest

CODES: tuple[str, ...] = ("NBS261",)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)  # full-width letters, as an input method types them
    return " ".join(s.replace("_", " ").replace("-", " ").split()).casefold()


def _lookup(word: str, names: Mapping[str, Text]) -> str | None:
    """The code that ``word`` names (by code, Chinese or English name, ignoring case and spaces)."""
    w = _fold(word)
    hits = {code for code, t in names.items() if w in (_fold(code), _fold(t.zh), _fold(t.en))}
    return hits.pop() if len(hits) == 1 else None


def status_names(g: Guideline) -> dict[str, Text]:
    return {k: st.name for k, st in g.rules.statuses.items()}


def status_alias(g: Guideline, word: Any) -> str | None:
    """The status ``word`` names when it is not the status code itself."""
    if not isinstance(word, str) or word in g.rules.statuses:
        return None
    return _lookup(word, status_names(g))


def unit_alias(g: Guideline, word: Any) -> str | None:
    """The unit code ``word`` names when it is not the code itself (公顷 -> ha)."""
    if not isinstance(word, str) or word in g.units:
        return None
    return _lookup(word, g.units)


def status_choices(g: Guideline) -> tuple[str, str]:
    """``met（符合）、partial（部分符合）…`` in both languages, from the guideline's data."""
    items = g.rules.statuses.items()
    return ("、".join(f"{k}（{st.name.zh}）" for k, st in items), ", ".join(f"{k} ({st.name.en})" for k, st in items))


def status_suggestion(g: Guideline, word: Any) -> str | None:
    """The status code closest to ``word`` (by code or name), for "是否想写 …"."""
    if not isinstance(word, str) or not word.strip():
        return None
    by_word: dict[str, str] = {}
    for k, st in g.rules.statuses.items():
        for w in (k, st.name.zh, st.name.en):
            by_word.setdefault(_fold(w), k)
    best = closest(_fold(word), by_word)
    return by_word[best] if best else None


def canonical(doc: Any, g: Guideline, c: Clause, ans: dict[str, Any]) -> tuple[dict[str, Any], list[Finding]]:
    """``ans`` with a named status or unit replaced by its code (a copy when one is), and a warning each."""
    out: list[Finding] = []
    fixed = ans
    status = status_alias(g, ans.get("status"))
    if status is not None:
        fixed = dict(fixed, status=status)
        p = ["answers", c.id, "status"]
        st = g.rules.statuses[status].name
        out.append(make("NBS261", doc.where(p), clause=c.id, path=pointer(p), key="status", found=ans["status"],
                        canon=status, name=st.zh, name_en=_paren(st.en, status)))
    unit = unit_alias(g, ans.get("unit"))
    if unit is not None:
        fixed = dict(fixed, unit=unit)
        want = c.assessment.indicator.unit if c.assessment is not None else None
        if unit == want:  # another unit by name is NBS208, which names both
            p = ["answers", c.id, "unit"]
            u = g.units[unit]
            out.append(make("NBS261", doc.where(p), clause=c.id, path=pointer(p), key="unit", found=ans["unit"],
                            canon=unit, name=u.zh, name_en=_paren(u.en, unit)))
    return fixed, out


def _paren(name: str, code: str) -> str:
    """`` (Met)`` after a code, or nothing when the name is the code (ha)."""
    return "" if _fold(name) == _fold(code) else f" ({name})"
