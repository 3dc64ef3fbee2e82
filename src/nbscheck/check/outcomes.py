"""The rules of assessment model 2 for a submission: its stage, a status that follows the value,
and outcome indicators judged against the township's baseline.

Kept apart from :mod:`.answers` so that a guideline written for the old model (no grading, no
baseline, no stages) costs nothing here: every function returns at once when the guideline declares
none of it.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from ..findings import Finding, make, pointer
from ..model.clauses import Clause
from ..model.indicators import derived_status, format_value, judged_value
from ..model.types import Guideline
from ..yaml.document import Document
from .evidence import _UNSEEN, evidence_problem
from .evidence_hints import file_suggestion
from .unfilled import blank_row

CODES: tuple[str, ...] = ("NBS225", "NBS226", "NBS227", "NBS228", "NBS229", "NBS270")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


def submission_stage(doc: Document, g: Guideline) -> tuple[str | None, list[Finding]]:
    """The stage the submission says it is, and NBS228 when it names one the guideline does not
    declare. A submission that names no stage is assessed on every clause, as before stages
    existed: submissions written for the 2.0.0 draft before it had stages stay valid."""
    if not g.rules.stages or "stage" not in doc.data:
        return None, []
    stage = doc.data.get("stage")
    if isinstance(stage, str) and g.rules.stage(stage) is not None:
        return stage, []
    known = ", ".join(s.id for s in g.rules.stages)
    return None, [make("NBS228", doc.where(["stage"]), path="/stage", ref=stage if isinstance(stage, str) else "",
                       known=known)]


def off_stage(doc: Document, c: Clause, stage: str) -> Finding:
    """NBS229: an answer to a clause the submission's stage does not assess."""
    return make("NBS229", doc.where(["answers", c.id], key=True), clause=c.id, path=pointer(["answers", c.id]),
                stage=stage)


def outcome_findings(doc: Document, g: Guideline, c: Clause, ans: Mapping[str, Any], period_end: Any,
                     folder: str = "", seen: dict[Any, Any] | None = None) -> list[Finding]:
    """NBS226/NBS227 for a baseline indicator's baseline (and its evidence files, judged like an
    answer's: NBS213-NBS215, NBS091-NBS093), NBS225 for a stated status that the
    graded value contradicts (the derived status is in the message), NBS270 for a graded answer
    that gives neither a status nor the value its status would follow from."""
    a = c.assessment
    assert a is not None
    ind = a.indicator
    if ind.grading is None and ind.baseline is None:
        return []
    out: list[Finding] = []
    status = ans.get("status")

    def add(code: str, sub: tuple, **args: Any) -> None:
        p = ["answers", c.id, *sub]
        out.append(make(code, doc.where(p), clause=c.id, path=pointer(p), **args))

    base = ans.get("baseline") if ind.baseline is not None else None
    if isinstance(base, dict) and type(base.get("evidence")) is list:
        # the baseline's evidence is held to the same rules as the answer's: on disk, inside the folder
        seen = {} if seen is None else seen
        for i, e in enumerate(base["evidence"]):
            if type(e) is not dict or blank_row(e) or type(e.get("path")) is not str:
                continue
            sha = e.get("sha256")
            key = (e["path"], sha if type(sha) is str else None)
            problem = seen.get(key, _UNSEEN)
            if problem is _UNSEEN:
                problem = seen[key] = evidence_problem(folder, e["path"], key[1], seen)
            if problem:
                code, args, sub = problem
                near = file_suggestion(folder, e["path"]) if code == "NBS213" else None  # not there: a near name?
                if near:
                    args = {**args, "suggest": f"，是否指 {near}？", "suggest_en": f"; did you mean {near}?", "suggestion": near}
                add(code, ("baseline", "evidence", i, sub), **args)
    if status == "not_applicable":  # a baseline recorded at first recognition is welcome, not required
        return out
    if ind.baseline is not None:
        if not isinstance(base, dict) or base.get("value") is None or base.get("year") is None:
            add("NBS226", ("baseline",) if "baseline" in ans else ("value",) if "value" in ans else ())
        else:
            end = period_end if isinstance(period_end, str) and re.match(r"[0-9]{4}", period_end) else None
            year = base.get("year")
            if end and isinstance(year, int) and year > int(end[:4]):
                add("NBS227", ("baseline", "year"), year=year, end=end)
    if ind.grading is not None and status is None and ans.get("value") is None:
        # neither a status nor the value it would follow from: the answer cannot be judged
        add("NBS270", ("value",) if "value" in ans else ())
    if ind.grading is not None and isinstance(status, str):
        factors = {k: s.factor for k, s in g.rules.statuses.items()}
        value = judged_value(ind, ans)
        graded = derived_status(ind, value, factors)
        if graded is not None and graded[0] != status:
            names = g.rules.statuses
            add("NBS225", ("status",), status=status, status_zh=names[status].name.zh if status in names else status,
                value=format_value(value), derived=graded[0], derived_zh=names[graded[0]].name.zh)
    return out
