"""Each command's output formats come from one table in nbscheck.report, and every command writes
``-o`` the same way (cli.common.deliver): the CI formats of ``lint`` and ``diff`` with exact output.
"""

from __future__ import annotations

import argparse
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import MINI, line_of
from nbscheck.cli.main import build_parser
from nbscheck.report import CHECK_REPORTS, COMPARE_REPORTS, DIFF_REPORTS, LINT_REPORTS

TABLES = {"check": CHECK_REPORTS, "diff": DIFF_REPORTS, "compare": COMPARE_REPORTS, "lint": LINT_REPORTS}


def _format_choices(command: str) -> tuple[str, ...]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    fmt = next(a for a in sub.choices[command]._actions if "--format" in a.option_strings)
    return tuple(fmt.choices)


@pytest.mark.parametrize("command", sorted(TABLES))
def test_every_format_a_command_offers_is_in_its_table(command: str, cli):
    assert _format_choices(command) == tuple(TABLES[command])
    code, out, _ = cli(command, "--help")
    listed = re.search(r"--format \{([a-z,]+)\}", out)
    assert code == 0 and listed and tuple(listed.group(1).split(",")) == tuple(TABLES[command])


def test_the_ci_formats_are_offered():
    assert {"github", "junit"} <= set(DIFF_REPORTS) and {"github", "junit", "sarif"} <= set(LINT_REPORTS)


# --- lint --format junit ---------------------------------------------------------------------------

def _broken_mini(tmp_path: Path, monkeypatch) -> tuple[str, int]:
    shutil.copytree(MINI, tmp_path / "guideline")
    chapter = tmp_path / "guideline" / "chapters" / "01-general.yaml"
    text = chapter.read_text(encoding="utf-8").replace('id: "1.2"', 'id: "1.3"')
    chapter.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return text, line_of(text, 'id: "1.3"')


def test_lint_junit_one_failed_case_per_file_with_errors(cli, tmp_path: Path, monkeypatch):
    """Renumbering 1.2 to 1.3 breaks two files: the chapter (a gap) and the cross-reference to 1.2."""
    _, line = _broken_mini(tmp_path, monkeypatch)
    ref = line_of((tmp_path / "guideline" / "chapters" / "02-measures.yaml").read_text(encoding="utf-8"), 'clauses: ["1.2"]')
    code, out, err = cli("lint", "guideline", "--format", "junit", "--lang", "en")
    a, b = "guideline/chapters/01-general.yaml", "guideline/chapters/02-measures.yaml"
    gap = "clause id 1.3 is out of sequence: expected 1.2"
    xref = "cross-reference to clause 1.2, which does not exist; did you mean 2.1.2?"
    assert (code, err) == (1, "")
    assert out == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="nbscheck lint" tests="2" failures="2" errors="0">\n'
        '  <testsuite name="nbscheck lint" tests="2" failures="2" errors="0" skipped="0">\n'
        f'    <testcase classname="nbscheck.lint" name="{a}" file="{a}"><failure message="1 errors: NBS103 {gap}" '
        f'type="NBS103">{a}:{line}:9: error NBS103 [1.3] {gap}</failure></testcase>\n'
        f'    <testcase classname="nbscheck.lint" name="{b}" file="{b}"><failure message="1 errors: NBS104 {xref}" '
        f'type="NBS104">{b}:{ref}:21: error NBS104 [2.1.1] {xref}</failure></testcase>\n'
        '  </testsuite>\n</testsuites>\n')
    ET.fromstring(out.encode("utf-8"))  # well-formed


def test_lint_junit_for_a_clean_guideline_is_one_passing_case(cli, tmp_path: Path, monkeypatch):
    shutil.copytree(MINI, tmp_path / "g")
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("lint", "g", "--format", "junit")
    assert code == 0 and out == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="nbscheck lint" tests="1" failures="0" errors="0">\n'
        '  <testsuite name="nbscheck lint" tests="1" failures="0" errors="0" skipped="0">\n'
        '    <testcase classname="nbscheck.lint" name="g" file="g" />\n'
        '  </testsuite>\n</testsuites>\n')


def test_lint_writes_o_like_every_command(cli, tmp_path: Path, monkeypatch):
    _broken_mini(tmp_path, monkeypatch)
    code, out, err = cli("lint", "guideline", "--format", "junit", "--lang", "en", "-o", "lint.xml")
    assert (code, out, err) == (1, "", "report written to lint.xml\n")
    assert (tmp_path / "lint.xml").read_text(encoding="utf-8") == cli("lint", "guideline", "--format", "junit", "--lang", "en")[1]
    assert cli("lint", "guideline", "--format", "junit", "-q", "-o", "lint2.xml")[2] == ""
    target = "guideline/chapters/01-general.yaml"
    before = (tmp_path / target).read_bytes()
    code, out, err = cli("lint", "guideline", "-o", "lint.xml", "--lang", "en", "--format", "json")
    assert code == 1 and (tmp_path / "lint.xml").read_text(encoding="utf-8").startswith("{")
    assert (tmp_path / target).read_bytes() == before


# --- diff --format github / junit ------------------------------------------------------------------

