"""One submission's report card as HTML: a result a county reviewer can print on one or two A4
pages, sign and stamp.

Everything a submission or the guideline says is HTML-escaped (``html.escape``) before it reaches
the page; the charts are inline SVG (:mod:`nbscheck.report.svg`), so the card needs nothing from
the network. Beside the dimensions chart, a chart per framework the score judges (the IUCN criteria)
reads :func:`criteria_rows`: the real per-criterion results of :mod:`nbscheck.score`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..check.result import CheckResult
from ..model.indicators import format_value
from ..model.types import Guideline
from ..score import MISSING, Score
from .findings_text import SEVERITY
from .labels import num
from .safe import html_text as escape
from .svg import BAND_COLOURS, Bar, bars
from .tally import Township, guideline_for

W = {
    "zh": {"kicker": "自评估检查结果", "county": "县", "province": "省", "contact": "联系人", "period": "评估期",
           "guideline": "指南版本", "tool": "检查工具", "checked": "检查日期", "file": "文件", "submitted": "提交日期",
           "qualified": "达到认定条件", "not_qualified": "未达到认定条件", "unreadable": "文件无法读取或解析，未评分",
           "score": "得分率", "points": "分", "reasons": "原因", "dimensions": "各维度得分", "criteria": "{name}各准则得分", "below": "（低于要求的{band}）",
           "findings": "问题", "more": "另有 {n} 个问题，见完整报告（nbscheck --format text）。", "clauses": "逐条结果",
           "clause": "条款", "title": "标题", "status": "状态", "value": "指标值", "earned": "得分",
           "review": "审核意见", "reviewer": "审核人（签字）", "date": "日期", "stamp": "审核单位（盖章）",
           "na": "不适用", "missing": "未答复", "error_answer": "（答复有误）", "errors": "{e} 个错误，{w} 个警告",
           "code": "区划代码", "true": "是", "false": "否"},
    "en": {"kicker": "Self-assessment check result", "county": "County", "province": "Province", "contact": "Contact",
           "period": "Period", "guideline": "Guideline version", "tool": "Checked with", "checked": "Date checked",
           "file": "File", "submitted": "Submitted", "qualified": "Qualifies", "not_qualified": "Does not qualify",
           "unreadable": "The file cannot be read or parsed; not scored", "score": "Score", "points": "points",
           "reasons": "Reasons", "dimensions": "Score by dimension", "criteria": "Score by criterion: {name}", "below": " (below the required {band})",
           "findings": "Findings", "more": "{n} more findings: see the full report (nbscheck --format text).",
           "clauses": "Clause by clause", "clause": "Clause", "title": "Title", "status": "Status", "value": "Value",
           "earned": "Points", "review": "Reviewer's opinion", "reviewer": "Reviewer (signature)", "date": "Date",
           "stamp": "Reviewing office (stamp)", "na": "n/a", "missing": "not answered", "error_answer": " (answer has errors)",
           "errors": "{e} errors, {w} warnings", "code": "Division code", "true": "yes", "false": "no"},
}
FINDINGS_SHOWN = 10
CHART_W = 440  # px; the two charts share the page's width, side by side
VALUE_CHARS = 40


@dataclass(frozen=True)
class CriterionRow:
    """One bar of a framework-items chart (the IUCN criteria): the interface between a score and the chart."""

    label: str
    percent: float | None
    band: str  # a band id of the guideline, or "" when there is none
    framework: str = ""
    required: str = ""  # the lowest band the qualification accepts for the item, or ""


def criteria_rows(score: Score | None, lang: str) -> list[CriterionRow]:
    """The per-criterion results the score computed (:attr:`Score.items`, from the clauses mapped to
    each item): those of the frameworks the qualification judges, else every item scored (the first
    framework's, IUCN). Empty for an unscored file, and the card leaves the chart out."""
    if score is None:
        return []
    items = score.judged_items or score.items
    return [CriterionRow(it.name.get(lang), it.percent, it.band.id if it.band else "", it.framework,
                         it.required.id if it.required else "") for it in items]


def band_colour(g: Guideline | None, band_id: str | None) -> str:
    if g is None or not band_id:
        return BAND_COLOURS[-1]
    order = [b.id for b in sorted(g.rules.bands, key=lambda b: -b.min)]
    i = order.index(band_id) if band_id in order else len(BAND_COLOURS) - 1
    return BAND_COLOURS[min(i, len(BAND_COLOURS) - 1)]


def _thresholds(g: Guideline | None, lang: str) -> list[tuple[float, str]]:
    if g is None:
        return []
    return [(b.min, b.name.get(lang)) for b in sorted(g.rules.bands, key=lambda b: b.min) if b.min > 0]


def _band_name(g: Guideline | None, band_id: str, lang: str) -> str:
    b = g.rules.band(band_id) if g is not None and band_id else None
    return b.name.get(lang) if b else ""


def _text(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get("en" if lang == "en" else "zh") or value.get("zh") or value.get("en") or "")
    return "" if value is None else str(value)


def _facts(r: CheckResult, lang: str, today: str) -> str:
    w = W[lang]
    who = Township.of(r, lang)
    t = r.township if isinstance(r.township, dict) else {}
    p = r.period if isinstance(r.period, dict) else {}
    c = r.contact if isinstance(r.contact, dict) else {}
    contact = " · ".join(_text(c.get(k), lang) for k in ("name", "role", "phone", "email") if c.get(k))
    period = f"{p.get('start', '?')} – {p.get('end', '?')}" if p else ""
    rows = [(w["code"], who.code), (w["county"], who.county or who.county_code), (w["province"], _text(t.get("province"), lang)),
            (w["contact"], contact), (w["period"], period),
            (w["guideline"], f"{r.guideline_id or ''} {r.guideline_version or ''}".strip()),
            (w["tool"], f"nbscheck {__version__}"), (w["checked"], today), (w["file"], r.file)]
    return '<dl class="facts">' + "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v) or '–'}</dd></div>" for k, v in rows) + "</dl>"


