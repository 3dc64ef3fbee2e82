"""The command-line conventions other tools follow: stdin, --quiet, --ignore/--select/--severity and
their config file, did-you-mean, shell completion, diff --exit-code."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI, ROOT, line_of

MISTAKES = ROOT / "examples" / "with-mistakes" / "submission.yaml"
QUALIFYING = ROOT / "examples" / "qualifying" / "submission.yaml"
DIFF = FIXTURES / "diff" / "guideline"


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _rows(out: str) -> list[tuple[str, int, int, str]]:
    import json

    doc = json.loads(out)
    return [(f["file"], f["line"], f["column"], f["code"]) for r in doc["files"] for f in r["findings"]]


# --- standard input ----------------------------------------------------------------------------------

def test_stdin_with_a_filepath_gives_the_files_own_findings_and_evidence(cli, monkeypatch, tmp_path: Path):
    from_file = cli(str(MISTAKES), "--format", "json")
    monkeypatch.chdir(tmp_path)  # evidence must resolve from --stdin-filepath's folder, not from here
    _stdin(monkeypatch, MISTAKES.read_bytes())
    code, out, err = cli("-", "--stdin-filepath", str(MISTAKES), "--format", "json")
    assert (code, err) == (1, "")
    assert [r[1:] for r in _rows(out)] == [r[1:] for r in _rows(from_file[1])]
    assert {r[0] for r in _rows(out)} == {str(MISTAKES)}
    text = MISTAKES.read_text(encoding="utf-8")
    assert (str(MISTAKES), line_of(text, "evidence/meeting-minutes-2025.md"), 15, "NBS213") in _rows(out)


def test_stdin_without_a_filepath_is_named_stdin_and_resolves_from_here(cli, monkeypatch, tmp_path: Path):
    shutil.copytree(QUALIFYING.parent, tmp_path / "town")
    monkeypatch.chdir(tmp_path / "town")
    _stdin(monkeypatch, QUALIFYING.read_bytes())
    code, out, _ = cli("-", "--lang", "en")
    assert code == 0 and "0 errors, 0 warnings" in out
    monkeypatch.chdir(tmp_path)  # now the evidence folder is not beside "the file"
    _stdin(monkeypatch, b"guideline: {id: bft-nbs, version: 1.0.0\n")
    code, out, _ = cli("-", "--format", "json")
    assert code == 1 and _rows(out)[0][:1] == ("<stdin>",) and _rows(out)[0][3] == "NBS004"


def test_stdin_cannot_mix_with_files_and_the_filepath_needs_it(cli, monkeypatch):
    _stdin(monkeypatch, b"")
    code, _, err = cli("-", str(QUALIFYING), "--lang", "en")
    assert code == 2 and "standard input" in err
    code, _, err = cli(str(QUALIFYING), "--stdin-filepath", "x.yaml", "--lang", "en")
    assert code == 2 and "--stdin-filepath goes with -" in err


# --- --quiet -----------------------------------------------------------------------------------------

def test_quiet_prints_findings_only(cli):
    code, out, _ = cli(str(MISTAKES), "--lang", "en", "--quiet", "--no-source")
    assert code == 1 and out.count(": error NBS") == 7
    assert "errors, 0 warnings" not in out and "Score" not in out
    code, out, _ = cli(str(QUALIFYING), "-q", "--no-source", "--lang", "en")
    assert code == 0 and out.startswith("examples/qualifying/submission.yaml:8:12: note NBS224 ")  # a newer release exists
    assert "0 errors" not in out and "Score" not in out
    code, out, _ = cli(str(QUALIFYING), "-q", "--ignore", "NBS224")
    assert (code, out) == (0, "")
    code, out, _ = cli("lint", "-q")
    assert (code, out) == (0, "")


# --- which findings, how severe ----------------------------------------------------------------------

def test_ignore_and_select_codes_and_prefixes(cli):
    code, out, _ = cli(str(MISTAKES), "--format", "json", "--ignore", "NBS203,NBS21")
    assert code == 1 and sorted({r[3] for r in _rows(out)}) == ["NBS201", "NBS206", "NBS224"]
    code, out, _ = cli(str(MISTAKES), "--format", "json", "--select", "NBS2", "--ignore", "NBS20")
    assert sorted({r[3] for r in _rows(out)}) == ["NBS210", "NBS212", "NBS213", "NBS224"]
    code, out, _ = cli(str(MISTAKES), "--format", "json", "--ignore", "NBS2")
    assert (code, _rows(out)) == (0, [])


def test_severity_override_changes_the_exit_code(cli):
    args = (str(MISTAKES), "--select", "NBS201,NBS206", "--lang", "en", "--no-source")
    code, out, _ = cli(*args)
    assert code == 1 and "error NBS201" in out
    code, out, _ = cli(*args, "--severity", "NBS201=warning", "--severity", "NBS206=note")
    assert code == 0 and "warning NBS201" in out and "note NBS206" in out


def test_config_in_nbscheck_toml_and_pyproject(cli, monkeypatch, tmp_path: Path):
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")  # found from the working folder upwards
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.nbscheck]\nignore = ["NBS203"]\n'
                                             'lang = "en"\n\n[tool.nbscheck.severity]\nNBS210 = "warning"\n')
    code, out, _ = cli(str(MISTAKES), "--no-source")
    assert "NBS203" not in out and "warning NBS210" in out and "error NBS201" in out  # lang from the file
    code, out, _ = cli(str(MISTAKES), "--no-source", "--lang", "zh")
    assert "警告 NBS210" in out  # the option wins over the file
    (tmp_path / "sub" / ".nbscheck.toml").write_text('select = ["NBS201"]\n')  # nearer, and wins over pyproject
    code, out, _ = cli(str(MISTAKES), "--format", "json")
    assert {r[3] for r in _rows(out)} == {"NBS201"}
    code, out, _ = cli(str(MISTAKES), "--format", "json", "--config", str(tmp_path / "pyproject.toml"))
    assert "NBS203" not in {r[3] for r in _rows(out)} and "NBS206" in {r[3] for r in _rows(out)}


def test_lint_takes_the_same_policy(cli, tmp_path: Path, monkeypatch):
    shutil.copytree(MINI, tmp_path / "guideline")
    chapter = tmp_path / "guideline" / "chapters" / "01-general.yaml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace('id: "1.2"', 'id: "1.3"'), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli("lint", "guideline")[0] == 1
    assert cli("lint", "guideline", "--ignore", "NBS103,NBS104")[0] == 0


CONFIG_ERRORS = [
    ('ignore = ["NBS203"\n', "NBS400", 1, 19),
    ('ignore = "NBS203\n', "NBS400", 1, 17),
    ('ignore = ["NBS203"]\nselct = ["NBS2"]\n', "NBS401", 2, 1),
    ('ignore = ["NBS203", "NSB210"]\n', "NBS402", 1, 1),
    ('[severity]\nNBS210 = "fatal"\n', "NBS403", 2, 1),
    ('lang = "fr"\n', "NBS403", 1, 1),
]


@pytest.mark.parametrize("text, code, line, column", CONFIG_ERRORS)
def test_a_bad_config_file_is_a_positioned_usage_error(cli, monkeypatch, tmp_path: Path, text, code, line, column):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".nbscheck.toml").write_text(text, encoding="utf-8")
    got, out, err = cli(str(QUALIFYING), "--lang", "en")
    assert (got, out) == (2, "")
    assert err.startswith(f".nbscheck.toml:{line}:{column}: error {code} ")


def test_an_unknown_code_on_the_command_line_suggests_one(cli):
    code, _, err = cli(str(QUALIFYING), "--ignore", "NSB204", "--lang", "en")
    assert code == 2 and err.startswith("--ignore: error NBS402 unknown finding code NSB204; did you mean NBS204?")
    code, _, err = cli(str(QUALIFYING), "--severity", "NBS204=loud", "--lang", "en")
    assert code == 2 and "--severity: error NBS403" in err


# --- did you mean, completion, diff --exit-code ---------------------------------------------------------

def test_a_mistyped_command_is_not_taken_for_a_file(cli):
    code, out, err = cli("lnit")
    assert (code, out) == (2, "") and "did you mean init or lint?" in err and "NBS001" not in err
    code, _, err = cli("shcema", "-o", "x.json")
    assert code == 2 and "did you mean schema?" in err
    code, out, _ = cli("no-such-file.yaml", "--lang", "en")
    assert code == 2 and "NBS001" in out  # a file name is still a file name


def test_a_mistyped_option_or_choice_suggests_one(cli):
    code, _, err = cli(str(QUALIFYING), "--quite")
    assert code == 2 and "Did you mean --quiet?" in err
    code, _, err = cli(str(QUALIFYING), "--format", "jsno")
    assert code == 2 and "Did you mean json?" in err
    code, _, err = cli("diff", "1.0.0", "1.1.0", "--exit-coed")
    assert code == 2 and "Did you mean --exit-code?" in err


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_shell_completion_knows_the_commands_and_options(cli, shell: str):
    code, out, _ = cli("completion", shell)
    assert code == 0
    words = ("lint", "migrate", "completion") + (() if shell == "tcsh" else ("--stdin-filepath", "--fail-unqualified", "--exit-code"))
    for word in words:  # shtab's tcsh script completes commands and choices only
        assert word in out, word


def test_diff_exit_code_is_one_for_breaking_changes(cli, monkeypatch):
    monkeypatch.setattr("nbscheck.cli.diff.guideline_dir", lambda: DIFF)
    monkeypatch.chdir(ROOT)
    assert cli("diff", "1.0.0", "1.1.0")[0] == 0
    assert cli("diff", "1.0.0", "1.1.0", "--exit-code")[0] == 1
    assert cli("diff", "1.0.0", "1.0.0", "--exit-code")[0] == 0
