"""The guideline as Markdown pages, one language at a time: the layer the website is made from.

Pure functions of the model: ``(Guideline, part, lang) -> str``. Nothing here knows about MkDocs
(:mod:`nbscheck.mkdocs_plugin` is the glue that hands these strings to a build), so another static
site generator that reads Markdown, such as Zensical, can reuse it unchanged.

The Markdown needs the ``attr_list``, ``md_in_html``, ``tables`` and ``toc`` extensions. Anchors are
stable: a clause's anchor is its id (``6.2.1``), a section's its id, a term's its id, a chapter's its
slug, a dimension's ``dim-<id>`` and a framework item's ``<framework>-<item>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..model.clauses import Chapter, Clause, Indicator, Term
from ..model.text import Text
from ..model.types import Guideline
from .outcomes import clause_rows, grading_suffix, qualification_items

LANGS = ("zh", "en")

# --- words -------------------------------------------------------------------------------------

L: dict[str, dict[str, str]] = {
    "zh": {
        "shall": "应", "should": "宜", "may": "可", "statement": "陈述",
        "shall.title": "要求：符合本文件须做到", "should.title": "推荐：一般情况下宜做到",
        "may.title": "允许：可自行选择", "statement.title": "陈述：说明情况或方法，不含要求",
        "note": "注", "example": "示例", "see": "参见", "terms": "术语",
        "maps": "对照", "previous": "上一发布版本中的编号", "not_assessable": "不单独评分",
        "assessment": "评估要素", "detail": "内容",
        "indicator": "指标", "type": "类型", "range": "取值范围", "target": "达标条件", "unit": "单位",
        "choices": "选项", "evidence": "证据", "points": "分值", "dimension": "维度",
        "na": "答复“不适用”", "na.yes": "允许（须说明理由）", "na.no": "不允许",
        "t.boolean": "是/否", "t.number": "数值", "t.percentage": "百分数", "t.choice": "单选",
        "t.text": "文字说明", "integer": "整数",
        "yes": "是", "no": "否", "at_least": "不低于 {v}", "at_most": "不高于 {v}", "and": "，且",
        "one_of": "为下列之一：{v}", "min_length": "不少于 {v} 字", "no_target": "如实填写，不设达标值",
        "list_sep": "、", "source": "来源",
        "dims": "评估维度与分值", "dim": "维度", "desc": "说明", "scored": "计分条款",
        "total": "合计", "statuses": "答复状态与系数", "status": "状态", "factor": "系数",
        "factor.none": "不计分", "bands": "评级档次", "band": "档次", "min": "得分率下限",
        "qualification": "认定条件", "q.overall": "总得分率不低于 {v}%",
        "q.dim": "每个评估维度至少达到“{v}”", "q.shall": "每个可评估的“应”条款均为“符合”或有理由的“不适用”",
        "clause": "条款", "level": "程度", "scored_in": "{dim}的计分条款",
        "matrix": "对照矩阵", "item": "编号", "name": "名称", "mapped": "对照条款数",
        "matrix.note": "行为条款，列为{fw}的条目；●表示该条款对照该条目。",
        "edition": "版本",
        "version": "版本 {v}", "draft": "草案，尚未发布", "released": "{d} 发布",
        "print.title": "全文打印版", "print.button": "打印或另存为 PDF",
        "print.intro": "本页把整份指南排成一个文档，便于打印或在浏览器中另存为 PDF。",
        "downloads": "下载",
        "dl.intro": "下列文件由指南 {v} 在构建网站时生成，与命令行 `nbscheck schema` 和 `nbscheck init` 的输出完全相同。",
        "dl.file": "文件", "dl.what": "用途", "dl.cli": "等效命令",
        "dl.schema": "提交文件的 JSON Schema（draft 2020-12），供编辑器自动补全和 `check-jsonschema` 校验",
        "dl.zh": "空白提交文件（中文注释），逐条列出全部可评估条款",
        "dl.en": "空白提交文件（英文注释）",
        "dl.print": "需要整份指南？请打开[全文打印版]({p})，在浏览器中打印或另存为 PDF。",
        "dl.schema_name": "提交文件 Schema", "dl.zh_name": "空白模板（中文）", "dl.en_name": "空白模板（英文）",
        "dl.xlsx_zh_name": "自评估工作簿（中文）", "dl.xlsx_en_name": "自评估工作簿（英文）",
        "dl.xlsx": "同样的自评估，用 Excel、WPS 或 LibreOffice 填写；nbscheck 直接检查，`nbscheck convert` 可转换为 YAML",
    },
    "en": {
        "shall": "shall", "should": "should", "may": "may", "statement": "statement",
        "shall.title": "Requirement: needed to conform to this document",
        "should.title": "Recommendation: expected in most cases",
        "may.title": "Permission: left to the township's choice",
        "statement.title": "Statement: describes a fact or a method, no requirement",
        "note": "NOTE", "example": "EXAMPLE", "see": "See", "terms": "terms",
        "maps": "Maps to", "previous": "Numbered in the previous release as", "not_assessable": "Not scored",
        "assessment": "Assessment", "detail": "Detail",
        "indicator": "Indicator", "type": "Type", "range": "Range", "target": "Target", "unit": "Unit",
        "choices": "Options", "evidence": "Evidence", "points": "Points", "dimension": "Dimension",
        "na": "Answer not_applicable", "na.yes": "admitted, with a justification", "na.no": "not admitted",
        "t.boolean": "yes/no", "t.number": "number", "t.percentage": "percentage", "t.choice": "one option",
        "t.text": "text", "integer": "whole number",
        "yes": "yes", "no": "no", "at_least": "at least {v}", "at_most": "at most {v}", "and": " and ",
        "one_of": "one of: {v}", "min_length": "at least {v} characters", "no_target": "report the value; no set target",
        "list_sep": ", ", "source": "SOURCE",
        "dims": "Assessment dimensions and points", "dim": "Dimension", "desc": "What it covers",
        "scored": "Scored clauses", "total": "Total", "statuses": "Answer statuses and factors", "status": "Status",
        "factor": "Factor", "factor.none": "not scored", "bands": "Bands", "band": "Band", "min": "Lowest percentage",
        "qualification": "Qualification", "q.overall": "an overall percentage of at least {v} %",
        "q.dim": "every dimension at least in the band “{v}”",
        "q.shall": "every assessable shall clause met, or not applicable with a justification",
        "clause": "Clause", "level": "Level", "scored_in": "Scored clauses: {dim}",
        "matrix": "Mapping matrix", "item": "No.", "name": "Name", "mapped": "Clauses mapped",
        "matrix.note": "Rows are clauses, columns are the items of the {fw}; ● marks a clause mapped to that item.",
        "edition": "Edition",
        "version": "version {v}", "draft": "draft, not yet released", "released": "released {d}",
        "print.title": "The whole guideline, for printing", "print.button": "Print or save as PDF",
        "print.intro": "This page sets the whole guideline out as one document, to print or to save as a PDF from the browser.",
        "downloads": "Downloads",
        "dl.intro": "These files are generated from guideline {v} when the site is built; they are exactly what the command-line `nbscheck schema` and `nbscheck init` print.",
        "dl.file": "File", "dl.what": "What it is for", "dl.cli": "Same as",
        "dl.schema": "The submission's JSON Schema (draft 2020-12), for editor completion and `check-jsonschema`",
        "dl.zh": "A blank submission with Chinese comments, listing every assessable clause",
        "dl.en": "A blank submission with English comments",
        "dl.print": "Need the whole guideline? Open [the printable version]({p}) and print it or save it as a PDF from the browser.",
        "dl.schema_name": "Submission schema", "dl.zh_name": "Blank template (Chinese)", "dl.en_name": "Blank template (English)",
        "dl.xlsx_zh_name": "Self-assessment workbook (Chinese)", "dl.xlsx_en_name": "Self-assessment workbook (English)",
        "dl.xlsx": "The same self-assessment, to fill in with Excel, WPS or LibreOffice; nbscheck checks it as it is, `nbscheck convert` turns it into YAML",
    },
}


def t(lang: str, key: str, **kw: object) -> str:
    s = L[lang][key]
    return s.format(**kw) if kw else s


# --- Markdown text helpers ---------------------------------------------------------------------

_INLINE = re.compile(r"([\\`*_\[\]{}])")
_BLOCK_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])")


def esc(text: str) -> str:
    """Guideline text as literal Markdown: no emphasis, links, attribute lists or raw HTML."""
    s = _INLINE.sub(r"\\\1", text).replace("<", "&lt;")
    lines = [_BLOCK_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], ln)
             for ln in s.splitlines() or [""]]
    return "\n".join(lines)


def cell(text: str) -> str:
    """Text for a table cell: one line, ``|`` escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def attr(text: str) -> str:
    """Text for an HTML attribute value."""
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def fmt_num(v: float | int | bool) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def heading(level: int, text: str, anchor: str | None = None) -> str:
    level = max(1, min(level, 6))
    return f"{'#' * level} {text}" + (f" {{#{anchor}}}" if anchor else "")


