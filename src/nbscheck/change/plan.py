"""What ``nbscheck migrate`` does to each clause, from the diff of the two versions.

:func:`make_plan` reads the diff once per pair of versions (:class:`Plan`); :func:`affects` decides
whether a breaking change really touches one answer, so only those answers get a "please check"
note; :class:`Work` is the plan applied to one file's answers, which the two editors carry out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from ..model.indicators import target_reached
from ..model.addresses import schema_id
from ..model.clauses import Clause
from ..model.types import Guideline
from .diff import diff_guidelines
from .types import BREAKING, FLAG, ClauseChange


@dataclass
class Plan:
    """What happens to each clause between two versions, whatever the file."""

    source: Guideline
    target: Guideline
    carried: dict[str, str]                # old assessed id -> new assessed id
    dropped: dict[str, str]                # old assessed id -> "removed" | "not-assessed"
    new_clauses: list[str]                 # assessed in the target, new to submissions
    now_shall: list[str]                   # assessed shall clauses that were not shall before
    flags: dict[str, list[ClauseChange]]   # new id -> breaking changes to check in its answer

    @property
    def renames(self) -> dict[str, str]:
        return {o: n for o, n in self.carried.items() if o != n}

    def schema_ids(self) -> tuple[str, str]:
        """The editor schema URLs of the two versions (``init`` writes one in the header)."""
        return schema_id(self.source), schema_id(self.target)


def make_plan(source: Guideline, target: Guideline, chain: Sequence[Guideline] = ()) -> Plan:
    """The plan from ``source`` to ``target``, composed through the releases in ``chain``."""
    d = diff_guidelines(source, target, chain)
    mapping = d.mapping()
    carried: dict[str, str] = {}
    dropped: dict[str, str] = {}
    for c in source.assessable:
        n_id = mapping.get(c.id)
        n = target.clause(n_id) if n_id else None
        if n is None:
            dropped[c.id] = "removed"
        elif not n.assessable:
            dropped[c.id] = "not-assessed"
        else:
            carried[c.id] = n.id
    origin = {n: o for o, n in mapping.items()}
    new_clauses, now_shall = [], []
    for n in target.assessable:
        o = source.clause(origin.get(n.id, "")) if n.id in origin else None
        if o is None or not o.assessable:
            new_clauses.append(n.id)
        elif n.level == "shall" and o.level != "shall":
            now_shall.append(n.id)
    flags: dict[str, list[ClauseChange]] = {}
    for ch in d.changes:
        if ch.cls == BREAKING and ch.migrate == FLAG and ch.new_id:
            flags.setdefault(ch.new_id, []).append(ch)
    return Plan(source, target, carried, dropped, new_clauses, now_shall, flags)


def affects(change: ClauseChange, clause: Clause, answer: Any) -> bool:
    """Whether a breaking change really touches this answer (so the file is not littered with flags)."""
    if not isinstance(answer, dict):
        return False
    status, value = answer.get("status"), answer.get("value")
    a = clause.assessment
    if a is None:
        return False
    ind = a.indicator
    if change.kind == "not_applicable":
        return status == "not_applicable"
    if change.kind == "evidence":
        if status not in ("met", "partial"):
            return False
        given = {e.get("kind") for e in answer.get("evidence") or () if isinstance(e, dict)}
        return any(k not in given for k in a.evidence)
    if change.kind == "target":
        return status == "met" and target_reached(ind, value) is False
    if change.kind == "indicator":
        if change.field == "unit":
            return value is not None or "unit" in answer
        if value is None:
            return False
        if change.field == "choices":
            return value not in [c.id for c in ind.choices]
        if change.field == "range":
            lo, hi = ind.bounds()
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return True
            return (lo is not None and value < lo) or (hi is not None and value > hi)
        if change.field == "integer":
            return not (isinstance(value, int) and not isinstance(value, bool))
        return True  # type
    return True



@dataclass
class Work:
    """The plan applied to one file: what to do with each of its answers."""

    renames: dict[str, str]            # answer key -> new key
    drop: dict[str, str]               # answer key -> reason
    add: list[str]                     # new ids to add, in target order
    flags: dict[str, list[str]]        # answer key -> lines of what to check
    stage: bool = False                # add an empty ``stage:`` slot (the target has stages, the file none)
    baselines: list[str] = field(default_factory=list)  # answer keys that get an empty ``baseline:`` slot


def needs_baseline(clause: Clause, answer: Any) -> bool:
    """Whether a carried answer needs the ``baseline:`` slot: the target clause judges its indicator
    against the township's baseline and the answer, not "not applicable", has no baseline yet."""
    a = clause.assessment
    return (a is not None and a.indicator.baseline is not None and isinstance(answer, dict)
            and "baseline" not in answer and answer.get("status") != "not_applicable")