def _verdict(r: CheckResult, lang: str) -> str:
    w = W[lang]
    s = r.score
    if s is None:
        return f'<div class="verdict no"><strong>{escape(w["unreadable"])}</strong></div>'
    cls, word = ("ok", w["qualified"]) if r.qualified else ("no", w["not_qualified"])
    out = [f'<div class="verdict {cls}"><strong>{escape(word)}</strong>',
           f'<span class="pct">{escape(w["score"])} {num(s.percent)}% · {escape(s.band.name.get(lang))} · '
           f'{num(s.earned)}/{num(s.available)} {escape(w["points"])}</span>']
    if s.reasons:
        out.append(f'<div class="reasons">{escape(w["reasons"])}:<ul>' +
                   "".join(f"<li>{escape(x.message(lang))} <code>{escape(x.code)}</code></li>" for x in s.reasons) + "</ul></div>")
    out.append("</div>")
    return "".join(out)


def _charts(r: CheckResult, g: Guideline | None, lang: str) -> str:
    w = W[lang]
    s = r.score
    if s is None:
        return ""
    dims = [Bar(d.name.get(lang), d.percent, d.band.name.get(lang) if d.band else w["na"], band_colour(g, d.band.id if d.band else None))
            for d in s.dimensions]
    out = [f'<section class="chart-box"><h2>{escape(w["dimensions"])}</h2>'
           f'{bars(dims, _thresholds(g, lang), width=CHART_W, label_share=0.5, title=w["dimensions"])}</section>']
    crit = criteria_rows(s, lang)
    for fw_id in dict.fromkeys(c.framework for c in crit):
        fw = g.framework(fw_id) if g is not None else None
        title = w["criteria"].format(name=fw.name.get(lang) if fw else fw_id)
        rows = []
        for c in (c for c in crit if c.framework == fw_id):
            note = _band_name(g, c.band, lang)
            short = g is not None and c.required and c.band and g.rules.band(c.band) and g.rules.band(c.required) \
                and g.rules.band(c.band).min < g.rules.band(c.required).min
            if short:
                note += w["below"].format(band=_band_name(g, c.required, lang))
            rows.append(Bar(c.label, c.percent, note, band_colour(g, c.band)))
        out.append(f'<section class="chart-box criteria"><h2>{escape(title)}</h2>'
                   f'{bars(rows, _thresholds(g, lang), width=CHART_W, label_share=0.5, title=title)}</section>')
    return f'<div class="charts">{"".join(out)}</div>'