# --- where things are linked to ----------------------------------------------------------------

def page_name(ch: Chapter) -> str:
    """The Markdown file of a chapter's page, relative to the generated pages' folder."""
    return f"{ch.slug}.md"


TERMS_PAGE = "terms.md"
PRINT_PAGE = "print.md"
DOWNLOADS_PAGE = "downloads.md"


@dataclass(frozen=True)
class Links:
    """Which page holds each linkable thing, seen from the page being written (``here``).

    Pages are file names in one folder, so a link is ``chapter-6.md#6.2.1``, or just ``#6.2.1`` on
    the page itself. ``single`` puts everything on one page (the printable version).
    """

    clause_pages: Mapping[str, str]
    terms_page: str | None
    assessment_page: str | None
    mapping_page: str | None
    chapter_pages: frozenset[str] = frozenset()
    here: str = ""
    single: bool = False

    def at(self, here: str) -> "Links":
        return Links(self.clause_pages, self.terms_page, self.assessment_page, self.mapping_page,
                     self.chapter_pages, here, self.single)

    def _to(self, page: str | None, anchor: str) -> str | None:
        if page is None:
            return None
        return f"#{anchor}" if self.single or page == self.here else f"{page}#{anchor}"

    def clause(self, clause_id: str) -> str | None:
        return self._to(self.clause_pages.get(clause_id), clause_id)

    def chapter(self, slug: str) -> str | None:
        page = f"{slug}.md"
        if page not in self.chapter_pages:
            return None
        return f"#{slug}" if self.single or page == self.here else page

    def term(self, term_id: str) -> str | None:
        return self._to(self.terms_page, term_id)

    def dimension(self, dim_id: str) -> str | None:
        return self._to(self.assessment_page, f"dim-{dim_id}")

    def item(self, fw: str, item_id: str) -> str | None:
        return self._to(self.mapping_page, f"{fw}-{item_id}")


