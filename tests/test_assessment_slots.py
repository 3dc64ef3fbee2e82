"""Assessment model 2, the parts finished for issue 13: a graded clause's status may be left out
(it follows the value), the empty ``stage:`` slot, and ``migrate`` adding the new slots (``stage:``
and an outcome indicator's ``baseline:``). Small copies of the mini guideline, exact findings out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, col_of, edit, line_of
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
    assert got(r) == [("NBS270", line_of(body, '"2.1.2":') + 1, 11, "2.1.2")]  # at the empty value
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


# --- the empty stage slot ----------------------------------------------------------------------------

def test_an_empty_stage_slot_is_a_reminder_and_every_clause_is_assessed(mini: Path, folder: Path):
    edit(mini / META, "  qualification:", STAGES)
    body = GOOD.replace("answers:\n", "stage:\nanswers:\n")
    r = run(folder, mini, body)
    assert got(r) == [("NBS271", line_of(body, "stage:"), 7, None)]
    assert r.findings[0].message("en") == \
        "the assessment stage is not filled in; every clause is assessed (stages: entry, reassessment)"
    assert r.score.stage is None and r.score.available == 11.0 and r.qualified
