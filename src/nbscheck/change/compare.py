"""Two submissions of one township, clause by clause: what changed in status, value, evidence, note,
score and findings.

``compare(old, new, chain)`` takes two checked submissions (:class:`Answered`: the answers as data,
the score and the findings of the check, and the guideline version each answers) and returns a
:class:`Comparison`. Answers are paired across guideline versions with the same ``previous:``
chain the diff follows (:func:`.pairing.match`, composed through the releases in ``chain``), so an
answer to 7.7.4 in 1.0.0 is compared with the answer to 7.7.5 in 1.1.0.

The module is pure: it reads nothing and imports no checker; the command builds the two
:class:`Answered` from the check results. Findings are matched by code, clause and JSON pointer
(the clause id followed through renumbering), not by line, since lines move between two files.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from ..findings import Finding, Position, Severity, make
from ..model.rules import Band
from ..model.text import Text
from ..model.types import Guideline
from ..score import Score
from .pairing import match

CODES: tuple[str, ...] = ("NBS330", "NBS331")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

MISSING = "missing"      # the clause is in the version but has no answer
ABSENT = "absent"        # the clause is not in (or not assessed by) the version the file answers


@dataclass(frozen=True)
class Answered:
    """One checked submission, as much of it as a comparison needs."""

    file: str
    guideline: Guideline
    answers: Mapping[str, Any]
    township: Mapping[str, Any]
    score: Score
    findings: tuple[Finding, ...]
    code_at: Position            # where township.code is written (for NBS330)


@dataclass(frozen=True)
class Side:
    """What the reports say about one of the two files."""

    file: str
    township: Mapping[str, Any]   # as written: name {zh, en}, code, county, province
    code: str
    guideline_id: str
    version: str
    earned: float
    available: float
    percent: float
    band: Band
    qualified: bool
    errors: int
    warnings: int


Evidence = tuple[str, str]
"""One evidence item as compared: (path, kind). A checksum or description alone is not a change."""


@dataclass(frozen=True)
class ClauseDelta:
    """One clause whose status, value, evidence or note differs (``old_id`` or ``new_id`` None when a
    version lacks it). Evidence and notes are compared only when both files answer the clause (an
    answer that is missing or not in a version shows as a status change only)."""

    old_id: str | None
    new_id: str | None
    old_status: str             # a status id, MISSING or ABSENT
    new_status: str
    old_value: Any
    new_value: Any
    old_evidence: tuple[Evidence, ...] = ()
    new_evidence: tuple[Evidence, ...] = ()
    old_note: str | None = None
    new_note: str | None = None

    @property
    def evidence_added(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.new_evidence if e not in self.old_evidence)

    @property
    def evidence_removed(self) -> tuple[Evidence, ...]:
        return tuple(e for e in self.old_evidence if e not in self.new_evidence)

    @property
    def evidence_changed(self) -> bool:
        return bool(self.evidence_added or self.evidence_removed)

    @property
    def note_changed(self) -> bool:
        return self.old_note != self.new_note

    @property
    def id(self) -> str:
        return self.new_id or self.old_id or ""

    @property
    def status_changed(self) -> bool:
        return self.old_status != self.new_status

    @property
    def value_changed(self) -> bool:
        return self.old_value != self.new_value

    @property
    def renumbered(self) -> bool:
        return self.old_id is not None and self.new_id is not None and self.old_id != self.new_id


@dataclass(frozen=True)
class DimensionDelta:
    """A dimension whose earned points, percentage or band differ (None where a version lacks it)."""

    id: str
    name: Text
    old_percent: float | None
    new_percent: float | None
    old_band: Band | None
    new_band: Band | None
    old_earned: float | None
    new_earned: float | None


@dataclass(frozen=True)
class Comparison:
    old: Side
    new: Side
    statuses: Mapping[str, Text]            # status id -> its name in the new version
    clauses: tuple[ClauseDelta, ...]        # in the new version's reading order, then clauses only the old has
    dimensions: tuple[DimensionDelta, ...]
    new_findings: tuple[Finding, ...]       # in the new file, not in the old
    resolved: tuple[Finding, ...]           # in the old file, not in the new
    problems: tuple[Finding, ...]           # about the comparison itself (NBS330, pairing problems)

    @property
    def percent_change(self) -> float:
        return round(self.new.percent - self.old.percent, 1)

    @property
    def earned_change(self) -> float:
        return self.new.earned - self.old.earned


def _side(a: Answered) -> Side:
    s = a.score
    return Side(a.file, dict(a.township), str(a.township.get("code") or ""), a.guideline.id, a.guideline.version, s.earned, s.available,
                s.percent, s.band, s.qualified,
                sum(f.severity is Severity.ERROR for f in a.findings),
                sum(f.severity is Severity.WARNING for f in a.findings))


@dataclass(frozen=True)
class _Answer:
    status: str
    value: Any = None
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None


def _answer(a: Answered, cid: str | None, derived: Mapping[str, str]) -> _Answer:
    """One side of a clause; a graded answer that leaves its status to the value gets the status
    the check derived (``derived``: the score's clause statuses)."""
    if cid is None:
        return _Answer(ABSENT)
    c = a.guideline.clause(cid)
    if c is None or not c.assessable:
        return _Answer(ABSENT)
    ans = a.answers.get(cid)
    if not isinstance(ans, dict):
        return _Answer(MISSING)
    status = ans.get("status")
    if status is None:
        status = derived.get(cid, MISSING)
    note = ans.get("note")
    note = note.strip() if isinstance(note, str) and note.strip() else None
    return _Answer(str(status), ans.get("value"), _evidence(ans.get("evidence")), note)


def _evidence(rows: Any) -> tuple[Evidence, ...]:
    """The evidence items an answer cites, in order, each once; the template's blank rows left out."""
    out: list[Evidence] = []
    for e in rows if isinstance(rows, list) else ():
        if isinstance(e, dict) and isinstance(e.get("path"), str) and e["path"].strip():
            item = (e["path"].strip(), str(e.get("kind") or ""))
            if item not in out:
                out.append(item)
    return tuple(out)


def _clauses(old: Answered, new: Answered, mapping: Mapping[str, str]) -> list[ClauseDelta]:
    back = {n: o for o, n in mapping.items()}
    o_derived = {c.clause: c.status for c in old.score.clauses}
    n_derived = {c.clause: c.status for c in new.score.clauses}
    out = []
    for c in new.guideline.assessable:
        o_id = back.get(c.id)
        a, b = _answer(old, o_id, o_derived), _answer(new, c.id, n_derived)
        if a.status == ABSENT and b.status == MISSING:
            continue
        both = not {a.status, b.status} & {ABSENT, MISSING}  # a gone answer's status says it all
        d = ClauseDelta(o_id if a.status != ABSENT else None, c.id, a.status, b.status, a.value, b.value,
                        *((a.evidence, b.evidence, a.note, b.note) if both else ()))
        if d.status_changed or d.value_changed or d.evidence_changed or d.note_changed:
            out.append(d)
    for c in old.guideline.assessable:
        n_id = mapping.get(c.id)
        n = new.guideline.clause(n_id) if n_id else None
        if n is None or not n.assessable:
            a = _answer(old, c.id, o_derived)
            if a.status != MISSING:
                out.append(ClauseDelta(c.id, None, a.status, ABSENT, a.value, None))
    return out


def _dimensions(old: Score, new: Score) -> list[DimensionDelta]:
    od = {d.id: d for d in old.dimensions}
    nd = {d.id: d for d in new.dimensions}
    out = []
    for k in list(nd) + [k for k in od if k not in nd]:
        a, b = od.get(k), nd.get(k)
        row = DimensionDelta(k, (b or a).name if (b or a) else Text(),  # type: ignore[union-attr]
                             a.percent if a else None, b.percent if b else None, a.band if a else None,
                             b.band if b else None, a.earned if a else None, b.earned if b else None)
        if (row.old_percent, row.old_earned, getattr(row.old_band, "id", None)) != \
                (row.new_percent, row.new_earned, getattr(row.new_band, "id", None)):
            out.append(row)
    return out


def _key(f: Finding, mapping: Mapping[str, str]) -> tuple[str, str | None, str]:
    """A finding's identity across the two files: code, clause and pointer, old ids renumbered."""
    clause = mapping.get(f.clause, f.clause) if f.clause else f.clause
    path = f.path
    parts = path.split("/")
    if len(parts) > 2 and parts[1] == "answers" and parts[2] in mapping:
        parts[2] = mapping[parts[2]]
        path = "/".join(parts)
    return f.code, clause, path


def _unmatched(these: Sequence[Finding], those: Sequence[Finding], mine: Mapping[str, str],
               theirs: Mapping[str, str]) -> list[Finding]:
    """The findings of ``these`` that ``those`` has no match for (each match used once)."""
    left = Counter(_key(f, theirs) for f in those)
    out = []
    for f in these:
        k = _key(f, mine)
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(f)
    return out


def compare(old: Answered, new: Answered, chain: Sequence[Guideline] = ()) -> Comparison:
    """What changed from ``old`` to ``new``; ``chain`` lists the releases between their versions, in order.

    Raises :class:`CompareError` (NBS331) when the two answer different guidelines, since no clause
    of one can then be paired with a clause of the other.
    """
    if old.guideline.id != new.guideline.id:
        raise CompareError([make("NBS331", Position(new.file), old=old.guideline.id,
                                 new=new.guideline.id)])
    mapping, problems = match(old.guideline, new.guideline, chain)
    a, b = _side(old), _side(new)
    if a.code != b.code:
        problems.insert(0, make("NBS330", new.code_at, path="/township/code", old=a.code or "-", new=b.code or "-",
                                old_file=old.file))
    statuses = {k: s.name for k, s in new.guideline.rules.statuses.items()}
    for k, s in old.guideline.rules.statuses.items():
        statuses.setdefault(k, s.name)
    same = {k: k for k in mapping.values()}
    added = _unmatched(new.findings, old.findings, same, mapping)
    resolved = _unmatched(old.findings, new.findings, mapping, same)
    return Comparison(a, b, statuses, tuple(_clauses(old, new, mapping)), tuple(_dimensions(old.score, new.score)),
                      tuple(added), tuple(resolved), tuple(problems))


class CompareError(Exception):
    """The two files cannot be compared; carries the bilingual findings that say why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.message("en") for f in findings))
        self.findings = findings
