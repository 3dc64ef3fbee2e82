#!/usr/bin/env python3
"""Where the time goes when nbscheck checks one submission: stages, hotspots, the parent's share.

分析单个文件检查的耗时分布：各阶段耗时、cProfile 热点，以及多进程时主进程（结果回传和报告）的开销。

    python benchmarks/hotspots.py                       # 300 files of benchmarks/out/submissions
    python benchmarks/hotspots.py --files 1000 --top 40 --sort cumulative

Runs in one process, with the garbage-collector settings of a ``--jobs`` worker. Stage timings
use internal functions of nbscheck and are skipped with a note if those have changed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pickle
import pstats
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def _best(fn: Callable[[Any], Any], items: list[Any], passes: int = 3) -> float:
    """Milliseconds per item, the best of ``passes`` passes (least disturbed by other work)."""
    best = float("inf")
    for _ in range(passes):
        t = time.perf_counter()
        for x in items:
            fn(x)
        best = min(best, time.perf_counter() - t)
    return best / max(len(items), 1) * 1000


def stages(files: list[Path]) -> list[tuple[str, float]]:
    from nbscheck.check import answers as answer_rules
    from nbscheck.check import schema_rules
    from nbscheck.check import checker as check
    from nbscheck.yaml import load
    from nbscheck.yaml import builder as ybuilder
    from nbscheck.yaml import compose as ycompose
    from nbscheck.model.guideline import shipped

    g = shipped()
    texts = [f.read_bytes() for f in files]
    rows: list[tuple[str, float]] = [("check_file, whole (read, parse, every check, score)", _best(check.check_file, files))]
    rows.append(("  read the file", _best(lambda f: f.read_bytes(), files)))
    decoded = [load.decode(b, "x")[0] for b in texts]
    rows.append(("  decode UTF-8", _best(lambda b: load.decode(b, "x"), texts)))
    try:
        loader = ycompose._FastLoader

        def compose(t: str) -> Any:
            ld = loader(t)
            try:
                return ld.get_single_node()
            finally:
                ld.dispose()
        rows.append(("  YAML compose, libyaml road (fallback, and positions on demand)", _best(compose, decoded)))
        roots = [compose(t) for t in decoded]

        def build(pair: tuple[str, Any]) -> Any:
            b = ybuilder.Builder("x", load.DEFAULT_LIMITS, aliases="&" in pair[0])
            return b.build(pair[1], 0)
        rows.append(("  build plain data from the nodes (libyaml road)", _best(build, list(zip(decoded, roots)))))
    except (AttributeError, TypeError) as e:
        rows.append((f"  (YAML stages skipped: {e})", 0.0))
    docs = []
    for f, t in zip(files, decoded):
        try:
            docs.append(load.load_text(t, str(f)))
        except load.LoadError:
            pass
    rows.append(("  load_text as the checker uses it (fast road where it applies)", _best(lambda t: load.load_text(t, "x"), decoded[: len(docs)])))
    try:
        v = schema_rules.validator_for(None, g.version)
        rows.append(("  jsonschema iter_errors (what the gate replaces)", _best(lambda d: list(v.iter_errors(d.data)), docs)))
        gate = schema_rules.gate_for(None, g.version)
        if gate is not None:
            rows.append(("  compiled schema gate", _best(lambda d: gate(d.data), docs)))
    except AttributeError as e:
        rows.append((f"  (schema stages skipped: {e})", 0.0))
    try:
        base = files[0].resolve().parent

        def rules(d: Any) -> None:
            answers = d.data.get("answers") or {}
            seen: dict[str, Any] = {}
            for c in g.assessable:
                a = answers.get(c.id)
                if isinstance(a, dict):
                    try:
                        answer_rules.answer_findings(d, g, c, a, str(base), seen)
                    except TypeError:
                        answer_rules.answer_findings(d, g, c, a, str(base))
        rows.append(("  answer rules + evidence files on disk", _best(rules, docs)))
        from nbscheck.score import score
        rows.append(("  score", _best(lambda d: score(g, d.data.get("answers") or {}, set(), 0), docs)))
    except AttributeError as e:
        rows.append((f"  (rule stages skipped: {e})", 0.0))
    return rows


def parent_side(files: list[Path]) -> list[tuple[str, float, str]]:
    """What the parent process pays per file with --jobs: unpickling results and rendering the report."""
    from nbscheck.check.checker import check_file
    from nbscheck.report.json_report import render as render_json
    from nbscheck.report.style import plain
    from nbscheck.report.text import render as render_text

    results = [replace(check_file(f), text=None) for f in files]
    blobs = [pickle.dumps(r) for r in results]
    size = sum(map(len, blobs)) / len(blobs)
    out = [("pickle a result (worker side)", _best(pickle.dumps, results), f"{size / 1e3:.1f} KB each")]
    out.append(("unpickle a result (parent)", _best(pickle.loads, blobs), ""))
    t = time.perf_counter()
    js = render_json(results, "zh")
    out.append(("JSON report, per file (parent, after all checks)", (time.perf_counter() - t) / len(results) * 1000,
                f"{len(js.encode()) / len(results) / 1e3:.1f} KB of JSON each"))
    t = time.perf_counter()
    tx = render_text(results, "zh", plain(), False)
    out.append(("text report --no-source, per file (parent)", (time.perf_counter() - t) / len(results) * 1000,
                f"{len(tx.encode()) / len(results):.0f} bytes each"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", default=str(HERE / "out" / "submissions"), help="generated submissions")
    ap.add_argument("--files", "-n", type=int, default=300)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    ap.add_argument("--generate", action="store_true", help="generate --files submissions first")
    a = ap.parse_args(argv)
    d = Path(a.dir)
    if a.generate or not any(d.glob("*.yaml")):
        import generate
        generate.generate(d, a.files)
    man = {}
    try:
        man = json.loads((d / ".manifest.json").read_text(encoding="utf-8")).get("mistakes", {})
    except (OSError, ValueError):
        pass
    files = [f for f in sorted(d.glob("*.yaml")) if f.name not in man][: a.files]
    from nbscheck.check.checker import check_file

    check_file(files[0])  # load the guideline, compile the schema
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)  # as in a --jobs worker
    print(f"{len(files)} valid files from {d}, {sum(f.stat().st_size for f in files) / len(files) / 1e3:.1f} KB each\n")
    print(f"{'stage':<66} {'ms/file':>9}")
    for label, ms in stages(files):
        print(f"{label:<66} {ms:>9.2f}")
    print(f"\n{'parent side (multi-process runs)':<66} {'ms/file':>9}")
    for label, ms, note in parent_side(files[: min(len(files), 200)]):
        print(f"{label:<66} {ms:>9.2f}  {note}")
    pr = cProfile.Profile()
    pr.enable()
    for f in files:
        check_file(f)
    pr.disable()
    buf = io.StringIO()
    pstats.Stats(pr, stream=buf).strip_dirs().sort_stats(a.sort).print_stats(a.top)
    print(f"\ncProfile of check_file over {len(files)} files, top {a.top} by {a.sort} (profiling slows it ~2x):")
    print(buf.getvalue().split("\n", 4)[-1] if "Ordered by" in buf.getvalue() else buf.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
