"""Progress on a terminal for long runs, and the line that says where ``-o`` wrote the report:
a 300-file run on a pseudo-terminal, the same run through a pipe, and with ``--quiet``."""

from __future__ import annotations

import io
import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from nbscheck.cli.progress import CLEAR, Progress

EXAMPLE = ROOT / "examples" / "qualifying"
FILES = 300


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The qualifying example 300 times, each with its own division code, sharing one evidence folder."""
    root = tmp_path_factory.mktemp("many")
    shutil.copytree(EXAMPLE / "evidence", root / "evidence")
    text = (EXAMPLE / "submission.yaml").read_text(encoding="utf-8")
    assert text.count('code: "339901101"') == 1
    for i in range(FILES):
        (root / f"t{i:03d}.yaml").write_text(text.replace('code: "339901101"', f'code: "33990{i:04d}"'), encoding="utf-8")
    return root


def _run_on_pty(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run nbscheck with its standard error (and output) on a pseudo-terminal; what the terminal got."""
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "nbscheck", *args], stdin=subprocess.DEVNULL, stdout=slave,
                                stderr=slave, cwd=cwd, env={**os.environ, "NBSCHECK_LANG": "zh"})
    finally:
        os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(), b"".join(chunks).decode("utf-8")


def test_a_long_run_on_a_terminal_shows_a_counter(many: Path, tmp_path: Path):
    out = tmp_path / "run.json"
    code, screen = _run_on_pty([str(many), "--jobs", "1", "--format", "json", "-o", str(out)], tmp_path)
    assert code == 0, screen
    screen = screen.replace("\r\n", "\n")  # the terminal turns \n into \r\n
    assert screen.startswith(CLEAR + "已检查 ")
    counts = [int(x) for x in re.findall(r"已检查 (\d+)/300 个文件", screen)]
    assert counts == sorted(counts) and counts[-1] == FILES  # updated in place, up to the last file
    assert screen.endswith(f"{CLEAR}已检查 300/300 个文件\n报告已写入 {out}\n")
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["qualified"] == FILES


def test_quiet_and_pipes_stay_silent(many: Path, tmp_path: Path):
    out = tmp_path / "run.csv"
    code, screen = _run_on_pty([str(many), "--jobs", "1", "--format", "csv", "-o", str(out), "--quiet"], tmp_path)
    assert (code, screen) == (0, "")
    proc = subprocess.run([sys.executable, "-m", "nbscheck", str(many), "--jobs", "1", "--format", "csv", "-o", str(out),
                           "--lang", "en"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == ""
    assert proc.stderr == f"report written to {out}\n"  # no counter when standard error is not a terminal
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1 + FILES


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_counter_redraws_at_most_ten_times_a_second():
    ticks = iter([0.0, 0.05, 0.09, 0.1, 0.15, 0.25, 0.3])
    stream = _Tty()
    p = Progress.for_stream(stream, "en", quiet=False)
    p.clock = lambda: next(ticks)
    p.last = -1.0
    p.set_total(7)
    for _ in range(7):
        p.step()
    assert stream.getvalue().split(CLEAR)[1:] == ["checked 1/7 files", "checked 4/7 files", "checked 6/7 files"]
    p.clear()
    assert stream.getvalue().endswith(CLEAR) and not p.shown
    assert not Progress.for_stream(_Tty(), "zh", quiet=True).enabled
    assert not Progress.for_stream(io.StringIO(), "zh", quiet=False).enabled
    single = Progress.for_stream(_Tty(), "zh", quiet=False)
    single.set_total(1)
    single.step()
    single.finish()
    assert not single.enabled and single.stream.getvalue() == ""
