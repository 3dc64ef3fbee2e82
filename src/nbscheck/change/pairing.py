"""Which clause of one guideline version is which clause of another: ``previous:`` followed.

A clause that was renumbered records its id in the previous release under ``previous:``; a clause
without ``previous`` keeps the id it had, if that id existed and no other clause claims it. So a
diff (and ``compare``) follows renumbering instead of seeing a removal and an addition. How
``previous`` is read depends on the two versions:

* new version higher than old: the new side's ``previous`` ids are ids of the old side;
* same version (two drafts of the working version, as in a pull request): both sides' ``previous``
  refer to the same earlier release, so clauses pair when they descend from the same clause there;
* several releases apart: the caller passes the releases in between as ``chain`` and the pairing is
  composed release by release (``previous`` always names the id in the release just before).

Contradictions (``previous`` naming a clause the old side lacks, NBS304, or two clauses claiming
the same one, NBS305) and a removed and an added clause with identical text (probably a forgotten
``previous``, NBS306) are returned as findings.
"""

from __future__ import annotations

from typing import Sequence

from ..findings import Finding, make
from ..model.types import Guideline
from .types import ClauseDiff

CODES: tuple[str, ...] = ("NBS304", "NBS305", "NBS306")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


def semver(v: str) -> tuple[int, ...]:
    """A version as numbers, so that 1.10.0 sorts after 1.9.0; anything else sorts first."""
    try:
        return tuple(int(x) for x in str(v).split("."))
    except ValueError:
        return (0,)


def _step(a: Guideline, b: Guideline, report: bool) -> tuple[dict[str, str], list[Finding]]:
    """Pair a release with the next version: ``previous`` in ``b`` names ids of ``a``."""
    problems: list[Finding] = []
    claimed: dict[str, str] = {}
    for n in b.clauses:
        if not n.previous:
            continue
        prev = str(n.previous)
        pos = n.src.at("previous")
        if a.clause(prev) is None:
            if report:
                problems.append(make("NBS304", pos, clause=n.id, id=n.id, previous=prev, version=a.version))
            continue
        if prev in claimed:
            if report:
                problems.append(make("NBS305", pos, clause=n.id, id=n.id, previous=prev, other=claimed[prev]))
            continue
        claimed[prev] = n.id
    taken = set(claimed.values())
    for n in b.clauses:
        if not n.previous and n.id not in claimed and n.id not in taken and a.clause(n.id) is not None:
            claimed[n.id] = n.id
            taken.add(n.id)
    return claimed, problems


def _lineage(g: Guideline) -> dict[str, tuple[str, str]]:
    """Each clause's key in the release both drafts start from: ``("base", id there)`` or ``("new", id)``."""
    claimed = {str(c.previous) for c in g.clauses if c.previous}
    out = {}
    for c in g.clauses:
        if c.previous:
            out[c.id] = ("base", str(c.previous))
        elif c.id in claimed:
            out[c.id] = ("new", c.id)
        else:
            out[c.id] = ("base", c.id)
    return out


def _same_base(a: Guideline, b: Guideline, report: bool) -> tuple[dict[str, str], list[Finding]]:
    """Pair two drafts of the same version through the release they both start from."""
    problems: list[Finding] = []
    by_key: dict[tuple[str, str], str] = {}
    for cid, key in _lineage(a).items():
        by_key.setdefault(key, cid)
    out: dict[str, str] = {}
    seen: dict[tuple[str, str], str] = {}
    lineage_b = _lineage(b)
    for n in b.clauses:
        key = lineage_b[n.id]
        if key in seen:
            if report and n.previous:
                problems.append(make("NBS305", n.src.at("previous"), clause=n.id, id=n.id,
                                     previous=key[1], other=seen[key]))
            continue
        seen[key] = n.id
        old = by_key.get(key)
        if old is not None:
            out[old] = n.id
    # clauses added since the release have no id there to name in previous:; pair them by their text
    lineage_a = _lineage(a)
    taken = set(out.values())
    spare = {}
    for o in a.clauses:
        if o.id not in out and lineage_a[o.id][0] == "new":
            spare.setdefault((o.level, o.text.zh.strip()), o.id)
    for n in b.clauses:
        if n.id not in taken and lineage_b[n.id][0] == "new":
            o_id = spare.pop((n.level, n.text.zh.strip()), None)
            if o_id is not None:
                out[o_id] = n.id
    return out, problems


def _link(a: Guideline, b: Guideline, report: bool) -> tuple[dict[str, str], list[Finding]]:
    va, vb = semver(a.version), semver(b.version)
    if va == vb:
        return _same_base(a, b, report)
    if va < vb:
        return _step(a, b, report)
    back, problems = _step(b, a, False)
    return {o: n for n, o in back.items()}, problems


def match(old: Guideline, new: Guideline, chain: Sequence[Guideline] = ()) -> tuple[dict[str, str], list[Finding]]:
    """Old clause id -> new clause id, composed through ``chain``; problems found on the new side."""
    steps = [old, *chain, new]
    mapping = {c.id: c.id for c in old.clauses}
    problems: list[Finding] = []
    for i, (a, b) in enumerate(zip(steps, steps[1:])):
        link, found = _link(a, b, report=(i == len(steps) - 2))
        problems += found
        mapping = {o: link[m] for o, m in mapping.items() if m in link}
    return mapping, problems


def unmarked_renumbering(clauses: Sequence[ClauseDiff]) -> list[Finding]:
    """A removed and an added clause with the same text: probably a renumbering without ``previous``."""
    removed = {cd.old.text.zh.strip(): cd.old for cd in clauses if cd.new is None and cd.old is not None}
    out = []
    for cd in clauses:
        if cd.old is None and cd.new is not None and not cd.new.previous:  # a wrong previous is NBS304
            o = removed.get(cd.new.text.zh.strip())
            if o is not None and o.text.zh.strip():
                out.append(make("NBS306", cd.new.src.pos, clause=cd.new.id, old=o.id, new=cd.new.id))
    return out