def links_for(g: Guideline, *, single: bool = False) -> Links:
    clause_pages: dict[str, str] = {}
    for ch in g.chapters:
        for c in ch.clauses:
            clause_pages.setdefault(c.id, page_name(ch))

    def including(part: str) -> str | None:
        return next((page_name(ch) for ch in g.chapters if part in ch.includes), None)

    terms = including("terms") or (TERMS_PAGE if g.terms else None)
    return Links(clause_pages, terms, including("assessment"), including("mapping"),
                 frozenset(page_name(ch) for ch in g.chapters), single=single)


def link(text: str, target: str | None) -> str:
    return f"[{text}]({target})" if target else text


# Clause ids with three or more parts (6.2.1) or annex clauses (A.1), and chapter references in
# either language (第5章, 附录A, Clause 5, chapter 5, Annex A), as they appear in running text.
_NAMED = re.compile(
    r"(?P<clause>(?<![0-9A-Za-z.])(?:\d+(?:\.\d+){2,}|[A-Z]\.\d+(?:\.\d+)*)(?![0-9A-Za-z]|\.\d))"
    r"|(?P<zh_ch>第(?P<zh_n>\d+)章)"
    r"|(?P<zh_an>附录(?P<zh_x>[A-Z])(?![A-Za-z.]))"
    r"|(?P<en_ch>\b(?:Clause|Chapter|chapter)\s(?P<en_n>\d+)(?![0-9]|\.\d))"
    r"|(?P<en_an>\bAnnex\s(?P<en_x>[A-Z])\b(?!\.\d))")


def linked(text: str, links: Links, own: str | None = None) -> str:
    """Escaped running text with the clauses and chapters it names turned into links."""

    def sub(m: re.Match[str]) -> str:
        whole = m.group(0)
        if m.group("clause"):
            target = None if whole == own else links.clause(whole)
        else:
            n = m.group("zh_n") or m.group("en_n")
            x = m.group("zh_x") or m.group("en_x")
            target = links.chapter(f"chapter-{n}" if n else f"annex-{(x or '').lower()}")
        return link(whole, target)

    return _NAMED.sub(sub, esc(text))


