"""`nbscheck lint` reads the words: numbers (NBS130-131), terms (NBS132-134), citations (NBS135-138).

Each test edits a private copy of the mini guideline and asserts the exact findings (code, file,
line, column), the line and column taken from the edited text itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, col_of, edit, line_of
from nbscheck.lint import quantities as q
from nbscheck.lint.runner import lint
from test_lint import found

CH1 = "chapters/01-general.yaml"
CH2 = "chapters/02-measures.yaml"
ANNEX = "chapters/annex-a.yaml"


def at(text: str, marker: str, nth: int = 1) -> tuple[int, int]:
    return line_of(text, marker, nth), col_of(text, marker, nth)


def set_text(mini: Path, old_zh: str, zh: str, old_en: str, en: str, file: str = CH2) -> str:
    edit(mini / file, f"zh: {old_zh}", f"zh: {zh}")
    return edit(mini / file, f"en: {old_en}", f"en: {en}")


# --- numbers ------------------------------------------------------------------------------------

def test_a_share_in_the_text_that_is_not_the_target(mini: Path):
    text = set_text(mini, "新增绿化宜使用本地物种。", "新增绿化中本地物种的比例宜不低于70 %。",
                    "New planting should use native species.", "At least 70 % of new planting should be native species.")
    assert found(mini) == [("NBS130", CH2, *at(text, "新增绿化中"))]
    (f,) = [f for f in lint(mini) if f.code == "NBS130"]
    assert f.message("zh") == "条文写的是 70%，与指标的达标值 80% 不一致"
    assert f.message("en") == "the text says 70 %, but the indicator's target is 80 %"
    set_text(mini, "新增绿化中本地物种的比例宜不低于70 %。", "新增绿化中本地物种的比例宜不低于80 %。",
             "At least 70 % of new planting should be native species.", "At least 80 % of new planting should be native species.")
    assert found(mini) == []


def test_an_area_in_the_text_is_compared_in_the_indicator_unit(mini: Path):
    # 2.1.3's indicator is in ha (公顷) with a target of at least 5; 200 m is another unit and is left alone
    text = set_text(mini, "乡镇应恢复退化湿地。", "乡镇应在河道200 m范围内恢复不少于3公顷退化湿地。",
                    "The township shall restore degraded wetland.",
                    "The township shall restore at least 3 ha of degraded wetland within 200 m of the river.")
    assert found(mini) == [("NBS130", CH2, *at(text, "乡镇应在河道"))]
    edit(mini / CH2, "target: {at_least: 5}", "target: {at_least: 5}\n            grading:\n              levels:\n"
         "                - {at_least: 5, status: met}\n                - {at_least: 3, status: partial}")
    assert found(mini) == []  # 3 hm² is the threshold of a grading level


def test_a_number_only_in_one_language(mini: Path):
    text = set_text(mini, "乡镇应完成本底调查。", "乡镇应在3年内完成本底调查。",
                    "The township shall complete a baseline survey.", "The township shall complete a baseline survey.")
    assert found(mini) == [("NBS131", CH2, *at(text, "乡镇应在3年内"))]
    (f,) = lint(mini)
    assert f.message("zh") == "中文中的数字“3”在英文中没有对应"
    assert f.message("en") == "the number 3 in the Chinese text has no counterpart in the English text"
    text = set_text(mini, "乡镇应在3年内完成本底调查。", "乡镇应在三年内完成本底调查。",
                    "The township shall complete a baseline survey.", "The township shall complete a baseline survey within 4 years.")
    assert found(mini) == [("NBS131", CH2, *at(text, "The township shall complete a baseline survey within"))]


def test_the_cli_reports_file_line_column_in_either_language(mini: Path, cli):
    text = set_text(mini, "乡镇应完成本底调查。", "乡镇应在3年内完成本底调查。",
                    "The township shall complete a baseline survey.", "The township shall complete a baseline survey.")
    line, col = at(text, "乡镇应在3年内")
    code, out, _ = cli("lint", str(mini), "--lang", "en", "--color", "never")
    assert code == 1
    assert f"{CH2}:{line}:{col}: error NBS131 [2.1.1] the number 3 in the Chinese text has no counterpart in the English text" in out
    code, out, _ = cli("lint", str(mini), "--color", "never")
    assert f"{CH2}:{line}:{col}: 错误 NBS131 [2.1.1] 中文中的数字“3”在英文中没有对应" in out


def test_clause_numbers_are_compared_as_pointers_not_quantities(mini: Path):
    text = set_text(mini, "乡镇应完成本底调查。", "乡镇应按1.2的要求完成本底调查。",
                    "The township shall complete a baseline survey.", "The township shall complete a baseline survey as 2.1.3 requires.")
    assert found(mini) == [("NBS131", CH2, *at(text, "乡镇应按1.2")),
                           ("NBS131", CH2, *at(text, "The township shall complete a baseline survey as"))]
    set_text(mini, "乡镇应按1.2的要求完成本底调查。", "乡镇应按1.2的要求完成本底调查。",
             "The township shall complete a baseline survey as 2.1.3 requires.", "The township shall complete a baseline survey as 1.2 requires.")
    assert found(mini) == []


SAME = [  # Chinese and English that state the same numbers
    ("近5年内", "in the last five years"),
    ("第3年年底前", "by the end of the third year"),
    ("5 hm²", "5 ha"),
    ("10 %", "10%"),
    ("1∶10 000", "1:10,000"),
    ("3～5处", "3-5 sites"),
    ("2022年12月", "December 2022"),
    ("2023年5月18日", "18 May 2023"),
    ("不少于100万元", "at least 1,000,000 yuan"),
    ("每千人", "per 1,000 residents"),
    ("按 GB 3838—2002 和 HJ 710.1 评价", "by GB 3838 and HJ 710.1"),  # codes of standards are not numbers
    ("a) 本底；b) 规划", "a) baseline; b) planning"),
    ("1) 本底；2) 规划", "baseline and planning"),                       # list numbering is not a number
    ("（1）本底；（2）规划", "baseline and planning"),
    ("类群数（共4类）", "groups (out of 4)"),
    ("吨二氧化碳当量", "t CO2e"),
    ("百分之十", "10 per cent"),
    ("两个阶段", "two stages"),
]


@pytest.mark.parametrize("zh,en", SAME)
def test_the_same_numbers_written_differently(zh: str, en: str):
    for a, b in ((zh, en), (en, zh)):
        answers = q.values(b)
        missing = [n.written for n in q.digits(a) if not n.reference and n.value != 1 and not n.values & answers]
        assert missing == [], (a, b)


def test_what_is_read_as_a_number():
    assert [(n.written, n.reference) for n in q.digits("见5.1.2和3.26，不少于2.5 m，GB/T 1.1—2020，1) 本底", frozenset({"3.26"}))] == [
        ("5.1.2", True), ("3.26", True), ("2.5", False)]
    assert [n.written for n in q.quantities_with_unit("不少于3～5 hm²，宽200 m", ("hm²",))] == ["3", "5"]
    assert [n.written for n in q.quantities_with_unit("管径5 mm，历时10 min，长200 m", ("m", "米"))] == ["200"]


# --- terms --------------------------------------------------------------------------------------

def test_a_term_defined_in_passing_but_not_in_chapter_3(mini: Path):
    text = edit(mini / CH2, "          en: The township shall complete a baseline survey.\n",
                "          en: The township shall complete a baseline survey.\n        notes:\n"
                "          - zh: 本条所称“本底年”指完成本底调查的年份。\n"
                "            en: In this clause, \"baseline year\" means the year the baseline survey is completed.\n")
    assert found(mini) == [("NBS132", CH2, *at(text, "本条所称")), ("NBS132", CH2, *at(text, "In this clause"))]
    (f, _) = lint(mini)
    assert f.message("zh") == "“本底年”在此被当作术语使用，但第3章没有定义它"


def test_a_term_pointed_at_or_listed_as_a_term(mini: Path):
    text = edit(mini / CH1, "zh: 本文件适用于乡镇。", "zh: 本文件适用于乡镇。“重要生境”的含义见2.1。")
    edit(mini / CH1, "en: This document applies to townships.", "en: This document applies to townships. For 2.1, see there.")
    assert found(mini) == [("NBS132", CH1, *at(text, "本文件适用于乡镇"))]


def test_a_term_defined_twice(mini: Path):
    text = edit(mini / CH2, "zh: 本地物种更适应当地气候。", "zh: 生态廊道指连接生境斑块的带状空间。")
    assert found(mini) == [("NBS133", CH2, *at(text, "生态廊道指"))]
    assert lint(mini)[0].message("zh") == "术语“生态廊道”重复定义（另见 3.1）"
    edit(mini / CH2, "zh: 生态廊道指连接生境斑块的带状空间。", "zh: 本地物种更适应当地气候。")
    text = edit(mini / "terms.yaml", "term: {zh: 本地物种, en: native species}", "term: {zh: 生态廊道, en: native species}")
    assert found(mini) == [("NBS133", "terms.yaml", *at(text, "生态廊道", 2))]
    assert lint(mini)[0].message("en").startswith("the term '生态廊道' is defined twice (see also 3.1 (")


def test_a_term_defined_but_never_used(mini: Path):
    text = edit(mini / "terms.yaml", "    definition: {zh: 在本地区自然分布的物种。, en: A species that occurs naturally in the area.}\n",
                "    definition: {zh: 在本地区自然分布的物种。, en: A species that occurs naturally in the area.}\n"
                "  - id: light-pollution\n    number: \"3.3\"\n    term: {zh: 光污染, en: light pollution}\n"
                "    definition: {zh: 人工光对生物和人的不利影响。, en: Harm that artificial light does to wildlife and people.}\n")
    assert found(mini) == [("NBS134", "terms.yaml", *at(text, "光污染"))]
    # pointed at by a clause, it is used even where the clause says it in other words
    edit(mini / CH2, "terms: [corridor]", "terms: [corridor, light-pollution]")
    assert found(mini) == []


# --- citations ----------------------------------------------------------------------------------

NORMATIVE = """references:
  - id: gb-3838
    code: GB 3838
    title: {zh: 地表水环境质量标准, en: Environmental quality standards for surface water}