def _findings(r: CheckResult, lang: str) -> str:
    w = W[lang]
    if not r.findings:
        return ""
    head = f'{escape(w["findings"])} <small>{escape(w["errors"].format(e=r.errors, w=r.warnings))}</small>'
    items = []
    for f in r.findings[:FINDINGS_SHOWN]:
        where = f"{f.line}:{f.column}" if f.line else ""
        items.append(f'<li class="{f.severity.value}"><code>{escape(where)}</code> <code>{escape(f.code)}</code> '
                     f'{escape(SEVERITY[lang][f.severity.value])} · {escape(f.message(lang))}</li>')
    more = len(r.findings) - FINDINGS_SHOWN
    tail = f'<p class="more">{escape(w["more"].format(n=more))}</p>' if more > 0 else ""
    return f'<section class="findings"><h2>{head}</h2><ul>{"".join(items)}</ul>{tail}</section>'


def _value(v: Any, lang: str) -> str:
    """An answer's value for a table cell: yes/no in the reader's language, long text cut short."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return W[lang]["true" if v else "false"]
    if isinstance(v, list):
        text = ", ".join(format_value(x) for x in v)
    else:
        text = format_value(v)
    return text if len(text) <= VALUE_CHARS else text[:VALUE_CHARS - 1] + "…"


def _clauses(s: Score | None, g: Guideline | None, lang: str) -> str:
    w = W[lang]
    if s is None:
        return ""
    names = {k: st.name.get(lang) for k, st in g.rules.statuses.items()} if g else {}
    names[MISSING] = w["missing"]
    names.setdefault("not_applicable", w["na"])
    rows = []
    for c in s.clauses:
        clause = g.clause(c.clause) if g else None
        title = clause.title.get(lang) if clause is not None and clause.title else ""
        status = names.get(c.status, c.status) + ("" if c.valid else w["error_answer"])
        css = c.status if c.valid else "failed"
        points = f"{num(c.earned)}/{c.points}" if c.counted else "–"
        rows.append(f'<tr class="{escape(css)}"><td>{escape(c.clause)}</td><td>{escape(title)}</td>'
                    f"<td>{escape(status)}</td><td>{escape(_value(c.value, lang))}</td><td>{points}</td></tr>")
    head = "".join(f"<th>{escape(w[k])}</th>" for k in ("clause", "title", "status", "value", "earned"))
    half = (len(rows) + 1) // 2  # two tables side by side: a hundred clauses fit on one page
    tables = "".join(f'<table class="clauses"><thead><tr>{head}</tr></thead><tbody>{"".join(part)}</tbody></table>'
                     for part in (rows[:half], rows[half:]) if part)
    return f'<section class="clause-box"><h2>{escape(w["clauses"])}</h2><div class="two">{tables}</div></section>'


def _sign(lang: str) -> str:
    w = W[lang]
    return (f'<section class="sign"><div class="opinion"><span>{escape(w["review"])}</span></div>'
            f'<div class="line"><span>{escape(w["reviewer"])}</span></div><div class="line"><span>{escape(w["date"])}</span></div>'
            f'<div class="stamp"><span>{escape(w["stamp"])}</span></div></section>')


def card(r: CheckResult, lang: str, today: str, root: str | None = None, anchor: str = "") -> str:
    """The card of ``r`` as an HTML ``<article>`` (the page around it is :mod:`html_report`'s)."""
    g = guideline_for(r.guideline_version, root) if r.guideline_version else None
    who = Township.of(r, lang)
    title = (g.short_title or g.title).get(lang) if g is not None else ""
    ident = f' id="{escape(anchor)}"' if anchor else ""
    return (f'<article class="card"{ident}><header><div class="kicker">{escape(title)} · {escape(W[lang]["kicker"])}</div>'
            f'<h1>{escape(who.name or r.file)}</h1>{_facts(r, lang, today)}</header>'
            f"{_verdict(r, lang)}{_charts(r, g, lang)}{_findings(r, lang)}{_clauses(r.score, g, lang)}{_sign(lang)}</article>")