# --- clauses -----------------------------------------------------------------------------------

def level_badge(level: str, lang: str) -> str:
    return (f'<span class="nbs-level nbs-level-{level}" title="{attr(t(lang, level + ".title"))}">'
            f"{t(lang, level)}</span>")


def _numbered(items: Sequence[Text], label: str, lang: str, css: str, links: Links, own: str | None = None) -> list[str]:
    """Notes and examples, numbered as GB/T 1.1 does when there is more than one."""
    out = []
    for i, item in enumerate(items, 1):
        num = "" if len(items) == 1 else (f"{i}" if lang == "zh" else f" {i}")
        out.append(f"{lead(label + num, lang)}{linked(item.get(lang), links, own)}\n{{: .{css} }}")
    return out


def lead(label: str, lang: str) -> str:
    """A bold run-in label: ``**注：**`` or ``**NOTE:** `` (the space outside, or it is not bold)."""
    return f"**{label}：**" if lang == "zh" else f"**{label}:** "


def paren(text: str, lang: str) -> str:
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _unit_name(g: Guideline, ind: Indicator, lang: str) -> str:
    if ind.type == "percentage":
        return "%"
    if not ind.unit:
        return ""
    u = g.units.get(ind.unit)
    return u.get(lang) if u else ind.unit


def target_text(g: Guideline, ind: Indicator, lang: str) -> str:
    """What counts as met, in words: ``不低于 90%``, ``at least 3 sites``, ``yes``."""
    tg = ind.target
    unit = _unit_name(g, ind, lang)
    sp = "" if unit == "%" or lang == "zh" else " "

    def qty(v: float) -> str:
        return f"{fmt_num(v)}{sp}{unit}" if unit else fmt_num(v)

    parts = []
    if tg.equals is not None:
        parts.append(t(lang, "yes" if tg.equals else "no") + paren(fmt_num(tg.equals), lang))
    if tg.at_least is not None:
        parts.append(t(lang, "at_least", v=qty(tg.at_least)))
    if tg.at_most is not None:
        parts.append(t(lang, "at_most", v=qty(tg.at_most)))
    if tg.one_of:
        names = {c.id: c.name.get(lang) for c in ind.choices}
        parts.append(t(lang, "one_of", v=t(lang, "list_sep").join(
            names[x] + paren(f"`{x}`", lang) if x in names else f"`{x}`" for x in tg.one_of)))
    if tg.min_length is not None:
        parts.append(t(lang, "min_length", v=tg.min_length))
    return t(lang, "and").join(parts) if parts else t(lang, "no_target")


def _type_text(ind: Indicator, lang: str) -> str:
    s = t(lang, f"t.{ind.type}")
    if ind.integer:
        s += f" ({t(lang, 'integer')})"
    return s


def _range_text(g: Guideline, ind: Indicator, lang: str) -> str | None:
    if ind.min is None and ind.max is None:
        return None
    lo, hi = ind.bounds()
    unit = _unit_name(g, ind, lang)
    unit = f" {unit}" if unit and unit != "%" else unit
    if lo is not None and hi is not None:
        return f"{fmt_num(lo)} – {fmt_num(hi)}{unit}"
    return f"≥ {fmt_num(lo)}{unit}" if lo is not None else f"≤ {fmt_num(hi)}{unit}"  # type: ignore[arg-type]


def assessment_table(g: Guideline, c: Clause, lang: str, links: Links) -> str:
    a = c.assessment
    assert a is not None
    ind = a.indicator
    rows: list[tuple[str, str]] = [
        (t(lang, "indicator"), cell(esc(ind.name.get(lang)))),
        (t(lang, "type"), _type_text(ind, lang)),
    ]
    rng = _range_text(g, ind, lang)
    if rng:
        rows.append((t(lang, "range"), rng))
    rows.append((t(lang, "target"), cell(target_text(g, ind, lang))))
    if ind.unit:
        u = g.units.get(ind.unit)
        rows.append((t(lang, "unit"), (cell(u.get(lang)) if u else "") + paren(f"`{ind.unit}`", lang)))
    if ind.choices:
        rows.append((t(lang, "choices"), t(lang, "list_sep").join(
            cell(esc(ch.name.get(lang))) + paren(f"`{ch.id}`", lang) for ch in ind.choices)))
    kinds = []
    for k in a.evidence:
        named = g.evidence_kind(k)
        kinds.append(cell(esc(named.name.get(lang))) + paren(f"`{k}`", lang) if named else f"`{k}`")
    rows.append((t(lang, "evidence"), t(lang, "list_sep").join(kinds) or "—"))
    rows.append((t(lang, "points"), str(a.points)))
    dim = g.dimension(a.dimension)
    rows.append((t(lang, "dimension"), link(cell(esc(dim.name.get(lang))), links.dimension(dim.id)) if dim
                 else f"`{a.dimension}`"))
    rows.append((t(lang, "na"), t(lang, "na.yes" if a.not_applicable else "na.no")))
    rows += [(k, cell(esc(v))) for k, v in clause_rows(c, lang)]  # assessment model 2 (site/outcomes.py)
    body = "\n".join(f"| {k} | {v} |" for k, v in rows)
    return (f'<div class="nbs-assessment" markdown>\n\n| {t(lang, "assessment")} | {t(lang, "detail")} |\n'
            f"| --- | --- |\n{body}\n\n</div>")