"""
BIBLIOGRAPHY = """kind: annex
number: A
annex_type: informative
title: {zh: 参考文献, en: Bibliography}
references:
  - id: gb-t-1-1
    code: GB/T 1.1—2020
    title: {zh: 标准化工作导则 第1部分：标准化文件的结构和起草规则, en: "Directives for standardization — Part 1: Rules for the structure and drafting of standardizing documents"}
  - id: iucn
    code: IUCN (2020)
    title: {zh: IUCN基于自然的解决方案全球标准：审核、设计和推广框架, en: "IUCN Global Standard for Nature-based Solutions: a framework"}
"""


@pytest.fixture
def cited(mini: Path) -> Path:
    """The mini guideline with both lists, every document cited where it belongs: lint clean."""
    edit(mini / CH1, "clauses:\n", NORMATIVE + "clauses:\n")
    (mini / ANNEX).write_text(BIBLIOGRAPHY, encoding="utf-8")
    edit(mini / "guideline.yaml", "  - 02-measures.yaml\n", "  - 02-measures.yaml\n  - annex-a.yaml\n")
    set_text(mini, "乡镇应恢复退化湿地。", "乡镇应恢复退化湿地，水质按 GB 3838 评价。",
             "The township shall restore degraded wetland.", "The township shall restore degraded wetland, with water quality rated by GB 3838.")
    set_text(mini, "本地物种更适应当地气候。", "本地物种更适应当地气候（见 GB/T 1.1—2020 和 IUCN 基于自然的解决方案全球标准）。",
             "Native species suit the local climate.", "Native species suit the local climate (see GB/T 1.1—2020 and the IUCN Global Standard for Nature-based Solutions).")
    assert found(mini) == []
    return mini


def test_cited_but_listed_nowhere(cited: Path):
    text = set_text(cited, "乡镇应完成本底调查。", "乡镇应按 HJ 710.1 完成本底调查。",
                    "The township shall complete a baseline survey.", "The township shall complete a baseline survey by HJ 710.1.")
    assert found(cited) == [("NBS135", CH2, *at(text, "乡镇应按 HJ")), ("NBS135", CH2, *at(text, "The township shall complete a baseline survey by"))]
    assert lint(cited)[0].message("en") == "HJ 710.1 is cited but listed neither in the normative references nor in the bibliography"


def test_listed_but_never_cited(cited: Path):
    set_text(cited, "本地物种更适应当地气候（见 GB/T 1.1—2020 和 IUCN 基于自然的解决方案全球标准）。", "本地物种更适应当地气候（见 GB/T 1.1—2020）。",
             "Native species suit the local climate (see GB/T 1.1—2020 and the IUCN Global Standard for Nature-based Solutions).",
             "Native species suit the local climate (see GB/T 1.1—2020).")
    annex = (cited / ANNEX).read_text(encoding="utf-8")
    assert found(cited) == [("NBS136", ANNEX, *at(annex, "IUCN (2020)"))]
    assert lint(cited)[0].message("zh") == "参考文献中列出的 IUCN (2020) 在正文中没有被引用"


def test_a_normative_reference_cited_only_in_a_note(cited: Path):
    set_text(cited, "乡镇应恢复退化湿地，水质按 GB 3838 评价。", "乡镇应恢复退化湿地。",
             "The township shall restore degraded wetland, with water quality rated by GB 3838.", "The township shall restore degraded wetland.")
    text = edit(cited / CH2, "（见 GB/T 1.1—2020 和", "（见 GB 3838、GB/T 1.1—2020 和")
    ch1 = (cited / CH1).read_text(encoding="utf-8")
    assert found(cited) == [("NBS137", CH1, *at(ch1, "GB 3838"))]
    assert "只在注、示例等资料性内容中被引用，应移入参考文献" in lint(cited)[0].message("zh")
    assert text  # the note still cites GB/T 1.1—2020 and the IUCN standard, as the bibliography wants


def test_a_bibliography_entry_cited_in_a_requirement(cited: Path):
    text = set_text(cited, "乡镇宜与高校合作开展研究。", "乡镇宜按 GB/T 1.1—2020 与高校合作编写研究报告。",
                    "The township should work with universities on research.",
                    "The township should write research reports with universities following GB/T 1.1—2020.")
    assert found(cited) == [("NBS137", CH2, *at(text, "乡镇宜按 GB/T")),
                            ("NBS137", CH2, *at(text, "The township should write research reports"))]


def test_dated_and_undated_citations_follow_the_list(cited: Path):
    text = set_text(cited, "乡镇应恢复退化湿地，水质按 GB 3838 评价。", "乡镇应恢复退化湿地，水质按 GB 3838—2002 评价。",
                    "The township shall restore degraded wetland, with water quality rated by GB 3838.",
                    "The township shall restore degraded wetland, with water quality rated by GB 3838.")
    text = edit(cited / CH2, "（见 GB/T 1.1—2020 和", "（见 GB/T 1.1 和")
    assert found(cited) == [("NBS138", CH2, *at(text, "本地物种更适应当地气候")),
                            ("NBS138", CH2, *at(text, "乡镇应恢复退化湿地"))]
    undated, dated = lint(cited)
    assert dated.message("zh") == "此处注日期引用 GB 3838—2002，但规范性引用文件（第2章）不注日期列出：GB 3838"
    assert undated.message("en") == "GB/T 1.1 is cited undated here, but the bibliography lists it dated: GB/T 1.1—2020"
    edit(cited / CH2, "（见 GB/T 1.1 和", "（见 GB/T 1.1—2009 和")
    edition = [f for f in lint(cited) if f.args["ref"] != "GB 3838—2002"]
    assert [f.message("zh") for f in edition] == ["此处按 2009 年版引用 GB/T 1.1—2009，但参考文献按 2020 年版列出：GB/T 1.1—2020"]


# --- the shipped versions -----------------------------------------------------------------------

def test_the_released_1_1_0_shows_the_defects_issue_14_names():
    """1.1.0 is frozen: lint reports what the 2.0.0 draft fixes, at the places the issue names."""
    rel = ROOT / "guideline" / "releases" / "1.1.0"
    got = {(f.code, Path(f.file).name, f.line, f.args.get("term") or f.args.get("ref")) for f in lint(rel)}
    assert {("NBS132", "07-measures.yaml", 14, "规划期"), ("NBS132", "07-measures.yaml", 14, "本底年"),
            ("NBS132", "06-planning.yaml", 392, "重要生境")} <= got  # used but defined only in passing
    assert ("NBS137", "02-references.yaml", 58, "IUCN (2020)") in got  # informative, yet listed as normative
    assert ("NBS138", "05-baseline.yaml", 56, "HJ 710.1") in got       # listed dated, cited undated
    assert ("NBS135", "foreword.yaml", 8, "GB/T 1.1—2020") in got      # cited, listed nowhere


def test_the_working_draft_lints_clean_under_the_wording_rules():
    assert [(f.code, f.file, f.line) for f in lint() if f.code[:5] == "NBS13"] == []
