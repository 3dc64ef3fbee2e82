"""Changes outside the clauses: the guideline id, evidence kinds, units, terms, rating rules, headings.

Like :mod:`.classify`, every change takes its class from the table in :mod:`.rules`.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..findings import Position
from ..model.indicators import format_value as _fmt
from ..model.text import Text
from ..model.types import Guideline
from .rules import rule
from .types import GuidelineChange
from .worddiff import diff_words, only_punctuation


def _names(t: Text) -> dict[str, str]:
    return {"zh": t.zh, "en": t.en}


def _named_changes(kind: str, old: Mapping[str, Text], new: Mapping[str, Text], pos: Position) -> list[GuidelineChange]:
    """Things with an id and a bilingual name (evidence kinds, units): removed, added, renamed."""
    out = []
    for k, t in old.items():
        if k not in new:
            out.append(GuidelineChange(kind, rule(kind, "removed"), k, "removed", _names(t), None, pos=pos))
    for k, t in new.items():
        if k not in old:
            out.append(GuidelineChange(kind, rule(kind, "added"), k, "added", None, _names(t), pos=pos))
        elif old[k] != t:
            for lang in ("zh", "en"):
                a, b = getattr(old[k], lang), getattr(t, lang)
                if a != b:
                    out.append(GuidelineChange(kind, rule(kind, "renamed"), k, f"name-{lang}", a, b, tuple(diff_words(a, b)), pos))
    return out


def outside(old: Guideline, new: Guideline) -> list[GuidelineChange]:
    """Every change between ``old`` and ``new`` that belongs to no clause."""
    out: list[GuidelineChange] = []
    if old.id != new.id:
        out.append(GuidelineChange("guideline-id", rule("guideline-id", "any"), new.id, None, old.id, new.id, pos=new.src.at("id")))
    out += _named_changes("evidence-kind", {k.id: k.name for k in old.evidence_kinds},
                          {k.id: k.name for k in new.evidence_kinds}, new.src.at("evidence_kinds"))
    out += _named_changes("unit", dict(old.units), dict(new.units), new.src.at("units"))
    out += _terms(old, new)
    out += _rules(old, new)
    out += _headings(old, new)
    return out


def _terms(old: Guideline, new: Guideline) -> list[GuidelineChange]:
    out = []
    olds = {t.id: t for t in old.terms}
    news = {t.id: t for t in new.terms}
    for tid, t in olds.items():
        if tid not in news:
            out.append(GuidelineChange("term", rule("term", "removed"), tid, "removed", _names(t.term), None))
    for tid, t in news.items():
        if tid not in olds:
            out.append(GuidelineChange("term", rule("term", "added"), tid, "added", None, _names(t.term), pos=t.src.pos))
            continue
        o = olds[tid]
        for part in ("term", "definition"):
            a, b = getattr(o, part), getattr(t, part)
            for lang in ("zh", "en"):
                x, y = getattr(a, lang), getattr(b, lang)
                if x != y:
                    words = tuple(diff_words(x, y))
                    cls = rule("term", "zh" if lang == "zh" and not only_punctuation(words) else "en")
                    out.append(GuidelineChange("term", cls, tid, f"{part}-{lang}", x, y, words, t.src.at(part, lang)))
    return out


def _rules(old: Guideline, new: Guideline) -> list[GuidelineChange]:
    out = []
    ro, rn = old.rules, new.rules
    pos = rn.src.pos
    for k in sorted(set(ro.statuses) | set(rn.statuses)):
        a, b = ro.statuses.get(k), rn.statuses.get(k)
        fa, fb = (a.factor if a else None), (b.factor if b else None)
        if fa != fb:
            out.append(GuidelineChange("rules", rule("rules", "any"), k, "status-factor", fa, fb, pos=pos))
    od = {d.id: d for d in ro.dimensions}
    nd = {d.id: d for d in rn.dimensions}
    for k in list(od) + [k for k in nd if k not in od]:
        a, b = od.get(k), nd.get(k)
        if a is None or b is None:
            out.append(GuidelineChange("rules", rule("rules", "any"), k, "dimension-added" if a is None else "dimension-removed",
                                       a.points if a else None, b.points if b else None, pos=pos))
        elif a.points != b.points:
            out.append(GuidelineChange("rules", rule("rules", "any"), k, "dimension-points", a.points, b.points, pos=b.src.pos))
    if ro.total_points != rn.total_points:
        out.append(GuidelineChange("rules", rule("rules", "any"), "total_points", "total-points", ro.total_points, rn.total_points, pos=pos))
    ob = {b.id: b.min for b in ro.bands}
    nb = {b.id: b.min for b in rn.bands}
    if ob != nb:
        out.append(GuidelineChange("rules", rule("rules", "any"), "bands", "bands", ob, nb, pos=pos))
    qa, qb = ro.qualification, rn.qualification
    for f in ("min_overall_percent", "min_dimension_band", "all_shall_met", "core_clauses", "max_na_default",
              "max_na", "min_dimension_bands", "min_item_bands"):
        if getattr(qa, f) != getattr(qb, f):
            out.append(GuidelineChange("rules", rule("rules", "any"), "qualification", f,
                                       _rule_value(getattr(qa, f)), _rule_value(getattr(qb, f)), pos=pos))
    sa, sb = [s.id for s in ro.stages], [s.id for s in rn.stages]
    if sa != sb:  # a submission must name a stage the guideline declares
        out.append(GuidelineChange("rules", rule("rules", "stages"), "stages", "stages", ", ".join(sa) or None,
                                   ", ".join(sb) or None, pos=pos))
    return out


def _rule_value(v: Any) -> Any:
    """A qualification field as one line: lists joined, mappings as ``key: value`` (a framework's
    minimum bands as ``iucn: adequate, iucn 3: good``); None when empty."""
    if isinstance(v, tuple):
        return ", ".join(map(str, v)) or None
    if isinstance(v, Mapping):
        parts = []
        for k, x in v.items():
            if isinstance(x, tuple):  # min_item_bands: (default, {item: band})
                default, items = x
                parts += ([f"{k}: {default}"] if default else []) + [f"{k} {i}: {b}" for i, b in items.items()]
            else:
                parts.append(f"{k}: {_fmt(x)}")
        return ", ".join(parts) or None
    return v


def _headings(old: Guideline, new: Guideline) -> list[GuidelineChange]:
    out = []
    och = {(ch.number or ch.kind): ch for ch in old.chapters}
    for ch in new.chapters:
        o = och.get(ch.number or ch.kind)
        if o is None:
            continue
        for lang in ("zh", "en"):
            a, b = getattr(o.title, lang), getattr(ch.title, lang)
            if a != b:
                out.append(GuidelineChange("heading", rule("heading", "any"), ch.number or ch.kind, f"chapter-{lang}", a, b,
                                           tuple(diff_words(a, b)), ch.src.at("title", lang)))
        osec = {s.id: s for s in o.sections}
        for s in ch.sections:
            os_ = osec.get(s.id)
            if os_ is None:
                continue
            for lang in ("zh", "en"):
                a, b = getattr(os_.title, lang), getattr(s.title, lang)
                if a != b:
                    out.append(GuidelineChange("heading", rule("heading", "any"), s.id, f"section-{lang}", a, b,
                                               tuple(diff_words(a, b)), s.src.at("title", lang)))
    return out