def _framework_label(g: Guideline, fw_id: str, lang: str) -> str:
    fw = g.framework(fw_id)
    return fw.name.get(lang) if fw else fw_id


def mapping_line(g: Guideline, c: Clause, lang: str, links: Links) -> str | None:
    parts = []
    for fw_id, items in c.maps:
        if not items:
            continue
        fw = g.framework(fw_id)
        names = []
        for i in items:
            item = fw.item(i) if fw else None
            names.append(link(esc(item.name.get(lang)) if item else esc(i), links.item(fw_id, i) if item else None))
        parts.append(f"{esc(_framework_label(g, fw_id, lang))}：" if lang == "zh" else f"{esc(_framework_label(g, fw_id, lang))}: ")
        parts[-1] += t(lang, "list_sep").join(names)
    if not parts:
        return None
    sep = "；" if lang == "zh" else "; "
    return f"{lead(t(lang, 'maps'), lang)}{sep.join(parts)}\n{{: .nbs-maps }}"


def see_line(g: Guideline, c: Clause, lang: str, links: Links) -> str | None:
    parts = []
    if c.see_clauses:
        parts.append(t(lang, "list_sep").join(link(x, links.clause(x)) for x in c.see_clauses))
    if c.see_terms:
        names = []
        for x in c.see_terms:
            term = g.term(x)
            names.append(link(esc(term.term.get(lang)), links.term(x)) if term else esc(x))
        prefix = f"{t(lang, 'terms')} " if lang == "zh" else f"{t(lang, 'terms')}: "
        parts.append(prefix + t(lang, "list_sep").join(names))
    if not parts:
        return None
    sep = "；" if lang == "zh" else "; "
    return f"{lead(t(lang, 'see'), lang)}{sep.join(parts)}\n{{: .nbs-see }}"


def clause_md(g: Guideline, c: Clause, lang: str, links: Links, level: int) -> str:
    """One clause: heading with its id as anchor, level badge, text, notes, examples, assessment,
    mapping and cross-references."""
    title = c.title.get(lang) if c.title else ""
    head = heading(level, f"{c.id} {esc(title)}".rstrip(), c.anchor)
    blocks = [head, f"{level_badge(c.level, lang)} {linked(c.text.get(lang), links, c.id)}\n{{: .nbs-clause-text }}"]
    blocks += _numbered(c.notes, t(lang, "note"), lang, "nbs-note", links, c.id)
    blocks += _numbered(c.examples, t(lang, "example"), lang, "nbs-example", links, c.id)
    if c.assessment is not None:
        blocks.append(assessment_table(g, c, lang, links))
    elif c.not_assessable is not None:
        blocks.append(f"{lead(t(lang, 'not_assessable'), lang)}{esc(c.not_assessable.get(lang))}\n"
                      "{: .nbs-not-assessable }")
    for line in (mapping_line(g, c, lang, links), see_line(g, c, lang, links)):
        if line:
            blocks.append(line)
    if c.previous:
        blocks.append(f"{t(lang, 'previous')}{'：' if lang == 'zh' else ': '}{esc(c.previous)}\n{{: .nbs-previous }}")
    return "\n\n".join(blocks)


# --- data-generated parts of chapters ----------------------------------------------------------

