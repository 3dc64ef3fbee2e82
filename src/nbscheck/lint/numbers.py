"""The numbers agree: a clause's text with its indicator's target, and each text's Chinese with its English.

A drafter who changes "不少于30 %" in the text and forgets the target (or the English) leaves a clause
that says one thing and scores another; no schema sees it. See :mod:`.quantities` for what counts as
a number and what does not.
"""

from __future__ import annotations

from ..findings import Finding, make
from ..model.clauses import Clause
from ..model.types import Guideline
from ..vocabulary import LANGUAGE
from . import quantities as q
from .texts import META, spots

CODES: tuple[str, ...] = ("NBS130", "NBS131")

# how the text may write an indicator's unit, beyond the names declared in guideline.yaml
_UNIT_ALIASES = {
    "percent": ("%", "％", "per cent", "percent"),
    "ha": ("hm²", "hm2", "公顷", "ha", "hectare"),
    "m": ("m", "米"),
    "km": ("km", "千米", "公里"),
}


def reference_ids(g: Guideline) -> frozenset[str]:
    """Clause, section and term numbers: a lone ``3.26`` in a text points at one of them."""
    return frozenset({c.id for c in g.clauses} | {s.id for ch in g.chapters for s in ch.sections}
                     | {t.number for t in g.terms})


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)


def _against_target(g: Guideline, c: Clause, refs: frozenset[str]) -> list[Finding]:
    ind = c.assessment.indicator if c.assessment else None
    if ind is None or ind.type not in ("number", "percentage"):
        return []
    limits = {v for v in (ind.target.at_least, ind.target.at_most) if v is not None}
    if ind.grading is not None:
        limits |= {v for lv in ind.grading.levels for v in (lv.at_least, lv.at_most) if v is not None}
    if not limits:
        return []
    unit = "percent" if ind.type == "percentage" or ind.baseline == "percent_change" else ind.unit
    if ind.baseline is not None:  # a decrease is written as a positive number in the text
        limits |= {abs(v) for v in limits}
    if ind.type == "percentage" and limits == {100}:
        # "a share of 100 %" is the clause applied to each item: the text's percentages are then the
        # rule an item meets (a station releasing the flow on 95 % of days), not the target
        return []
    names = _UNIT_ALIASES.get(unit or "", ())
    if unit in g.units:
        names += (g.units[unit].zh, g.units[unit].en)
    if not names:
        return []
    for lang in ("zh", "en"):  # Chinese first; the English only when the Chinese states no such number
        found = q.quantities_with_unit(c.text.get(lang), names, refs)
        if found:
            if any(n.values & limits for n in found):
                return []
            unit_zh = "%" if unit == "percent" else (g.units[unit].zh if unit in g.units else unit)
            unit_en = "%" if unit == "percent" else (g.units[unit].en if unit in g.units else unit)
            return [make("NBS130", c.src.at("text", lang), clause=c.id,
                         found="、".join(n.written for n in found), found_en=", ".join(n.written for n in found),
                         target="、".join(_fmt(v) for v in sorted(limits)),
                         target_en=", ".join(_fmt(v) for v in sorted(limits)), unit=unit_zh, unit_en=unit_en)]
    return []


def _languages(g: Guideline, refs: frozenset[str]) -> list[Finding]:
    out = []
    for s in spots(g):
        if not s.zh or not s.en or (s.role == META and "units" in s.path):
            continue
        for lang, other_lang in (("zh", "en"), ("en", "zh")):
            other = s.get(other_lang)
            answers = q.values(other, refs)
            pointers = q.pointers(other, refs)
            reported: set[str] = set()
            for n in q.digits(s.get(lang), refs):
                if n.written in reported:
                    continue
                if n.reference:
                    missing = n.written not in pointers
                else:
                    missing = n.value != 1 and not (n.values & answers)
                if missing:
                    reported.add(n.written)
                    name, other_name = LANGUAGE[lang], LANGUAGE[other_lang]
                    out.append(make("NBS131", s.at(lang), clause=s.clause_id, number=n.written,
                                    lang_zh=name.zh, lang_en=name.en, other_zh=other_name.zh, other_en=other_name.en))
    return out


def check(g: Guideline, complete: bool = True) -> list[Finding]:
    """The findings of this concern; rules that compare across files run only on a complete guideline."""
    refs = reference_ids(g)
    out = _languages(g, refs)
    for c in g.assessable:
        out += _against_target(g, c, refs)
    return out
