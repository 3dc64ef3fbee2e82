"""The loading layer: plain data plus exact positions, and a clear finding for every bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from nbscheck.yaml.errors import LoadError
from nbscheck.yaml.limits import Limits
from nbscheck.yaml.load import load_bytes, load_file, load_text


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
    (f,) = e.value.findings  # on the line the bracket opens, not the line libyaml gave up on
    assert (f.code, f.line, f.column) == ("NBS004", 1, 4)
    assert f.message("zh") == "第 1 行的方括号“[”没有配对的“]”"


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


def test_the_checker_reads_a_gbk_file_and_still_calls_it_an_error():
    # Notepad's "ANSI": the encoding is told where the first Chinese character is, and the rest is read
    raw = "a: 1\n名称: 龙观乡\n".encode("gbk")
    doc = load_bytes(raw, "gbk.yaml", gbk=True)
    assert doc.data == {"a": 1, "名称": "龙观乡"}
    (f,) = doc.warnings
    assert (f.code, f.line, f.column) == ("NBS002", 2, 1) and "GBK" in f.message("zh")
    with pytest.raises(LoadError):  # a file that is not GBK either is still refused
        load_bytes(b"a: \xff\xff\xff\n", "bad.yaml", gbk=True)


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


def test_billion_laughs_is_refused():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    with pytest.raises(LoadError) as e:
        load_text("\n".join(lines) + "\n", "bomb.yaml")
    assert e.value.findings[0].code == "NBS012"


def test_aliases_within_limits_are_expanded():
    doc = load_text("base: &b {x: 1}\nuse: *b\nmerged:\n  <<: *b\n  y: 2\n", "alias.yaml")
    assert doc.data["use"] == {"x": 1} and doc.data["merged"] == {"x": 1, "y": 2}


def test_deep_flow_nesting_is_refused_before_parsing():
    with pytest.raises(LoadError) as e:
        load_text("a: " + "[" * 10000 + "]" * 10000 + "\n", "deep.yaml")
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

    from nbscheck.yaml import compose as load

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


# --- positions from composing only the lines that hold a value ---------------------------------------

TRICKY = """\
# a comment at the top
guideline: {id: bft-nbs, version: "1.0.0"}
township:
  name:
    zh: 某镇
    en: "Some: Town"
  code: '330212101'
note: |
  answers:
    5.1.1: this is text, not an answer
  still text
contact:
- name: 甲
  phone: "1"
-  name: 乙
answers:
  5.1.1:
    status: met
    value: 3
    evidence:
    - {path: a.pdf, kind: map}
    -   path: "b.pdf"
        kind: photo
# a comment at column 0 inside answers
  "5.1.2":
    status: partial
    note: a plain scalar
      that goes on
  '5.1.3': {status: not_met, value: 0}
  5.1.4:
    status: not_applicable
    justification: >-
      folded
      text

  5.1.5:
    status: met
period:
  start: 2024-01-01
  end: 2024-12-31
"""


def _all_paths(x, p=()):
    yield list(p)
    if isinstance(x, dict):
        for k, v in x.items():
            yield from _all_paths(v, p + (k,))
        yield list(p) + ["no-such-key"]
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from _all_paths(v, p + (i,))
        yield list(p) + [99]


@pytest.mark.parametrize("name", ["tricky", "tricky-big", "qualifying", "with-mistakes"])
def test_positions_from_regions_equal_positions_from_the_whole_file(name):
    if name.startswith("tricky"):
        text = TRICKY
        if name == "tricky-big":  # answers long enough to be cut per answer
            extra = "".join(f"  9.{i}.1:\n    status: met\n    note: x{'y' * 60}\n" for i in range(40))
            text = TRICKY.replace("period:\n", extra + "period:\n")
    else:
        text = (ROOT / "examples" / name / "submission.yaml").read_text(encoding="utf-8")
    fast = load_text(text, "f.yaml")
    assert fast.root is None, "the fast road declined; this test needs a fast-road document"
    whole = load_text(text, "f.yaml")
    whole.tree()
    paths = [p for p in _all_paths(fast.data) if p]
    real = [p for p in paths if "no-such-key" not in p and 99 not in p]
    assert len(real) >= 40
    for p in real:  # paths that exist, as findings name them
        for key in (False, True):
            assert fast.where(p, key) == whole.where(p, key), (p, key)
    assert fast.root is None, "every position of an existing path came from a region"
    for p in paths + [[]]:  # and paths that go past what exists (the whole file is composed for some)
        for key in (False, True):
            assert fast.where(p, key) == whole.where(p, key), (p, key)


def test_regions_are_refused_when_the_key_is_not_where_it_seems():
    """A run of lines is trusted only if its key occurs once at that indentation and its data is
    the file's data there; otherwise the whole file is composed and positions stay right."""
    from nbscheck.yaml.document import Document

    text = 'note: "one\nanswers: two"\nanswers:\n  5.1.1:\n    status: met\n'
    data = {"note": "one answers: two", "answers": {"5.1.1": {"status": "met"}}}
    doc = Document("f.yaml", data, text)  # as the fast road would leave it: no tree yet
    assert (doc.where(["answers"], key=True).line, doc.where(["answers", "5.1.1", "status"]).line) == (3, 5)
    assert doc.root is not None  # two lines start with "answers:": the whole file was composed
    text = "answers:\n  5.1.1:\n    status: met\n"
    doc = Document("f.yaml", {"answers": {"5.1.1": {"status": "partial"}}}, text)  # data not from this text
    assert doc.where(["answers", "5.1.1", "status"]).line == 3 and doc.root is not None
    doc = Document("f.yaml", {"answers": {"5.1.1": {"status": "met"}}}, text)
    assert doc.where(["answers", "5.1.1", "status"]).line == 3 and doc.root is None


def test_a_complex_mapping_key_is_refused_where_it_stands():
    text = "township:\n  name: 青溪乡\n? [a, b]\n: 1\n"
    with pytest.raises(LoadError) as e:
        load_text(text, "k.yaml")
    f = e.value.findings[0]
    assert (f.code, f.line, f.column) == ("NBS014", 3, 3)
    assert f.message("en") == "mapping keys must be plain text"


def test_positions_of_thousands_of_keys_come_from_one_index():
    """Asking where each of 3,000 keys is must not search the mapping 3,000 times (quadratic time):
    the mapping's keys are indexed once, and every position is still exact."""
    text = "answers:\n" + "".join(f'  "9.{i}.1": {{status: met}}\n' for i in range(3000))
    import nbscheck.yaml.document as load  # where positions are found since load.py was split

    scans = []
    real = load._key_starts
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(load, "_key_starts", lambda *a: scans.append(a[1:]) or real(*a))
        doc = load_text(text, "many.yaml")  # the fast road: positions from the lines of each answer
        positions = [doc.where(["answers", f"9.{i}.1"], key=True) for i in range(3000)]
    assert [(p.line, p.column) for p in positions] == [(i + 2, 3) for i in range(3000)]
    assert len(scans) == 2  # the top-level keys once, the answers' keys once
    doc.tree()  # with the whole node tree composed, the answers mapping is indexed once
    assert [doc.where(["answers", f"9.{i}.1"], key=True).line for i in range(3000)] == [i + 2 for i in range(3000)]
    assert len(doc._keys) == 1
