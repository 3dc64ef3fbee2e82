"""`nbscheck compare OLD NEW`: two submissions of one township, clause by clause, across versions.

tests/fixtures/compare holds one township's two years: town-2025.yaml answers mini 1.0.0 (the diff
fixture's release), town-2026.yaml answers 1.1.0, where 2.1.2 became 2.1.3 and 2.1.3 became 2.1.4,
2.1.2 is new, 2.2.4 is no longer assessed and 2.3.2 is gone. The expected outputs under
expected/ were read line by line against the two files. The two shipped examples are two
different townships: compared, they give a warning and still the status and value changes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, col_of, line_of
from nbscheck.change.compare import ABSENT, MISSING, Answered, CompareError, compare
from nbscheck.change.migrate import migrate_text
from nbscheck.change.plan import make_plan
from nbscheck.model.guideline import load_guideline

HERE = FIXTURES / "compare"
EXPECTED = HERE / "expected"
GUIDE = ["--guideline", "tests/fixtures/diff/guideline"]
TOWN = ["tests/fixtures/compare/town-2025.yaml", "tests/fixtures/compare/town-2026.yaml"]
EXAMPLES = ["examples/qualifying/submission.yaml", "examples/with-mistakes/submission.yaml"]


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    monkeypatch.chdir(ROOT)  # file names in the output are the ones given, relative to the repository


@pytest.mark.parametrize("lang,fmt,expected", [("zh", "text", "town.zh.txt"), ("en", "text", "town.en.txt"),
                                               ("zh", "markdown", "town.zh.md"), ("en", "markdown", "town.en.md")])
def test_one_township_across_a_renumbering_exactly(cli, lang: str, fmt: str, expected: str):
    code, out, err = cli("compare", *TOWN, *GUIDE, "--lang", lang, "--format", fmt)
    assert (code, err) == (0, "")
    assert out == (EXPECTED / expected).read_text(encoding="utf-8")


def test_the_json_says_the_same_as_data(cli):
    code, out, _ = cli("compare", *TOWN, *GUIDE, "--format", "json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    assert (data["kind"], data["format_version"]) == ("compare", 1)
    assert (data["old"]["guideline"], data["new"]["guideline"]) == ({"id": "mini", "version": "1.0.0"},
                                                                    {"id": "mini", "version": "1.1.0"})
    assert data["score_change"] == {"earned": 4.0, "percent": 10.9}
    assert [(c["old_id"], c["new_id"], c["old_status"], c["new_status"], c["old_value"], c["new_value"])
            for c in data["clauses"]] == [
        ("2.1.1", "2.1.1", "met", "met", True, True),  # only its evidence changed
        (None, "2.1.2", ABSENT, "met", None, True),
        ("2.1.2", "2.1.3", "met", "met", 85, 92),
        ("2.1.3", "2.1.4", "not_applicable", "not_met", None, 0),
        ("2.2.1", "2.2.1", "met", "partial", "yearly", "half-yearly"),
        ("2.2.2", "2.2.2", MISSING, "met", None, "本乡自然教育读本（初稿）"),
        ("2.3.1", "2.3.1", "partial", "partial", 18, 40),
        ("2.2.4", None, "met", ABSENT, True, None),
        ("2.3.2", None, "not_met", ABSENT, False, None),
    ]
    assert [c["renumbered"] for c in data["clauses"]][:4] == [False, False, True, True]
    # evidence by path and kind, notes as written; compared only where both files answer the clause
    rows = {(c["old_id"], c["new_id"]): c for c in data["clauses"]}
    first = rows[("2.1.1", "2.1.1")]
    assert (first["old_evidence"], first["new_evidence"]) == (
        [{"path": "evidence/survey.txt", "kind": "report"}],
        [{"path": "evidence/survey.txt", "kind": "report"}, {"path": "evidence/map.txt", "kind": "map"}])
    assert (first["evidence_added"], first["evidence_removed"], first["evidence_changed"], first["note_changed"]) == (
        [{"path": "evidence/map.txt", "kind": "map"}], [], True, False)
    wet = rows[("2.1.3", "2.1.4")]
    assert (wet["old_note"], wet["new_note"], wet["note_changed"]) == ("见县里的湿地名录", None, True)
    assert [e["path"] for e in wet["evidence_added"]] == ["evidence/wetland.txt", "evidence/photo.txt"]
    assert (rows[("2.2.1", "2.2.1")]["old_note"], rows[("2.2.1", "2.2.1")]["new_note"]) == (None, "改为每半年召开一次，会议纪要附后")
    gone = rows[("2.2.4", None)]  # no longer assessed: its status says so, its evidence and note are not compared
    assert (gone["old_evidence"], gone["old_note"], gone["evidence_changed"], gone["note_changed"]) == ([], None, False, False)
    assert [(c["old_id"], c["evidence_changed"], c["note_changed"]) for c in data["clauses"]
            if c["evidence_changed"] or c["note_changed"]] == [("2.1.1", True, False), ("2.1.3", True, True),
                                                                ("2.2.1", False, True)]
    assert [(f["code"], f["line"], f["column"]) for f in data["new_findings"]] == [("NBS222", 5, 12), ("NBS204", 16, 1)]
    assert [(f["code"], f["clause"], f["line"]) for f in data["resolved_findings"]] == [("NBS204", "2.2.2", 16),
                                                                                       ("NBS210", "2.2.1", 42)]
    assert data["problems"] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_two_examples_are_two_townships_a_warning_and_still_the_changes(cli, lang: str):
    code, out, err = cli("compare", *EXAMPLES, "--lang", lang)
    assert (code, err) == (0, "")
    assert out == (EXPECTED / f"examples.{lang}.txt").read_text(encoding="utf-8")


def test_the_township_warning_points_at_the_new_files_code(cli):
    text = (ROOT / EXAMPLES[1]).read_text(encoding="utf-8")
    code, out, _ = cli("compare", *EXAMPLES, "--format", "json")
    assert code == 0
    problems = json.loads(out)["problems"]
    line = line_of(text, "  code:")
    assert [(p["code"], p["severity"], p["file"], p["line"], p["column"]) for p in problems] == [
        ("NBS330", "warning", EXAMPLES[1], line, col_of(text, '"339901102"'))]
    status = {(c["new_id"], c["old_status"], c["new_status"]) for c in json.loads(out)["clauses"]}
    assert ("6.1.1", "met", MISSING) in status and ("7.1.3", "met", MISSING) in status


def test_the_real_guideline_renumbering_is_followed(tmp_path: Path, cli):
    """qualifying migrated to the working version (7.7.4 -> 7.7.5 ...), then two answers changed."""
    folder = tmp_path / "town"
    shutil.copytree(ROOT / "examples" / "qualifying", folder)
    old_g, new_g = (load_guideline(p).guideline for p in (ROOT / "guideline" / "releases" / "1.0.0", ROOT / "guideline" / "releases" / "1.1.0"))
    source = (folder / "submission.yaml").read_text(encoding="utf-8")
    migrated = migrate_text(source, "submission.yaml", make_plan(old_g, new_g), "en").text
    lines = migrated.split("\n")
    at = lines.index('  "7.7.5":')                 # was 7.7.4: status met, value 94
    assert lines[at + 1:at + 3] == ["    status: met", "    value: 94"]
    lines[at + 1:at + 3] = ["    status: partial", "    value: 60"]
    (folder / "next.yaml").write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = cli("compare", str(folder / "submission.yaml"), str(folder / "next.yaml"), "--format", "json")
    assert code == 0
    rows = [(c["old_id"], c["new_id"], c["old_status"], c["new_status"], c["old_value"], c["new_value"])
            for c in json.loads(out)["clauses"]]
    assert ("7.7.4", "7.7.5", "met", "partial", 94, 60) in rows
    assert (None, "7.7.4", ABSENT, MISSING, None, None) not in rows  # a new clause left blank is no change
    assert not any(r[0] in ("7.7.5", "7.7.6") and r[0] == r[1] for r in rows)  # renumbered ones pair by previous


def test_the_same_township_across_two_releases_follows_both_steps(cli):
    """examples/qualifying answers 1.0.0, qualifying-2.0 the same township for 2.0.0: paired through 1.1.0."""
    code, out, _ = cli("compare", "examples/qualifying/submission.yaml", "examples/qualifying-2.0/submission.yaml",
                       "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["problems"] == []
    rows = {(c["old_id"], c["new_id"]): (c["old_status"], c["new_status"], c["old_value"], c["new_value"])
            for c in data["clauses"]}
    assert rows[("9.2.4", "9.2.3")] == ("met", "met", 260, 21)          # renumbered in 2.0.0
    assert rows[("9.2.2", None)] == ("met", ABSENT, 100, None)          # gone from 2.0.0
    assert rows[(None, "7.7.4")] == (ABSENT, "met", None, 80)           # added in 1.1.0
    assert ("7.7.4", "7.7.4") not in rows and ("7.7.4", "7.7.5") not in rows  # 1.0.0's 7.7.4 is 7.7.5, unchanged
    assert [c["new_id"] for c in data["clauses"] if c["renumbered"]] == ["9.2.3"]


def test_a_file_that_cannot_be_read_is_exit_2_with_a_positioned_finding(cli, tmp_path: Path):
    code, out, err = cli("compare", "nowhere.yaml", EXAMPLES[0], "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith("nowhere.yaml: error NBS001 ")
    broken = tmp_path / "broken.yaml"
    text = "guideline: {id: bft-nbs, version: \"9.9.9\"}\nanswers: {}\n"
    broken.write_text(text, encoding="utf-8")
    code, out, err = cli("compare", EXAMPLES[0], str(broken), "--lang", "en")
    assert (code, out) == (2, "")
    column = col_of(text, '"9.9.9"')
    assert f"{broken}:1:{column}: error NBS216 " in err


def test_the_output_file_is_written_and_nothing_goes_to_stdout(cli, tmp_path: Path):
    target = tmp_path / "c.md"
    code, out, _ = cli("compare", *TOWN, *GUIDE, "--format", "markdown", "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8") == (EXPECTED / "town.zh.md").read_text(encoding="utf-8")


def test_two_different_guidelines_cannot_be_paired():
    mini, real = (load_guideline(p).guideline for p in (FIXTURES / "mini", ROOT / "guideline"))
    assert mini is not None and real is not None
    from nbscheck.findings import Position
    from nbscheck.score import score

    def side(g, name: str) -> Answered:
        return Answered(name, g, {}, {}, score(g, {}, set(), 0), (), Position(name))

    with pytest.raises(CompareError) as e:
        compare(side(mini, "a.yaml"), side(real, "b.yaml"))
    f = e.value.findings[0]
    assert (f.code, f.file, f.line) == ("NBS331", "b.yaml", 0)
    assert f.message("en") == "the two files answer different guidelines (mini and bft-nbs); they cannot be compared clause by clause"


def test_a_township_name_cannot_drive_the_terminal_or_the_markdown(cli, tmp_path: Path):
    shutil.copytree(HERE, tmp_path / "c")
    new = tmp_path / "c" / "town-2026.yaml"
    text = new.read_text(encoding="utf-8").replace("name: {zh: 示例乡, en: Example Township}",
                                                   'name: {zh: "示例乡\\e[2J", en: "*Example* `Township`"}')
    new.write_text(text, encoding="utf-8")
    code, out, _ = cli("compare", str(tmp_path / "c" / "town-2025.yaml"), str(new), *GUIDE)
    assert code == 0 and "\x1b" not in out
    assert "示例乡 (330203101) → 示例乡\\x1b[2J (330203101)" in out
    code, out, _ = cli("compare", str(tmp_path / "c" / "town-2025.yaml"), str(new), *GUIDE, "--format", "markdown",
                       "--lang", "en")
    assert code == 0
    assert "| Township | Example Township (330203101) | \\*Example\\* \\`Township\\` (330203101) |" in out
