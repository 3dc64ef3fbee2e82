"""Issue 13's measure on the working draft: a township that answers only what qualification requires
must score well below one that does everything, and land in a lower band.

The examples answer the released 1.0.0, so the qualifying example is carried to the draft with
``nbscheck migrate``; answers the migration leaves blank (clauses new in the draft) are filled with an
answer that reaches the clause's target, which makes the "full example". The "minimal qualifier" is
then built from it: clause by clause, every answer that can be turned to not_met while the township
still qualifies is turned. Both files are checked for real (no errors, qualifies) before they are compared.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from conftest import ROOT
from nbscheck.check.checker import check_file
from nbscheck.findings import Severity
from nbscheck.model.clauses import Indicator
from nbscheck.model.guideline import shipped
from nbscheck.score import score

EXAMPLE = ROOT / "examples" / "qualifying"
EVIDENCE = "evidence/baseline-survey-report-2025.md"


def reaching_value(ind: Indicator) -> Any:
    """A value that earns a clause its full points: the best grading level, else the target."""
    if ind.grading is not None:
        top = ind.grading.levels[0]
        if top.one_of:
            return top.one_of[0]
        return top.at_least if top.at_least is not None else top.at_most
    t = ind.target
    if ind.type == "boolean":
        return True if t.equals is None else t.equals
    if ind.type in ("number", "percentage"):
        if t.at_least is not None:
            return t.at_least
        if t.at_most is not None:
            return t.at_most
        lo, hi = ind.bounds()
        return lo if lo is not None else 1
    if ind.type == "choice":
        return t.one_of[0] if t.one_of else ind.choices[0].id
    return "按要求完成并存档。" * max(1, (t.min_length or 1) // 8 + 1)


def full_answer(g, cid: str) -> dict[str, Any]:
    a = g.clause(cid).assessment
    ind = a.indicator
    ans: dict[str, Any] = {"status": "met", "value": reaching_value(ind),
                           "evidence": [{"path": EVIDENCE, "kind": k} for k in a.evidence]}
    if ind.unit:
        ans["unit"] = ind.unit
    if ind.baseline is not None:
        change = ans["value"]
        ans["baseline"] = {"value": 100, "year": 2021, "evidence": [{"path": EVIDENCE, "kind": "survey-report"}]}
        ans["value"] = 100 + change
    return ans


def _errors_by_clause(path: Path) -> tuple[Any, set[str]]:
    r = check_file(path)
    return r, {f.clause for f in r.findings if f.severity is Severity.ERROR and f.clause}


def test_minimal_qualifier_scores_25_points_below_the_full_example_on_the_draft(tmp_path: Path, cli) -> None:
    shutil.copytree(EXAMPLE / "evidence", tmp_path / "evidence")
    version = shipped().version  # the working draft's
    g = shipped(version, None)
    assert g.is_draft and g.rules.qualification.core_clauses and g.rules.stages
    migrated = tmp_path / "migrated.yaml"
    code, _, err = cli("migrate", str(EXAMPLE / "submission.yaml"), "--to", version, "-o", str(migrated))
    assert code in (0, 1), err
    data = yaml.safe_load(migrated.read_text(encoding="utf-8"))
    entry = g.rules.stages[0].id
    data["stage"] = entry
    answers = data.setdefault("answers", {}) or {}
    data["answers"] = answers
    at_stage = [c for c in g.assessable if c.assessment.at_stage(entry)]
    for cid in list(answers):
        if g.clause(cid) is None or not g.clause(cid).assessment or not g.clause(cid).assessment.at_stage(entry):
            del answers[cid]
    full = tmp_path / "full.yaml"
    full.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, broken = _errors_by_clause(full)
    for c in at_stage:  # the clauses the migration could not answer get a full answer
        if c.id not in answers or c.id in broken or not isinstance(answers[c.id], dict) \
                or answers[c.id].get("status") not in ("met", "partial", "not_met", "not_applicable"):
            answers[c.id] = full_answer(g, c.id)
    full.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rf, broken = _errors_by_clause(full)
    assert rf.errors == 0, [f.code + " " + f.message("en") for f in rf.findings if f.severity is Severity.ERROR][:5]
    assert rf.qualified, [x.message("en") for x in rf.score.reasons]

    minimal = {k: dict(v) for k, v in answers.items()}
    turned = []
    for c in at_stage:
        before = minimal[c.id]
        if before.get("status") == "not_met":
            continue
        minimal[c.id] = {"status": "not_met", "value": None}
        if score(g, minimal, set(), 0, entry).qualified:
            turned.append(c.id)
        else:
            minimal[c.id] = before
    assert turned
    data["answers"] = minimal
    small = tmp_path / "minimal.yaml"
    small.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rm = check_file(small)
    assert rm.errors == 0 and rm.qualified
    full_score, min_score = rf.score, rm.score
    print(f"full {full_score.earned}/{full_score.available} {full_score.percent}% {full_score.band.id}; "
          f"minimal {min_score.earned}/{min_score.available} {min_score.percent}% {min_score.band.id}; "
          f"{len(turned)} answers turned to not_met")
    assert full_score.percent - min_score.percent >= 25
    assert min_score.band.min < full_score.band.min
    # the veto and the per-criterion floors are what held the minimal qualifier up
    assert all(minimal[cid]["status"] != "not_met" for cid in g.rules.qualification.core_clauses if cid in minimal)
    assert all(i.band.min >= i.required.min for i in min_score.items if i.required is not None)
