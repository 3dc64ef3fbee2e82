"""What assessing a clause needs: shall clauses assessable, declared names used, indicators that hold together."""

from __future__ import annotations

from typing import Iterator

from ..findings import Finding, Position, make
from ..model.clauses import Indicator
from ..model.types import Guideline
from ..suggest import did_you_mean

CODES: tuple[str, ...] = ("NBS109", "NBS111", "NBS113")


def _assessability(g: Guideline) -> list[Finding]:
    return [make("NBS109", c.src.at("level"), clause=c.id, id=c.id)
            for c in g.clauses if c.level == "shall" and c.assessment is None and c.not_assessable is None]


_KIND = {"dimension": "评估维度", "evidence kind": "证据类型", "unit": "计量单位", "framework": "对照框架",
         "framework item": "框架条目"}


def _unknown(kind: str, ref: str, pos: Position, candidates, clause: str | None) -> Finding:
    return make("NBS111", pos, clause=clause, kind=kind, kind_zh=_KIND[kind], ref=ref, **did_you_mean(ref, candidates))


def _declared_refs(g: Guideline) -> list[Finding]:
    out = []
    dims = {d.id for d in g.rules.dimensions}
    kinds = {k.id for k in g.evidence_kinds}
    fws = {f.id: {i.id for i in f.items} for f in g.frameworks}
    for c in g.clauses:
        a = c.assessment
        if a:
            if a.dimension not in dims:
                out.append(_unknown("dimension", a.dimension, a.src.at("dimension"), dims, c.id))
            for i, k in enumerate(a.evidence):
                if k not in kinds:
                    out.append(_unknown("evidence kind", k, a.src.at("evidence", i), kinds, c.id))
            u = a.indicator.unit
            if u and u not in g.units:
                out.append(_unknown("unit", u, a.indicator.src.at("unit"), g.units, c.id))
        for fw, items in c.maps:
            if fw not in fws:
                out.append(_unknown("framework", fw, c.src.at("maps", fw, key=True), fws, c.id))
                continue
            for i, item in enumerate(items):
                if item not in fws[fw]:
                    out.append(_unknown("framework item", f"{fw}:{item}", c.src.at("maps", fw, i),
                                        [f"{fw}:{x}" for x in fws[fw]], c.id))
    return out


_TARGET_KEYS = {"boolean": {"equals"}, "number": {"at_least", "at_most"}, "percentage": {"at_least", "at_most"},
                "choice": {"one_of"}, "text": {"min_length"}}


def _indicator_problems(ind: Indicator) -> Iterator[tuple[str, str, tuple]]:
    t = ind.target
    set_keys = {k for k in ("at_least", "at_most", "equals", "min_length") if getattr(t, k) is not None}
    if t.one_of:
        set_keys.add("one_of")
    wrong = set_keys - _TARGET_KEYS[ind.type]
    if wrong:
        keys = ", ".join(sorted(wrong))
        yield (f"{ind.type} 类型的指标不能用目标 {keys}", f"a {ind.type} indicator cannot have target {keys}", ("target",))
    if ind.type == "number" and not ind.unit:
        yield ("数值型指标应注明单位 unit", "a number indicator needs a unit", ("type",))
    if ind.type != "number" and ind.unit:
        yield ("只有数值型指标才有单位", "only number indicators have a unit", ("unit",))
    if ind.type == "choice":
        ids = {c.id for c in ind.choices}
        if not ind.choices:
            yield ("选择型指标应列出 choices", "a choice indicator needs choices", ("type",))
        for i, x in enumerate(t.one_of):
            if x not in ids:
                yield (f"目标选项 {x} 不在 choices 中", f"target option {x} is not among the choices", ("target", "one_of", i))
    elif ind.choices:
        yield ("只有选择型指标才有 choices", "only choice indicators have choices", ("choices",))
    lo, hi = ind.bounds()
    if lo is not None and hi is not None and lo > hi:
        yield (f"下限 {lo} 大于上限 {hi}", f"min {lo} is above max {hi}", ("min",))
    for key in ("at_least", "at_most"):
        v = getattr(t, key)
        if ind.baseline is not None:  # the target is on the change against the baseline, which may be negative
            break
        if v is not None and ((lo is not None and v < lo) or (hi is not None and v > hi)):
            yield (f"目标 {key}: {v} 超出取值范围", f"target {key}: {v} is outside the allowed range", ("target", key))
    if t.at_least is not None and t.at_most is not None and t.at_least > t.at_most:
        yield ("目标 at_least 大于 at_most，无法达标", "target at_least exceeds at_most, so it can never be met", ("target",))
    if t.is_empty():
        yield ("指标没有达标条件 target", "the indicator has no target", ("type",))


def _indicators(g: Guideline) -> list[Finding]:
    out = []
    for c in g.clauses:
        if c.assessment:
            ind = c.assessment.indicator
            for zh, en, sub in _indicator_problems(ind):
                out.append(make("NBS113", ind.src.at(*sub), clause=c.id, problem=zh, problem_en=en))
    return out


def check(g: Guideline, complete: bool = True) -> list[Finding]:
    """The findings of this concern; rules that compare across files run only on a complete guideline."""
    return _assessability(g) + _declared_refs(g) + _indicators(g)
