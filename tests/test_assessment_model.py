"""Assessment model 2 (issue 13) on small copies of the mini guideline: each rule with exact
findings, scores and reasons. The mini guideline itself is of the old model; each test adds one field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, col_of, edit, line_of
from nbscheck.check.checker import check_file
from nbscheck.lint.runner import lint
from nbscheck.report import json_report, markdown, text
from nbscheck.report.style import Style

GOOD = (FIXTURES / "subs" / "good.yaml").read_text(encoding="utf-8")
CH2 = "chapters/02-measures.yaml"
META = "guideline.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    dst = tmp_path / "sub"
    shutil.copytree(FIXTURES / "subs", dst)
    return dst


def run(folder: Path, guideline: Path, body: str):
    p = folder / "s.yaml"
    p.write_text(body, encoding="utf-8")
    return check_file(p, guideline_root=str(guideline), name="s.yaml")


def got(result) -> list[tuple[str, int, int, str | None]]:
    return [(f.code, f.line, f.column, f.clause) for f in result.findings]


def clause(result, cid: str):
    return next(c for c in result.score.clauses if c.clause == cid)


def reasons(result) -> list[tuple[str, dict]]:
    return [(r.code, dict(r.args)) for r in result.score.reasons]


def linted(directory: Path) -> list[tuple[str, str, int, int]]:
    out = []
    for f in lint(directory):
        rel = Path(f.file).resolve().relative_to(directory.resolve()).as_posix()
        out.append((f.code, rel, f.line, f.column))
    return out


GRADED_212 = """            target: {at_least: 80}
            grading:
              levels:
                - {at_least: 80, status: met}
                - {at_least: 50, status: partial}"""

POINTS_213 = """            target: {at_least: 5}
            grading:
              levels:
                - {at_least: 8, factor: 1}
                - {at_least: 6, factor: 0.75}
                - {at_least: 4, factor: 0.5}"""


# --- item 1: status follows the value -------------------------------------------------------------

def test_old_model_guideline_has_no_new_findings_and_scores_as_before(mini: Path, folder: Path):
    r = run(folder, mini, GOOD)
    assert got(r) == [] and r.qualified
    assert (r.score.earned, r.score.available, r.score.stage) == (10.0, 11.0, None)
    # no minimum bands: the first framework (IUCN) still gets its results, none of them judged
    assert [(i.framework, i.id, i.percent, i.required) for i in r.score.items] == [
        ("iucn", "1", 100.0, None), ("iucn", "2", 100.0, None), ("iucn", "3", 88.9, None)]
    assert r.score.judged_items == ()
    assert linted(mini) == []


def test_a_graded_value_sets_the_status_and_a_disagreeing_status_is_an_error(mini: Path, folder: Path):
    edit(mini / CH2, "            target: {at_least: 80}", GRADED_212)
    assert linted(mini) == []
    r = run(folder, mini, GOOD)  # partial with 60: the grading agrees
    assert got(r) == [] and clause(r, "2.1.2").status == "partial" and clause(r, "2.1.2").earned == 1.0
    body = GOOD.replace("    value: 60\n", "    value: 85\n")
    r = run(folder, mini, body)
    line = line_of(body, "status: partial")
    assert got(r) == [("NBS225", line, col_of(body, "partial"), "2.1.2")]
    f = r.findings[0]
    assert f.message("en") == "the stated status partial disagrees with the value: by the grading, 85 is met"
    assert "符合" in f.message("zh")


def test_graded_points_like_the_singapore_index(mini: Path, folder: Path):
    edit(mini / CH2, "            target: {at_least: 5}", POINTS_213)
    assert linted(mini) == []
    body = GOOD.replace("    status: met\n    value: 7.5\n", "    status: partial\n    value: 7.5\n")
    r = run(folder, mini, body)
    assert got(r) == []
    assert (clause(r, "2.1.3").status, clause(r, "2.1.3").earned) == ("partial", 3.0)  # 4 points x 0.75
    body = GOOD.replace("    status: met\n    value: 7.5\n", "    status: met\n    value: 3\n")
    r = run(folder, mini, body)
    assert [g[0] for g in got(r)] == ["NBS225"] and "3 is not_met" in r.findings[0].message("en")


# --- item 2: qualification rules -------------------------------------------------------------------

def test_core_clauses_veto_instead_of_every_shall_clause(mini: Path, folder: Path):
    edit(mini / META, "    all_shall_met: true", '    core_clauses: ["2.1.3"]')
    assert linted(mini) == []
    body = GOOD.replace("    status: met\n    value: true\n", "    status: not_met\n    value: false\n")
    r = run(folder, mini, body)  # 2.1.1 is shall but not core: it costs points, not the verdict
    assert got(r) == [] and reasons(r) == [] and r.qualified
    body = GOOD.replace("    status: met\n    value: 7.5\n", "    status: not_met\n    value: 2\n")
    r = run(folder, mini, body)
    assert ("NBS254", {"clauses": "2.1.3"}) in reasons(r) and not r.qualified
    assert "NBS253" not in [c for c, _ in reasons(r)]  # core clauses replace "every shall clause"


def test_not_applicable_is_capped_per_dimension(mini: Path, folder: Path):
    edit(mini / META, "    all_shall_met: true", "    all_shall_met: true\n    max_not_applicable:\n      default: 60\n"
                                                  "      dimensions: {people: 40}")
    assert linted(mini) == []
    r = run(folder, mini, GOOD)  # 2.2.2 (2 of the 4 people points) is not applicable
    assert reasons(r) == [("NBS255", {"name": "人", "name_en": "People", "percent": 50.0, "max": 40})]
    assert r.score.reasons[0].message("en") == \
        "dimension 'People' has 50.0% of its points not applicable, more than the allowed 40%"


def test_minimum_band_per_dimension_and_per_iucn_criterion(mini: Path, folder: Path):
    edit(mini / META, "    all_shall_met: true", "    all_shall_met: true\n    min_dimension_bands: {people: good}\n"
                                                  '    min_item_bands:\n      iucn: {default: adequate, items: {"1": good}}')
    assert linted(mini) == []
    body = GOOD.replace("    status: met\n    value: quarterly\n", "    status: partial\n    value: quarterly\n")
    r = run(folder, mini, body)
    items = {(i.framework, i.id): (i.earned, i.available, i.percent, i.band.id, i.required.id if i.required else None)
             for i in r.score.items}
    assert items[("iucn", "1")] == (1.0, 2.0, 50.0, "adequate", "good")
    assert items[("iucn", "3")] == (8.0, 9.0, 88.9, "good", "adequate")
    assert not any(fw == "gbf" for fw, _ in items)  # results only for the frameworks the rule judges
    assert [c for c, _ in reasons(r)] == ["NBS252", "NBS253", "NBS256"]
    assert r.score.reasons[2].message("en") == \
        "IUCN Global Standard 'Criterion 1' scores 50.0% (Adequate), below the required Good"
    # the reports show the criteria the qualification judges beside the dimensions
    doc = json.loads(json_report.render([r], "en"))
    crit = doc["files"][0]["score"]["criteria"]
    assert {"framework": "iucn", "id": "1", "name": "Criterion 1", "earned": 1.0, "available": 2.0,
            "percent": 50.0, "band": "adequate", "required": "good"} in crit
    out = text.render([r], "en", Style(False))
    assert "Criterion 1     1/2               50%    Adequate  Good" in out
    assert "| Criterion 1 | 1/2 | 50% | Adequate | Good |" in markdown.render([r], "en")
    assert "Target 1" not in out  # gbf has no minimum band: its items stay in the JSON only


# --- item 4: outcome indicators against a baseline --------------------------------------------------

BASELINE_213 = """            target: {at_least: 2}
            baseline: change"""


def test_a_baseline_indicator_judges_the_change_and_needs_its_baseline(mini: Path, folder: Path):
    edit(mini / CH2, "            min: 0\n            target: {at_least: 5}", "            min: 0\n" + BASELINE_213)
    assert linted(mini) == []
    with_base = GOOD.replace("    unit: ha\n", "    unit: ha\n    baseline:\n      value: 4\n      year: 2020\n"
                                               "      evidence:\n        - {path: evidence/survey.txt, kind: report}\n")
    r = run(folder, mini, with_base)
    assert got(r) == [] and clause(r, "2.1.3").status == "met"
    r = run(folder, mini, with_base.replace("      value: 4\n", "      value: 6\n"))  # change 1.5 < 2
    line = line_of(with_base, "value: 7.5")
    assert got(r) == [("NBS210", line, col_of(with_base, "7.5"), "2.1.3")]
    r = run(folder, mini, GOOD)
    assert got(r) == [("NBS226", line_of(GOOD, "value: 7.5"), col_of(GOOD, "7.5"), "2.1.3")]
    late = with_base.replace("      year: 2020\n", "      year: 2027\n")
    r = run(folder, mini, late)
    assert got(r) == [("NBS227", line_of(late, "year: 2027"), col_of(late, "2027"), "2.1.3")]


# --- item 5: two stages ----------------------------------------------------------------------------

STAGES = """  stages:
    - {id: entry, name: {zh: 入门认定, en: Entry recognition}}
    - {id: reassessment, name: {zh: 复评, en: Re-assessment}, after_years: 3}
  qualification:"""


def test_a_submission_names_its_stage_and_only_that_stage_is_scored(mini: Path, folder: Path):
    edit(mini / META, "  qualification:", STAGES)
    edit(mini / CH2, "          points: 4\n          dimension: nature",
         "          points: 4\n          dimension: nature\n          stages: [reassessment]")
    assert linted(mini) == []
    r = run(folder, mini, GOOD)  # no stage named: every clause is assessed, as before stages existed
    assert got(r) == [] and r.score.stage is None and r.score.available == 11.0
    body = GOOD.replace("answers:\n", "stage: entry\nanswers:\n")
    r = run(folder, mini, body)
    key = line_of(body, '"2.1.3":')
    assert got(r) == [("NBS229", key, 3, "2.1.3")]
    assert "2.1.3" not in [c.clause for c in r.score.clauses] and r.score.available == 7.0 and r.qualified
    r = run(folder, mini, GOOD.replace("answers:\n", "stage: reassessment\nanswers:\n"))
    assert got(r) == [] and r.score.stage == "reassessment" and r.score.available == 11.0
    bad = GOOD.replace("answers:\n", "stage: entrance\nanswers:\n")
    r = run(folder, mini, bad)
    assert got(r) == [("NBS228", line_of(bad, "stage:"), 8, None)]


# --- lint rules for the new fields -----------------------------------------------------------------

@pytest.mark.parametrize("code, file, old, new, marker, column", [
    ("NBS118", CH2, "            target: {at_least: 80}",
     "            target: {at_least: 80}\n            grading:\n              levels:\n"
     "                - {at_least: 50, status: partial}\n                - {at_least: 80, status: met}", "levels:", 15),
    ("NBS118", CH2, "            target: {at_least: 80}",
     "            target: {at_least: 80}\n            grading:\n              levels:\n"
     "                - {at_least: 120, status: met}", "120", None),
    ("NBS119", CH2, "            target: {equals: true}",
     "            target: {equals: true}\n            grading:\n              levels: [{one_of: [x], status: met}]",
     "grading:", 13),
    ("NBS119", CH2, "            target: {min_length: 10}", "            target: {min_length: 10}\n            baseline: change",
     "change", None),
    ("NBS120", META, "    all_shall_met: true", '    all_shall_met: true\n    core_clauses: ["2.9.9"]', '"2.9.9"', None),
    ("NBS121", META, "    all_shall_met: true", '    all_shall_met: true\n    min_item_bands:\n      iucn: {items: {"9": good}}',
     '"9"', None),
    ("NBS121", META, "    all_shall_met: true", "    all_shall_met: true\n    min_dimension_bands: {people: great}",
     "great", None),
    ("NBS122", CH2, "          points: 4\n          dimension: nature",
     "          points: 4\n          dimension: nature\n          stages: [later]", "later", None),
])
def test_each_new_lint_rule_fires_where_it_should(mini: Path, code, file, old, new, marker, column):
    text_ = edit(mini / file, old, new)
    line = line_of(text_, marker)
    col = column if column is not None else col_of(text_, marker)
    assert linted(mini) == [(code, file, line, col)]


# --- the generated submission schema and its compiled gate -----------------------------------------

def test_gate_agrees_with_jsonschema_on_stage_and_baseline(mini: Path):
    """The new submission fields (stage, an answer's baseline) keep the gate's promise: never yes
    where jsonschema says no, and jsonschema finds the same errors in what the gate singles out."""
    import random

    from jsonschema import Draft202012Validator
    from test_gate import _errors, _has_nan, _mutations

    from nbscheck.check.gate import compile_gate
    from nbscheck.check.submission_schema import submission_schema
    from nbscheck.model.guideline import load_guideline
    from nbscheck.yaml.load import load_text

    edit(mini / META, "  qualification:", STAGES)
    edit(mini / CH2, "            min: 0\n            target: {at_least: 5}", "            min: 0\n" + BASELINE_213)
    g = load_guideline(mini).guideline
    schema = submission_schema(g)
    assert schema["properties"]["stage"]["type"] == "string" and "baseline" in schema["$defs"]
    gate, validator = compile_gate(schema, "answers"), Draft202012Validator(schema)
    assert gate is not None
    body = GOOD.replace("answers:\n", "stage: entry\nanswers:\n").replace(
        "    unit: ha\n", "    unit: ha\n    baseline:\n      value: 4\n      year: 2020\n"
                         "      evidence:\n        - {path: evidence/survey.txt, kind: report}\n")
    data = load_text(body, "s.yaml").data
    assert gate(data) and not _errors(validator, data)
    rnd = random.Random(13)
    refused = 0
    for d in _mutations(data, rnd, 300):
        errors = _errors(validator, d)
        assert not (gate(d) and errors)
        assert gate(d) == (not errors) or _has_nan(d)
        if errors:
            assert _errors(validator, gate.failing(d)) == errors
            refused += 1
    assert refused > 60


# --- item 6: counting, data source and period in the template ---------------------------------------

def test_the_template_shows_counting_source_period_grading_and_baseline_slots(mini: Path):
    from nbscheck.model.guideline import load_guideline
    from nbscheck.model.template import blank_submission

    edit(mini / META, "  qualification:", STAGES)
    edit(mini / CH2, "            min: 0\n            target: {at_least: 5}", "            min: 0\n" + BASELINE_213 +
         "\n            counting: {zh: 按图斑面积计, en: By the area of the mapped patches}"
         "\n            data_source: {zh: 县林业局年报, en: The county forestry yearbook}"
         "\n            period: {zh: 评估年度, en: The assessment year}")
    edit(mini / CH2, "            target: {at_least: 80}", GRADED_212)
    g = load_guideline(mini).guideline
    out = blank_submission(g, "en").splitlines()
    assert "stage:                         # Assessment stage: entry (Entry recognition) | reassessment (Re-assessment)" in out
    assert "  #   Status from the value: ≥ 80 → met; ≥ 50 → partial; else → not_met" in out
    i = out.index('  "2.1.3":')
    assert out[i - 4:i] == ["  #   Counting: By the area of the mapped patches", "  #   Data source: The county forestry yearbook",
                            "  #   Period: The assessment year", "  #   Against the baseline: the change"]
    assert out[i + 3:i + 10] == ["    baseline:        # baseline: the first assessment's value, year and evidence",
                                 "      value:", "      year:", "      evidence:",  # block rows: a Windows path cannot break them
                                 '        - path: ""', "          kind: survey-report", '          description: ""']
    assert "  #   计数方法: 按图斑面积计" in blank_submission(g, "zh").splitlines()


# --- the site: clause pages and Annex A --------------------------------------------------------------

def test_the_site_shows_the_new_fields_on_clause_pages_and_in_annex_a(mini: Path):
    from nbscheck.model.guideline import load_guideline
    from nbscheck.site.annex import assessment_md
    from nbscheck.site.clauses import assessment_table
    from nbscheck.site.markdown import links_for

    edit(mini / META, "    all_shall_met: true", '    all_shall_met: true\n    core_clauses: ["2.1.3"]\n'
                                                  "    max_not_applicable: {default: 25}\n"
                                                  '    min_item_bands:\n      iucn: {default: adequate, items: {"1": good}}')
    edit(mini / META, "  qualification:", STAGES)
    edit(mini / CH2, "            target: {at_least: 80}", GRADED_212 +
         "\n            counting: {zh: 按株数计, en: By number of plants}")
    g = load_guideline(mini).guideline
    links = links_for(g)
    table = assessment_table(g, g.clause("2.1.2"), "en", links).splitlines()
    assert "| Status from the value | ≥ 80 → met; ≥ 50 → partial; else → not\\_met |" in table
    assert "| Counting | By number of plants |" in table
    annex = assessment_md(g, "en", links, 2).splitlines()
    for line in ["- core (veto) clauses met or justifiably not applicable: 2.1.3",
                 "- at most 25 % of each dimension's points not applicable",
                 "- IUCN Global Standard: every item at least Adequate (from the clauses mapped to it)",
                 "- IUCN Global Standard 'Criterion 1' at least Good",
                 "- assessment stages: Entry recognition, Re-assessment (3 years after entry)"]:
        assert line in annex
    assert any("at least 80% (≥ 80 → met; ≥ 50 → partial; else → not\\_met)" in ln for ln in annex)


# --- item 7: diff classifies the new fields; migrate flags what they break ---------------------------

def test_diff_classifies_a_changed_threshold_as_breaking(mini: Path, tmp_path: Path):
    from nbscheck.change.describe import describe, describe_other
    from nbscheck.change.diff import diff_guidelines
    from nbscheck.change.types import BREAKING, EDITORIAL, SUBSTANTIVE
    from nbscheck.model.guideline import load_guideline

    old_dir = tmp_path / "old"
    shutil.copytree(mini, old_dir)
    edit(old_dir / CH2, "            target: {at_least: 80}", GRADED_212)
    edit(mini / CH2, "            target: {at_least: 80}", GRADED_212.replace("at_least: 50", "at_least: 60") +
         "\n            counting: {zh: 按株数计, en: By number of plants}")
    edit(mini / CH2, "          points: 4\n          dimension: nature", "          points: 4\n          dimension: nature\n"
                                                                      "          stages: [reassessment]")
    edit(mini / META, "  qualification:", STAGES)
    edit(mini / META, "    all_shall_met: true", '    all_shall_met: true\n    core_clauses: ["2.1.3"]')
    old, new = load_guideline(old_dir).guideline, load_guideline(mini).guideline
    d = diff_guidelines(old, new)
    got_rows = [(c.kind, c.cls, c.new_id, c.field, c.migrate) for c in d.changes]
    assert got_rows == [("indicator", BREAKING, "2.1.2", "grading", "flag"),
                        ("indicator", SUBSTANTIVE, "2.1.2", "counting-zh", None),
                        ("indicator", EDITORIAL, "2.1.2", "counting-en", None),
                        ("stages", SUBSTANTIVE, "2.1.3", None, None)]
    assert describe(d.changes[0], "en") == ("grading: ≥ 80 → met; ≥ 50 → partial; else → not_met → "
                                            "≥ 80 → met; ≥ 60 → partial; else → not_met")
    other = [(o.cls, o.subject, o.field) for o in d.other]
    assert other == [(SUBSTANTIVE, "qualification", "core_clauses"), (BREAKING, "stages", "stages")]
    assert describe_other(d.other[1], "en") == "rating rules stages: stages - → entry, reassessment"
    assert d.breaking
