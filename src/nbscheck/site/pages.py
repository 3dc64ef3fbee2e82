"""The page set of one language: chapters, terms, the printable page and the downloads page.

Pure functions of the model, ``(Guideline, lang) -> {file name: Markdown}``; the site build
(the MkDocs glue, :mod:`nbscheck.site.mkdocs_plugin`) hands these strings on unchanged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Mapping

from ..model.clauses import Chapter
from ..model.types import Guideline
from ..report.safe import html_text
from .annex import assessment_md, mapping_md
from .clauses import clause_md, terms_md
from .labels import t
from .markdown import (DOWNLOADS_PAGE, PRINT_PAGE, TERMS_PAGE, Links, esc, heading, links_for, linked,
                       page_name, safe_link_target, table)

def references_md(ch: Chapter, lang: str) -> str:
    """A chapter's normative references as a list, each code linking to its URL when it has one."""
    rows = []
    for r in ch.references:
        target = safe_link_target(r.url) if r.url else None  # http(s) or relative only: never javascript:
        code = f"[{esc(r.code)}]({target})" if target else esc(r.code)
        rows.append(f"- {code} {esc(r.title.get(lang))}")
    return "\n".join(rows)


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


def print_page(g: Guideline, lang: str, anchors: Mapping[str, str] | None = None) -> str:
    """The whole guideline on one page, headings one level down, links within the page."""
    links = links_for(g, single=True, anchors=anchors)
    front = (f"---\ntitle: {t(lang, 'print.title')}\nsearch:\n  exclude: true\n"
             "hide:\n  - navigation\n  - toc\n---\n\n")
    blocks = [heading(1, esc(g.title.get(lang)), "guideline"),
              f"{esc(version_text(g, lang))}\n{{: .nbs-version }}",
              f"{esc(t(lang, 'print.intro'))}\n{{: .nbs-print-intro }}",
              f'<button class="md-button nbs-print-button" type="button" onclick="window.print()">'
              f"{t(lang, 'print.button')}</button>",
              contents_md(g, lang)]
    for ch in g.chapters:
        blocks.append(chapter_md(g, ch, lang, links, level=2))
    if g.terms and links.terms_page == TERMS_PAGE:
        blocks.append(heading(2, "术语" if lang == "zh" else "Terms", "terms"))
        blocks.append(terms_md(g, lang, links, 3))
    return front + "\n\n".join(blocks) + "\n"


def contents_md(g: Guideline, lang: str) -> str:
    """The printable page's list of contents: each chapter and annex, linked to its heading (the
    browser's print keeps the links; the page numbers are in the page footer)."""
    items = "\n".join(f"- [{esc(nav_title(ch, lang))}](#{ch.slug})" for ch in g.chapters)
    return f'<nav class="nbs-contents" markdown>\n\n**{t(lang, "contents")}**\n\n{items}\n\n</nav>'


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
              table([t(lang, "dl.file"), t(lang, "dl.what"), t(lang, "dl.cli")], rows, "nbs-downloads"),
              t(lang, "dl.print", p=PRINT_PAGE),
              pdf_offer(g, lang)]
    return "\n\n".join(blocks) + "\n"


def pdf_name(g: Guideline, lang: str) -> str:
    """The file `nbscheck site pdf` prints this version's printable page to (:mod:`.pdf`)."""
    return f"{g.id}-{g.version}-{lang}.pdf"


def pdf_offer(g: Guideline, lang: str) -> str:
    """The PDF's link, hidden: the PDF is printed after the site is built (``make pdf``), so the
    page cannot know whether it is there; nbscheck.js shows the link once the file answers."""
    name = html_text(pdf_name(g, lang))
    return (f'<p class="nbs-pdf" hidden data-pdf="{name}">{html_text(t(lang, "dl.pdf"))}'
            f'<a download="{name}">{name}</a></p>')


def title_front(title: str) -> str:
    """Front matter naming the page, HTML-escaped: Material prints ``page.meta.title`` unescaped in
    ``<title>`` and the header, and without it prints the navigation title through ``striptags``,
    which turns ``&lt;`` back into ``<``. JSON's string form is a YAML double-quoted scalar."""
    return f"---\ntitle: {json.dumps(html_text(title), ensure_ascii=False)}\n---\n\n"


def nav_title(ch: Chapter, lang: str) -> str:
    """A chapter's entry in the navigation: shorter than its heading for annexes."""
    if ch.kind == "annex":
        return (f"附录{ch.number} {ch.title.get(lang)}" if lang == "zh"
                else f"Annex {ch.number} {ch.title.get(lang)}")
    return ch.heading(lang)


def pages(g: Guideline, lang: str, downloads: Downloads, anchors: Mapping[str, str] | None = None,
          notes: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every generated page of one language: file name -> Markdown, chapters in reading order.
    ``anchors`` and ``notes`` are the clauses' anchors and histories (:mod:`.history`)."""
    links = links_for(g, anchors=anchors, notes=notes)
    out = {page_name(ch): title_front(nav_title(ch, lang)) + chapter_md(g, ch, lang, links) for ch in g.chapters}
    if g.terms and links.terms_page == TERMS_PAGE:
        out[TERMS_PAGE] = terms_page(g, lang, links)
    out[DOWNLOADS_PAGE] = downloads_page(g, lang, downloads)
    out[PRINT_PAGE] = print_page(g, lang, anchors)
    return out
