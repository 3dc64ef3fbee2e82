"""The rules for answers that a schema cannot say: unknown and missing answers, not_applicable,
status against target, required evidence kinds and evidence files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from ..findings import Finding, make, pointer
from ..model.indicators import format_value as _fmt
from ..model.indicators import derived_status, judged_value, target_reached, target_text
from ..model.clauses import Clause
from ..model.types import Guideline
from ..suggest import did_you_mean
from ..yaml.document import Document
from .evidence import _UNSEEN, evidence_problem
from .evidence_hints import backslash_finding, file_suggestion
from .typed import fraction_warnings
from .unfilled import blank_row

CODES: tuple[str, ...] = (
    "NBS201", "NBS202", "NBS205", "NBS206", "NBS208", "NBS210", "NBS211", "NBS212", "NBS223",
)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


_SUGGEST_AT_MOST = 50


def unknown_answers(doc: Document, g: Guideline) -> list[Finding]:
    answers = doc.data.get("answers")
    if not isinstance(answers, dict):
        return []
    out = []
    assessable = [c.id for c in g.assessable]
    known = set(assessable)
    suggested = 0
    for key in answers:
        if key in known:
            continue
        pos = doc.where(["answers", key], key=True)
        if g.clause(key) is not None:
            out.append(make("NBS202", pos, clause=key, path=pointer(["answers", key]), ref=key))
        else:
            # a typo gets its nearest id; past the first few dozen unknown keys the file is not
            # mistyped but something else, and suggestions would cost quadratic time
            suggested += 1
            hint = did_you_mean(key, assessable) if suggested <= _SUGGEST_AT_MOST else {}
            out.append(make("NBS201", pos, path=pointer(["answers", key]), ref=key, **hint))
    return out


def answer_findings(doc: Document, g: Guideline, c: Clause, ans: Mapping[str, Any], base: Path | str,
            seen: dict[Any, Any] | None = None) -> list[Finding]:
    """The findings for one answer. Runs for every answer of every file, so the common case (no
    finding) does no more than look: findings are built only when there is one."""
    a = c.assessment
    assert a is not None
    ind = a.indicator
    out: list[Finding] = []
    if seen is None:
        seen = {}

    def add(code: str, sub: tuple = (), **args: Any) -> None:
        p = ["answers", c.id, *sub]
        out.append(make(code, doc.where(p), clause=c.id, path=pointer(p), **args))

    given: set[Any] = set()  # evidence kinds given
    odd: list[int] = []  # rows whose kind the clause does not ask for
    again: list[int] = []  # rows whose kind an earlier row already gave
    evidence = ans.get("evidence")
    if evidence and type(evidence) is list:
        folder = str(base)
        for i, e in enumerate(evidence):
            if type(e) is not dict or blank_row(e):  # a template row left blank is not evidence
                continue
            if e.get("kind") not in a.evidence:
                odd.append(i)
            elif e.get("kind") in given:
                again.append(i)
            given.add(e.get("kind"))
            path = e.get("path")
            if type(path) is not str:
                continue
            if not path.isprintable():  # a double-quoted escape may have eaten a letter
                p = ["answers", c.id, "evidence", i, "path"]
                pos = doc.where(p)
                bad = backslash_finding(pos, c.id, pointer(p), path, _line(doc, pos.line))
                if bad:
                    out.append(bad)
                    continue
            sha = e.get("sha256")
            key = (path, sha if type(sha) is str else None)
            problem = seen.get(key, _UNSEEN)
            if problem is _UNSEEN:
                problem = seen[key] = evidence_problem(folder, path, key[1], seen)
            if problem:
                code, args, sub = problem
                if code == "NBS213":
                    near = file_suggestion(folder, path)
                    if near:
                        args = {**args, "suggest": f"，是否指 {near}？", "suggest_en": f"; did you mean {near}?",
                                "suggestion": near}
                add(code, ("evidence", i, sub), **args)

    status = ans.get("status")
    value = ans.get("value")
    if status == "not_applicable":
        if not a.not_applicable:
            add("NBS205", ("status",), ref=c.id)
        elif not str(ans.get("justification") or "").strip():
            add("NBS206", ("status",))
        return out
    if status is None and ind.grading is not None:
        # the status follows the value: what it derives asks for the same evidence a stated one would
        graded = derived_status(ind, judged_value(ind, ans), {k: st.factor for k, st in g.rules.statuses.items()})
        status = graded[0] if graded is not None else None
    elif status in ("met", "partial") and value is None:
        add("NBS211", ("status",), status=status, status_zh=g.rules.statuses[status].name.zh)
    unit = ans.get("unit")
    if unit is not None and unit != ind.unit:
        from .schema_rules import unit_args

        add("NBS208", ("unit",), **unit_args(g, ind.unit, unit))
    out += fraction_warnings(doc, c, ans)
    # a graded clause's stated status is judged against its grading (NBS225), not its target
    reached = None if ind.grading is not None else target_reached(ind, judged_value(ind, ans))
    if status == "met" and reached is False:
        add("NBS210", ("value",), status=status, status_zh=g.rules.statuses[status].name.zh, value=_fmt(value),
            relation="未达到", relation_en="does not reach", target=target_text(ind))
    elif status == "not_met" and reached is True:
        add("NBS223", ("value",), value=_fmt(value), target=target_text(ind))
    if status in ("met", "partial"):
        missing = [k for k in a.evidence if k not in given]
        if missing:
            names = [g.evidence_kind(k) for k in missing]
            # one row of another kind is most likely the missing one labelled wrong: told at its kind
            wrong = _mislabelled(evidence, odd, again, missing)
            where = ("evidence", wrong, "kind") if wrong is not None else \
                ("evidence",) if "evidence" in ans else ("status",)
            add("NBS212", where,
                kinds="、".join(n.name.zh if n else k for n, k in zip(names, missing)),
                kinds_en=", ".join(n.name.en if n else k for n, k in zip(names, missing)))
    return out


def _mislabelled(evidence: Any, odd: list[int], again: list[int], missing: list[str]) -> int | None:
    """The row that most likely holds a missing kind under another name: the only row of a kind the
    clause does not ask for, or, of rows repeating a kind, the one whose file name names a missing
    kind (``plan`` in ``evidence/nbs-plan.pdf``). None when that cannot be told."""
    if len(odd) == 1:
        return odd[0] if "kind" in evidence[odd[0]] else None
    if odd or not again:
        return None
    kind_of = {i: evidence[i].get("kind") for i in again}
    rows = [i for i, e in enumerate(evidence) if type(e) is dict and e.get("kind") in kind_of.values()]
    named = [i for i in rows if any(w in str(evidence[i].get("path") or "").lower()
                                    for k in missing for w in k.split("-") if len(w) > 2)]
    return named[0] if len(named) == 1 else None


def _line(doc: Document, n: int) -> str:
    """The text of line ``n`` (1-based) of the document, or ""."""
    if n < 1:
        return ""
    start = 0
    for _ in range(n - 1):
        start = doc.text.find("\n", start) + 1
        if start == 0:
            return ""
    end = doc.text.find("\n", start)
    return doc.text[start:] if end < 0 else doc.text[start:end]