def _pair(tmp_path: Path, monkeypatch) -> tuple[int, int]:
    """The mini guideline, and a 1.1.0 draft of it with one target tightened and one relaxed."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(MINI, old)
    shutil.copytree(MINI, new)
    g = new / "guideline.yaml"
    g.write_text(g.read_text(encoding="utf-8").replace("version: 1.0.0\nstatus: released\nreleased: \"2025-01-01\"",
                                                       "version: 1.1.0\nstatus: draft"), encoding="utf-8")
    m = new / "chapters" / "02-measures.yaml"
    text = m.read_text(encoding="utf-8")
    assert "target: {equals: true}" in text and "target: {at_least: 80}" in text
    text = text.replace("target: {equals: true}", "target: {equals: false}", 1).replace(
        "target: {at_least: 80}", "target: {at_least: 70}", 1)
    m.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return line_of(text, "target: {equals: false}"), line_of(text, "target: {at_least: 70}")


def test_diff_github_annotations(cli, tmp_path: Path, monkeypatch):
    tightened, relaxed = _pair(tmp_path, monkeypatch)
    code, out, err = cli("diff", "old", "new", "--format", "github", "--lang", "en")
    f = "new/chapters/02-measures.yaml"
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"::warning file={f},line={tightened},col=21,title=breaking [2.1.1]::target: = true → = false (tightened)"
        " — nbscheck migrate flags the answer for a person to check",
        f"::notice file={f},line={relaxed},col=21,title=substantive [2.1.2]::target: ≥ 80%25 → ≥ 70%25 (relaxed)",
        "nbscheck: mini 1.0.0 (released 2025-01-01) old → mini 1.1.0 (draft) new: 2 changes: breaking 1, "
        "substantive 1, editorial 0",
    ]
    code, out, _ = cli("diff", "old", "new", "--format", "github", "--lang", "zh", "--exit-code")
    assert code == 1 and out.splitlines()[0] == (
        f"::warning file={f},line={tightened},col=21,title=破坏性 [2.1.1]::目标：= true → = false（提高） — "
        "nbscheck migrate 会标出答复，需人工核对")
    assert out.splitlines()[-1] == ("nbscheck: mini 1.0.0（已发布，2025-01-01） old → mini 1.1.0（草案） new："
                                    "共 2 处变化：破坏性 1，实质性 1，编辑性 0")


def test_diff_github_is_the_default_in_github_actions(cli, tmp_path: Path, monkeypatch):
    _pair(tmp_path, monkeypatch)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert cli("diff", "old", "new", "--lang", "en")[1].startswith("::warning file=new/chapters/02-measures.yaml,")


def test_diff_junit_one_case_per_changed_clause(cli, tmp_path: Path, monkeypatch):
    _pair(tmp_path, monkeypatch)
    code, out, err = cli("diff", "old", "new", "--format", "junit", "--lang", "en", "-o", "diff.xml")
    assert (code, out, err) == (0, "", "report written to diff.xml\n")
    f = "new/chapters/02-measures.yaml"
    tightened = "target: = true → = false (tightened) — nbscheck migrate flags the answer for a person to check"
    assert (tmp_path / "diff.xml").read_text(encoding="utf-8") == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="nbscheck diff old → new" tests="2" failures="1" errors="0">\n'
        '  <testsuite name="nbscheck diff old → new" tests="2" failures="1" errors="0" skipped="0">\n'
        f'    <testcase classname="nbscheck.diff" name="2.1.1" file="{f}"><failure message="breaking: {tightened}" '
        f'type="breaking">{tightened}</failure></testcase>\n'
        f'    <testcase classname="nbscheck.diff" name="2.1.2" file="{f}"><system-out>substantive: target: ≥ 80% → ≥ 70% '
        '(relaxed)</system-out></testcase>\n'
        '  </testsuite>\n</testsuites>\n')


def test_compare_refuses_to_write_over_an_input(cli, tmp_path: Path, monkeypatch):
    from conftest import ROOT

    example = ROOT / "examples" / "qualifying"
    shutil.copytree(example, tmp_path / "town")
    shutil.copy(tmp_path / "town" / "submission.yaml", tmp_path / "town" / "later.yaml")
    monkeypatch.chdir(tmp_path / "town")
    before = Path("later.yaml").read_bytes()
    code, out, err = cli("compare", "submission.yaml", "later.yaml", "-o", "later.yaml", "--lang", "en")
    assert (code, out) == (2, "") and "is an input file" in err and Path("later.yaml").read_bytes() == before
    code, out, err = cli("compare", "submission.yaml", "later.yaml", "-o", "changes.md", "--format", "markdown", "--lang", "en")
    assert (code, out, err) == (0, "", "report written to changes.md\n")
    assert Path("changes.md").read_text(encoding="utf-8") == cli(
        "compare", "submission.yaml", "later.yaml", "--format", "markdown", "--lang", "en")[1]


def test_diff_writes_a_report_beside_the_folders_it_reads(cli, tmp_path: Path, monkeypatch):
    """diff reads guideline folders; unlike check, it never scans them for reports, so ``-o`` may go there."""
    _pair(tmp_path, monkeypatch)
    code, _, err = cli("diff", "old", "new", "-o", "new/CHANGES.md", "--format", "markdown", "--lang", "en")
    assert (code, err) == (0, "report written to new/CHANGES.md\n")
    assert (tmp_path / "new" / "CHANGES.md").read_text(encoding="utf-8").startswith("#")
