"""The default report: compiler-style findings with source lines, then the score table."""

from __future__ import annotations

from typing import Sequence

from ..check import CheckResult
from ..findings import Finding
from .findings_text import SourceLines, render_findings, summary_counts, width
from .labels import L, num, township_name
from .style import Style


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
        return f"{r.file}: {t['unreadable']}"
    s = r.score
    head = f"{t['township']}: {township_name(r.township, lang)}    {t['guideline']}: {r.guideline_id or '?'} {r.guideline_version}"
    rows = [[t["dimension"], t["points"], t["percent"], t["band"]]]
    for d in s.dimensions:
        rows.append([d.name.get(lang), f"{num(d.earned)}/{num(d.available)}",
                     f"{num(d.percent)}%" if d.percent is not None else t["na"], d.band.name.get(lang) if d.band else "-"])
    rows.append([t["total"], f"{num(s.earned)}/{num(s.available)}", f"{num(s.percent)}%", s.band.name.get(lang)])
    verdict = style(t["qualified"], "green", "bold") if s.qualified else style(t["not_qualified"], "red", "bold")
    lines = [head, table(rows, style), f"{t['outcome']}: {verdict}"]
    for reason in s.reasons:
        lines.append(f"  - {reason.message(lang)}")
    return "\n".join(lines)


def render(results: Sequence[CheckResult], lang: str, style: Style, show_source: bool = True) -> str:
    t = L[lang]
    source = SourceLines()
    blocks: list[str] = []
    all_findings: list[Finding] = []
    for r in results:
        if r.text is not None:
            source.add(r.file, r.text)
        if r.findings:
            blocks.append(render_findings(r.findings, lang, style, source if show_source else None))
        all_findings += r.findings
    if len(results) == 1:
        blocks.append(score_block(results[0], lang, style))
        blocks.append(summary_counts(all_findings, lang))
        return "\n\n".join(blocks) + "\n"
    rows = [[t["file"], t["valid"], t["errors"], t["warnings"], t["score"], t["band"], t["qualified"]]]
    for r in results:
        s = r.score
        rows.append([r.file, t["yes"] if r.valid else t["no"], str(r.errors), str(r.warnings),
                     f"{num(s.percent)}%" if s else "-", s.band.name.get(lang) if s else "-",
                     t["yes"] if r.qualified else t["no"]])
    valid = sum(r.valid for r in results)
    qualified = sum(r.qualified for r in results)
    if lang == "en":
        tail = f"{len(results)} files: {valid} valid, {qualified} qualify; {summary_counts(all_findings, lang)}"
    else:
        tail = f"共 {len(results)} 个文件：{valid} 个有效，{qualified} 个达到认定条件；{summary_counts(all_findings, lang)}"
    blocks.append(table(rows, style))
    blocks.append(tail)
    return "\n\n".join(blocks) + "\n"
