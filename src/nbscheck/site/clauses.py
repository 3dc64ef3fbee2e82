"""One clause, one term: the Markdown of the guideline's units of text.

A clause is its heading (id as anchor), level badge, text, notes, examples, assessment table,
framework mapping, cross-references and previous number; a term its heading, other-language name,
definition, notes, source and see-also line.
"""

from __future__ import annotations

from typing import Sequence

from ..model.clauses import Clause, Indicator, Term
from ..model.text import Text
from ..model.types import Guideline
from .labels import t
from .markdown import Links, attr, cell, code, esc, fmt_num, heading, lead, link, linked, paren
from .outcomes import clause_rows

def level_badge(level: str, lang: str) -> str:
    """The 应/宜/可 badge, its meaning as a tooltip."""
    return (f'<span class="nbs-level nbs-level-{level}" title="{attr(t(lang, level + ".title"))}">'
            f"{t(lang, level)}</span>")


def _numbered(items: Sequence[Text], label: str, lang: str, css: str, links: Links, own: str | None = None) -> list[str]:
    """Notes and examples, numbered as GB/T 1.1 does when there is more than one."""
    out = []
    for i, item in enumerate(items, 1):
        num = "" if len(items) == 1 else (f"{i}" if lang == "zh" else f" {i}")
        out.append(f"{lead(label + num, lang)}{linked(item.get(lang), links, own)}\n{{: .{css} }}")
    return out


def _unit_name(g: Guideline, ind: Indicator, lang: str) -> str:
    if ind.type == "percentage":
        return "%"
    if not ind.unit:
        return ""
    u = g.units.get(ind.unit)
    return esc(u.get(lang) if u else ind.unit)  # Markdown, like every string from the guideline here


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
            esc(names[x]) + paren(code(x), lang) if x in names else code(x) for x in tg.one_of)))
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
        rows.append((t(lang, "unit"), (cell(esc(u.get(lang))) if u else "") + paren(code(ind.unit), lang)))
    if ind.choices:
        rows.append((t(lang, "choices"), t(lang, "list_sep").join(
            cell(esc(ch.name.get(lang))) + paren(code(ch.id), lang) for ch in ind.choices)))
    kinds = []
    for k in a.evidence:
        named = g.evidence_kind(k)
        kinds.append(cell(esc(named.name.get(lang))) + paren(code(k), lang) if named else code(k))
    rows.append((t(lang, "evidence"), t(lang, "list_sep").join(kinds) or "—"))
    rows.append((t(lang, "points"), str(a.points)))
    dim = g.dimension(a.dimension)
    rows.append((t(lang, "dimension"), link(cell(esc(dim.name.get(lang))), links.dimension(dim.id)) if dim
                 else code(a.dimension)))
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
    head = heading(level, f"{c.id} {esc(title)}".rstrip(), links.anchor(c.id))
    blocks = [head, *([links.notes[c.id]] if c.id in links.notes else []), f"{level_badge(c.level, lang)} {linked(c.text.get(lang), links, c.id)}\n{{: .nbs-clause-text }}"]
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