def term_md(g: Guideline, term: Term, lang: str, links: Links, level: int) -> str:
    other = "en" if lang == "zh" else "zh"
    blocks = [heading(level, f"{term.number} {esc(term.term.get(lang))}", term.id)]
    alt = esc(term.term.get(other))
    if term.abbreviation:
        alt += ("；" if lang == "zh" else "; ") + esc(term.abbreviation)
    blocks.append(f"{alt}\n{{: .nbs-term-alt lang=\"{other}\" }}")
    blocks.append(linked(term.definition.get(lang), links))
    blocks += _numbered(term.notes, t(lang, "note"), lang, "nbs-note", links)
    if term.source:
        src = f"［{t(lang, 'source')}：{esc(term.source)}］" if lang == "zh" else f"[{t(lang, 'source')}: {esc(term.source)}]"
        blocks.append(f"{src}\n{{: .nbs-source }}")
    if term.see_terms:
        names = []
        for x in term.see_terms:
            other_term = g.term(x)
            names.append(link(esc(other_term.term.get(lang)), links.term(x)) if other_term else esc(x))
        blocks.append(f"{lead(t(lang, 'see'), lang)}{t(lang, 'list_sep').join(names)}\n{{: .nbs-see }}")
    return "\n\n".join(blocks)


def terms_md(g: Guideline, lang: str, links: Links, level: int) -> str:
    return "\n\n".join(term_md(g, term, lang, links, level) for term in g.terms)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    table = "\n".join(lines)
    return f'<div class="{css}" markdown>\n\n{table}\n\n</div>' if css else table


def assessment_md(g: Guideline, lang: str, links: Links, level: int) -> str:
    """Annex A's tables: dimensions and their points, statuses, bands, qualification, then one table
    of scored clauses per dimension."""
    r = g.rules
    scored = g.assessable
    out = [heading(level, t(lang, "dims"), "rules-dimensions")]
    rows = []
    for d in r.dimensions:
        n = sum(1 for c in scored if c.assessment and c.assessment.dimension == d.id)
        pts = sum(c.assessment.points for c in scored if c.assessment and c.assessment.dimension == d.id)
        rows.append([link(cell(esc(d.name.get(lang))), f"#dim-{d.id}"), cell(esc(d.description.get(lang))) if d.description else "",
                     str(n), str(pts)])
    total_n = len(scored)
    total_pts = sum(c.assessment.points for c in scored if c.assessment)
    rows.append([f"**{t(lang, 'total')}**", "", f"**{total_n}**", f"**{total_pts}**"])
    out.append(_table([t(lang, "dim"), t(lang, "desc"), t(lang, "scored"), t(lang, "points")], rows))

    out.append(heading(level, t(lang, "statuses"), "rules-statuses"))
    out.append(_table([t(lang, "status"), "", t(lang, "factor")],
                      [[cell(esc(s.name.get(lang))), f"`{s.id}`",
                        fmt_num(s.factor) if s.factor is not None else t(lang, "factor.none")]
                       for s in r.statuses.values()]))

    out.append(heading(level, t(lang, "bands"), "rules-bands"))
    out.append(_table([t(lang, "band"), "", t(lang, "min")],
                      [[cell(esc(b.name.get(lang))), f"`{b.id}`", f"{fmt_num(b.min)}%"]
                       for b in sorted(r.bands, key=lambda b: -b.min)]))

    q = r.qualification
    out.append(heading(level, t(lang, "qualification"), "rules-qualification"))
    if q.description:
        out.append(esc(q.description.get(lang)))
    band = r.band(q.min_dimension_band)
    items = [t(lang, "q.overall", v=fmt_num(q.min_overall_percent)),
             t(lang, "q.dim", v=band.name.get(lang) if band else q.min_dimension_band)]
    if q.all_shall_met:
        items.append(t(lang, "q.shall"))
    items += qualification_items(g, lang)
    out.append("\n".join(f"- {esc(x)}" for x in items))

    for d in r.dimensions:
        mine = [c for c in scored if c.assessment and c.assessment.dimension == d.id]
        out.append(heading(level, esc(t(lang, "scored_in", dim=d.name.get(lang))), f"dim-{d.id}"))
        if d.description:
            out.append(esc(d.description.get(lang)))
        rows = []
        for c in mine:
            a = c.assessment
            assert a is not None
            kinds = t(lang, "list_sep").join(f"`{k}`" for k in a.evidence) or "—"
            rows.append([link(c.id, links.clause(c.id)), t(lang, c.level), cell(esc(a.indicator.name.get(lang))),
                         cell(target_text(g, a.indicator, lang) + esc(grading_suffix(c))), kinds, str(a.points),
                         t(lang, "yes") if a.not_applicable else t(lang, "no")])
        rows.append([f"**{t(lang, 'total')}**", "", "", "", "", f"**{sum(c.assessment.points for c in mine if c.assessment)}**", ""])
        out.append(_table([t(lang, "clause"), t(lang, "level"), t(lang, "indicator"), t(lang, "target"),
                           t(lang, "evidence"), t(lang, "points"), "N/A"], rows, "nbs-scoring"))
    return "\n\n".join(out)


