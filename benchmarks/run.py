#!/usr/bin/env python3
"""Benchmark nbscheck against its targets, beside check-jsonschema on the same files and schema.

性能测试：生成真实规模的提交文件，测量单个文件（含启动时间）和整个文件夹的检查速度与内存峰值，
并与 check-jsonschema（同一批文件、同一个 JSON Schema）对比。

    python benchmarks/run.py                      # 2000 files, every core: about a minute
    python benchmarks/run.py --files 38600        # the full national scale
    python benchmarks/run.py --files 5000 --jobs 2 --json benchmarks/out/result.json

What is measured (every nbscheck figure is the installed ``nbscheck`` command run as a subprocess,
start-up included):

  (a) one small submission (every clause, no notes: ~14 KB): wall time, median of ``--repeat`` runs;
  (b) one ~40 KB submission: the same;
  (c) the whole folder with ``--jobs J`` (0 = every core) writing a JSON report, and again printing
      a text summary: files/s, MB/s, wall time, peak memory;
  (d) check-jsonschema (single process) on a subset of the same files with the schema that
      ``nbscheck schema`` prints, and nbscheck --jobs 1 on the same subset, so the ratio is shown
      both for the whole machine and per core.

Targets (issue 4, item 8): (a) <= 0.3 s; (c) >= 650 files/s on a 2-core machine (38,600 files in
60 s); (c)/(d) >= 3x. Speed targets are measured here, never asserted in unit tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/generate.py, next to this file)

NATIONAL = 38_600  # township-level divisions in China, roughly
TARGET_SINGLE_S = 0.3
TARGET_FILES_PER_S = 650
TARGET_RATIO = 3.0


def _bin(name: str) -> str:
    """A console script of the interpreter running this (the project's venv), else from PATH."""
    cand = Path(sys.executable).parent / name
    if cand.exists():
        return str(cand)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"run.py: cannot find {name!r}; install the project first (make venv)")
    return found


# --- running one command and measuring it ----------------------------------------------------------

