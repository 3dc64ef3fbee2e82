"""The pre-commit hooks other repositories use: their commands run, and their file patterns match."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

from ruamel.yaml import YAML

from conftest import FIXTURES, MINI, ROOT

HOOKS = {h["id"]: h for h in YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def test_the_hooks_and_their_patterns():
    from nbscheck.cli.staged import DEFAULT_FOLDERS

    assert sorted(HOOKS) == ["nbscheck-check", "nbscheck-lint"]
    check, lint = HOOKS["nbscheck-check"], HOOKS["nbscheck-lint"]
    assert (check["language"], lint["language"], lint["pass_filenames"]) == ("python", "python", False)
    # the check hook runs on every commit and asks git what changed (evidence of any type, deletions too);
    # without folders it looks for submissions where the hook's `files` pattern used to
    assert (check["always_run"], check["pass_filenames"], "types" in check) == (True, False, False)
    files = DEFAULT_FOLDERS
    assert files.search("submissions/town.yaml") and files.search("2025/self-assessments/a.yml")
    assert not files.search(".github/workflows/ci.yaml") and not files.search("guideline/chapters/06-planning.yaml")
    assert re.search(lint["files"], "guideline/chapters/06-planning.yaml")


def _run(cli, hook: dict, *extra: str):
    entry = shlex.split(hook["entry"])
    assert entry[0] == "nbscheck"
    return cli(*entry[1:], *hook.get("args", []), *extra)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo, check=True, capture_output=True)


def test_the_check_hook_passes_a_good_submission_and_fails_a_bad_one(tmp_path: Path, cli, monkeypatch):
    folder = tmp_path / "submissions"
    shutil.copytree(FIXTURES / "subs", folder)
    monkeypatch.chdir(tmp_path)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "submissions")
    hook = HOOKS["nbscheck-check"]
    assert _run(cli, hook, "--guideline", str(MINI), "submissions/")[0] == 0
    _git(tmp_path, "commit", "-qm", "good")
    bad = (folder / "good.yaml").read_text(encoding="utf-8").replace("value: 7.5", "value: many")
    (folder / "bad.yaml").write_text(bad, encoding="utf-8")
    _git(tmp_path, "add", "submissions/bad.yaml")
    code, out, _ = _run(cli, hook, "--guideline", str(MINI), "submissions/")
    assert code == 1 and "NBS207" in out


def test_the_lint_hook_lints_the_folder_it_is_given(tmp_path: Path, cli, monkeypatch):
    shutil.copytree(MINI, tmp_path / "guideline")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(cli, HOOKS["nbscheck-lint"])
    assert code == 0 and out.endswith("指南检查通过\n")
    text = (tmp_path / "guideline" / "chapters" / "01-general.yaml").read_text(encoding="utf-8")
    (tmp_path / "guideline" / "chapters" / "01-general.yaml").write_text(text.replace('id: "1.2"', 'id: "1.3"'), encoding="utf-8")
    code, out, _ = _run(cli, HOOKS["nbscheck-lint"])
    assert code == 1 and "NBS103" in out
