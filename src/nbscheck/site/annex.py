"""The generated tables of the annexes: Annex A's rating rules and scored clauses, Annex B's
traceability matrices (clauses by framework items)."""

from __future__ import annotations

import re

from ..model.types import Guideline
from .clauses import target_text
from .labels import t
from .markdown import Links, attr, cell, code, esc, fmt_num, heading, link, table
from .outcomes import grading_suffix, qualification_items

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
    out.append(table([t(lang, "dim"), t(lang, "desc"), t(lang, "scored"), t(lang, "points")], rows))

    out.append(heading(level, t(lang, "statuses"), "rules-statuses"))
    out.append(table([t(lang, "status"), "", t(lang, "factor")],
                      [[cell(esc(s.name.get(lang))), code(s.id),
                        fmt_num(s.factor) if s.factor is not None else t(lang, "factor.none")]
                       for s in r.statuses.values()]))

    out.append(heading(level, t(lang, "bands"), "rules-bands"))
    out.append(table([t(lang, "band"), "", t(lang, "min")],
                      [[cell(esc(b.name.get(lang))), code(b.id), f"{fmt_num(b.min)}%"]
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
            kinds = t(lang, "list_sep").join(code(k) for k in a.evidence) or "—"
            rows.append([link(c.id, links.clause(c.id)), t(lang, c.level), cell(esc(a.indicator.name.get(lang))),
                         cell(target_text(g, a.indicator, lang) + esc(grading_suffix(c))), kinds, str(a.points),
                         t(lang, "yes") if a.not_applicable else t(lang, "no")])
        rows.append([f"**{t(lang, 'total')}**", "", "", "", "", f"**{sum(c.assessment.points for c in mine if c.assessment)}**", ""])
        out.append(table([t(lang, "clause"), t(lang, "level"), t(lang, "indicator"), t(lang, "target"),
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
            facts.append(code(fw.source))
        if facts:
            out.append(("；" if lang == "zh" else "; ").join(facts))
        mapped = [c for c in g.clauses if c.mapped(fw.id)]
        counts = {i.id: sum(1 for c in mapped if i.id in c.mapped(fw.id)) for i in fw.items}
        out.append(table([t(lang, "item"), t(lang, "name"), t(lang, "mapped")],
                          [[f'<span id="{fw.id}-{i.id}"></span>`{i.id}`', cell(esc(i.name.get(lang))), str(counts[i.id])]
                           for i in fw.items]))
        out.append(heading(level + 1, f"{esc(name)} — {t(lang, 'matrix')}", f"matrix-{fw.id}"))
        out.append(esc(t(lang, "matrix.note", fw=name)))
        # each column names its item in full, set upright (vertical-rl): readable on a phone and in
        # print, where a tooltip is not (the name is also the link's title, for a cut-off long one);
        # the name between the tags is Markdown, so it is escaped as Markdown (esc), not only as HTML
        header = [t(lang, "clause")] + [
            f'<a class="nbs-colhead" href="#{fw.id}-{i.id}" title="{attr(cell(i.name.get(lang)))}">'
            f'<span class="nbs-colid">{cell(esc(i.id))}</span>'
            f'<span class="nbs-colname">{cell(esc(_unlabelled(i.name.get(lang))))}</span></a>' for i in fw.items]
        rows = [[link(c.id, links.clause(c.id))] + ["●" if i.id in c.mapped(fw.id) else "" for i in fw.items]
                for c in mapped]
        out.append(table(header, rows, "nbs-matrix"))
    return "\n\n".join(out)



# "准则1 ", "指标1.1 ", "Criterion 1: ", "Target 23: ": the label a name starts with, shown apart
_LABEL = re.compile(r"^(?:[A-Za-z]+ )?[^\s\d]*\d+(?:\.\d+)*[:：]?\s+")


def _unlabelled(name: str) -> str:
    """An item's name without the label it starts with, when the column head shows the id above it."""
    rest = _LABEL.sub("", name, count=1)
    return rest or name