def _tree_memory(pid: int) -> int:
    """Bytes of memory of ``pid`` and its descendants: proportional set size (shared pages split) where
    the kernel reports it, else resident set size. 0 where /proc is not available. Cheap enough to
    sample a few times a second without slowing what it measures."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _proc_mem(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            pass
    return total


def _proc_mem(pid: int) -> int:
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            with open(f"/proc/{pid}/{name}") as fh:
                for line in fh:
                    if line.startswith(key):
                        return int(line.split()[1]) * 1024
        except OSError:
            continue
    return 0


def measure(cmd: list[str], *, stdout: Any = subprocess.DEVNULL, sample: bool = False) -> dict[str, Any]:
    """Run ``cmd``; wall seconds, exit code, peak RSS of its largest process and (with ``sample``) the
    peak memory of its whole process tree, sampled every 250 ms."""
    peak_tree = 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    stop = threading.Event()

    def sampler() -> None:
        nonlocal peak_tree
        while not stop.wait(0.25):
            peak_tree = max(peak_tree, _tree_memory(proc.pid))

    th = threading.Thread(target=sampler, daemon=True) if sample and os.path.isdir("/proc") else None
    if th:
        th.start()
    err = b""
    if hasattr(os, "wait4"):
        # wait4 gives this child's own resource use (its largest process, descendants included),
        # where getrusage(RUSAGE_CHILDREN) would mix in every earlier child of this script.
        assert proc.stderr is not None
        err_chunks: list[bytes] = []
        reader = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True)  # type: ignore[union-attr]
        reader.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        reader.join()
        err = b"".join(err_chunks)
        maxrss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    else:  # pragma: no cover - not on Linux or macOS
        _, err = proc.communicate()
        wall = time.perf_counter() - t0
        maxrss = 0
    stop.set()
    if th:
        th.join()
    return {"cmd": cmd, "wall": wall, "rc": proc.returncode, "maxrss": maxrss, "tree_peak": peak_tree,
            "stderr": err.decode("utf-8", "replace")[-2000:]}


def repeat(cmd: list[str], n: int) -> dict[str, Any]:
    measure(cmd)  # warm the page cache and the .pyc files
    runs = [measure(cmd) for _ in range(n)]
    walls = [r["wall"] for r in runs]
    return {"cmd": cmd, "runs": n, "median": statistics.median(walls), "min": min(walls), "max": max(walls),
            "rc": runs[-1]["rc"], "maxrss": max(r["maxrss"] for r in runs)}


# --- the benchmark ---------------------------------------------------------------------------------

def ensure_files(out: Path, files: int, seed: int, jobs: int, version: str | None = None) -> dict[str, Any]:
    m = generate.read_manifest(out)
    g = generate.answered_guideline(version)
    want = {"format": generate.FORMAT, "seed": seed, "files": files, "guideline": {"id": g.id, "version": g.version}}
    if m and all(m.get(k) == v for k, v in want.items()) and len(list(out.glob("*.yaml"))) == files:
        print(f"using the {files} submissions already in {_rel(out)}", file=sys.stderr)
        return m
    return generate.generate(out, files, seed=seed, jobs=jobs, version=version)


def _lock(fh: Any) -> bool:
    """Hold an exclusive lock on ``fh`` for this run; False when another run holds it."""
    try:
        import fcntl
    except ImportError:  # not on Windows: runs are not guarded there
        return True
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _rel(p: Path | str) -> str:
    try:
        return os.path.relpath(p)
    except ValueError:
        return str(p)


def cores() -> tuple[int, int]:
    total = os.cpu_count() or 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else total
    return total, usable


def _report_summary(path: Path) -> dict[str, Any] | None:
    """The summary block at the end of a JSON report, read without loading the whole report."""
    try:
        with open(path, "rb") as fh:
            fh.seek(max(0, path.stat().st_size - 4096))
            tail = fh.read().decode("utf-8", "replace")
        m = re.search(r'"summary":\s*(\{[^{}]*\})', tail)
        return json.loads(m.group(1)) if m else None
    except (OSError, ValueError):
        return None


def run(args: argparse.Namespace) -> dict[str, Any]:
    out = Path(args.out)
    subs = out / "submissions"
    nbscheck, cj = _bin("nbscheck"), _bin("check-jsonschema")
    total, usable = cores()
    jobs_used = args.jobs or usable
    res: dict[str, Any] = {"files": args.files, "jobs": args.jobs, "workers": jobs_used, "cpu_count": total,
                           "usable_cpus": usable, "python": platform.python_version(),
                           "machine": platform.machine(), "platform": platform.platform(terse=True)}
    try:
        res["loadavg_before"] = os.getloadavg()
    except OSError:
        pass
    from nbscheck import __version__
    res["nbscheck"] = __version__

    man = ensure_files(subs, args.files, args.seed, args.jobs, args.guideline_version)
    files = sorted(subs.glob("*.yaml"))
    nbytes = sum(f.stat().st_size for f in files)
    res["bytes"] = nbytes
    res["with_mistakes"] = len(man.get("mistakes", {}))
    schema = out / "schema.json"
    version = man["guideline"]["version"]
    res["guideline_version"] = version
    r = measure([nbscheck, "schema", "--guideline-version", version, "-o", str(schema)])
    if r["rc"] != 0:
        raise SystemExit(f"nbscheck schema failed: {r['stderr']}")

    # (a) and (b): one file, start-up included
    small = generate.write_small(out / "single" / "small.yaml", args.seed, args.guideline_version)
    mistakes = set(man.get("mistakes", {}))
    big = next(f for f in files if f.name not in mistakes)
    print("timing single files ...", file=sys.stderr)
    res["small"] = dict(repeat([nbscheck, str(small)], args.repeat), bytes=small.stat().st_size)
    res["big"] = dict(repeat([nbscheck, str(big)], args.repeat), bytes=big.stat().st_size)
    for key in ("small", "big"):
        if res[key]["rc"] != 0:
            print(f"warning: nbscheck exited {res[key]['rc']} on the valid {key} file", file=sys.stderr)

    # (c): the folder
    report = out / "report.json"
    print(f"checking the folder ({len(files)} files, --jobs {args.jobs}) ...", file=sys.stderr)
    r = measure([nbscheck, str(subs), "--format", "json", "-o", str(report), "--jobs", str(args.jobs)], sample=True)
    r["files_per_s"] = len(files) / r["wall"]
    r["mb_per_s"] = nbytes / 1e6 / r["wall"]
    r["summary"] = _report_summary(report)
    r["report_bytes"] = report.stat().st_size if report.exists() else 0
    res["folder"] = r
    if "text" in args.formats:
        print("checking the folder again, text summary ...", file=sys.stderr)
        t = measure([nbscheck, str(subs), "--format", "text", "--no-source", "--color", "never",
                     "--jobs", str(args.jobs)], sample=True)
        t["files_per_s"] = len(files) / t["wall"]
        t["mb_per_s"] = nbytes / 1e6 / t["wall"]
        res["folder_text"] = t
    if not args.keep_report:
        report.unlink(missing_ok=True)

    # (d): check-jsonschema on a subset, and nbscheck --jobs 1 on the same subset
    subset = files[: max(1, min(args.cj_files, len(files)))]
    sub_bytes = sum(f.stat().st_size for f in subset)
    print(f"check-jsonschema on {len(subset)} files (single process) ...", file=sys.stderr)
    walls = []
    rcs = set()
    for i in range(0, len(subset), 2000):  # keep the command line short
        m = measure([cj, "--schemafile", str(schema), *map(str, subset[i:i + 2000])])
        walls.append(m["wall"])
        rcs.add(m["rc"])
    cjr = {"files": len(subset), "wall": sum(walls), "rc": sorted(rcs)}
    cjr["files_per_s"] = len(subset) / cjr["wall"]
    cjr["mb_per_s"] = sub_bytes / 1e6 / cjr["wall"]
    res["check_jsonschema"] = cjr
    one = measure([nbscheck, *map(str, subset), "--format", "json", "-o", str(out / "subset.json"), "--jobs", "1"])
    one["files"] = len(subset)
    one["files_per_s"] = len(subset) / one["wall"]
    one["mb_per_s"] = sub_bytes / 1e6 / one["wall"]
    res["one_core"] = one
    (out / "subset.json").unlink(missing_ok=True)

    res["ratio_all_cores"] = res["folder"]["files_per_s"] / cjr["files_per_s"]
    res["ratio_one_core"] = one["files_per_s"] / cjr["files_per_s"]
    res["national_seconds"] = NATIONAL / res["folder"]["files_per_s"]
    try:
        res["loadavg_after"] = os.getloadavg()
    except OSError:
        pass
    return res


# --- the table -------------------------------------------------------------------------------------

def _mb(b: float) -> str:
    return f"{b / 2**20:,.0f} MiB"


def _ok(good: bool) -> str:
    return "ok  " if good else "MISS"


def table(res: dict[str, Any]) -> str:
    f, cj, one = res["folder"], res["check_jsonschema"], res["one_core"]
    n = res["files"]
    lines = [
        f"nbscheck {res['nbscheck']} benchmark: Python {res['python']} on {res['platform']} ({res['machine']}), "
        f"{res['cpu_count']} CPUs ({res['usable_cpus']} usable); folder check with --jobs {res['jobs']} "
        f"= {res['workers']} worker processes",
        f"files: {n} submissions answering guideline {res.get('guideline_version', '?')}, {res['bytes'] / 1e6:,.1f} MB ({res['bytes'] / max(n, 1) / 1e3:.1f} KB each), "
        f"{res['with_mistakes']} with deliberate mistakes; load average before/after: "
        f"{'/'.join(f'{x:.2f}' for x in res.get('loadavg_before', ())[:1])} / "
        f"{'/'.join(f'{x:.2f}' for x in res.get('loadavg_after', ())[:1])}",
        "",
        f"{'measurement':<58} {'result':>24}   {'target':>14}",
        "-" * 104,
    ]

    def row(label: str, value: str, target: str = "", good: bool | None = None) -> None:
        mark = "" if good is None else _ok(good)
        lines.append(f"{label:<58} {value:>24}   {target:>14} {mark}")

    s, b = res["small"], res["big"]
    row(f"(a) one small file ({s['bytes'] / 1e3:.0f} KB), wall incl. start-up, median of {s['runs']}",
        f"{s['median']:.3f} s (min {s['min']:.3f})", f"<= {TARGET_SINGLE_S} s", s["median"] <= TARGET_SINGLE_S)
    row(f"(b) one 40 KB-class file ({b['bytes'] / 1e3:.0f} KB), same",
        f"{b['median']:.3f} s (min {b['min']:.3f})", f"<= {TARGET_SINGLE_S} s", b["median"] <= TARGET_SINGLE_S)
    row("    peak RSS of a single-file run", _mb(max(s["maxrss"], b["maxrss"])))
    row(f"(c) folder, {n} files, JSON report, --jobs {res['jobs']}: throughput",
        f"{f['files_per_s']:,.0f} files/s", f">= {TARGET_FILES_PER_S}", f["files_per_s"] >= TARGET_FILES_PER_S)
    row("    same run: MB/s, wall", f"{f['mb_per_s']:.1f} MB/s, {f['wall']:.1f} s")
    row("    same run: peak RSS of the largest process", _mb(f["maxrss"]))
    if f.get("tree_peak"):
        row("    same run: peak memory of all processes (PSS, sampled)", _mb(f["tree_peak"]))
    row("    same run: JSON report size", f"{f['report_bytes'] / 1e6:,.0f} MB")
    sm = f.get("summary") or {}
    if sm:
        row("    same run: report summary (files/valid/qualified)", f"{sm.get('files')}/{sm.get('valid')}/{sm.get('qualified')}")
    row(f"    JSON run extrapolated: {NATIONAL:,} files", f"{res['national_seconds']:,.0f} s",
        "<= 60 s", res["national_seconds"] <= 60)
    if "folder_text" in res:
        t = res["folder_text"]
        row("    same folder, text summary (--no-source): throughput", f"{t['files_per_s']:,.0f} files/s",
            f">= {TARGET_FILES_PER_S}", t["files_per_s"] >= TARGET_FILES_PER_S)
        row("    text run: wall, peak RSS largest process", f"{t['wall']:.1f} s, {_mb(t['maxrss'])}")
        if t.get("tree_peak"):
            row("    text run: peak memory of all processes (PSS, sampled)", _mb(t["tree_peak"]))
        row(f"    text run extrapolated: {NATIONAL:,} files", f"{NATIONAL / t['files_per_s']:,.0f} s",
            "<= 60 s", NATIONAL / t["files_per_s"] <= 60)
    row(f"(d) check-jsonschema, {cj['files']} of the files, 1 process", f"{cj['files_per_s']:,.1f} files/s")
    row("    same: MB/s, wall", f"{cj['mb_per_s']:.2f} MB/s, {cj['wall']:.1f} s")
    row(f"    extrapolated: check-jsonschema on all {n} files", f"{n / cj['files_per_s']:,.0f} s")
    row(f"    nbscheck --jobs 1 on the same {one['files']} files", f"{one['files_per_s']:,.1f} files/s")
    row(f"    ratio nbscheck (--jobs {res['jobs']}, folder) / check-jsonschema", f"{res['ratio_all_cores']:.1f} x",
        f">= {TARGET_RATIO:g} x", res["ratio_all_cores"] >= TARGET_RATIO)
    if "folder_text" in res:
        rt = res["folder_text"]["files_per_s"] / cj["files_per_s"]
        row(f"    ratio, text run (--jobs {res['jobs']}) / check-jsonschema", f"{rt:.1f} x", f">= {TARGET_RATIO:g} x",
            rt >= TARGET_RATIO)
    row("    ratio per core (nbscheck --jobs 1 / check-jsonschema)", f"{res['ratio_one_core']:.1f} x")
    lines += [
        "",
        "nbscheck does every check (schema, the rules, evidence files on disk and their SHA-256, the score);",
        "check-jsonschema checks the schema only. Single-file times are the nbscheck command as a subprocess,",
        "interpreter start-up included. Throughput figures depend on the machine and on what else runs on it.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", "-n", type=int, default=2000, help="submissions to generate and check (default: 2000)")
    ap.add_argument("--jobs", "-j", type=int, default=0, help="nbscheck --jobs for the folder check (default: 0, every core)")
    ap.add_argument("--out", default=str(HERE / "out"), help="working folder (default: benchmarks/out)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--guideline-version", metavar="V",
                    help="the guideline version the files answer, e.g. 2.0.0 (default: the newest release)")
    ap.add_argument("--repeat", type=int, default=7, help="runs of each single-file timing (default: 7)")
    ap.add_argument("--cj-files", type=int, default=500,
                    help="files for check-jsonschema and the one-core run (default: 500)")
    ap.add_argument("--formats", default="json,text",
                    help="folder runs: json (a JSON report written to a file) and/or text (a text summary, "
                         "--no-source, to /dev/null); default: json,text")
    ap.add_argument("--keep-report", action="store_true", help="keep benchmarks/out/report.json")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    if args.files < 1 or args.jobs < 0:
        ap.error("--files must be at least 1 and --jobs not negative")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    with open(Path(args.out) / ".lock", "w") as lock:
        if not _lock(lock):
            print(f"another benchmark is running in {_rel(args.out)} (its figures and files would collide); "
                  "wait for it or give another --out", file=sys.stderr)
            return 2
        res = run(args)
    print(table(res))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
