"""Shared helpers: copies of fixture guidelines, running the CLI in-process, finding lines in text."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"

sys.setrecursionlimit(max(sys.getrecursionlimit(), 1000))


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the mini guideline that a test may edit."""
    dst = tmp_path / "mini"
    shutil.copytree(MINI, dst)
    return dst


def line_of(text: str, marker: str, nth: int = 1) -> int:
    """1-based line of the nth line containing ``marker`` (so tests derive lines from their input)."""
    count = 0
    for i, line in enumerate(text.splitlines(), 1):
        if marker in line:
            count += 1
            if count == nth:
                return i
    raise AssertionError(f"{marker!r} not found")


def col_of(text: str, marker: str, nth: int = 1) -> int:
    """1-based column where ``marker`` starts on its line."""
    line = text.splitlines()[line_of(text, marker, nth) - 1]
    return line.index(marker) + 1


def edit(path: Path, old: str, new: str, count: int = 1) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not in {path}"
    text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")
    return text


@pytest.fixture(autouse=True)
def _not_in_github_actions(monkeypatch):
    """The suite may run in GitHub Actions, where GITHUB_ACTIONS would make annotations the default format."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture
def cli(capsys):
    """Run ``nbscheck`` in-process: returns (exit code, stdout, stderr)."""
    from nbscheck.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse usage errors
            code = e.code if isinstance(e.code, int) else 2
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


# --- every finding code is raised by some test ----------------------------------------------------
# Each Finding built in this process is recorded; at the end of a whole-suite run (no -k, -m or test
# selection) a catalog code that no test raised fails the run. See tests/test_registry.py.

RAISED: set[str] = set()


def pytest_configure(config: pytest.Config) -> None:
    from nbscheck.findings import Finding
    from nbscheck.score import Reason

    for cls in (Finding, Reason):  # findings, and the reasons a township does not qualify
        init = cls.__init__
        if getattr(init, "_records", False):
            continue

        def recording(self, *args, _init=init, **kwargs):  # type: ignore[no-untyped-def]
            _init(self, *args, **kwargs)
            RAISED.add(self.code)

        recording._records = True  # type: ignore[attr-defined]
        cls.__init__ = recording  # type: ignore[method-assign]


def _whole_suite(config: pytest.Config) -> bool:
    opt = config.option
    if getattr(opt, "keyword", "") or getattr(opt, "markexpr", "") or getattr(opt, "lf", False):
        return False
    args = [a for a in config.args if not a.startswith("-")]
    here = Path(__file__).resolve().parent
    return all(Path(a).resolve() in (here, here.parent) for a in args)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if exitstatus != 0 or not _whole_suite(session.config) or session.testscollected < 100:
        return
    from nbscheck.messages import CATALOG

    missing = sorted(set(CATALOG) - RAISED)
    if missing:
        session.config.get_terminal_writer().line(
            f"\nfinding codes that no test raises: {', '.join(missing)} (see tests/test_registry.py)", red=True)
        session.exitstatus = 1
