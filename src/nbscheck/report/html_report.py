"""``--format html``: a page that opens offline and prints on A4.

One submission gives its report card (:mod:`nbscheck.report.html_card`). A folder gives an
overview first (totals, charts of the bands, the score distribution, the clauses most often not
met and each county, and a table of townships linking to their cards), then every card on its own
page. The overview needs the whole run, so the cards wait in a spooled temporary file (in memory
while small, on disk beyond a few megabytes) and the overview's numbers are small counters
(:class:`~nbscheck.report.tally.Tally`): memory stays flat for any number of files.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from typing import Sequence, TextIO

from ..check.result import CheckResult
from . import render_with
from .html_card import band_colour, card
from .html_style import CSS
from .labels import num
from .safe import html_text as escape
from .svg import BAND_COLOURS, Bar, bars, columns
from .tally import HISTOGRAM, Tally, Township, guideline_for, reasons_short

W = {
    "zh": {"title": "自评估检查汇总", "bands": "各档次的乡镇数", "histogram": "得分率分布（%）",
           "failed": "未符合最多的条款（未符合的文件数）", "counties": "各县平均得分率（达标数/文件数）",
           "townships": "乡镇", "township": "乡镇", "code": "区划代码", "county": "县", "score": "得分率",
           "band": "档次", "qualified": "达到认定条件", "reasons": "主要原因", "yes": "是", "no": "否",
           "back": "↑ 返回汇总", "dup": "重复", "none": "（无）"},
    "en": {"title": "Self-assessment check overview", "bands": "Townships by band", "histogram": "Score distribution (%)",
           "failed": "Clauses most often not met (files)", "counties": "Mean score by county (qualify/files)",
           "townships": "Townships", "township": "Township", "code": "Division code", "county": "County",
           "score": "Score", "band": "Band", "qualified": "Qualifies", "reasons": "Main reasons", "yes": "yes", "no": "no",
           "back": "↑ back to the overview", "dup": "duplicate", "none": "(none)"},
}


def page(title: str, body: str, lang: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
            f"<style>{CSS}</style></head><body>\n{body}\n</body></html>\n")


class HtmlReport:
    def __init__(self, out: TextIO, lang: str, root: str | None = None, today: str | None = None):
        self.out, self.lang, self.root = out, lang, root
        self.today = today or dt.date.today().isoformat()
        self.tally = Tally(lang)
        self.cards = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024, mode="w+", encoding="utf-8")
        self.rows: list[str] = []
        self.first: CheckResult | None = None

    def add(self, r: CheckResult) -> None:
        n = self.tally.files + 1
        earlier = self.tally.add(r)
        if self.first is None:
            self.first = r
        anchor = f"card-{n}"
        self.cards.write(card(r, self.lang, self.today, self.root, anchor).replace(
            "<header>", f'<header><a class="back" href="#overview">{escape(W[self.lang]["back"])}</a>', 1) + "\n")
        self.rows.append(self._row(r, anchor, earlier))

    def _row(self, r: CheckResult, anchor: str, earlier: str | None) -> str:
        w = W[self.lang]
        who = Township.of(r, self.lang)
        s = r.score
        dup = f' <strong title="{escape(earlier)}">{escape(w["dup"])}</strong>' if earlier else ""
        cells = [f'<a href="#{anchor}">{escape(who.name or r.file)}</a>', escape(who.code) + dup,
                 escape(who.county or who.county_code)]
        return ("<tr><td>" + "</td><td>".join(cells) + f'</td><td class="num">{num(s.percent) + "%" if s else "–"}</td>'
                f"<td>{escape(s.band.name.get(self.lang)) if s else '–'}</td>"
                f"<td>{w['yes'] if r.qualified else w['no']}</td><td>{escape(reasons_short(r, self.lang))}</td></tr>")

    def close(self) -> None:
        if self.tally.files == 1 and self.first is not None:
            self.cards.seek(0)
            body = self.cards.read().replace(f'<a class="back" href="#overview">{escape(W[self.lang]["back"])}</a>', "")
            who = Township.of(self.first, self.lang)
            self.out.write(page(who.name or self.first.file, body, self.lang))
            self.cards.close()
            return
        head, tail = page(W[self.lang]["title"], "\x00", self.lang).split("\x00")
        self.out.write(head + self._overview() + "\n")
        self.cards.seek(0)
        while True:
            chunk = self.cards.read(1 << 20)
            if not chunk:
                break
            self.out.write(chunk)
        self.out.write(tail)
        self.cards.close()

    def _overview(self) -> str:
        w, t = W[self.lang], self.tally
        g = guideline_for(None, self.root)
        order = sorted(g.rules.bands, key=lambda b: -b.min) if g else []
        band_bars = [Bar(b.name.get(self.lang), t.bands.get(b.id, 0), colour=band_colour(g, b.id)) for b in order] or \
            [Bar(t.band_names[k], v) for k, v in t.bands.items()]
        hist = [Bar(f"{lo}–{lo + 10}" if lo < 90 else "90–100", n, colour=BAND_COLOURS[0 if lo >= 90 else 2 if lo >= 60 else 4])
                for lo, n in zip(HISTOGRAM, t.histogram)]
        scored = sum(t.bands.values()) or 1
        failed = [Bar(f"{cid} {t.title(cid, self.root)}", n, colour=BAND_COLOURS[3]) for cid, n in t.most_failed(10)]
        counties = [Bar(c.name or c.code or w["none"], c.mean, note=f"{c.qualified}/{c.files}",
                        colour=band_colour(g, g.rules.band_for(c.mean).id if g and c.mean is not None else None))
                    for _, c in sorted(t.counties.items())]
        charts = [f'<section><h2>{escape(w["bands"])}</h2>{columns(band_bars, title=w["bands"])}</section>',
                  f'<section><h2>{escape(w["histogram"])}</h2>{columns(hist, title=w["histogram"])}</section>']
        wide = []
        if failed:
            wide.append(f'<section><h2>{escape(w["failed"])}</h2>'
                        f'{bars(failed, maximum=float(scored), unit=f"/{scored}", title=w["failed"])}</section>')
        if counties:
            wide.append(f'<section><h2>{escape(w["counties"])}</h2>{bars(counties, title=w["counties"])}</section>')
        dups = "".join(f"<li>{escape(line)}</li>" for line in t.duplicate_lines())
        head = "".join(f"<th>{escape(w[k])}</th>" for k in ("township", "code", "county", "score", "band", "qualified", "reasons"))
        return (f'<section class="overview" id="overview"><h1>{escape(w["title"])}</h1>'
                f'<p class="totals">{escape(t.totals_line())}</p>' + (f"<ul>{dups}</ul>" if dups else "") +
                f'<div class="grid">{"".join(charts)}</div>{"".join(wide)}'
                f'<h2>{escape(w["townships"])}</h2><table class="townships"><thead><tr>{head}</tr></thead><tbody>'
                + "".join(self.rows) + "</tbody></table></section>")


def render(results: Sequence[CheckResult], lang: str, today: str | None = None, root: str | None = None) -> str:
    return render_with(lambda out: HtmlReport(out, lang, root, today), results)
