"""Assessment model 2, the parts finished for issue 13: a graded clause's status may be left out
(it follows the value), the empty ``stage:`` slot, and ``migrate`` adding the new slots (``stage:``
and an outcome indicator's ``baseline:``). Small copies of the mini guideline, exact findings out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, col_of, edit, line_of
from test_assessment_model import clause, folder, got, run  # noqa: F401 - the same fixture folder and helpers
from nbscheck.check.checker import check_file

GOOD = (FIXTURES / "subs" / "good.yaml").read_text(encoding="utf-8")
CH2 = "chapters/02-measures.yaml"
META = "guideline.yaml"

GRADED_212 = """            target: {at_least: 80}
            grading:
              levels:
                - {at_least: 80, status: met}
                - {at_least: 50, status: partial}"""

STAGES = """  stages:
    - {id: entry, name: {zh: 入门认定, en: Entry recognition}}
    - {id: reassessment, name: {zh: 复评, en: Re-assessment}, after_years: 3}
  qualification:"""

ANSWER_212 = """  "2.1.2":
    status: partial
    value: 60
    evidence:
      - {path: evidence/map.txt, kind: map}
"""




# --- a graded clause: the value alone sets the status ----------------------------------------------

def test_a_graded_answer_needs_no_status_the_value_sets_it(mini: Path, folder: Path):
    edit(mini / CH2, "            target: {at_least: 80}", GRADED_212)
    body = GOOD.replace(ANSWER_212, ANSWER_212.replace("    status: partial\n", ""))
    r = run(folder, mini, body)
    assert got(r) == [] and r.qualified
    assert (clause(r, "2.1.2").status, clause(r, "2.1.2").earned) == ("partial", 1.0)
    # the template's empty status slot is the same as no status
    body = GOOD.replace(ANSWER_212, ANSWER_212.replace("    status: partial\n", "    status:\n").replace("60", "85"))
    r = run(folder, mini, body)
    assert got(r) == [] and (clause(r, "2.1.2").status, clause(r, "2.1.2").earned) == ("met", 2.0)


def test_a_stated_status_that_disagrees_is_still_an_error_with_the_derived_one(mini: Path, folder: Path):
    edit(mini / CH2, "            target: {at_least: 80}", GRADED_212)
    body = GOOD.replace(ANSWER_212, ANSWER_212.replace("status: partial", "status: met"))
    r = run(folder, mini, body)
    assert got(r) == [("NBS225", line_of(body, "status: met", 2), col_of(body, "met", 2), "2.1.2")]
    assert r.findings[0].message("en") == "the stated status met disagrees with the value: by the grading, 60 is partial"
    assert r.findings[0].message("zh") == "所填状态“符合”与指标值不符：按分档，值 60 应为“部分符合”"
    # the score follows the value, not the stated status; the error keeps the answer from earning
    assert (clause(r, "2.1.2").status, clause(r, "2.1.2").valid, clause(r, "2.1.2").earned) == ("partial", False, 0.0)


def test_a_derived_status_asks_for_the_evidence_a_stated_one_would(mini: Path, folder: Path):
    edit(mini / CH2, "            target: {at_least: 80}", GRADED_212)
    no_ev = ANSWER_212.replace("    status: partial\n", "").replace(
        "    evidence:\n      - {path: evidence/map.txt, kind: map}\n", "    note: 地图还在绘制\n")
    body = GOOD.replace(ANSWER_212, no_ev)
    r = run(folder, mini, body)
    assert got(r) == [("NBS212", line_of(body, '"2.1.2":') + 1, 5, "2.1.2")]
    assert r.findings[0].message("en").endswith("Map")
    # a value that reaches no level is not met: no evidence is asked for, and it earns nothing
    body = GOOD.replace(ANSWER_212, no_ev.replace("value: 60", "value: 30"))
    r = run(folder, mini, body)
    assert got(r) == [] and (clause(r, "2.1.2").status, clause(r, "2.1.2").earned) == ("not_met", 0.0)


def test_neither_the_value_nor_the_status_is_nbs270(mini: Path, folder: Path):
    edit(mini / CH2, "            target: {at_least: 80}", GRADED_212)
    body = GOOD.replace(ANSWER_212, ANSWER_212.replace("    status: partial\n    value: 60\n", "    value:\n"))
    r = run(folder, mini, body)
    assert got(r) == [("NBS270", line_of(body, '"2.1.2":') + 1, 5, "2.1.2")]  # a blank value is not given
    assert r.findings[0].message("en") == "this clause's status follows its value, but neither the value nor the status is given"
    assert clause(r, "2.1.2").status == "missing" and not r.qualified
    body = GOOD.replace(ANSWER_212, ANSWER_212.replace("    status: partial\n    value: 60\n", ""))
    r = run(folder, mini, body)
    # no value key at all: at the answer's first line
    assert got(r) == [("NBS270", line_of(body, '"2.1.2":') + 1, 5, "2.1.2")]


def test_an_ungraded_clause_still_needs_its_status(mini: Path, folder: Path):
    body = GOOD.replace(ANSWER_212, ANSWER_212.replace("    status: partial\n", ""))
    r = run(folder, mini, body)
    assert [(f.code, f.clause) for f in r.findings] == [("NBS200", "2.1.2")]
    assert "status" in r.findings[0].message("en")


# --- migrate adds the new slots ----------------------------------------------------------------------

BASELINE_213 = """            target: {at_least: 2}
            baseline: change"""

SURVEY_KIND = """  - id: photo
    name: {zh: 照片, en: Photo}
  - id: survey-report
    name: {zh: 调查报告, en: Survey report}"""


def _versions(mini: Path, tmp_path: Path):
    """1.0.0 (the mini guideline as it is) and 1.1.0: stages, and 2.1.3 judged against the baseline."""
    from nbscheck.change.plan import make_plan
    from nbscheck.model.guideline import load_guideline

    old_dir = tmp_path / "old"
    shutil.copytree(mini, old_dir)
    edit(mini / META, "version: 1.0.0", "version: 1.1.0")
    edit(mini / META, "  qualification:", STAGES)
    edit(mini / META, "  - id: photo\n    name: {zh: 照片, en: Photo}", SURVEY_KIND)
    edit(mini / CH2, "            min: 0\n            target: {at_least: 5}", "            min: 0\n" + BASELINE_213)
    old, new = load_guideline(old_dir).guideline, load_guideline(mini).guideline
    return make_plan(old, new)


def test_migrate_adds_the_stage_and_baseline_slots(mini: Path, tmp_path: Path, folder: Path):
    from nbscheck.change.migrate import migrate_text

    plan = _versions(mini, tmp_path)
    m = migrate_text(GOOD, "s.yaml", plan, "en")
    assert m.method == "lines"
    assert [(f.code, f.line, f.clause) for f in m.findings] == [
        ("NBS316", 4, None), ("NBS272", line_of(GOOD, "answers:"), None),
        ("NBS273", line_of(GOOD, '"2.1.3":'), "2.1.3"), ("NBS315", line_of(GOOD, '"2.1.3":'), "2.1.3")]
    assert m.findings[3].message("en") == \
        "the answer to clause 2.1.3 needs checking: against the baseline: none → change"
    assert m.findings[1].message("en") == \
        "1.1.0 has assessment stages: an empty stage was added above answers for you to fill in (entry, reassessment)"
    lines = m.text.split("\n")
    i = lines.index("answers:")
    assert lines[i - 1] == "stage:                         # Assessment stage: entry (Entry recognition) | reassessment (Re-assessment)"
    j = lines.index('  "2.1.3":')
    assert lines[j:j + 14] == [
        '  "2.1.3":', "    status: met", "    value: 7.5", "    unit: ha", "    evidence:",
        "      - {path: evidence/survey.txt, kind: report}", "      - {path: evidence/photo.txt, kind: photo}",
        "    baseline:        # baseline: the first assessment's value, year and evidence",
        "      value:", "      year:", "      evidence:", '        - path: ""', "          kind: survey-report",
        '          description: ""']
    assert lines[j + 14] == '  "2.2.1":'
    # every other line is as it was
    assert lines[j - 1] == "  # nbscheck migrate 1.0.0 → 1.1.0: please check: against the baseline: none → change"
    assert [ln for k, ln in enumerate(lines) if not (j + 7 <= k < j + 14 or k in (i - 1, j - 1))] == \
        GOOD.replace("version: 1.0.0", "version: 1.1.0").split("\n")
    # the migrated file checks: the empty slots are what is left to do (a blank stage names no stage)
    (folder / "m.yaml").write_text(m.text, encoding="utf-8")
    r = check_file(folder / "m.yaml", guideline_root=str(mini), name="m.yaml")
    assert [(f.code, f.line, f.clause) for f in r.findings] == [("NBS226", j + 3, "2.1.3")]  # give the baseline
    assert r.score.stage is None
    # filled in, it checks clean
    filled = m.text.replace("stage:                         #", "stage: reassessment  #").replace(
        "      value:\n      year:\n", "      value: 4\n      year: 2020\n")
    (folder / "m.yaml").write_text(filled, encoding="utf-8")
    r = check_file(folder / "m.yaml", guideline_root=str(mini), name="m.yaml")
    assert r.findings == [] and clause(r, "2.1.3").status == "met" and r.score.stage == "reassessment"


def test_migrate_adds_no_baseline_to_a_not_applicable_answer_or_one_that_has_it(mini: Path, tmp_path: Path):
    from nbscheck.change.migrate import migrate_text

    plan = _versions(mini, tmp_path)
    na = GOOD.replace("    status: met\n    value: 7.5\n    unit: ha\n", "    status: not_applicable\n    justification: 本乡无湿地。\n"
                      "    unit: ha\n").replace("answers:\n", "stage: entry\nanswers:\n")
    m = migrate_text(na, "s.yaml", plan, "en")
    assert [f.code for f in m.findings] == ["NBS316"]
    assert m.text == na.replace("version: 1.0.0", "version: 1.1.0")


def test_flow_style_answers_get_the_slots_by_the_round_trip(mini: Path, tmp_path: Path):
    from nbscheck.change.migrate import migrate_text
    from nbscheck.yaml.load import load_text

    plan = _versions(mini, tmp_path)
    body = GOOD.replace('''  "2.1.3":
    status: met
    value: 7.5
    unit: ha
    evidence:
      - {path: evidence/survey.txt, kind: report}
      - {path: evidence/photo.txt, kind: photo}
''', '''  "2.1.3": {status: met, value: 7.5, unit: ha, evidence: [{path: evidence/survey.txt, kind: report}]}
''')
    m = migrate_text(body, "s.yaml", plan, "en")
    assert m.method == "round-trip"
    data = load_text(m.text, "s.yaml").data
    assert data["stage"] is None and list(data)[-2:] == ["stage", "answers"]
    assert data["answers"]["2.1.3"]["baseline"] == {
        "value": None, "year": None, "evidence": [{"path": "", "kind": "survey-report", "description": ""}]}


def test_diff_calls_a_new_or_changed_baseline_rule_breaking_and_migrate_flags_only_the_answer_it_touches(
        mini: Path, tmp_path: Path):
    from nbscheck.change.describe import describe
    from nbscheck.change.diff import diff_guidelines
    from nbscheck.change.types import BREAKING

    plan = _versions(mini, tmp_path)
    d = diff_guidelines(plan.source, plan.target)
    rows = [(c.kind, c.cls, c.new_id, c.field) for c in d.changes]
    assert ("indicator", BREAKING, "2.1.3", "baseline") in rows and ("target", BREAKING, "2.1.3", None) not in rows
    base = next(c for c in d.changes if c.field == "baseline")
    assert describe(base, "en") == "against the baseline: none → change"
    assert d.breaking


# --- the 2.0 draft's outcome indicators are judged against the township's baseline --------------------

def test_a_negative_target_on_the_change_is_no_lint_error(mini: Path):
    from nbscheck.lint.runner import lint

    text = edit(mini / CH2, "            min: 0\n            target: {at_least: 5}",
                "            min: 0\n            baseline: percent_change\n            target: {at_most: -20}")
    assert list(lint(mini)) == []
    edit(mini / CH2, "            baseline: percent_change\n", "")
    assert [(f.code, f.line) for f in lint(mini)] == [("NBS113", line_of(text, "at_most: -20") - 1)]


def test_the_draft_judges_outcomes_against_the_baseline(tmp_path: Path):
    from conftest import ROOT
    from nbscheck.model.guideline import load_guideline

    g = load_guideline(ROOT / "guideline").guideline
    judged = {c.id: (c.assessment.indicator.baseline, c.assessment.indicator.unit) for c in g.assessable
              if c.assessment.indicator.baseline}
    assert judged == {"8.6.1": ("change", "species"), "8.6.2": ("change", "species"), "8.6.3": ("change", "species"),
                      "8.6.4": ("change", "species"), "8.6.6": ("percent_change", "ha"), "8.6.8": ("percent_change", "ha")}
    # the 2.0 examples record their baselines at first recognition
    src = ROOT / "examples" / "qualifying-2.0"
    dst = tmp_path / "q"
    shutil.copytree(src, dst)
    text = (dst / "submission.yaml").read_text(encoding="utf-8")
    assert text.count("    baseline:\n      value:") == 6
    # at re-assessment the value alone sets the status of a graded outcome (8.6.6: habitat area)
    old = '''  "8.6.6":
    status: not_applicable
    justification: "首次认定评估：本底年为2025年，成效指标尚未完成一个监测周期（见11.5.2）。"
'''
    assert old in text
    for value, status, earned in ((1470, "met", 5.0), (1400, "partial", 2.5), (1300, "not_met", 0.0)):
        body = text.replace(old, f'''  "8.6.6":
    value: {value}
    evidence:
      - {{path: evidence/habitat-and-measures-map-2025.md, kind: map}}
      - {{path: evidence/baseline-survey-report-2025.md, kind: survey-report}}
''').replace("answers:\n", "stage: reassessment\nanswers:\n", 1)
        (dst / "r.yaml").write_text(body, encoding="utf-8")
        r = check_file(dst / "r.yaml", name="r.yaml")
        assert [f.code for f in r.findings] == ["NBS222"], (value, [f.message("en") for f in r.findings])
        assert (clause(r, "8.6.6").status, clause(r, "8.6.6").earned) == (status, earned)


def test_compare_shows_the_derived_status_of_a_graded_answer_that_gives_only_its_value(mini: Path, folder: Path, cli):
    import json

    edit(mini / CH2, "            target: {at_least: 80}", GRADED_212)
    (folder / "old.yaml").write_text(GOOD, encoding="utf-8")
    new = GOOD.replace(ANSWER_212, ANSWER_212.replace("    status: partial\n    value: 60\n", "    value: 85\n")
                       + "    note: 新绘制的图斑\n")
    (folder / "new.yaml").write_text(new, encoding="utf-8")
    code, out, err = cli("compare", str(folder / "old.yaml"), str(folder / "new.yaml"), "--guideline", str(mini),
                         "--format", "json", "--lang", "en")
    assert (code, err) == (0, "")
    rows = [(c["new_id"], c["old_status"], c["new_status"], c["old_value"], c["new_value"], c["old_note"], c["new_note"])
            for c in json.loads(out)["clauses"]]
    assert rows == [("2.1.2", "partial", "met", 60, 85, None, "新绘制的图斑")]
    code, out, _ = cli("compare", str(folder / "old.yaml"), str(folder / "new.yaml"), "--guideline", str(mini), "--lang", "en")
    assert "  2.1.2  status: Partly met → Met; value: 60 → 85; note: - → 新绘制的图斑" in out.splitlines()


def test_a_template_answer_with_its_blank_baseline_slot_is_not_yet_filled(mini: Path, folder: Path):
    edit(mini / META, "  - id: photo\n    name: {zh: 照片, en: Photo}", SURVEY_KIND)
    edit(mini / CH2, "            min: 0\n            target: {at_least: 5}", "            min: 0\n" + BASELINE_213)
    start = GOOD.index('  "2.1.3":')
    end = GOOD.index('  "2.2.1":')
    blank = ('  "2.1.3":\n    status:\n    value:\n    baseline:\n      value:\n      year:\n      evidence:\n'
             '        - {path: "", kind: survey-report, description: ""}\n    evidence:\n'
             '      - {path: "", kind: report, description: ""}\n      - {path: "", kind: photo, description: ""}\n'
             '    note: ""\n')
    body = GOOD[:start] + blank + GOOD[end:]
    r = run(folder, mini, body)
    assert got(r) == [("NBS260", line_of(body, "answers:"), 1, None)]
    assert r.findings[0].args["ids"] == "2.1.3" and clause(r, "2.1.3").status == "missing"
    # the baseline begun, the rest not: a real answer, and its blank baseline evidence row is no mistake
    begun = body.replace("      value:\n      year:\n", "      value: 4\n      year: 2020\n")
    r = run(folder, mini, begun.replace("    status:\n    value:\n", "    status: met\n    value: 7.5\n"))
    assert [f.code for f in r.findings] == ["NBS212"]  # only the answer's own evidence is missing


def test_the_baselines_evidence_files_are_checked_like_an_answers(mini: Path, folder: Path):
    edit(mini / CH2, "            min: 0\n            target: {at_least: 5}", "            min: 0\n" + BASELINE_213)
    base = ("    unit: ha\n    baseline:\n      value: 4\n      year: 2020\n"
            "      evidence:\n        - {path: evidence/survey.txt, kind: report}\n        - {path: evidence/servey.txt, kind: report}\n        - {path: evidence/SURVEY.txt, kind: report}\n")
    body = GOOD.replace("    unit: ha\n", base)
    r = run(folder, mini, body)
    assert got(r) == [("NBS213", line_of(body, "servey.txt"), col_of(body, "evidence/servey.txt"), "2.1.3"),
                      ("NBS213", line_of(body, "SURVEY.txt"), col_of(body, "evidence/SURVEY.txt"), "2.1.3")]
    assert r.findings[0].path == "/answers/2.1.3/baseline/evidence/1/path"
    assert r.findings[1].message("en") == "evidence file evidence/SURVEY.txt does not exist; did you mean evidence/survey.txt?"
    # a baseline recorded with a not-applicable answer is checked too, though not required
    na = body.replace("    status: met\n    value: 7.5\n", "    status: not_applicable\n    justification: 本乡无湿地。\n")
    r = run(folder, mini, na)
    assert [f.code for f in r.findings] == ["NBS213", "NBS213"]
    r = run(folder, mini, na.replace("servey", "survey").replace("SURVEY", "survey"))
    assert got(r) == [] and clause(r, "2.1.3").status == "not_applicable"
