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
