"""A Markdown report a reviewer can paste into an issue or print."""

from __future__ import annotations

import tempfile
from typing import Sequence, TextIO

from ..check.result import CheckResult
from . import render_with
from .labels import L, num, township_name
from .safe import markdown_text


def _cell(s: str) -> str:
    """Text from a submission or a message, inert in Markdown (see :mod:`nbscheck.report.safe`)."""
    return markdown_text(str(s))


def _file(r: CheckResult, lang: str, level: str) -> list[str]:
    t = L[lang]
    out = [f"{level} {_cell(township_name(r.township, lang)) if r.parsed else ''} `{r.file}`".replace("  ", " "), ""]
    if r.parsed and r.guideline_version:
        out.append(f"{t['guideline']}: {r.guideline_id} {r.guideline_version}  ")
        p = r.period if isinstance(r.period, dict) else {}
        if p:
            out.append(f"{t['period']}: {_cell(p.get('start', '?'))} – {_cell(p.get('end', '?'))}")
        out.append("")
    s = r.score
    if s is not None:
        verdict = f"**{t['qualified'] if s.qualified else t['not_qualified']}**"
        out += [f"{t['outcome']}: {verdict} · {t['score']} {num(s.percent)}% ({s.band.name.get(lang)})", ""]
        for reason in s.reasons:
            out.append(f"- {_cell(reason.message(lang))}")
        if s.reasons:
            out.append("")
        out += [f"| {t['dimension']} | {t['points']} | {t['percent']} | {t['band']} |", "| --- | ---: | ---: | --- |"]
        for d in s.dimensions:
            pct = f"{num(d.percent)}%" if d.percent is not None else t["na"]
            out.append(f"| {_cell(d.name.get(lang))} | {num(d.earned)}/{num(d.available)} | {pct} | {d.band.name.get(lang) if d.band else '-'} |")
        out += [f"| **{t['total']}** | {num(s.earned)}/{num(s.available)} | {num(s.percent)}% | {s.band.name.get(lang)} |", ""]
    elif not r.parsed:
        out += [t["unreadable"], ""]
    if r.findings:
        out += [f"**{t['findings']}** ({r.errors} {t['errors']}, {r.warnings} {t['warnings']})", "",
                f"| {t['location']} | {t['code']} | {t['clause']} | {t['message']} |", "| --- | --- | --- | --- |"]
        for f in r.findings:
            loc = f"{f.line}:{f.column}" if f.line else ""
            out.append(f"| {loc} | {f.code} ({f.severity.value}) | {f.clause or ''} | {_cell(f.message(lang))} |")
        out.append("")
    else:
        out += [t["none"], ""]
    return out


class MarkdownReport:
    """The summary table comes first, so each file's section waits in a spooled temporary file
    (in memory while small, on disk beyond a few megabytes) until the table is written."""

    def __init__(self, out: TextIO, lang: str):
        self.out, self.lang = out, lang
        self.sections = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024, mode="w+", encoding="utf-8")
        self.rows: list[str] = []

    def add(self, r: CheckResult) -> None:
        t = L[self.lang]
        s = r.score
        self.rows.append(f"| `{_cell(r.file)}` | {_cell(township_name(r.township, self.lang)) if r.parsed else '-'} | "
                         f"{t['yes'] if r.valid else t['no']} | {r.errors} | {num(s.percent) + '%' if s else '-'} | "
                         f"{s.band.name.get(self.lang) if s else '-'} | {t['yes'] if r.qualified else t['no']} |")
        self.sections.write("\n".join(_file(r, self.lang, "##")) + "\n")

    def close(self) -> None:
        t = L[self.lang]
        self.out.write(f"# {t['report']}\n\n")
        if len(self.rows) > 1:
            self.out.write(f"## {t['summary']}\n\n"
                           f"| {t['file']} | {t['township']} | {t['valid']} | {t['errors']} | {t['score']} | {t['band']} | {t['qualified']} |\n"
                           "| --- | --- | --- | ---: | ---: | --- | --- |\n" + "\n".join(self.rows) + "\n\n")
        self.sections.seek(0)
        body = self.sections.read(1 << 20)
        last = ""
        while body:
            self.out.write(last)
            last = body
            body = self.sections.read(1 << 20)
        self.out.write(last.rstrip() + "\n")
        self.sections.close()


def render(results: Sequence[CheckResult], lang: str) -> str:
    return render_with(lambda out: MarkdownReport(out, lang), results)
