"""The clause finder: every clause on one page, filtered by level, dimension, IUCN criterion, GBF
target, evidence kind and whether "not applicable" is allowed, like the WCAG Quick Reference.

Engine-neutral and serverless: the page is Markdown with a plain HTML form; each clause is one
block whose ``data-nbs-*`` attributes carry what the filters test, and whose link to the clause is
Markdown (so any generator resolves it). The site's script (``nbscheck.js``) hides the blocks that
do not match and keeps the choice in the query string (``filters/?level=shall&gbf=3``), so a
filtered view is a link one can share; the page opens from disk (``file://``) as well.
"""

from __future__ import annotations

from typing import Mapping

from ..model.types import Guideline
from .labels import t
from .markdown import attr, esc, heading, links_for

FILTERS_PAGE = "filters.md"

# query-string key -> what it filters on (the same key names the data attribute: data-nbs-<key>)
KEYS = ("level", "dimension", "iucn", "gbf", "evidence", "na")

_WORDS = {
    "zh": {"title": "条款筛选", "intro": "按条款层级、评估维度、IUCN 准则、全球生物多样性框架目标、证据类型和是否允许“不适用”"
                                      "筛选条款。筛选结果的网址可以直接分享：打开它就看到同样的筛选。",
           "level": "层级", "dimension": "评估维度", "iucn": "IUCN 准则", "gbf": "GBF 目标", "evidence": "证据类型",
           "na": "允许“不适用”", "any": "全部", "yes": "是", "no": "否", "reset": "清除筛选",
           "count": "显示 {n} / {total} 条", "noscript": "筛选需要浏览器启用 JavaScript；下面列出全部条款。"},
    "en": {"title": "Find clauses", "intro": "Filter the clauses by level, assessment dimension, IUCN criterion, "
                                            "Global Biodiversity Framework target, evidence kind and whether \"not "
                                            "applicable\" is allowed. The address of a filtered view can be shared: "
                                            "opening it shows the same selection.",
           "level": "Level", "dimension": "Dimension", "iucn": "IUCN criterion", "gbf": "GBF target",
           "evidence": "Evidence kind", "na": "\"Not applicable\" allowed", "any": "all", "yes": "yes", "no": "no",
           "reset": "Clear filters", "count": "showing {n} of {total}",
           "noscript": "Filtering needs JavaScript; all clauses are listed below."},
}


def _select(key: str, label: str, options: list[tuple[str, str]], lang: str) -> str:
    opts = "".join(f'<option value="{attr(v)}">{esc(name)}</option>' for v, name in options)
    return (f'<label class="nbs-filter">{esc(label)} <select name="{key}" data-nbs-filter="{key}">'
            f'<option value="">{_WORDS[lang]["any"]}</option>{opts}</select></label>')


def clause_data(g: Guideline) -> dict[str, dict[str, str]]:
    """Clause id -> the values each filter tests (space-separated where a clause has several)."""
    out = {}
    for c in g.clauses:
        a = c.assessment
        out[c.id] = {
            "level": c.level,
            "dimension": a.dimension if a else "",
            "iucn": " ".join(c.mapped("iucn")),
            "gbf": " ".join(c.mapped("gbf")),
            "evidence": " ".join(a.evidence) if a else "",
            "na": ("yes" if a.not_applicable else "no") if a else "",
        }
    return out


def filters_page(g: Guideline, lang: str, anchors: Mapping[str, str] | None = None) -> str:
    """The clause finder of one language."""
    w = _WORDS[lang]
    links = links_for(g, anchors=anchors).at(FILTERS_PAGE)
    levels = [lv for lv in ("shall", "should", "may", "statement") if any(c.level == lv for c in g.clauses)]
    controls = [_select("level", w["level"], [(lv, t(lang, lv)) for lv in levels], lang),
                _select("dimension", w["dimension"], [(d.id, d.name.get(lang)) for d in g.rules.dimensions], lang)]
    for fw_id in ("iucn", "gbf"):
        fw = g.framework(fw_id)
        if fw is not None:
            controls.append(_select(fw_id, w[fw_id], [(i.id, i.name.get(lang)) for i in fw.items], lang))
    controls.append(_select("evidence", w["evidence"], [(k.id, k.name.get(lang)) for k in g.evidence_kinds], lang))
    controls.append(_select("na", w["na"], [("yes", w["yes"]), ("no", w["no"])], lang))
    controls.append(f'<button type="reset" class="md-button nbs-filter-reset">{w["reset"]}</button>')
    form = (f'<form class="nbs-filters" data-nbs-count="{attr(w["count"])}">' + "".join(controls) + "</form>\n\n"
            f'<p class="nbs-filter-count" aria-live="polite"></p>\n\n<noscript><p>{w["noscript"]}</p></noscript>')
    data = clause_data(g)
    items = []
    for c in g.clauses:
        attrs = " ".join(f'data-nbs-{k}="{attr(v)}"' for k, v in data[c.id].items())
        title = f" {esc(c.title.get(lang))}" if c.title and c.title.get(lang) else ""
        target = links.clause(c.id)
        head = f"[{c.id}]({target})" if target else c.id
        text = " ".join(c.text.get(lang).split())
        items.append(f'<div class="nbs-filter-item" {attrs} markdown>\n\n'
                     f"{head}{title} · {t(lang, c.level)}\n{{: .nbs-filter-head }}\n\n{esc(text)}\n\n</div>")
    front = "---\nsearch:\n  exclude: true\n---\n\n"
    return (front + heading(1, w["title"], "filters") + "\n\n" + w["intro"] + "\n\n" + form + "\n\n"
            + '<div class="nbs-filter-list" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>\n")
