"""Check one submission against the clauses of the guideline version it answers.

Order of work, cheapest first: read and parse (:mod:`nbscheck.load`), pick the guideline version,
validate against the generated submission schema (shape, types, ranges, known clause ids), then the
rules a schema cannot say (missing shall answers, not_applicable rules, status against target,
required evidence, evidence files on disk), then the score. Findings map schema errors to the same
stable codes the hand-written rules use, so a wrong type is NBS207 however it was found.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from ..findings import Finding, Severity, make, pointer
from ..model.guideline import GuidelineError, shipped
from ..score import score
from ..sheet.layout import MISTAKES, SUFFIXES as SHEETS
from ..yaml.document import Document
from ..yaml.errors import LoadError
from ..yaml.limits import DEFAULT_LIMITS, Limits
from ..yaml.load import load_file
from .answers import answer_findings, unknown_answers
from .outcomes import off_stage, outcome_findings, submission_stage
from .header import (
    known_versions,
    newer_release,
    period_findings,
    semver,
    township_findings,
)
from .result import CheckResult
from .aliases import canonical
from .evidence_hints import collapse_missing_folders
from .schema_rules import gate_for, schema_finding, validator_for
from .unfilled import blank_header, blank_row, blank_scalar, given_slots, header_summary, summary, unfilled_ids, without_blanks

CODES: tuple[str, ...] = ("NBS203", "NBS204", "NBS207", "NBS216", "NBS222", "NBS224")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


def check_file(path: str | Path, *, guideline_root: str | None = None, limits: Limits = DEFAULT_LIMITS,
               name: str | None = None) -> CheckResult:
    shown = name or str(path)
    result = CheckResult(file=shown)
    workbook = Path(path).suffix.lower() in SHEETS + MISTAKES
    try:
        if workbook:  # a spreadsheet: read as the same data, positions are sheet and cell
            from ..sheet.read import load_sheet

            doc: Any = load_sheet(path, limits, name=shown, guideline_root=guideline_root)
        else:
            doc = load_file(path, limits, name=shown, gbk=True)
    except LoadError as e:
        result.findings = e.findings
        return result
    result.parsed = True
    base = Path(path).resolve().parent
    result.findings = list(doc.warnings) + check_document(doc, base, guideline_root, result)
    if workbook:
        result.findings = doc.settle(result.findings)
    result.findings.sort(key=_order)
    if result.findings:
        result.text = doc.text if getattr(doc, "original", None) is None else doc.original  # as written
    return result


def check_document(doc: Document, base: Path, guideline_root: str | None, result: CheckResult) -> list[Finding]:
    data = doc.data
    out: list[Finding] = []
    gref = data.get("guideline") if isinstance(data.get("guideline"), dict) else {}
    result.township = data.get("township") if isinstance(data.get("township"), dict) else {}
    result.period = data.get("period") if isinstance(data.get("period"), dict) else {}
    result.contact = data.get("contact") if isinstance(data.get("contact"), dict) else {}
    known = known_versions(guideline_root)
    version = gref.get("version")
    result.guideline_id = gref.get("id") if isinstance(gref.get("id"), str) else None
    if isinstance(version, (int, float)):
        version = str(version)
    if isinstance(version, str) and version in known:
        chosen = version
    elif isinstance(version, str) and version:
        out.append(make("NBS216", doc.where(["guideline", "version"]), path="/guideline/version",
                        version=version, known=", ".join(sorted(known, key=semver))))
        return out
    else:
        chosen = max(known, key=semver)  # validate the shape anyway; the schema reports the missing version
    result.guideline_version = chosen
    try:
        g = shipped(chosen, guideline_root)
    except GuidelineError as e:
        return out + e.findings
    if g.is_draft:
        out.append(make("NBS222", doc.where(["guideline", "version"]), path="/guideline/version", version=chosen))
    latest = newer_release(guideline_root, chosen)
    if latest:
        out.append(make("NBS224", doc.where(["guideline", "version"]), path="/guideline/version", latest=latest))

    raw_answers = data.get("answers") if isinstance(data.get("answers"), dict) else {}
    blanks = unfilled_ids(raw_answers, g)
    named: list[Finding] = []  # statuses and units written by name, read as their codes
    answers = without_blanks(raw_answers, blanks) if blanks else raw_answers
    for c in g.assessable:
        ans = answers.get(c.id)
        if type(ans) is dict:  # a slot left blank is not given (see unfilled.given_slots)
            trimmed = given_slots(ans)
            if trimmed is not ans:
                if answers is raw_answers:
                    answers = dict(raw_answers)
                answers[c.id] = ans = trimmed
        if type(ans) is dict and (type(ans.get("status")) is str or "unit" in ans):
            fixed, found = canonical(doc, g, c, ans)
            if fixed is not ans:
                if answers is raw_answers:
                    answers = dict(raw_answers)
                answers[c.id] = fixed
                named += found
    if answers is not raw_answers:
        data = dict(data, answers=answers)
    blank_stage = "stage" in data and blank_scalar(data["stage"])
    if blank_stage:
        data = {k: v for k, v in data.items() if k != "stage"}
    out += named

    bad_answers: set[str] = set()
    gate = gate_for(guideline_root, chosen)
    # Most files are valid: a compiled yes/no answers for them ten times faster than jsonschema,
    # which runs (and positions every error) only when the gate says no.
    if gate is None:
        errors = validator_for(guideline_root, chosen).iter_errors(data)
    elif gate(data):
        errors = ()
    else:  # jsonschema sees only the answers the gate refuses, with everything else in the file
        errors = validator_for(guideline_root, chosen).iter_errors(gate.failing(data))
    header_blanks: list[tuple[list[Any], Finding]] = []
    for err in errors:
        if _in_blank_row(answers, err.absolute_path):
            continue
        f = schema_finding(doc, g, err)
        if f is None:
            continue
        if blank_header(data, list(err.absolute_path)):
            header_blanks.append((list(err.absolute_path), f))
            continue
        out.append(f)
        p = list(err.absolute_path)
        if len(p) >= 2 and p[0] == "answers":
            bad_answers.add(str(p[1]))
    out += unknown_answers(doc, g)
    out += period_findings(doc, result.period)
    out += township_findings(doc, result.township)
    stage, found = (None, []) if blank_stage else submission_stage(doc, g)
    out += found
    invalid = set(bad_answers)
    seen: dict[Any, Any] = {}  # what this file's evidence paths have already asked
    folder = str(base)
    for c in g.assessable:
        ans = answers.get(c.id)
        if stage is not None and not c.assessment.at_stage(stage):
            if ans is not None:
                out.append(off_stage(doc, c, stage))
            continue
        if ans is None:
            if c.id in raw_answers:
                continue  # unfilled: summarised once below
            if "answers" in data or c.level == "shall":
                code = "NBS203" if c.level == "shall" else "NBS204"
                out.append(make(code, doc.where(["answers"], key=True), clause=c.id, path=pointer(["answers", c.id]), ref=c.id))
            continue
        if c.id in bad_answers or not isinstance(ans, dict):
            continue
        value = ans.get("value")
        if type(value) is float and not math.isfinite(value):  # .nan passes every range test; .inf is no measure
            out.append(make("NBS207", doc.where(["answers", c.id, "value"]), clause=c.id, path=pointer(["answers", c.id, "value"]),
                            expected="有限的数字", expected_en="a finite number", found=f"{value}（.nan 或 .inf）",
                            found_en=f"{value} (.nan or .inf)"))
            invalid.add(c.id)
            continue
        found = answer_findings(doc, g, c, ans, folder, seen) + outcome_findings(doc, g, c, ans, result.period.get("end"), folder, seen)
        if found:
            if any(f.severity is Severity.ERROR for f in found):
                invalid.add(c.id)
            out += found
    out = collapse_missing_folders(out, folder)
    out += header_summary(doc, header_blanks)
    out += summary(doc, g, raw_answers, blanks)
    errors = sum(f.severity is Severity.ERROR for f in out)
    result.score = score(g, answers, invalid, errors, stage)
    return out


LAST = frozenset({"NBS410", "NBS260"})
"""Summaries that come after every real mistake in a report."""


def _order(f: Finding) -> tuple:
    return (f.code in LAST, *f.sort_key())


def _in_blank_row(answers: dict[str, Any], path: Any) -> bool:
    """Whether a schema error is about an evidence row the template wrote and nobody filled in."""
    p = list(path)
    if len(p) >= 5 and p[0] == "answers" and p[2] == "baseline" and p[3] == "evidence":
        base = answers.get(str(p[1]))
        base = base.get("baseline") if isinstance(base, dict) else None
        p, ans = p[1:], base if isinstance(base, dict) else None  # the baseline's own evidence rows
    elif len(p) >= 4 and p[0] == "answers":
        ans = answers.get(str(p[1]))
    else:
        return False
    if p[2] != "evidence" or not isinstance(p[3], int):
        return False
    ev = ans.get("evidence") if isinstance(ans, dict) else None
    return isinstance(ev, list) and p[3] < len(ev) and blank_row(ev[p[3]])


