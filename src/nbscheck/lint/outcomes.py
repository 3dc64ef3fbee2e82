"""The fields of assessment model 2 hold together: gradings, baselines, core clauses, stages, and
the names the qualification rule uses (dimensions, bands, frameworks and their items)."""

from __future__ import annotations

from ..findings import Finding, make
from ..model.clauses import Clause, Grading, Indicator
from ..model.types import Guideline
from ..suggest import did_you_mean

CODES: tuple[str, ...] = ("NBS118", "NBS119", "NBS120", "NBS121", "NBS122")

_GRADABLE = ("number", "percentage", "choice")
_KIND = {"dimension": "评估维度", "band": "评级档次", "framework": "对照框架", "framework item": "框架条目"}


def _grading(c: Clause, ind: Indicator, grading: Grading) -> list[Finding]:
    out: list[Finding] = []
    src = ind.src

    def bad(zh: str, en: str, *sub: str | int) -> None:
        key = sub == ("levels",)  # a problem of the whole list points at its key
        out.append(make("NBS118", src.at("grading", *sub, key=key), clause=c.id, problem=zh, problem_en=en))

    if ind.type not in _GRADABLE:
        return [make("NBS119", src.at("grading", key=True), clause=c.id, type=ind.type, what="分档", what_en="be graded")]
    choices = {ch.id for ch in ind.choices}
    keys = set()
    for i, lv in enumerate(grading.levels):
        keys |= {k for k, v in (("at_least", lv.at_least), ("at_most", lv.at_most), ("one_of", lv.one_of)) if v}
        unknown = [x for x in lv.one_of if x not in choices]
        if unknown:
            bad(f"选项 {', '.join(unknown)} 不是该指标的选项", f"{', '.join(unknown)} is not a choice of the indicator",
                "levels", i)
    if ind.type == "choice" and keys - {"one_of"} or ind.type != "choice" and "one_of" in keys or len(keys) > 1:
        bad("各档应只用一种比较：数值用 at_least 或 at_most，选项用 one_of",
            "levels must use one kind of comparison: at_least or at_most for numbers, one_of for choices", "levels")
        return out
    if not keys:
        bad("各档须有阈值（at_least、at_most 或 one_of）", "every level needs a threshold (at_least, at_most or one_of)",
            "levels")
        return out
    key = keys.pop()
    if key != "one_of":
        values = [getattr(lv, key) for lv in grading.levels]
        best_first = sorted(values, reverse=(key == "at_least"))
        if values != best_first or len(set(values)) != len(values):
            bad("各档阈值应从高档到低档排列且互不相同", "the levels' thresholds must run from the best level down, each different",
                "levels")
        lo, hi = ind.bounds()
        if ind.baseline is None:  # a change against the baseline may be negative: no range to hold it to
            for i, v in enumerate(values):
                if (lo is not None and v < lo) or (hi is not None and v > hi):
                    bad(f"阈值 {v} 超出指标的取值范围", f"the threshold {v} is outside the indicator's range",
                        "levels", i, key)
    factors = [lv.factor for lv in grading.levels if lv.factor is not None]
    if factors != sorted(factors, reverse=True):
        bad("各档的分值比例应从高档到低档递减", "the levels' factors must fall from the best level down", "levels")
    return out


def _indicators(g: Guideline) -> list[Finding]:
    out: list[Finding] = []
    stages = {s.id for s in g.rules.stages}
    for c in g.assessable:
        a = c.assessment
        assert a is not None
        ind = a.indicator
        if ind.grading is not None:
            out += _grading(c, ind, ind.grading)
        if ind.baseline is not None and ind.type not in ("number", "percentage"):
            out.append(make("NBS119", ind.src.at("baseline"), clause=c.id, type=ind.type,
                            what="按相对本底的变化评估", what_en="be judged by its change against a baseline"))
        for i, st in enumerate(a.stages):
            if st not in stages:
                out.append(make("NBS122", a.src.at("stages", i), clause=c.id, ref=st, **did_you_mean(st, stages)))
    return out


def _qualification(g: Guideline) -> list[Finding]:
    out: list[Finding] = []
    q = g.rules.qualification
    src = g.rules.src.child("qualification")
    for i, cid in enumerate(q.core_clauses):
        c = g.clause(cid)
        if c is None:
            out.append(make("NBS120", src.at("core_clauses", i), ref=cid, problem="不存在", problem_en="does not exist"))
        elif c.assessment is None:
            out.append(make("NBS120", src.at("core_clauses", i), ref=cid, problem="不可评估",
                            problem_en="is not assessable"))

    def unknown(kind: str, ref: str, candidates: set[str], *sub: str, key: bool = False) -> None:
        out.append(make("NBS121", src.at(*sub, key=key), kind=kind, kind_zh=_KIND[kind], ref=ref,
                        **did_you_mean(ref, candidates)))

    dims = {d.id for d in g.rules.dimensions}
    bands = {b.id for b in g.rules.bands}
    for d in q.max_na:
        if d not in dims:
            unknown("dimension", d, dims, "max_not_applicable", "dimensions", d, key=True)
    for d, b in q.min_dimension_bands.items():
        if d not in dims:
            unknown("dimension", d, dims, "min_dimension_bands", d, key=True)
        if b not in bands:
            unknown("band", b, bands, "min_dimension_bands", d)
    fws = {f.id: {i.id for i in f.items} for f in g.frameworks}
    for fw, (default, items) in q.min_item_bands.items():
        if fw not in fws:
            unknown("framework", fw, set(fws), "min_item_bands", fw, key=True)
            continue
        if default is not None and default not in bands:
            unknown("band", default, bands, "min_item_bands", fw, "default")
        for item, b in items.items():
            if item not in fws[fw]:
                unknown("framework item", item, fws[fw], "min_item_bands", fw, "items", item, key=True)
            if b not in bands:
                unknown("band", b, bands, "min_item_bands", fw, "items", item)
    return out


def check(g: Guideline, complete: bool = True) -> list[Finding]:
    """The findings of this concern; core clauses are looked up only in a complete guideline."""
    out = _indicators(g)
    if complete:
        out += _qualification(g)
    return out
