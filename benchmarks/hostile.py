"""How fast nbscheck refuses hostile files: each one through the real command, with start-up.

The target is 2 s a file (wall clock, 2-core machine). This lives here, not in the unit tests: the
tests check that each file is refused with the right finding and no traceback; speed is measured.

    .venv/bin/python benchmarks/hostile.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

BIN = Path(sys.executable).parent / "nbscheck"
TARGET_S = 2.0


def _bomb() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


FILES: dict[str, Callable[[Path], object]] = {
    "billion-laughs.yaml": lambda p: p.write_text(_bomb()),
    "deep-flow.yaml": lambda p: p.write_text("a: " + "[" * 10000 + "]" * 10000 + "\n"),
    "deep-block.yaml": lambda p: p.write_text("".join("  " * i + f"k{i}:\n" for i in range(5000)) + "  " * 5000 + "v: 1\n"),
    "huge-200MB.yaml": lambda p: p.open("wb").truncate(200 * 1024 * 1024),
    "binary.yaml": lambda p: p.write_bytes(bytes(range(256)) * 64),
    "gbk.yaml": lambda p: p.write_bytes("乡镇: 龙观\n".encode("gbk")),
    "many-unknown-keys.yaml": lambda p: p.write_text("answers:\n" + "".join(f'  "9.{i}.1": {{status: met}}\n' for i in range(8000))),
    "long-line-5MB.yaml": lambda p: p.write_text("township:\n  name: " + "x" * 5_000_000 + "\n"),
}


def main() -> int:
    print(f"nbscheck on hostile files ({BIN}); target <= {TARGET_S:g} s each, wall clock with start-up\n")
    print(f"{'file':28} {'median s':>9} {'exit':>5}  verdict")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in FILES.items():
            p = Path(tmp) / name
            make(p)
            times, code = [], None
            for _ in range(3):
                start = time.perf_counter()
                proc = subprocess.run([str(BIN), str(p), "--format", "json"], capture_output=True, timeout=120)
                times.append(time.perf_counter() - start)
                code = proc.returncode
                if b"Traceback" in proc.stderr:
                    print(f"{name}: TRACEBACK\n{proc.stderr.decode(errors='replace')}")
                    return 1
            t = statistics.median(times)
            worst = max(worst, t)
            print(f"{name:28} {t:9.3f} {code:5}  {'ok' if t <= TARGET_S else 'SLOW'}")
    print(f"\nslowest: {worst:.3f} s ({'within' if worst <= TARGET_S else 'over'} the target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
