"""The points add up and the rating rules hold."""

from __future__ import annotations

from ..findings import Finding, make
from ..model.types import Guideline

CODES: tuple[str, ...] = ("NBS110", "NBS112")


def _points(g: Guideline) -> list[Finding]:
    out: list[Finding] = []
    sums: dict[str, int] = {d.id: 0 for d in g.rules.dimensions}
    if any(c.assessment.dimension not in sums for c in g.assessable):
        return out  # NBS111 names the unknown dimension; sums would only repeat it
    for c in g.assessable:
        if c.assessment.dimension in sums:
            sums[c.assessment.dimension] += c.assessment.points
    for d in g.rules.dimensions:
        if sums[d.id] != d.points:
            out.append(make("NBS110", d.src.at("points"), what=f"维度“{d.name.zh}”", what_en=f"dimension '{d.id}'",
                            declared=d.points, actual=sums[d.id]))
    declared_total = g.rules.total_points
    actual_total = sum(d.points for d in g.rules.dimensions)
    if declared_total is not None and declared_total != actual_total:
        out.append(make("NBS110", g.rules.src.at("total_points"), what="总分", what_en="total_points",
                        declared=declared_total, actual=actual_total))
    return out


def _rules(g: Guideline) -> list[Finding]:
    out = []
    r = g.rules
    src = r.src

    def bad(zh: str, en: str, *sub) -> None:
        out.append(make("NBS112", src.at(*sub), problem=zh, problem_en=en))

    ids = [b.id for b in r.bands]
    if len(set(ids)) != len(ids):
        bad("评级档次的 id 重复", "band ids repeat", "bands")
    if r.bands and min(b.min for b in r.bands) != 0:
        bad("最低档次的下限应为 0，否则有的得分没有档次", "the lowest band must start at 0, or some scores have no band", "bands")
    mins = [b.min for b in r.bands]
    if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
        bad("评级档次应从高到低排列且下限互不相同", "bands must run from highest to lowest with distinct lower bounds", "bands")
    q = r.qualification
    if r.band(q.min_dimension_band) is None:
        bad(f"认定规则引用的档次 {q.min_dimension_band} 不存在", f"the qualification rule names band {q.min_dimension_band}, which does not exist",
            "qualification", "min_dimension_band")
    f = {k: s.factor for k, s in r.statuses.items()}
    if None not in (f.get("met"), f.get("partial"), f.get("not_met")) and not (f["met"] >= f["partial"] >= f["not_met"]):
        bad("状态分值比例应满足 met ≥ partial ≥ not_met", "status factors must satisfy met >= partial >= not_met", "statuses")
    if f.get("met") != 1:
        bad("met 的分值比例应为 1", "met must earn the full points (factor 1)", "statuses", "met")
    dims = [d.id for d in r.dimensions]
    if len(set(dims)) != len(dims):
        bad("评估维度的 id 重复", "dimension ids repeat", "dimensions")
    return out


def check(g: Guideline, complete: bool = True) -> list[Finding]:
    """The findings of this concern; rules that compare across files run only on a complete guideline."""
    return (_points(g) if complete else []) + _rules(g)
