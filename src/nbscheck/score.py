"""Scores and the qualification outcome, computed only from the rules in the guideline's data.

Nothing here knows a number: the status factors, the dimensions and their points, the rating bands
and the qualification rule all come from ``guideline.yaml``. An answer with an error (say "met"
without the required evidence) earns nothing until it is fixed: points are for what can be verified.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model.indicators import derived_status, judged_value
from .model.rules import Band
from .model.text import Text
from .model.types import Guideline

CODES: tuple[str, ...] = ("NBS250", "NBS251", "NBS252", "NBS253", "NBS254", "NBS255", "NBS256")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

MISSING = "missing"


@dataclass(slots=True)
class ClauseScore:
    """One clause's share of the score. Read-only by convention: not frozen, because a frozen
    dataclass takes five times as long to build, and a folder check builds a hundred per file."""

    clause: str
    level: str
    dimension: str
    status: str  # met / partial / not_met / not_applicable / missing
    points: int
    earned: float
    counted: bool  # False when not_applicable leaves it out of the total
    valid: bool  # False when the answer has errors, which earn nothing
    value: Any = None  # the answer's indicator value as written (None when absent), for reports and compare


@dataclass(frozen=True)
class DimensionScore:
    id: str
    name: Text
    available: float
    earned: float
    percent: float | None  # None when every clause of the dimension is not applicable
    band: Band | None


@dataclass(frozen=True)
class ItemScore:
    """The result for one framework item (an IUCN criterion), from the clauses mapped to it, like
    the percentage and traffic light per criterion of the IUCN self-assessment tool."""

    framework: str
    id: str
    name: Text
    available: float
    earned: float
    percent: float | None
    band: Band | None
    required: Band | None = None  # the lowest band the qualification accepts, if it sets one


@dataclass(frozen=True)
class Reason:
    """Why a township does not qualify; ``code`` is a message in :mod:`nbscheck.messages`."""

    code: str
    args: Mapping[str, Any]

    def message(self, lang: str) -> str:
        from .messages import render

        return render(self.code, lang, self.args)


@dataclass(frozen=True)
class Score:
    clauses: tuple[ClauseScore, ...]
    dimensions: tuple[DimensionScore, ...]
    available: float
    earned: float
    percent: float
    band: Band
    qualified: bool
    reasons: tuple[Reason, ...]
    items: tuple[ItemScore, ...] = ()
    stage: str | None = None

    def framework_items(self, framework: str) -> tuple[ItemScore, ...]:
        return tuple(i for i in self.items if i.framework == framework)

    @property
    def judged_items(self) -> tuple[ItemScore, ...]:
        """The items of the frameworks the qualification sets minimum bands for: the reports show
        these beside the dimensions (the IUCN criteria, like the IUCN tool's traffic lights)."""
        frameworks = {i.framework for i in self.items if i.required is not None}
        return tuple(i for i in self.items if i.framework in frameworks)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle the clause scores as plain tuples: results cross from worker processes by the
        thousand, and a tuple of strings and numbers pickles in C, an object each in Python."""
        rows = tuple((c.clause, c.level, c.dimension, c.status, c.points, c.earned, c.counted, c.valid, c.value)
                     for c in self.clauses)
        return _unpickle_score, (rows, self.dimensions, self.available, self.earned, self.percent,
                                 self.band, self.qualified, self.reasons, self.items, self.stage)


def _unpickle_score(rows: tuple[tuple[Any, ...], ...], *rest: Any) -> Score:
    return Score(tuple(ClauseScore(*r) for r in rows), *rest)


def _pct(earned: float, available: float) -> float:
    return round(100.0 * earned / available, 1) if available else 100.0


def score(g: Guideline, answers: Mapping[str, Any], invalid: set[str], error_count: int,
          stage: str | None = None) -> Score:
    """Score ``answers`` (the submission's ``answers`` mapping) against ``g``.

    ``invalid`` holds the clause ids whose answers have errors; ``error_count`` is the number of
    errors in the whole file (any error keeps a township from qualifying). ``stage`` leaves out the
    clauses the guideline does not assess at that stage. A graded clause earns the factor its value
    reaches, whatever status was stated (a disagreeing status is an error the checker reports).
    """
    rules = g.rules
    factors = {k: st.factor for k, st in rules.statuses.items()}
    missing = factors["not_met"]
    if not isinstance(answers, Mapping):
        answers = {}
    sums = {d.id: [0.0, 0.0, 0.0] for d in rules.dimensions}  # points available, earned, not applicable
    # the frameworks whose items get a result: those the qualification sets minimum bands for, or
    # else the guideline's first (its anchor, IUCN): a handful of items, not every GBF target
    judged = [fw for fw in g.frameworks if fw.id in rules.qualification.min_item_bands] or list(g.frameworks[:1])
    judged_ids = {fw.id for fw in judged}
    item_sums: dict[tuple[str, str], list[float]] = {}
    clause_scores = []
    for c in g.assessable:
        a = c.assessment
        assert a is not None
        if stage is not None and a.stages and stage not in a.stages:
            continue
        ans = answers.get(c.id)
        is_map = type(ans) is dict or isinstance(ans, Mapping)
        status = ans.get("status") if is_map else None
        value = ans.get("value") if is_map else None
        graded = derived_status(a.indicator, judged_value(a.indicator, ans), factors) \
            if (a.indicator.grading is not None and is_map and status != "not_applicable") else None
        if graded is not None:
            status, factor = graded
        elif type(status) is str and status in factors:
            factor = factors[status]
        else:
            status, factor = MISSING, missing
        valid = c.id not in invalid
        counted = factor is not None or not valid
        earned = a.points * (factor or 0) if (valid and factor is not None) else 0.0
        clause_scores.append(ClauseScore(c.id, c.level, a.dimension, status, a.points, earned, counted, valid, value))
        if a.dimension in sums:
            acc = sums[a.dimension]
            if counted:
                acc[0] += a.points
                acc[1] += earned
            else:
                acc[2] += a.points
        if counted:
            for fw, ids in c.maps:
                if fw not in judged_ids:
                    continue
                for i in ids:
                    acc = item_sums.setdefault((fw, i), [0.0, 0.0])
                    acc[0] += a.points
                    acc[1] += earned

    dims = []
    for d in rules.dimensions:
        available, earned, _ = sums[d.id]
        pct = _pct(earned, available) if available else None
        dims.append(DimensionScore(d.id, d.name, available, earned, pct,
                                   rules.band_for(pct) if pct is not None else None))
    items = []
    for fw in judged:
        for it in fw.items:
            available, earned = item_sums.get((fw.id, it.id), (0.0, 0.0))
            if available:
                pct = _pct(earned, available)
                want = rules.qualification.item_band(fw.id, it.id)
                items.append(ItemScore(fw.id, it.id, it.name, available, earned, pct, rules.band_for(pct),
                                       rules.band(want) if want else None))
    available = float(sum(d.available for d in dims))
    earned = float(sum(d.earned for d in dims))
    percent = _pct(earned, available)
    band = rules.band_for(percent)
    reasons = _reasons(g, clause_scores, dims, items, sums, percent, error_count)
    return Score(tuple(clause_scores), tuple(dims), available, earned, percent, band, not reasons, tuple(reasons),
                 tuple(items), stage)


def _band_args(band: Band, required: Band) -> dict[str, Any]:
    return {"band": band.name.zh, "band_en": band.name.en, "required": required.name.zh,
            "required_en": required.name.en}


def _reasons(g: Guideline, clause_scores: list[ClauseScore], dims: list[DimensionScore], items: list[ItemScore],
             sums: dict[str, list[float]], percent: float, error_count: int) -> list[Reason]:
    """Why the township does not qualify, rule by rule of the guideline's qualification."""
    rules = g.rules
    q = rules.qualification
    reasons: list[Reason] = []
    if error_count:
        reasons.append(Reason("NBS250", {"errors": error_count}))
    if percent + 1e-9 < q.min_overall_percent:
        reasons.append(Reason("NBS251", {"percent": percent, "min": q.min_overall_percent}))
    for d in dims:
        required = rules.band(q.dimension_band(d.id))
        if required is not None and d.band is not None and d.band.min < required.min:
            reasons.append(Reason("NBS252", {"name": d.name.zh, "name_en": d.name.en, "percent": d.percent,
                                             **_band_args(d.band, required)}))
    ok = ("met", "not_applicable")
    if q.all_shall_met:
        short = [s.clause for s in clause_scores if s.level == "shall" and (not s.valid or s.status not in ok)]
        if short:
            reasons.append(Reason("NBS253", {"clauses": ", ".join(short)}))
    if q.core_clauses:
        scored = {s.clause: s for s in clause_scores}
        short = [cid for cid in q.core_clauses
                 if cid in scored and (not scored[cid].valid or scored[cid].status not in ok)]
        if short:
            reasons.append(Reason("NBS254", {"clauses": ", ".join(short)}))
    for d in rules.dimensions:
        cap = q.na_cap(d.id)
        _, _, na = sums[d.id]
        total = sums[d.id][0] + na
        if cap is not None and total and 100.0 * na / total > cap + 1e-9:
            reasons.append(Reason("NBS255", {"name": d.name.zh, "name_en": d.name.en, "percent": _pct(na, total),
                                             "max": cap}))
    for it in items:
        required = it.required
        if required is not None and it.band is not None and it.band.min < required.min:
            fw = g.framework(it.framework)
            reasons.append(Reason("NBS256", {"name": it.name.zh, "name_en": it.name.en, "percent": it.percent,
                                             "framework": fw.name.zh if fw else it.framework,
                                             "framework_en": fw.name.en if fw else it.framework,
                                             **_band_args(it.band, required)}))
    return reasons
