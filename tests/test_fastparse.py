"""The fast road (rapidyaml -> JSON) must give exactly the libyaml road's data, or decline."""

from __future__ import annotations

import itertools

import pytest

from conftest import ROOT
import nbscheck.yaml.compose as compose
import nbscheck.yaml.load as load
from nbscheck.yaml import fastroad as fastparse
from nbscheck.yaml.fastroad import available, fast_data
from nbscheck.yaml.errors import LoadError
from nbscheck.yaml.load import load_text

pytestmark = pytest.mark.skipif(not available(), reason="rapidyaml has no wheel on this platform")


def libyaml_data(text: str):
    saved = load._fast_ok
    load._fast_ok = False
    try:
        return load_text(text, "x.yaml").data
    finally:
        load._fast_ok = saved


def fast(text: str):
    return fast_data(text, compose.plain_tag, 64, compose.TYPED_ASCII)


def same_or_declined(text: str) -> bool:
    """True when the fast road declined; otherwise assert it agrees with libyaml."""
    got = fast(text)
    if got is None:
        return True
    try:
        expected = libyaml_data(text)
    except LoadError:
        raise AssertionError(f"fast road accepted what libyaml refuses: {text!r}")
    assert got == expected and _types(got) == _types(expected), text
    return False


def _types(v):
    if isinstance(v, dict):
        return {k: _types(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_types(x) for x in v]
    return type(v).__name__


def test_every_yaml_file_in_the_repository():
    files = [p for p in ROOT.rglob("*.y*ml") if ".venv" not in p.parts and "out" not in p.parts
             and p.suffix in (".yaml", ".yml")]
    assert len(files) > 40
    taken = 0
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace")
        taken += not same_or_declined(text)
    assert taken > 30  # the road is actually used for ordinary files


SCALARS = ["12", "-7", "1.5", "1e3", "-0.5e-2", "0", "012", "0o17", "0x1F", "0b101", "1_000", "+12", ".5", "1.",
           "true", "false", "True", "TRUE", "yes", "no", "on", "null", "Null", "NULL", "~", "", ".inf", "-.inf",
           ".nan", "2025-01-01", "2025-01-01T10:00:00Z", "1.0.0", "330203101", "0574-0000 0000", "a: b",
           "中文", "中文 # 注释", "=", "<", "NaN", "Infinity", "-Infinity", "1e400", "x#y", "it's", "3000 K", "≥ 90%", "evidence\\\\map.txt", "\\u00e9"]


@pytest.mark.parametrize("style", ["plain", "single", "double"])
def test_tricky_scalars(style: str):
    for s in SCALARS:
        if style == "plain":
            value = s
        elif style == "single":
            value = "'" + s.replace("'", "''") + "'"
        else:
            value = '"' + s.replace('"', '\\"') + '"'
        for text in (f"k: {value}\n", f"k:\n  - {value}\n", f"answers:\n  \"1.2\":\n    value: {value}\n"):
            try:
                libyaml_data(text)
            except LoadError:
                assert fast(text) is None or True  # invalid YAML: libyaml reports it, whatever the fast road says
                continue
            same_or_declined(text)


BLOCKS = ["k: |\n  line 1\n  line 2\n", "k: >\n  folded\n  text\n\n  para\n", "k: |-\n  strip\n", "k: |+\n  keep\n\n",
          "k: [a, b, {c: d}]\n", "k: {a: 1, b: [2, 3]}\n", "? complex\n: value\n", "k: 'multi\n  line'\n",
          "k: \"esc \\t \\n \\\\ \\\"\"\n", "k:\n- a\n- b\n", "k: v # comment\n# c\n", "a:\n  b:\n    c:\n      d: 1\n",
          "k: &a 1\nj: *a\n", "k: !!str 12\n", "a: 1\na: 2\n", "k: v\n---\nj: w\n", "k:\tv\n", "k: v\r\nj: w\r\n",
          "- a\n- b\n", "just text\n", "", "k: ''\n", "k: \"\"\n", "k:\n", "k: [ ]\n", "k: { }\n", "空: 值\n"]


@pytest.mark.parametrize("text", BLOCKS, ids=range(len(BLOCKS)))
def test_structures(text: str):
    try:
        libyaml_data(text)
    except LoadError:
        # refused by libyaml (or not a mapping): the fast road must not accept it
        assert fast(text) is None, text
        return
    same_or_declined(text)


def test_combinations_of_keys_and_values():
    keys = ["a", "7.10", "1.2", "yes", "中文键", "'q'"]
    values = ["1", "'1'", "x", "[1, '2']", "{a: b}", "null", "2025-01-01"]
    for k, v in itertools.product(keys, values):
        same_or_declined(f"{k}: {v}\nnext: 1\n")


def test_positions_are_the_same_whichever_road_read_the_data():
    text = "guideline:\n  id: x\nanswers:\n  \"5.1.1\":\n    status: met\n    value: 中文\n"
    doc = load_text(text, "p.yaml")
    assert doc.root is None  # the fast road read it: nothing composed yet
    assert (doc.where(["answers", "5.1.1", "value"]).line, doc.where(["answers", "5.1.1", "value"]).column) == (6, 12)
    assert doc.root is None  # found by composing only the answers' lines
    assert doc.node_at(["answers", "5.1.1", "value"]).start_mark.line == 5  # the whole tree, on demand
    assert doc.root is not None


def test_no_memory_is_kept_per_file():
    """rapidyaml's emit_json_malloc leaks its buffer (about 70 KB a file); the road must not."""
    import resource

    text = (ROOT / "examples" / "qualifying" / "submission.yaml").read_text(encoding="utf-8")
    assert fast(text) is not None
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(600):
        fast(text)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 15_000, f"{grown_kb} KB kept after 600 files (a leak would keep about 40 MB)"


def test_a_file_larger_than_the_buffer():
    big = "answers:\n" + "".join(f"  k{i}: {'长文本' * 400}\n" for i in range(600))
    assert len(big.encode()) > 1 << 20
    assert fast(big) == libyaml_data(big)


def test_typed_patterns_are_the_ones_checked_by_hand():
    """The narrow look for typed-looking strings relies on ruamel.yaml's typing patterns as checked;
    if a new ruamel.yaml changes them, the fast road must fall back to looking at every string."""
    assert compose.TYPED_ASCII, "ruamel.yaml's implicit typing patterns changed: review fastparse._CANDIDATE"
    for value in ("0x1F", "1_000", "+.inf", ".NaN", "TRUE", "~", "012", "0o17", "-1e3", "1.5e+3"):
        assert compose.plain_tag(value) != "str", value
        assert fastparse._CANDIDATE.fullmatch(f'"{value}"'), value


def test_declines_special_characters_only_where_a_token_starts():
    assert fast("contact: a@b.cn\nnote: x&y, x*y\n") == {"contact": "a@b.cn", "note": "x&y, x*y"}
    for text in ("a: &x 1\nb: *x\n", "a: !!str 1\n", "a: @x\n", "a: [1, *x]\n", "a: `x`\n",
                 "a: 1\r\n", "a:\n\t- 1\n", "a: 1\u2028\n", "<<: {b: 1}\n", "%YAML 1.2\n---\na: 1\n",
                 "a: 1\n---\nb: 2\n", "a: 1\n...\n"):
        assert fast(text) is None, text
