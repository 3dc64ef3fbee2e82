"""The pre-commit hooks other repositories use: their commands run, and their file patterns match."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from ruamel.yaml import YAML

from conftest import FIXTURES, MINI, ROOT

HOOKS = {h["id"]: h for h in YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def test_the_hooks_and_their_patterns():
    assert sorted(HOOKS) == ["nbscheck-check", "nbscheck-lint"]
    check, lint = HOOKS["nbscheck-check"], HOOKS["nbscheck-lint"]
    assert (check["language"], lint["language"], lint["pass_filenames"]) == ("python", "python", False)
    files = re.compile(check["files"])
    assert files.search("submissions/town.yaml") and files.search("2025/self-assessments/a.yml")
    assert not files.search(".github/workflows/ci.yaml") and not files.search("guideline/chapters/06-planning.yaml")
    assert re.search(lint["files"], "guideline/chapters/06-planning.yaml")


def _run(cli, hook: dict, *extra: str):
    entry = shlex.split(hook["entry"])
    assert entry[0] == "nbscheck"
    return cli(*entry[1:], *hook.get("args", []), *extra)


def test_the_check_hook_passes_a_good_submission_and_fails_a_bad_one(tmp_path: Path, cli, monkeypatch):
    folder = tmp_path / "submissions"
    shutil.copytree(FIXTURES / "subs", folder)
    monkeypatch.chdir(tmp_path)
    hook = HOOKS["nbscheck-check"]
    assert _run(cli, hook, "--guideline", str(MINI), "submissions/good.yaml")[0] == 0
    bad = (folder / "good.yaml").read_text(encoding="utf-8").replace("value: 7.5", "value: many")
    (folder / "bad.yaml").write_text(bad, encoding="utf-8")
    code, out, _ = _run(cli, hook, "--guideline", str(MINI), "submissions/bad.yaml")
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
