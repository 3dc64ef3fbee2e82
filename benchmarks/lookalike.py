"""What the look-alike pre-scan (nbscheck.yaml.lookalike) costs per file of about 50 KB.

It runs on every YAML file before parsing, so its cost on a clean file is the one that matters:
one regular-expression search over the text. Three cases are timed: a plain ASCII submission, a
submission whose notes are Chinese prose full of "：", "，" and "“”" (every such line is looked at,
none is flagged), and one with a dozen clerk mistakes (found and corrected). Figures are the median
of several runs, in microseconds per file, beside the time to parse the same file with libyaml.

    .venv/bin/python benchmarks/lookalike.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from nbscheck.yaml.compose import compose  # noqa: E402
from nbscheck.yaml.lookalike import scan  # noqa: E402

ANSWER = '''  "{i}.1.1":
    status: met
    value: {v}
    unit: ha
    evidence:
      - {{path: evidence/survey-{i}.pdf, kind: survey-report}}
      - {{path: evidence/map-{i}.pdf, kind: map}}
    note: {note}
'''
ASCII_NOTE = "see the survey report, table 3"
PROSE_NOTE = "会议纪要：“美丽乡村”建设已完成，见附件，完成率约八成。"


def submission(note: str, size: int = 50_000, mistakes: bool = False) -> str:
    head = 'guideline:\n  id: bft-nbs\n  version: "1.0.0"\nanswers:\n'
    parts, i = [head], 0
    while sum(len(p.encode()) for p in parts) < size:
        block = ANSWER.format(i=i, v=12.5 + i, note=note)
        if mistakes and i % 8 == 0:
            block = block.replace("status: met", "status：met").replace("    unit: ha", "　　　　unit: ha")
        parts.append(block)
        i += 1
    return "".join(parts)


def timed(fn, text: str, runs: int = 50) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn(text, "b.yaml")
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e6


def main() -> None:
    for label, text in (("ASCII, clean", submission(ASCII_NOTE)), ("Chinese prose, clean", submission(PROSE_NOTE)),
                        ("Chinese prose, mistakes", submission(PROSE_NOTE, mistakes=True))):
        found = scan(text, "b.yaml")
        n = len(found.findings) if found else 0
        pre = timed(scan, text)
        parse = timed(lambda t, _n: compose(found.text if found else t), text, runs=10)
        print(f"{label:26} {len(text.encode()) / 1000:5.1f} KB  pre-scan {pre:8.1f} µs  "
              f"libyaml compose {parse:9.1f} µs  ({pre / parse:6.2%})  findings {n}")


if __name__ == "__main__":
    main()
