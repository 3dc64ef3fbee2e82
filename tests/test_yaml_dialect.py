"""The YAML dialect nbscheck reads (docs/submission-format.md, "YAML dialect"), on both roads.

Each case is a real file on disk, read through ``load_file`` once with the fast road allowed and
once with the libyaml reference alone: the findings (code, line, column) or the data must be the
same, and must be what the dialect promises.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import nbscheck.yaml.load as load
from conftest import ROOT
from nbscheck.yaml.errors import LoadError
from nbscheck.yaml.limits import Limits
from nbscheck.yaml.load import load_file


def both_roads(path: Path, limits: Limits = Limits()):
    """What ``load_file`` gives on the fast road and on the reference alone (must be equal)."""
    out = []
    for fast in (True, False):
        saved = load._fast_ok
        load._fast_ok = fast and saved
        try:
            out.append(("data", load_file(path, limits).data))
        except LoadError as e:
            out.append(("findings", [(f.code, f.line, f.column) for f in e.findings]))
        finally:
            load._fast_ok = saved
    assert out[0] == out[1], out
    return out[0]


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return p


@pytest.mark.parametrize("text, line, column", [
    ("evidence:\n  - {path: C:\\Users\\a.pdf, kind: plan}\n", 2, 13),   # a Windows path in flow style
    ("links: {url: http://example.org/a}\n", 1, 18),                      # a URL
    ("meeting:\n  at: {time: 14:30}\n", 2, 16),                           # a time of day
    ("list: [http://x, y]\n", 1, 12),
])
def test_a_colon_inside_flow_style_is_one_positioned_finding(tmp_path, text, line, column):
    assert both_roads(write(tmp_path, text)) == ("findings", [("NBS017", line, column)])


def test_the_same_values_quoted_or_in_block_style_are_read(tmp_path):
    text = ('evidence:\n  - {path: "C:\\\\Users\\\\a.pdf", kind: plan}\n  - path: C:\\Users\\b.pdf\n    kind: plan\n'
            'links: {url: "http://example.org/a"}\nat: 14:30\n')
    kind, data = both_roads(write(tmp_path, text))
    assert data == {"evidence": [{"path": "C:\\Users\\a.pdf", "kind": "plan"}, {"path": "C:\\Users\\b.pdf", "kind": "plan"}],
                    "links": {"url": "http://example.org/a"}, "at": "14:30"}


@pytest.mark.parametrize("text, line, column, char", [
    ("a: b\n# a comment \x01\n", 2, 13, "U+0001"),   # a control character in a comment
    ("a: b\x7f\n", 1, 5, "U+007F"),                  # DEL in a value
    ("a:\n  b: 'x\x9f'\n", 2, 8, "U+009F"),           # a C1 control, even quoted
    ("a: \x1b[0m\n", 1, 4, "U+001B"),                 # a terminal escape pasted in
])
def test_control_characters_are_named_with_line_and_column(tmp_path, text, line, column, char):
    p = write(tmp_path, text)
    assert both_roads(p) == ("findings", [("NBS016", line, column)])
    with pytest.raises(LoadError) as e:
        load_file(p)
    assert char in e.value.findings[0].message("en") and char in e.value.findings[0].message("zh")


@pytest.mark.parametrize("text, data", [
    ("a: 0e5\n", {"a": 0.0}),                 # a float for libyaml; rapidyaml quotes it
    ("a: .5e2\n", {"a": ".5e2"}),             # text for the 1.2 core schema; rapidyaml writes 0.5e2
    ("inf: 1\nnan: 2\n", {"inf": 1, "nan": 2}),  # keys stay as written (rapidyaml writes .inf)
    ('"nan": 1\n', {"nan": 1}),
    ("a: infinity\n", {"a": "infinity"}),
    ("a: [?a]\n", {"a": [{"a": None}]}),      # a flow pair, as libyaml reads it
    ("a: |\n  x", {"a": "x"}),                # a block scalar at the end of the file, no line break
    ("a: >\n  x\n  y", {"a": "x y"}),
    ("a: 1.\n", {"a": 1.0}),
    ("a: 0x" + "f" * 4000 + "\n", {"a": "0x" + "f" * 4000}),  # too big to print: stays text
    ("a: 1" + "0" * 5000 + "\n", {"a": "1" + "0" * 5000}),
])
def test_where_the_readers_differ_the_reference_wins(tmp_path, text, data):
    assert both_roads(write(tmp_path, text)) == ("data", data)


def test_a_plain_equals_sign_is_a_refused_tag_on_both_roads(tmp_path):
    assert both_roads(write(tmp_path, "=: 1\nb: 2\n")) == ("findings", [("NBS006", 1, 1)])


def test_limits_hold_on_both_roads(tmp_path):
    many = write(tmp_path, "a:\n" + "".join(f"  - {i}\n" for i in range(100)), "many.yaml")
    assert both_roads(many, Limits(max_nodes=50)) == ("findings", [("NBS012", 50, 5)])
    assert both_roads(many, Limits(max_nodes=10**30))[0] == "data"
    deep = write(tmp_path, "a:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(10)) + "  " * 11 + "v: 1\n", "deep.yaml")
    assert both_roads(deep, Limits(max_depth=5)) == ("findings", [("NBS011", 7, 13)])
    assert both_roads(deep, Limits(max_depth=10**30))[0] == "data"
    flow = write(tmp_path, "a: " + "[" * 10 + "]" * 10 + "\n", "flow.yaml")
    assert both_roads(flow, Limits(max_depth=5)) == ("findings", [("NBS011", 1, 4)])
    assert both_roads(many, Limits(max_bytes=100)) == ("findings", [("NBS010", 1, 1)])
    assert both_roads(many, Limits(max_bytes=10**30))[0] == "data"  # no overflow, no huge allocation


def test_a_folder_with_a_flow_style_windows_path_is_reported_not_aborted(cli, tmp_path):
    folder = tmp_path / "reviews"
    shutil.copytree(ROOT / "examples" / "qualifying", folder)
    (folder / "submission.yaml").rename(folder / "good.yaml")
    text = (folder / "good.yaml").read_text(encoding="utf-8")
    bad = text.replace("  code: \"339901101\"\n", "  code: \"339901101\"\n  files: {path: C:\\Users\\a.pdf, kind: plan}\n", 1)
    assert bad != text
    (folder / "bad.yaml").write_text(bad, encoding="utf-8")
    code, out, err = cli(str(folder), "--format", "json", "--lang", "en")
    assert code == 1 and "Traceback" not in err
    files = {Path(f["file"]).name: f for f in json.loads(out)["files"]}
    assert files["good.yaml"]["qualified"] is True
    line = bad.splitlines().index("  files: {path: C:\\Users\\a.pdf, kind: plan}") + 1
    assert [(f["code"], f["line"], f["column"]) for f in files["bad.yaml"]["findings"]] == [("NBS017", line, 18)]
