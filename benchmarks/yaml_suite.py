"""Run nbscheck over the YAML conformance suite (yaml/yaml-test-suite, its ``data`` branch) as if
every test's ``in.yaml`` were a submission, once with LF and once with CRLF line endings.

Prints how many files, how many tracebacks or internal errors (must be 0), how many verdicts or
findings the line endings changed (must be 0), and the slowest file. Not part of ``make test``: the
suite is fetched separately (``git clone -b data https://github.com/yaml/yaml-test-suite``).

    .venv/bin/python benchmarks/yaml_suite.py /path/to/yaml-test-suite-data
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent / "nbscheck"


def copies(suite: Path, out: Path) -> int:
    """Each test's in.yaml, flattened into ``out/lf`` and ``out/crlf``."""
    n = 0
    for src in sorted(suite.rglob("in.yaml")):
        name = "_".join(src.parent.relative_to(suite).parts) + ".yaml"
        data = src.read_bytes().replace(b"\r\n", b"\n")
        for sub, text in (("lf", data), ("crlf", data.replace(b"\n", b"\r\n"))):
            (out / sub).mkdir(parents=True, exist_ok=True)
            (out / sub / name).write_bytes(text)
        n += 1
    return n


def verdicts(folder: Path, report: Path) -> tuple[dict[str, tuple], str, int]:
    proc = subprocess.run([str(BIN), str(folder), "--format", "json", "--lang", "en", "-o", str(report)],
                          capture_output=True, text=True)
    files = json.loads(report.read_text(encoding="utf-8"))["files"]
    found = {Path(f["file"]).name: (f["parsed"], f["valid"], f["qualified"],
                                    tuple(sorted((x["code"], x["line"], x["column"]) for x in f["findings"])))
             for f in files}
    return found, proc.stderr, proc.returncode


def slowest(folder: Path) -> tuple[float, str]:
    worst = (0.0, "")
    for f in sorted(folder.iterdir()):
        t = time.perf_counter()
        subprocess.run([str(BIN), str(f), "--format", "json"], capture_output=True)
        worst = max(worst, (time.perf_counter() - t, f.name))
    return worst


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("suite", type=Path, help="a checkout of the suite's data branch")
    ap.add_argument("--each", action="store_true", help="also time every file on its own (slow)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        n = copies(args.suite, out)
        lf, err_lf, rc_lf = verdicts(out / "lf", out / "lf.json")
        crlf, err_crlf, rc_crlf = verdicts(out / "crlf", out / "crlf.json")
        crashes = sum(e.count("Traceback") for e in (err_lf, err_crlf))
        internal = sum(1 for v in list(lf.values()) + list(crlf.values()) if any(c == "NBS090" for c, _, _ in v[3]))
        changed = sorted(k for k in lf if lf[k] != crlf.get(k))
        print(f"files: {n}; exit codes {rc_lf}/{rc_crlf}; tracebacks: {crashes}; internal errors: {internal}")
        print(f"verdicts or findings changed by CRLF: {len(changed)} {changed[:10]}")
        if args.each:
            t, name = slowest(out / "lf")
            print(f"slowest file on its own: {t:.3f} s ({name})")
    return 0 if not (crashes or internal or changed) else 1


if __name__ == "__main__":
    raise SystemExit(main())
