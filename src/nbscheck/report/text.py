"""The default report: compiler-style findings with source lines, then the score table."""

from __future__ import annotations

from typing import Sequence, TextIO

from ..check.result import CheckResult
from ..score import Score
from . import render_with
from .findings_text import SourceLines, render_findings, summary_counts_from, width
from .labels import L, num, township_name
from .safe import printable
from .style import Style
from .tally import Tally, Township, reasons_short


def _pad(s: str, w: int) -> str:
    return s + " " * max(0, w - width(s))


def table(rows: Sequence[Sequence[str]], style: Style, header: bool = True) -> str:
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, r in enumerate(rows):
        line = "  ".join(_pad(c, widths[i]) for i, c in enumerate(r)).rstrip()
        out.append(style(line, "bold") if header and n == 0 else line)
    return "\n".join(out)


def score_block(r: CheckResult, lang: str, style: Style) -> str:
    t = L[lang]
    if not r.parsed or r.score is None:
        return f"{printable(r.file)}: {t['unreadable']}"
    s = r.score
    head = printable(f"{t['township']}: {township_name(r.township, lang)}    {t['guideline']}: {r.guideline_id or '?'} {r.guideline_version}")
    rows = [[t["dimension"], t["points"], t["percent"], t["band"]]]
    for d in s.dimensions:
        rows.append([d.name.get(lang), f"{num(d.earned)}/{num(d.available)}",
                     f"{num(d.percent)}%" if d.percent is not None else t["na"], d.band.name.get(lang) if d.band else "-"])
    rows.append([t["total"], f"{num(s.earned)}/{num(s.available)}", f"{num(s.percent)}%", s.band.name.get(lang)])
    verdict = style(t["qualified"], "green", "bold") if s.qualified else style(t["not_qualified"], "red", "bold")
    lines = [head + (f"    {t['stage']}: {s.stage}" if s.stage else ""), table(rows, style)]
    if s.judged_items:
        lines.append(table(item_rows(s, lang), style))
    lines.append(f"{t['outcome']}: {verdict}")
    for reason in s.reasons:
        lines.append(f"  - {reason.message(lang)}")
    return "\n".join(lines)


def item_rows(s: Score, lang: str) -> list[list[str]]:
    """The framework items the qualification judges (the IUCN criteria): earned, percent, band and
    the band required, one row each."""
    t = L[lang]
    rows = [[t["item"], t["points"], t["percent"], t["band"], t["required"]]]
    for i in s.judged_items:
        rows.append([i.name.get(lang), f"{num(i.earned)}/{num(i.available)}", f"{num(i.percent)}%",
                     i.band.name.get(lang) if i.band else "-", i.required.name.get(lang) if i.required else "-"])
    return rows


class TextReport:
    """Writes findings as each file's result arrives; keeps only one summary row per file, and the
    run's totals as counters (:class:`~nbscheck.report.tally.Tally`)."""

    def __init__(self, out: TextIO, lang: str, style: Style, show_source: bool = True):
        self.out, self.lang, self.style, self.show_source = out, lang, style, show_source
        self.rows: list[list[str]] = []
        self.tally = Tally(lang)
        self.first: CheckResult | None = None
        self.wrote = False

    def add(self, r: CheckResult) -> None:
        t = L[self.lang]
        if self.first is None:
            self.first = r
        if r.findings:
            source = SourceLines({r.file: r.text} if r.text is not None else None)
            self.out.write(("\n" if self.wrote else "") +
                           render_findings(r.findings, self.lang, self.style, source if self.show_source else None) + "\n")
            self.wrote = True
        self.tally.add(r)
        s = r.score
        who = Township.of(r, self.lang)
        self.rows.append([printable(r.file), printable(who.name) or "-", printable(who.code) or "-",
                          printable(who.county or who.county_code) or "-",
                          t["yes"] if r.valid else t["no"], str(r.errors), str(r.warnings),
                          f"{num(s.percent)}%" if s else "-", s.band.name.get(self.lang) if s else "-",
                          t["yes"] if r.qualified else t["no"], printable(reasons_short(r, self.lang)) or "-"])

    def close(self) -> None:
        t, lang, tally = L[self.lang], self.lang, self.tally
        lead = "\n" if self.wrote else ""
        if len(self.rows) == 1 and self.first is not None:
            counts = summary_counts_from(tally.errors, tally.warnings, lang)
            self.out.write(lead + score_block(self.first, lang, self.style) + "\n\n" + counts + "\n")
            return
        for row in self.rows:  # every file of a division code submitted twice, not only the later ones
            if row[2] in tally.duplicates:
                row[2] += "*"
        header = [t["file"], t["township"], t["division"], t["county_or_code"], t["valid"], t["errors"], t["warnings"],
                  t["score"], t["band"], t["qualified"], t["because"]]
        tail = [tally.totals_line()] + [f"* {printable(line)}" for line in tally.duplicate_lines()]
        self.out.write(lead + table([header] + self.rows, self.style) + "\n\n" + "\n".join(tail) + "\n")


def render(results: Sequence[CheckResult], lang: str, style: Style, show_source: bool = True) -> str:
    return render_with(lambda out: TextReport(out, lang, style, show_source), results)
