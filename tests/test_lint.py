"""`nbscheck lint`: each rule fires on a small broken copy of the mini guideline, at the right place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import MINI, col_of, edit, line_of
from nbscheck.lint.runner import lint

CH1 = "chapters/01-general.yaml"
CH2 = "chapters/02-measures.yaml"


def found(directory: Path) -> list[tuple[str, str, int, int]]:
    """(code, file relative to the guideline, line, column) of every finding."""
    out = []
    for f in lint(directory):
        rel = Path(f.file).resolve().relative_to(directory.resolve()).as_posix()
        out.append((f.code, rel, f.line, f.column))
    return out


def test_mini_guideline_lints_clean():
    assert lint(MINI) == []


def test_shipped_guideline_lints_clean():
    findings = lint()
    assert [(f.code, f.file, f.line) for f in findings] == []


def test_issue_example_three_findings(mini: Path, cli):
    """Duplicated id, dangling cross-reference, shall clause written with 宜: three findings, exit 1."""
    ch2 = mini / CH2
    edit(ch2, 'id: "2.1.3"', 'id: "2.1.2"')
    edit(ch2, 'clauses: ["1.2"]', 'clauses: ["1.9"]')
    text = edit(ch2, "zh: 乡镇应定期召开村民议事会。", "zh: 乡镇宜定期召开村民议事会。")
    assert found(mini) == [
        ("NBS104", CH2, 14, 21),
        ("NBS101", CH2, 43, 13),
        ("NBS107", CH2, 65, 15),
    ]
    # the same places, found from the text itself
    assert (line_of(text, '"1.9"'), line_of(text, 'id: "2.1.2"', 2), line_of(text, "乡镇宜定期")) == (14, 43, 65)
    assert (col_of(text, '"1.9"'), col_of(text, '"2.1.2"', 2), col_of(text, "乡镇宜定期")) == (21, 13, 15)
    code, out, _ = cli("lint", str(mini), "--lang", "en", "--color", "never")
    assert code == 1
    assert f"{CH2}:43:13: error NBS101 [2.1.2] clause id 2.1.2 is used twice (first at " in out
    assert f"{CH2}:14:21: error NBS104 [2.1.1] cross-reference to clause 1.9, which does not exist; did you mean 1.2?" in out
    assert f"{CH2}:65:15: error NBS107 [2.2.1] a shall clause's Chinese text must use 应 or 不应, but it uses '宜'" in out
    assert out.rstrip().endswith("3 errors, 0 warnings")


RULES = [
    # (code, file, old, new, marker on the line the finding points at, column or None for the marker's column)
    ("NBS100", CH2, "level: should\n        text:\n          zh: 新增", "level: must\n        text:\n          zh: 新增", "must", None),
    ("NBS102", CH2, 'id: "2.2.2"', 'id: "2.1.9"', '"2.1.9"', None),
    ("NBS103", CH2, 'id: "2.2.2"', 'id: "2.2.5"', '"2.2.5"', None),
    ("NBS104", CH2, 'clauses: ["1.2"]', 'clauses: ["1.3"]', '"1.3"', None),
    ("NBS105", CH2, "terms: [corridor]", "terms: [corridr]", "corridr", None),
    ("NBS107", CH2, "zh: 乡镇应完成本底调查。", "zh: 乡镇可完成本底调查。", "乡镇可完成", 15),
    ("NBS108", CH2, "en: The township shall complete", "en: The township should complete", "township should complete", 15),
    ("NBS109", CH1, "    not_assessable:\n      zh: 由第2章的条款评估。\n      en: Assessed through the clauses of chapter 2.\n", "",
     "level: shall", 12),
    ("NBS111", CH2, "dimension: people\n      - id", "dimension: peple\n      - id", "dimension: peple", 22),
    ("NBS111", CH2, "evidence: [map]", "evidence: [maps]", "evidence: [maps]", 22),
    ("NBS111", CH2, "unit: ha", "unit: hectare", "unit: hectare", 19),
    ("NBS111", CH2, 'maps: {iucn: ["1"]}', 'maps: {iucn: ["9"]}', '"9"', None),
    ("NBS113", CH2, "target: {at_least: 80}", "target: {at_least: 120}", "120", None),
    ("NBS113", CH2, "target: {one_of: [monthly, quarterly]}", "target: {one_of: [monthly, weekly]}", "weekly", None),
    ("NBS113", CH2, "target: {equals: true}", "target: {at_least: 1}", "{at_least: 1}", None),
    ("NBS115", CH2, "zh: 本地物种更适应当地气候。", "zh: 本地物种应优先种植。", "本地物种应优先种植", 13),
    ("NBS116", CH2, "zh: 乡镇应恢复退化湿地。", "zh: 乡镇应恢复退化湿地，宜优先自然恢复。", "乡镇应恢复退化湿地", 15),
    ("NBS106", CH1, "      en: This document applies to townships.\n", "", "zh: 本文件适用于乡镇。", 7),
]


@pytest.mark.parametrize("code,file,old,new,marker,column", RULES, ids=[f"{r[0]}-{i}" for i, r in enumerate(RULES)])
def test_each_rule_fires_where_it_should(mini: Path, code, file, old, new, marker, column):
    text = edit(mini / file, old, new)
    line = line_of(text, marker)
    col = column if column is not None else col_of(text, marker)
    got = found(mini)
    assert got == [(code, file, line, col)], got


def test_chapter_number_out_of_order(mini: Path):
    """A wrong chapter number is reported, and so are the ids that no longer belong to it."""
    text = edit(mini / CH2, 'number: "2"', 'number: "3"')
    assert found(mini) == [("NBS114", CH2, 2, 9),
                           ("NBS102", CH2, line_of(text, 'id: "2.1"'), 9),
                           ("NBS102", CH2, line_of(text, 'id: "2.2"'), 9)]


def test_points_must_add_up(mini: Path):
    text = edit(mini / "guideline.yaml", "      points: 9", "      points: 10")
    assert found(mini) == [("NBS110", "guideline.yaml", line_of(text, "points: 10"), 15),
                           ("NBS110", "guideline.yaml", line_of(text, "total_points"), 17)]


def test_rating_rules_must_hold(mini: Path):
    text = edit(mini / "guideline.yaml", "min_dimension_band: adequate", "min_dimension_band: great")
    assert found(mini) == [("NBS112", "guideline.yaml", line_of(text, "great"), 25)]
    text = edit(mini / "guideline.yaml", "name: {zh: 不足, en: Insufficient}, min: 0}", "name: {zh: 不足, en: Insufficient}, min: 10}")
    assert found(mini) == [("NBS112", "guideline.yaml", line_of(text, "{id: good"), 5),
                           ("NBS112", "guideline.yaml", line_of(text, "great"), 25)]


def test_duplicate_term(mini: Path):
    text = edit(mini / "terms.yaml", "id: native-species", "id: corridor")
    assert found(mini) == [("NBS117", "terms.yaml", line_of(text, "id: corridor", 2), 9)]


def test_missing_chapter_file(mini: Path):
    (mini / CH2).unlink()
    text = (mini / "guideline.yaml").read_text(encoding="utf-8")
    assert found(mini) == [("NBS114", "guideline.yaml", line_of(text, "02-measures.yaml"), 5)]


def test_broken_yaml_in_a_chapter_is_a_finding_not_a_crash(mini: Path):
    (mini / CH1).write_text("kind: chapter\nnumber: '1'\ntitle: {zh: 总则, en: General\n", encoding="utf-8")
    got = found(mini)
    assert got and got[0][:2] == ("NBS004", CH1)


def test_schema_error_messages_are_bilingual(mini: Path):
    edit(mini / CH2, "points: 3", "points: three")
    (f,) = lint(mini)
    assert f.code == "NBS100"
    assert "应为整数" in f.message("zh") and "must be a whole number" in f.message("en")


def test_modal_verbs_inside_words_do_not_count(mini: Path):
    # 因地制宜 and 应用 are ordinary words; 1.2 is a shall clause that also contains them
    edit(mini / CH1, "zh: 乡镇应因地制宜地应用", "zh: 乡镇应因地制宜地、可持续地应用")
    assert found(mini) == []


def test_lint_json_and_exit_codes(mini: Path, cli):
    code, out, _ = cli("lint", str(mini), "--format", "json")
    assert code == 0 and json.loads(out)["findings"] == []
    edit(mini / CH2, 'clauses: ["1.2"]', 'clauses: ["1.9"]')
    code, out, _ = cli("lint", str(mini), "--format", "json", "--lang", "en")
    doc = json.loads(out)
    assert code == 1
    assert [(f["code"], f["line"], f["clause"]) for f in doc["findings"]] == [("NBS104", 14, "2.1.1")]
    assert doc["findings"][0]["message_zh"].startswith("引用的条款 1.9 不存在")
    code, _, err = cli("lint", str(mini / "nowhere"))
    assert code == 2 and "nowhere" in err
