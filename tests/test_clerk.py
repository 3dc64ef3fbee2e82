"""Issue 12, the township clerk's first hour: unfilled answers, plain messages, did-you-mean and
fix hints. Real files in, exact findings out (code, line, column), and the words the reader sees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI, col_of, line_of
from nbscheck.check.checker import check_file
from nbscheck.yaml.pathwords import path_words

GOOD = (FIXTURES / "subs" / "good.yaml").read_text(encoding="utf-8")
CLERK = FIXTURES / "clerk"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    dst = tmp_path / "sub"
    shutil.copytree(FIXTURES / "subs", dst)
    return dst


def run(folder: Path, text: str):
    p = folder / "s.yaml"
    p.write_text(text, encoding="utf-8")
    return check_file(p, guideline_root=str(MINI), name="s.yaml")


def got(result) -> list[tuple[str, int, int, str | None]]:
    return [(f.code, f.line, f.column, f.clause) for f in result.findings]


def at(text: str, marker: str, nth: int = 1) -> tuple[int, int]:
    return line_of(text, marker, nth), col_of(text, marker, nth)


BLANK_212 = '''  "2.1.2":
    status:          # met | partial | not_met | not_applicable
    value:
    evidence:
      - {path: "", kind: map, description: ""}
    note: ""
'''
GOOD_212 = '''  "2.1.2":
    status: partial
    value: 60
    evidence:
      - {path: evidence/map.txt, kind: map}
'''


# --- item 3: unfilled is not wrong ------------------------------------------------------------


def test_an_answer_left_as_the_template_wrote_it_is_one_summary_after_the_real_mistakes(folder: Path):
    text = GOOD.replace(GOOD_212, BLANK_212).replace("value: 7.5", 'value: "7.5公顷"')
    r = run(folder, text)
    assert got(r) == [("NBS207", *at(text, '"7.5公顷"'), "2.1.3"), ("NBS260", *at(text, "answers:"), None)]
    f = r.findings[1]
    assert f.message("zh") == "已填 4/5 条答复，尚未填写 1 条：2.1.2"
    assert f.message("en") == "4 of 5 answers are filled in; 1 are not yet: 2.1.2"
    assert f.hint("zh") == "尚未填写的条款按“缺少答复”计分。"
    assert [(c.clause, c.status, c.earned) for c in r.score.clauses if c.clause == "2.1.2"] == [("2.1.2", "missing", 0.0)]


def test_an_unfilled_shall_clause_keeps_the_township_from_qualifying(folder: Path):
    start, end = GOOD.index('  "2.1.1":'), GOOD.index('  "2.1.2":')
    text = GOOD[:start] + BLANK_212.replace("2.1.2", "2.1.1").replace("kind: map", "kind: report") + GOOD[end:]
    r = run(folder, text)
    assert got(r) == [("NBS260", *at(text, "answers:"), None)]
    assert r.findings[0].hint("zh") == "尚未填写的条款按“缺少答复”计分；其中 1 条是“应”条款，全部填写前不能通过认定。"
    assert [(c.clause, c.status, c.earned) for c in r.score.clauses if c.clause == "2.1.1"] == [("2.1.1", "missing", 0.0)]
    assert not r.qualified and any(x.code == "NBS253" and "2.1.1" in x.args["clauses"] for x in r.score.reasons)


def test_an_empty_answer_key_is_unfilled_too(folder: Path):
    text = GOOD.replace(GOOD_212, '  "2.1.2":\n')
    r = run(folder, text)
    assert got(r) == [("NBS260", *at(text, "answers:"), None)]


def test_the_summary_shortens_a_long_list():
    from nbscheck.check.unfilled import shorten

    ids = [f"5.1.{i}" for i in range(1, 31)]
    zh, en = shorten(ids)
    assert zh == "、".join(ids[:12]) + " 等 30 条" and en == ", ".join(ids[:12]) + " … (30 in all)"


def test_a_begun_answer_without_status_is_a_mistake(folder: Path):
    text = GOOD.replace("status: partial", "status:")
    r = run(folder, text)
    assert got(r) == [("NBS263", line_of(text, "    status:", 2), 12, "2.1.2")]
    assert "met（" in r.findings[0].hint("zh")


def test_blank_template_rows_in_a_filled_answer_are_ignored(folder: Path):
    text = GOOD.replace("      - {path: evidence/map.txt, kind: map}\n",
                        "      - {path: evidence/map.txt, kind: map}\n      - {path: \"\", kind: photo, description: \"\"}\n")
    assert got(run(folder, text)) == []


def test_a_blank_row_is_not_the_evidence_it_names(folder: Path):
    text = GOOD.replace("      - {path: evidence/photo.txt, kind: photo}\n", "      - {path: \"\", kind: photo}\n")
    r = run(folder, text)
    assert got(r) == [("NBS212", line_of(text, "evidence:", 3) + 1, 7, "2.1.3")]


# --- item 4: aliases and did-you-mean -----------------------------------------------------------


def test_a_status_written_by_its_chinese_name_is_read_and_scored_with_a_warning(folder: Path):
    text = GOOD.replace("status: partial", "status: 部分符合")
    r = run(folder, text)
    assert got(r) == [("NBS261", *at(text, "部分符合"), "2.1.2")]
    assert r.findings[0].message("zh") == "“部分符合”已按 partial（部分符合）理解"
    assert r.findings[0].hint("zh") == "请改写为 status: partial，其他工具只认这个写法。"
    assert [(c.status, c.earned) for c in r.score.clauses if c.clause == "2.1.2"] == [("partial", 1.0)]
    assert r.qualified


def test_a_unit_written_by_its_name_is_the_unit(folder: Path):
    text = GOOD.replace("unit: ha", "unit: 公顷")
    r = run(folder, text)
    assert got(r) == [("NBS261", *at(text, "公顷"), "2.1.3")]
    assert r.findings[0].message("en") == "'公顷' was read as ha"


def test_a_misspelt_status_gets_a_suggestion(folder: Path):
    text = GOOD.replace("status: partial", "status: meet")
    r = run(folder, text)
    assert got(r) == [("NBS262", *at(text, "meet"), "2.1.2")]
    assert r.findings[0].message("zh") == "状态“meet”不是可选的状态，是否想写 met？"
    assert r.findings[0].hint("zh") == "status 可填：met（符合）、partial（部分符合）、not_met（不符合）、not_applicable（不适用）"


def test_another_unit_is_named_in_the_readers_language(folder: Path):
    text = GOOD.replace("unit: ha", "unit: species")
    r = run(folder, text)
    assert got(r) == [("NBS208", *at(text, "species"), "2.1.3")]
    assert r.findings[0].message("zh") == "单位应为 公顷（ha），实际写的是 种（species）"
    assert r.findings[0].message("en") == "the unit must be ha, not species"


def test_a_choice_written_by_its_name_gets_its_id(folder: Path):
    text = GOOD.replace("value: quarterly", "value: 每季度")
    r = run(folder, text)
    assert got(r) == [("NBS219", *at(text, "每季度"), "2.2.1")]
    assert r.findings[0].message("zh").endswith("，是否想写 quarterly？")


def test_an_evidence_kind_written_by_its_name_gets_its_id(folder: Path):
    text = GOOD.replace("kind: map}", "kind: 图件}")
    r = run(folder, text)
    assert got(r) == [("NBS218", *at(text, "图件"), "2.1.2")]
    assert r.findings[0].message("zh") == "不认识的证据类型 图件，是否想写 map？"
    assert r.findings[0].hint("zh") == "可用的证据类型（见指南的附录A）：report（报告）、map（图件）、photo（照片）"


def test_a_misspelt_key_gets_a_suggestion(folder: Path):
    text = GOOD.replace("justification:", "justifcation:")
    r = run(folder, text)
    assert got(r) == [("NBS200", *at(text, "justifcation"), "2.2.2")]
    assert "是否想写 justification？" in r.findings[0].message("zh")


# --- item 4: fix hints for what people type ------------------------------------------------------


@pytest.mark.parametrize("old,new,code,hint", [
    ("value: 60", 'value: "60%"', "NBS207", "百分数只写数字：value: 60（不带 %）"),
    ("value: 60", "value: 0.6", "NBS264", "百分数按 0–100 填写：85% 写作 85。确实不到 1% 时可忽略此提示。"),
    ("value: true", "value: 是", "NBS207", "“是”写成 true（不加引号）"),
    ("value: true", "value: 否", "NBS207", "“否”写成 false（不加引号）"),
    ("value: 7.5", "value: 7.5公顷", "NBS207", "value 只写数字，单位另起一行：value: 7.5 和 unit: ha（公顷）"),
    ("value: 7.5", 'value: "1,200"', "NBS207", "去掉千位分隔符：value: 1200"),
    ("value: 7.5", "value: ７.５", "NBS023", "把输入法切换到半角（英文）再输入数字。本文件其余内容已按“7.5”检查。"),
    ("start: 2025-01-01", "start: 2025年1月1日", "NBS200", "日期写成 2025-01-01（年-月-日，用短横线，月和日写两位）"),
    ("start: 2025-01-01", "start: 2025/1/1", "NBS200", "日期写成 2025-01-01（年-月-日，用短横线，月和日写两位）"),
])
def test_typed_in_mistakes_get_a_fix(folder: Path, old: str, new: str, code: str, hint: str):
    text = GOOD.replace(old, new, 1)
    r = run(folder, text)
    value = new.split(": ", 1)[1]
    assert [(f.code, f.line, f.column) for f in r.findings] == [(code, *at(text, value))]
    assert r.findings[0].hint("zh") == hint
    assert r.findings[0].hint("en")


def test_the_fraction_warning_names_the_percentage(folder: Path):
    r = run(folder, GOOD.replace("value: 60", "value: 0.6"))
    assert r.findings[0].message("zh") == "百分数 0.6 看起来像小数比例；是否想写 60？"


# --- item 4: plain words for places and formats ---------------------------------------------------


def test_json_paths_become_words():
    assert path_words(["answers", "5.5.2", "evidence", 0, "path"]) == (
        "条款 5.5.2 的第 1 个证据的 path", "the path of evidence 1 of clause 5.5.2")
    assert path_words(["answers", "5.5.2", "status"]) == ("条款 5.5.2 的 status", "the status of clause 5.5.2")
    assert path_words(["township", "code"]) == ("乡镇信息（township）的 code（行政区划代码）", "the code (division code) of the township")
    assert path_words([]) == ("顶层", "the top level")


def test_a_pattern_is_described_never_shown(folder: Path):
    text = GOOD.replace('"330203101"', '"33020310"')
    r = run(folder, text)
    assert got(r) == [("NBS200", *at(text, '"33020310"'), None)]
    assert r.findings[0].message("zh") == "乡镇信息（township）的 code（行政区划代码）写的是 “33020310”，应为9位乡级行政区划代码（9 位数字）"
    assert "[0-9]" not in r.findings[0].message("en") and "^" not in r.findings[0].message("en")


# --- item 4: evidence -------------------------------------------------------------------------


def test_a_name_that_differs_by_case_or_suffix_gets_did_you_mean(folder: Path):
    for written in ("evidence/MAP.TXT", "evidence/map", "Evidence/map.txt"):
        text = GOOD.replace("evidence/map.txt", written)
        r = run(folder, text)
        assert got(r) == [("NBS213", *at(text, written), "2.1.2")]
        assert r.findings[0].message("zh") == f"证据文件 {written} 不存在，是否指 evidence/map.txt？"


def test_a_missing_evidence_folder_is_one_finding(folder: Path):
    text = GOOD.replace("evidence/", "证据/")
    r = run(folder, text)
    assert got(r) == [("NBS266", *at(text, "证据/survey.txt"), "2.1.1")]
    assert r.findings[0].message("zh") == "证据文件夹 证据 不存在（5 个证据文件在其中，条款 2.1.1、2.1.2、2.1.3、2.2.1）"
    assert not r.valid


def test_a_backslash_in_double_quotes_is_explained(folder: Path):
    text = GOOD.replace("{path: evidence/map.txt", '{path: "evidence\\baogao.txt"')
    r = run(folder, text)
    assert got(r) == [("NBS265", *at(text, '"evidence\\baogao.txt"'), "2.1.2")]
    assert r.findings[0].message("zh").endswith("读出的路径变成了 evidenceaogao.txt")
    assert r.findings[0].hint("zh") == "改用正斜杠（evidence/baogao.txt），或改用单引号（'evidence\\baogao.txt'）。"


# --- every clerk-corpus file in English too ---------------------------------------------------


def test_english_messages_of_the_corpus_are_english():
    import re

    for path in sorted(CLERK.glob("*.yaml")):
        for f in check_file(path).findings:
            assert not re.search(r"[\u4e00-\u9fff]", f.hint("en")), (path.name, f.code, f.hint("en"))
