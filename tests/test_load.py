"""The loading layer: plain data plus exact positions, and a clear finding for every bad input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import ROOT
from nbscheck.load import Limits, LoadError, load_bytes, load_file, load_text


def codes(e: LoadError) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in e.findings]


def test_positions_for_any_json_path():
    text = "chapters:\n  - number: '3'\n    clauses:\n      - id: '3.1'\n        level: shall\n      - id: '3.2'\n        level: 应该\n"
    doc = load_text(text, "g.yaml")
    assert doc.data["chapters"][0]["clauses"][1]["level"] == "应该"
    p = doc.where(["chapters", 0, "clauses", 1, "level"])
    assert (p.file, p.line, p.column) == ("g.yaml", 7, 16)
    assert doc.where(["chapters", 0, "clauses", 0, "id"]).line == 4
    # a key position rather than its value
    assert doc.where(["chapters", 0, "clauses", 1, "level"], key=True).column == 9
    # a path that does not exist ends at the nearest parent that does
    assert doc.where(["chapters", 0, "missing"]).line == 2


def test_columns_count_characters_not_bytes():
    doc = load_text("名称: 龙观\n值: [甲, 乙]\n", "u.yaml")
    assert doc.where(["值", 1]).column == 8  # 值: [甲, 乙] -> 乙 is the 8th character (bytes would say 12)


def test_keys_stay_text_as_written():
    doc = load_text("answers:\n  7.10: a\n  7.1: b\n  yes: c\n", "k.yaml")
    assert list(doc.data["answers"]) == ["7.10", "7.1", "yes"]


def test_scalars_are_typed_and_dates_stay_text():
    doc = load_text("a: 12\nb: 1.5\nc: true\nd: ~\ne: 2025-01-01\nf: 0x1F\ng: '12'\n", "s.yaml")
    assert doc.data == {"a": 12, "b": 1.5, "c": True, "d": None, "e": "2025-01-01", "f": 31, "g": "12"}


def test_duplicate_key():
    with pytest.raises(LoadError) as e:
        load_text("a: 1\nb: 2\na: 3\n", "d.yaml")
    assert codes(e.value) == [("NBS005", 3, 1)]
    assert "line 1" in e.value.findings[0].message("en")


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!python/object/apply:os.system", "!custom", "!!binary"])
def test_unknown_tags_are_refused(tag):
    with pytest.raises(LoadError) as e:
        load_text(f"ok: 1\nbad: {tag} x\n", "t.yaml")
    assert codes(e.value) == [("NBS006", 2, 6)]


def test_tab_indentation():
    with pytest.raises(LoadError) as e:
        load_text("a:\n\tb: 1\n", "tab.yaml")
    assert codes(e.value) == [("NBS007", 2, 1)]


def test_syntax_error_has_position():
    with pytest.raises(LoadError) as e:
        load_text("a: [1, 2\nb: 3\n", "s.yaml")
    (f,) = e.value.findings
    assert f.code == "NBS004" and f.line == 2


def test_bad_utf8_points_at_the_byte():
    raw = "a: 好\nb: ".encode() + b"\xff\xfe\xfa" + b"\n"
    with pytest.raises(LoadError) as e:
        load_bytes(raw, "b.yaml")
    assert codes(e.value) == [("NBS002", 2, 4)]


def test_gbk_file_is_recognised():
    raw = "名称: 龙观乡\n".encode("gbk")
    with pytest.raises(LoadError) as e:
        load_bytes(raw, "gbk.yaml")
    f = e.value.findings[0]
    assert f.code == "NBS002" and "GB18030" in f.message("en") and "GB18030" in f.message("zh")


def test_utf16_is_recognised():
    with pytest.raises(LoadError) as e:
        load_bytes("a: 1\n".encode("utf-16"), "u16.yaml")
    assert e.value.findings[0].code == "NBS002" and "UTF-16" in e.value.findings[0].message("en")


def test_bom_is_a_warning_and_ignored():
    doc = load_bytes(b"\xef\xbb\xbfa: 1\n", "bom.yaml")
    assert doc.data == {"a": 1}
    assert [(w.code, w.severity.value) for w in doc.warnings] == [("NBS003", "warning")]


@pytest.mark.parametrize("text", ["", "   \n", "# only a comment\n", "---\n"])
def test_empty_file(text):
    with pytest.raises(LoadError) as e:
        load_text(text, "e.yaml")
    assert codes(e.value)[0][0] == "NBS008"


@pytest.mark.parametrize("text,found", [("- a\n- b\n", "a list"), ("just text\n", "a single value")])
def test_top_level_must_be_a_mapping(text, found):
    with pytest.raises(LoadError) as e:
        load_text(text, "l.yaml")
    assert codes(e.value) == [("NBS009", 1, 1)]
    assert found in e.value.findings[0].message("en")


def test_two_documents():
    with pytest.raises(LoadError) as e:
        load_text("a: 1\n---\nb: 2\n", "two.yaml")
    assert e.value.findings[0].code == "NBS015"


def test_binary_data(tmp_path: Path):
    p = tmp_path / "bin.yaml"
    p.write_bytes(b"a: 1\n\x00\x01\x02garbage")
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert codes(e.value) == [("NBS013", 2, 1)]


def test_missing_file(tmp_path: Path):
    with pytest.raises(LoadError) as e:
        load_file(tmp_path / "nope.yaml")
    assert e.value.findings[0].code == "NBS001"


def test_billion_laughs_is_refused_fast():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    start = time.perf_counter()
    with pytest.raises(LoadError) as e:
        load_text("\n".join(lines) + "\n", "bomb.yaml")
    assert time.perf_counter() - start < 2
    assert e.value.findings[0].code == "NBS012"


def test_aliases_within_limits_are_expanded():
    doc = load_text("base: &b {x: 1}\nuse: *b\nmerged:\n  <<: *b\n  y: 2\n", "alias.yaml")
    assert doc.data["use"] == {"x": 1} and doc.data["merged"] == {"x": 1, "y": 2}


def test_deep_flow_nesting_is_refused_before_parsing():
    start = time.perf_counter()
    with pytest.raises(LoadError) as e:
        load_text("a: " + "[" * 10000 + "]" * 10000 + "\n", "deep.yaml")
    assert time.perf_counter() - start < 2
    assert codes(e.value) == [("NBS011", 1, 4)]


def test_deep_block_nesting_is_refused():
    text = "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v: 1\n"
    with pytest.raises(LoadError) as e:
        load_text(text, "deep2.yaml")
    assert e.value.findings[0].code == "NBS011"


def test_size_limit(tmp_path: Path):
    p = tmp_path / "big.yaml"
    p.write_bytes(b"a: " + b"x" * 2000 + b"\n")
    with pytest.raises(LoadError) as e:
        load_file(p, Limits(max_bytes=1000))
    assert codes(e.value) == [("NBS010", 1, 1)]
    assert load_file(p, Limits(max_bytes=5000)).data["a"].startswith("xx")


def test_limits_are_adjustable():
    text = "a: " + "[" * 10 + "]" * 10 + "\n"
    with pytest.raises(LoadError):
        load_text(text, "n.yaml", Limits(max_depth=5))
    assert load_text(text, "n.yaml", Limits(max_depth=20)).data["a"] == [[[[[[[[[[]]]]]]]]]]


def test_fast_yaml_loader_resolves_every_tag_as_ruamel_does():
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    from nbscheck import load

    def compose(cls, text):
        ld = cls(text)
        try:
            return ld.get_single_node()
        finally:
            ld.dispose()

    def same(a, b):
        assert type(a) is type(b) and a.tag == b.tag, (a, b)
        assert (a.start_mark.line, a.start_mark.column) == (b.start_mark.line, b.start_mark.column)
        if isinstance(a, ScalarNode):
            assert a.value == b.value
        elif isinstance(a, MappingNode):
            for (k1, v1), (k2, v2) in zip(a.value, b.value, strict=True):
                same(k1, k2)
                same(v1, v2)
        else:
            for x, y in zip(a.value, b.value, strict=True):
                same(x, y)

    texts = [(ROOT / "examples" / name / "submission.yaml").read_text(encoding="utf-8") for name in ("qualifying", "with-mistakes")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "guideline").rglob("*.yaml"))[:6]]
    texts.append("\n".join(f"k{i}: {v}" for i, v in enumerate([
        "1", "-1", "+1", "0x1F", "0o17", "0b11", "1_000", "1.5", "-.5", ".inf", "-.INF", ".nan", "1e3", "1.0e+3",
        "true", "True", "FALSE", "yes", "no", "on", "off", "y", "n", "~", "null", "Null", "NULL", "", "2025-01-01",
        "2025-1-1", "2025-01-01T10:00:00Z", "2025-01-01 10:00:00.5 +8", "'1'", '"true"', "!!str 1", "!!int '7'",
        "=", "007", "09", "1:20", "190:20:30", "-x", ".", "0.", "+.inf", "中文", "[1, a, {b: 2.5}]",
        "{x: null, y: [true, ~]}", "|\n  block", ">-\n  folded", "&a 5", "*a", "{<<: *a}", "[-1, +2, .5]"])))
    for text in texts:
        same(compose(load._Loader, text), compose(load._FastLoader, text))
