"""The real pre-commit, in a temporary git repository of submissions, refuses commits whose evidence
is changed, deleted or never added, and lets a clean one through.

pre-commit comes with the test extra. The hook is the one in .pre-commit-hooks.yaml, declared as a
``local`` hook so pre-commit does not build nbscheck from a remote: its fields are taken from the
manifest unchanged, only ``nbscheck`` in its entry becomes this interpreter's ``-m nbscheck``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import ROOT

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
pytestmark = pytest.mark.skipif(PRE_COMMIT is None or shutil.which("git") is None,
                                reason="pre-commit (the test extra) and git are needed")
QUALIFYING = ROOT / "examples" / "qualifying"
SURVEY = "reviews/baishi/evidence/baseline-survey-report-2025.md"


def _hook() -> dict:
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = dict(next(h for h in hooks if h["id"] == "nbscheck-check"))
    assert hook["entry"].startswith("nbscheck ")
    hook["entry"] = f"{sys.executable} -m nbscheck" + hook["entry"][len("nbscheck"):]
    hook["language"] = "system"
    hook["args"] = ["reviews/", "--lang", "en", "--no-source"]
    return hook


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "submissions-repo"
    shutil.copytree(QUALIFYING, repo / "reviews" / "baishi")
    config = {"repos": [{"repo": "local", "hooks": [_hook()]}]}
    with open(repo / ".pre-commit-config.yaml", "w", encoding="utf-8") as fh:
        YAML().dump(config, fh)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    run = subprocess.run([PRE_COMMIT, "install"], cwd=repo, env=_env(tmp_path), capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return repo


def _env(tmp: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT / "src"), PRE_COMMIT_HOME=str(tmp / "pre-commit-home"),
                GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
                GIT_COMMITTER_EMAIL="t@example.org")


def git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=_env(repo.parent), capture_output=True, text=True)


def out(done: subprocess.CompletedProcess) -> str:
    return done.stdout + done.stderr  # git shows a hook's output on stderr


def commit(repo: Path, message: str) -> subprocess.CompletedProcess:
    return git(repo, "commit", "-m", message)


def test_a_clean_submission_with_its_evidence_is_committed(repo: Path):
    done = commit(repo, "Baishi 2025")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "nbscheck check" in out(done) and "Passed" in out(done)


def test_a_commit_that_changes_cited_evidence_is_refused(repo: Path):
    assert commit(repo, "Baishi 2025").returncode == 0
    with open(repo / SURVEY, "a", encoding="utf-8") as fh:
        fh.write("\nOne more line.\n")
    git(repo, "add", SURVEY)  # only the evidence changes: no YAML file in the commit
    refused = commit(repo, "edit the survey")
    assert refused.returncode != 0
    assert "error NBS215" in out(refused) and "reviews/baishi/submission.yaml:" in out(refused)


def test_a_commit_that_deletes_cited_evidence_is_refused(repo: Path):
    assert commit(repo, "Baishi 2025").returncode == 0
    git(repo, "rm", "-q", SURVEY)
    refused = commit(repo, "drop the survey")
    assert refused.returncode != 0 and "error NBS213" in out(refused)


def test_cited_evidence_that_was_never_added_is_refused(repo: Path):
    git(repo, "rm", "-q", "--cached", SURVEY)  # on disk, not in git
    refused = commit(repo, "Baishi 2025 without the survey")
    assert refused.returncode != 0
    assert "error NBS404" in out(refused) and "baseline-survey-report-2025.md is on disk but not in git" in out(refused)
    git(repo, "add", SURVEY)
    assert commit(repo, "Baishi 2025").returncode == 0


def test_the_commit_is_judged_not_the_working_tree(repo: Path):
    assert commit(repo, "Baishi 2025").returncode == 0
    sub = repo / "reviews" / "baishi" / "submission.yaml"
    text = sub.read_text(encoding="utf-8")
    sub.write_text(text.replace("name_en:", "name_en: x\n  note:", 1), encoding="utf-8")  # broken, unstaged
    (repo / "notes.txt").write_text("unrelated\n", encoding="utf-8")
    git(repo, "add", "notes.txt")
    done = commit(repo, "notes")  # the commit touches no submission: the hook passes without checking
    assert done.returncode == 0, done.stdout


def test_untracked_evidence_is_refused_in_process(tmp_path: Path, cli, monkeypatch):
    """The same refusal through the command in this process (``check --staged``), so the finding
    itself is raised where the registry's whole-suite check sees it."""
    repo = tmp_path / "repo"
    shutil.copytree(QUALIFYING, repo / "reviews" / "baishi")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "rm", "-q", "--cached", SURVEY)
    monkeypatch.chdir(repo)
    code, stdout, _ = cli("check", "--staged", "reviews/", "--lang", "en", "--no-source")
    assert code == 1
    assert "error NBS404" in stdout and "baseline-survey-report-2025.md is on disk but not in git" in stdout