def mapping_md(g: Guideline, lang: str, links: Links, level: int) -> str:
    """Annex B's traceability matrices: one per framework, clauses by framework items."""
    out = []
    for fw in g.frameworks:
        name = fw.name.get(lang)
        out.append(heading(level, esc(name), f"fw-{fw.id}"))
        facts = []
        if fw.edition:
            facts.append(f"{t(lang, 'edition')}{'：' if lang == 'zh' else ': '}{esc(fw.edition.get(lang))}")
        if fw.source:
            facts.append(f"`{fw.source}`")
        if facts:
            out.append(("；" if lang == "zh" else "; ").join(facts))
        mapped = [c for c in g.clauses if c.mapped(fw.id)]
        counts = {i.id: sum(1 for c in mapped if i.id in c.mapped(fw.id)) for i in fw.items}
        out.append(_table([t(lang, "item"), t(lang, "name"), t(lang, "mapped")],
                          [[f'<span id="{fw.id}-{i.id}"></span>`{i.id}`', cell(esc(i.name.get(lang))), str(counts[i.id])]
                           for i in fw.items]))
        out.append(heading(level + 1, f"{esc(name)} — {t(lang, 'matrix')}", f"matrix-{fw.id}"))
        out.append(esc(t(lang, "matrix.note", fw=name)))
        header = [t(lang, "clause")] + [f"[{i.id}](#{fw.id}-{i.id} \"{attr(i.name.get(lang))}\")" for i in fw.items]
        rows = [[link(c.id, links.clause(c.id))] + ["●" if i.id in c.mapped(fw.id) else "" for i in fw.items]
                for c in mapped]
        out.append(_table(header, rows, "nbs-matrix"))
    return "\n\n".join(out)


def references_md(ch: Chapter, lang: str) -> str:
    rows = []
    for r in ch.references:
        code = f"[{esc(r.code)}]({r.url})" if r.url else esc(r.code)
        rows.append(f"- {code} {esc(r.title.get(lang))}")
    return "\n".join(rows)


# --- pages -------------------------------------------------------------------------------------

def chapter_md(g: Guideline, ch: Chapter, lang: str, links: Links, level: int = 1) -> str:
    """One chapter: heading, intro, references, generated parts it includes, sections and clauses."""
    links = links if links.single else links.at(page_name(ch))
    blocks = [heading(level, esc(ch.heading(lang)), ch.slug)]
    blocks += [linked(p.get(lang), links) for p in ch.intro]
    if ch.references:
        blocks.append(references_md(ch, lang))
    if "terms" in ch.includes:
        blocks.append(terms_md(g, lang, links, level + 1))
    if "assessment" in ch.includes:
        blocks.append(assessment_md(g, lang, links, level + 1))
    if "mapping" in ch.includes:
        blocks.append(mapping_md(g, lang, links, level + 1))
    for c in ch.direct_clauses:
        blocks.append(clause_md(g, c, lang, links, level + 1))
    for s in ch.sections:
        blocks.append(heading(level + 1, f"{s.id} {esc(s.title.get(lang))}", s.id))
        blocks += [linked(p.get(lang), links) for p in s.intro]
        for c in s.clauses:
            blocks.append(clause_md(g, c, lang, links, level + 2))
    return "\n\n".join(b for b in blocks if b) + "\n"


def terms_page(g: Guideline, lang: str, links: Links) -> str:
    """Only for a guideline whose chapters do not include the terms themselves."""
    title = "术语" if lang == "zh" else "Terms"
    return f"{heading(1, title, 'terms')}\n\n{terms_md(g, lang, links.at(TERMS_PAGE), 2)}\n"


