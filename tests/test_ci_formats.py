"""GitHub Actions annotations, JUnit XML, and the sample workflows in the docs."""

from __future__ import annotations

import re
import shlex
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import MINI, ROOT, line_of
from nbscheck.findings import Finding, Severity
from nbscheck.report.github import annotation

MISTAKES = "examples/with-mistakes/submission.yaml"
QUALIFYING = "examples/qualifying/submission.yaml"


@pytest.fixture(autouse=True)
def _at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_github_annotations_for_each_finding(cli):
    code, out, _ = cli(MISTAKES, "--format", "github", "--lang", "en")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 9  # 7 errors and a note (NBS224: a newer release exists), then the counts
    assert lines[0].startswith("::notice file=examples/with-mistakes/submission.yaml,line=10,col=12,title=NBS224::")
    assert lines[1] == ("::error file=examples/with-mistakes/submission.yaml,line=25,col=1,title=NBS203 [6.1.1]::"
                        "no answer to shall clause 6.1.1%0AAnswer every assessable shall clause; "
                        "if it truly does not apply, say not_applicable and why.")
    text = (ROOT / MISTAKES).read_text(encoding="utf-8")
    assert f"::error file=examples/with-mistakes/submission.yaml,line={line_of(text, '7.1.30')},col=3,title=NBS201::" in out
    assert lines[-1] == "nbscheck: 7 errors, 0 warnings"
    assert cli(MISTAKES, "--format", "github", "-q")[1].count("\n") == 8


def test_annotation_values_are_escaped_as_the_runner_expects():
    f = Finding("NBS001", Severity.WARNING, "审核 2025/a,b:c.yaml", 0, 0, args={"reason": "50% done\r\nnext"})
    assert annotation(f, "en") == ("::warning file=审核 2025/a%2Cb%3Ac.yaml,title=NBS001::cannot read the file: "
                                   "50%25 done%0D%0Anext%0ACheck the path, that the file exists and that you may read it.")
    note = Finding("NBS327", Severity.NOTE, "x.yaml", 3, 0, args={"file": "x"})
    assert annotation(note, "en").startswith("::notice file=x.yaml,line=3,col=1,title=NBS327::")


def test_github_is_the_default_in_github_actions(cli, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = cli(MISTAKES, "--lang", "en")
    assert code == 1 and out.startswith("::") and "\n::error file=examples/with-mistakes/submission.yaml,line=25,col=1," in out
    assert cli(MISTAKES, "--format", "text", "--lang", "en")[1].startswith("examples/with-mistakes/submission.yaml:10:12: note NBS224")
    code, out, _ = cli("lint")
    assert (code, out) == (0, "nbscheck: 0 个错误，0 个警告\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert not cli(MISTAKES)[1].startswith("::")


def test_lint_annotations(cli, tmp_path: Path, monkeypatch):
    shutil.copytree(MINI, tmp_path / "guideline")
    chapter = tmp_path / "guideline" / "chapters" / "01-general.yaml"
    text = chapter.read_text(encoding="utf-8").replace('id: "1.2"', 'id: "1.3"')
    chapter.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("lint", "guideline", "--format", "github", "--lang", "en")
    assert code == 1
    line = line_of(text, 'id: "1.3"')
    assert f"::error file=guideline/chapters/01-general.yaml,line={line},col=9,title=NBS103 [1.3]::" in out


def test_junit_one_case_per_submission(cli, tmp_path: Path):
    code, _, _ = cli(QUALIFYING, MISTAKES, "--format", "junit", "--lang", "en", "-o", str(tmp_path / "junit.xml"))
    assert code == 1
    root = ET.parse(tmp_path / "junit.xml").getroot()
    assert (root.tag, root.get("tests"), root.get("failures"), root.get("errors")) == ("testsuites", "2", "1", "0")
    (suite,) = root
    good, bad = suite.findall("testcase")
    assert (good.get("name"), good.find("failure")) == (QUALIFYING, None)
    assert good.find("system-out").text.splitlines() == [
        f"{QUALIFYING}:8:12: note NBS224 a newer guideline version 1.1.0 exists; nbscheck migrate can carry this file to it",
        "score: 96.4% — qualifies"]
    failure = bad.find("failure")
    assert failure.get("type") == "NBS203" and failure.get("message") == "7 errors: NBS203 no answer to shall clause 6.1.1"
    lines = failure.text.splitlines()
    assert len(lines) == 7 and lines[0] == f"{MISTAKES}:25:1: error NBS203 [6.1.1] no answer to shall clause 6.1.1"
    assert bad.find("system-out").text.splitlines()[-1] == "score: 87.8% — does not qualify"


def _workflows(doc: Path) -> list[dict]:
    blocks = re.findall(r"```yaml\n(# \.github/workflows/.*?)```", doc.read_text(encoding="utf-8"), re.S)
    return [YAML(typ="safe").load(b) for b in blocks]


@pytest.mark.parametrize("doc", ["running-nbscheck.md", "running-nbscheck.en.md"])
def test_the_sample_workflows_in_the_docs_parse_and_their_commands_do_too(doc: str):
    from nbscheck.cli.main import _with_default_command, build_parser

    submissions, guideline = _workflows(ROOT / "docs" / doc)
    steps = submissions["jobs"]["check"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    assert submissions["permissions"]["security-events"] == "write"
    runs = [s["run"] for wf in (submissions, guideline) for job in wf["jobs"].values() for s in job["steps"] if "run" in s]
    commands = [r for r in runs if r.startswith("nbscheck ")]
    assert len(commands) == 5
    for command in commands:
        words = shlex.split(command.split(">>")[0].replace("${{ github.base_ref }}", "main"))[1:]
        build_parser().parse_args(_with_default_command(words))  # exits 2 on an unknown option
    assert any("--exit-code" in c for c in commands) and any("--format sarif" in c for c in commands)
