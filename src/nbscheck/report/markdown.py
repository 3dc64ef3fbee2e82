"""A Markdown report a reviewer can paste into an issue or print."""

from __future__ import annotations

import tempfile
from typing import Sequence, TextIO

from ..check.result import CheckResult
from . import render_with
from .findings_text import SEVERITY
from .labels import L, num, township_name
from .safe import markdown_text
from .tally import Tally, Township, guideline_for, reasons_short


def _cell(s: str) -> str:
    """Text from a submission or a message, inert in Markdown (see :mod:`nbscheck.report.safe`)."""
    return markdown_text(str(s))


def _clause(r: CheckResult, clause: str | None, lang: str, root: str | None) -> str:
    """A clause id with its title, so a reader need not look the number up."""
    if not clause:
        return ""
    g = guideline_for(r.guideline_version, root)
    c = g.clause(clause) if g else None
    title = c.title.get(lang) if c is not None and c.title else ""
    return f"{clause} {_cell(title)}" if title else clause


def _file(r: CheckResult, lang: str, level: str, root: str | None = None) -> list[str]:
    t = L[lang]
    sev = SEVERITY[lang]
    paren = "（{}）" if lang == "zh" else " ({})"
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
        if s.judged_items:
            out += [f"| {t['item']} | {t['points']} | {t['percent']} | {t['band']} | {t['required']} |",
                    "| --- | ---: | ---: | --- | --- |"]
            for i in s.judged_items:
                out.append(f"| {_cell(i.name.get(lang))} | {num(i.earned)}/{num(i.available)} | {num(i.percent)}% | "
                           f"{i.band.name.get(lang) if i.band else '-'} | {i.required.name.get(lang) if i.required else '-'} |")
            out.append("")
    elif not r.parsed:
        out += [t["unreadable"], ""]
    if r.findings:
        out += [f"**{t['findings']}** ({r.errors} {t['errors']}, {r.warnings} {t['warnings']})", "",
                f"| {t['location']} | {t['code']} | {t['clause']} | {t['message']} |", "| --- | --- | --- | --- |"]
        for f in r.findings:
            loc = _cell(f"{f.sheet}!{f.cell}") if f.cell else f"{f.line}:{f.column}" if f.line else ""
            out.append(f"| {loc} | {f.code}{paren.format(sev[f.severity.value])} | {_clause(r, f.clause, lang, root)} | "
                       f"{_cell(f.message(lang))} |")
        out.append("")
    else:
        out += [t["none"], ""]
    return out


class MarkdownReport:
    """The summary table comes first, so each file's section waits in a spooled temporary file
    (in memory while small, on disk beyond a few megabytes) until the table is written."""

    def __init__(self, out: TextIO, lang: str, root: str | None = None):
        self.out, self.lang, self.root = out, lang, root
        self.tally = Tally(lang)
        self.sections = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024, mode="w+", encoding="utf-8")
        self.rows: list[str] = []

    def add(self, r: CheckResult) -> None:
        t = L[self.lang]
        s = r.score
        earlier = self.tally.add(r)
        who = Township.of(r, self.lang)
        dup = f" {t['duplicate'].format(file=_cell(earlier))}" if earlier else ""
        self.rows.append(f"| `{_cell(r.file)}` | {_cell(township_name(r.township, self.lang)) if r.parsed else '-'} | "
                         f"{t['yes'] if r.valid else t['no']} | {r.errors} | {num(s.percent) + '%' if s else '-'} | "
                         f"{s.band.name.get(self.lang) if s else '-'} | {t['yes'] if r.qualified else t['no']} | "
                         f"{_cell(who.county or who.county_code or '-')} | {_cell(reasons_short(r, self.lang) or '-')}{dup} |")
        self.sections.write("\n".join(_file(r, self.lang, "##", self.root)) + "\n")

    def close(self) -> None:
        t = L[self.lang]
        self.out.write(f"# {t['report']}\n\n")
        if len(self.rows) > 1:
            self.out.write(f"## {t['summary']}\n\n"
                           f"| {t['file']} | {t['township']} | {t['valid']} | {t['errors']} | {t['score']} | {t['band']} | {t['qualified']} "
                           f"| {t['county_or_code']} | {t['because']} |\n"
                           "| --- | --- | --- | ---: | ---: | --- | --- | --- | --- |\n" + "\n".join(self.rows) + "\n\n"
                           + self._totals())
        self.sections.seek(0)
        body = self.sections.read(1 << 20)
        last = ""
        while body:
            self.out.write(last)
            last = body
            body = self.sections.read(1 << 20)
        self.out.write(last.rstrip() + "\n")
        self.sections.close()


    def _totals(self) -> str:
        """The run's totals, most-failed clauses with their titles, and any duplicate division codes."""
        t, tally = L[self.lang], self.tally
        out = [f"**{t['total']}**: {_cell(tally.totals_line())}", ""]
        for line in tally.duplicate_lines():
            out.append(f"- {_cell(line)}")
        if tally.duplicates:
            out.append("")
        failed = tally.most_failed(10)
        if failed:
            out += [f"**{t['most_failed']}**", "", f"| {t['clause']} | {t['title']} | {t['failed_files']} |", "| --- | --- | ---: |"]
            out += [f"| {cid} | {_cell(tally.title(cid, self.root))} | {n} |" for cid, n in failed]
            out.append("")
        return "\n".join(out) + "\n"


def render(results: Sequence[CheckResult], lang: str, root: str | None = None) -> str:
    return render_with(lambda out: MarkdownReport(out, lang, root), results)