def version_text(g: Guideline, lang: str) -> str:
    """``乡镇NbS实施指南 · 版本 1.0.0 · 草案，尚未发布`` (or the release date)."""
    name = (g.short_title or g.title).get(lang)
    state = t(lang, "released", d=g.released) if not g.is_draft and g.released else t(lang, "draft")
    return f"{name} · {t(lang, 'version', v=g.version)} · {state}"


def print_page(g: Guideline, lang: str) -> str:
    """The whole guideline on one page, headings one level down, links within the page."""
    links = links_for(g, single=True)
    front = (f"---\ntitle: {t(lang, 'print.title')}\nsearch:\n  exclude: true\n"
             "hide:\n  - navigation\n  - toc\n---\n\n")
    blocks = [heading(1, esc(g.title.get(lang)), "guideline"),
              f"{esc(version_text(g, lang))}\n{{: .nbs-version }}",
              f"{esc(t(lang, 'print.intro'))}\n{{: .nbs-print-intro }}",
              f'<button class="md-button nbs-print-button" type="button" onclick="window.print()">'
              f"{t(lang, 'print.button')}</button>"]
    for ch in g.chapters:
        blocks.append(chapter_md(g, ch, lang, links, level=2))
    if g.terms and links.terms_page == TERMS_PAGE:
        blocks.append(heading(2, "术语" if lang == "zh" else "Terms", "terms"))
        blocks.append(terms_md(g, lang, links, 3))
    return front + "\n\n".join(blocks) + "\n"


@dataclass(frozen=True)
class Downloads:
    """File names (relative to the downloads page) of the generated downloads."""

    schema: str
    template_zh: str
    template_en: str
    workbook_zh: str | None = None  # the .xlsx templates, when the xlsx extra is installed
    workbook_en: str | None = None


def downloads_page(g: Guideline, lang: str, d: Downloads) -> str:
    rows = [
        [f"[{t(lang, 'dl.schema_name')}]({d.schema}){{: download=\"{d.schema.rsplit('/', 1)[-1]}\" }}",
         t(lang, "dl.schema"), f"`nbscheck schema -o {d.schema.rsplit('/', 1)[-1]}`"],
        [f"[{t(lang, 'dl.zh_name')}]({d.template_zh}){{: download=\"{d.template_zh.rsplit('/', 1)[-1]}\" }}",
         t(lang, "dl.zh"), f"`nbscheck init --lang zh -o {d.template_zh.rsplit('/', 1)[-1]}`"],
        [f"[{t(lang, 'dl.en_name')}]({d.template_en}){{: download=\"{d.template_en.rsplit('/', 1)[-1]}\" }}",
         t(lang, "dl.en"), f"`nbscheck init --lang en -o {d.template_en.rsplit('/', 1)[-1]}`"],
    ]
    for wl, path in (("zh", d.workbook_zh), ("en", d.workbook_en)):
        if path:
            name = path.rsplit("/", 1)[-1]
            rows.append([f"[{t(lang, f'dl.xlsx_{wl}_name')}]({path}){{: download=\"{name}\" }}",
                         t(lang, "dl.xlsx"), f"`nbscheck init --lang {wl} -o {name}`"])
    blocks = [heading(1, t(lang, "downloads"), "downloads"),
              f"{esc(version_text(g, lang))}\n{{: .nbs-version }}",
              t(lang, "dl.intro", v=g.version),
              _table([t(lang, "dl.file"), t(lang, "dl.what"), t(lang, "dl.cli")], rows, "nbs-downloads"),
              t(lang, "dl.print", p=PRINT_PAGE)]
    return "\n\n".join(blocks) + "\n"


def nav_title(ch: Chapter, lang: str) -> str:
    """A chapter's entry in the navigation: shorter than its heading for annexes."""
    if ch.kind == "annex":
        return (f"附录{ch.number} {ch.title.get(lang)}" if lang == "zh"
                else f"Annex {ch.number} {ch.title.get(lang)}")
    return ch.heading(lang)


def pages(g: Guideline, lang: str, downloads: Downloads) -> dict[str, str]:
    """Every generated page of one language: file name -> Markdown, chapters in reading order."""
    links = links_for(g)
    out = {page_name(ch): chapter_md(g, ch, lang, links) for ch in g.chapters}
    if g.terms and links.terms_page == TERMS_PAGE:
        out[TERMS_PAGE] = terms_page(g, lang, links)
    out[DOWNLOADS_PAGE] = downloads_page(g, lang, downloads)
    out[PRINT_PAGE] = print_page(g, lang)
    return out
