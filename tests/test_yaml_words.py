"""Issue 12, items 1 and 2: look-alike characters found before parsing (and corrected where their
meaning is certain), and YAML syntax errors in a clerk's words on the mistaken line, all in one run.
Real files in, exact findings out (code, line, column), positions as the file is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI, col_of, line_of
from nbscheck.check.checker import check_file
from nbscheck.yaml.errors import LoadError
from nbscheck.yaml.load import load_bytes
from nbscheck.yaml.lookalike import scan

ROOT = Path(__file__).resolve().parents[1]
GOOD = (FIXTURES / "subs" / "good.yaml").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    dst = tmp_path / "sub"
    shutil.copytree(FIXTURES / "subs", dst)
    return dst


def run(folder: Path, text: str, newline: str = "\n"):
    p = folder / "s.yaml"
    p.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return check_file(p, guideline_root=str(MINI), name="s.yaml")


def got(result) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in result.findings]


def at(text: str, marker: str, nth: int = 1) -> tuple[int, int]:
    return line_of(text, marker, nth), col_of(text, marker, nth)


def syntax(text: str) -> list[tuple[str, int, int]]:
    with pytest.raises(LoadError) as e:
        load_bytes(text.encode("utf-8"), "s.yaml")
    return [(f.code, f.line, f.column) for f in e.value.findings]


# --- item 1: look-alike characters --------------------------------------------------------------


def test_every_look_alike_is_found_in_one_run_and_the_rest_is_checked_as_corrected(folder: Path):
    text = (GOOD.replace("    status: partial", "    status：partial")          # full-width colon, no space
            .replace('code: "330203101"', "code: “330203101”")                 # full-width quotes
            .replace("    value: 7.5", "　　　　value: ７.５")                  # ideographic indent, full-width digits
            .replace("{path: evidence/map.txt, kind: map}", "{path: evidence/map.txt， kind：map}")
            .replace("    value: quarterly", "    value:\u00a0quarterly")       # a no-break space after the colon
            .replace("  name: 张三", "  name: 张三　"))                          # a trailing full-width space
    r = run(folder, text)
    assert r.parsed
    assert got(r) == [
        ("NBS020", *at(text, "“")), ("NBS020", *at(text, "”")),
        ("NBS022", *at(text, "张三　") [0:1], col_of(text, "张三　") + 2),
        ("NBS020", *at(text, "：")),
        ("NBS020", *at(text, "，")), ("NBS020", *at(text, "：", 2)),
        ("NBS021", *at(text, "　　　　")), ("NBS023", *at(text, "７.５")),
        ("NBS021", *at(text, "\u00a0")),
    ]
    f = r.findings[3]
    assert f.message("zh") == f"第 {f.line} 行用了全角冒号“：”，请改成半角冒号加空格“: ”"
    assert f.message("en") == f"line {f.line} uses the full-width colon '：': write ': ' (a half-width colon and a space) instead"
    assert r.findings[6].message("zh") == f"第 {r.findings[6].line} 行的缩进里有全角空格（U+3000），看不出来但 YAML 不认"
    assert r.findings[7].message("zh") == f"第 {r.findings[7].line} 行的数字“７.５”用了全角字符，请改成半角“7.5”"
    # checked as corrected: the answers read as the clerk meant them, so nothing else is wrong
    assert {c.clause: c.status for c in r.score.clauses} == {"2.1.1": "met", "2.1.2": "partial", "2.1.3": "met",
                                                             "2.2.1": "met", "2.2.2": "not_applicable"}


def test_positions_after_a_correction_are_those_of_the_file_as_written(folder: Path):
    # "：" became ": " (one character more); "meet" is reported where the clerk typed it
    text = GOOD.replace("    status: partial", "    status：meet")
    r = run(folder, text)
    assert got(r)[:2] == [("NBS020", *at(text, "：")), ("NBS262", *at(text, "meet"))]
    # a zero-width space deleted before the key: the later finding keeps its column too
    text = GOOD.replace("    status: partial", "    \u200bstatus: meet")
    r = run(folder, text)
    assert got(r)[:2] == [("NBS021", *at(text, "\u200b")), ("NBS262", *at(text, "meet"))]
    assert r.text == text  # the source shown under a finding is the file as written


def test_crlf_files_give_the_same_findings(folder: Path):
    text = GOOD.replace("    status: partial", "    status：meet").replace("  name: 张三", "  name: 张三\u200b")
    assert got(run(folder, text)) == got(run(folder, text, "\r\n"))


PROSE = '''contact:
  name: 张三
  note: 会议纪要：“美丽乡村”建设，见附件１，完成率８５％。
  title: “白沙镇”生态修复方案
  en: “Sponge city” works
  list: [水稻，小麦]
  text: |
    status：met
    　　第一段：全角缩进是正文的一部分。
notes:
  - 第一条：见报告，“已完成”
  - “说明”
'''


def test_full_width_characters_in_free_text_are_left_alone():
    assert scan(PROSE, "p.yaml") is None
    doc = load_bytes(PROSE.encode("utf-8"), "p.yaml")
    assert doc.warnings == [] and doc.data["contact"]["list"] == ["水稻，小麦"]


@pytest.mark.parametrize("path", sorted(p for d in ("examples", "guideline") for p in (ROOT / d).rglob("*.yaml")),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_the_shipped_guideline_and_examples_have_no_look_alikes(path: Path):
    found = scan(path.read_text(encoding="utf-8"), path.name)
    assert found is None, [(f.code, f.line, f.column, f.message("zh")) for f in found.findings]


def test_an_uncertain_full_width_colon_is_named_only_when_the_line_cannot_be_read():
    text = "answers:\n  x:\n    说明：见附件\n    value: 1\n"
    assert syntax(text) == [("NBS020", 3, 7)]


# --- item 2: syntax errors in the clerk's words -----------------------------------------------

CASES = [
    ('a:\n  x: "abc\n  y: 2\n  z: 3\nw: "q"\n', [("NBS024", 2, 6)]),          # opens on line 2, fails on 5
    ("a:\n  x: 1\n   y: 2\n  z: 3\n", [("NBS025", 3, 4)]),
    ("a:\n  x: 1\n y: 2\n  z: 3\n", [("NBS025", 3, 2)]),
    ('a:\n  "5.1.1":\n    status:met\n    value: true\n  b: 1\n', [("NBS026", 3, 11)]),  # libyaml: line 4
    ("a:\n  ev:\n    - p: 1\n   - p: 2\n  z: 3\n", [("NBS027", 4, 4)]),
    ("a:\n  ev: [a, b\n  z: 3\n", [("NBS004", 2, 7)]),
    ("a:\n  note: 时间: 下午\n", [("NBS028", 2, 9)]),
    ('a:\n  p: "C:\\Users\\wang"\n', [("NBS029", 2, 6)]),
    ("a:\n\tx: 1\n", [("NBS007", 2, 1)]),
    # the first key of a block moved: libyaml stumbles on the next line, which the rest agrees with
    ("a:\n   x: 1\n  y: 2\n  z: 3\n", [("NBS025", 2, 4)]),
    ('answers:\n   "5.1.1":\n    status: met\n  "5.1.2":\n    status: met\n  "5.1.3":\n    status: met\n', [("NBS025", 2, 4)]),
    (" a: 1\nb: 2\nc: 3\n", [("NBS025", 1, 2)]),
    ('a:\n  x: 1\n  y: "abc\n  z: 3\nw: "q"\n', [("NBS024", 3, 6)]),
    ("a: {b: 1\nc: [\n", [("NBS004", 1, 4), ("NBS004", 2, 4)]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_a_syntax_error_is_told_on_the_line_of_the_mistake(text: str, expected: list):
    assert syntax(text) == expected


def test_several_syntax_errors_come_in_one_run():
    text = ('guideline:\n  id: "mini\n  version: 1.0.0\n'          # a quote that never closes
            "contact:\n  name:张三\n  phone: 1\n"                    # no space after the colon
            "answers:\n  \"2.1.1\":\n    status: met\n     value: true\n"  # a key one space too far
            "  \"2.1.2\":\n    evidence: [a, b\n")                 # an unclosed bracket
    assert syntax(text) == [("NBS024", 2, 7), ("NBS026", 5, 7), ("NBS025", 10, 6), ("NBS004", 12, 15)]


def test_syntax_messages_speak_plain_chinese_and_english():
    with pytest.raises(LoadError) as e:
        load_bytes('a:\n  x: "abc\n  y: 2\n'.encode(), "s.yaml")
    (f,) = e.value.findings
    assert f.message("zh") == "第 2 行的双引号“\"”没有配对：从这里开始，到行末还没有结束"
    assert f.hint("zh") == "在值的末尾补上同样的引号，或删去这个引号；值里本身要用引号时，外面改用另一种引号。"
    assert f.message("en") == "line 2: the double quote '\"' is not paired: it opens here and does not close on the line"
    with pytest.raises(LoadError) as e:
        load_bytes(b"a:\n  x: 1\n  y: 2\n z: 3\n", "s.yaml")
    (f,) = e.value.findings
    assert (f.code, f.message("zh")) == ("NBS025", "第 4 行“z”的缩进不对：与上下文的键都对不齐")
    assert f.hint("zh") == "与第 3 行的“y”对齐：行首留 2 个空格。"


def test_an_unknown_problem_still_gets_plain_words():
    with pytest.raises(LoadError) as e:
        load_bytes(b"a: &x 1\nb: *y\n", "s.yaml")
    (f,) = e.value.findings
    assert f.code == "NBS004" and f.line == 2
    assert f.message("zh") == "第 2 行的写法无法读取"
    assert "alias" not in f.message("zh") + f.hint("zh")
