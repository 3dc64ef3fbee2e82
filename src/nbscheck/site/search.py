"""The site's own search: an index of the guideline's units of text, written with the pages.

Why not the theme's search: Material's plugin cuts Chinese into words with jieba when it builds the
index but leaves the reader's query whole, so a query is found only when jieba happened to cut the
text the same way (生态廊道 finds the wrong clauses, 鸟撞 nothing). Here both sides are cut alike,
because nothing is cut: the index holds each clause's text as it is (normalised), and the search
script (``assets/search.js``) matches a query as a substring, then by the share of its two-character
pieces (bigrams) that the text holds. Two to six characters, a phrase, an English word or a clause
number all find the clauses that contain them, whatever a segmenter would have made of them.

Engine-neutral: the index is one JSON file per language made from the model, with no build event
and no built HTML; the search page is plain Markdown with a ``<div>`` the script fills. Entries are
the units a reader looks for: clauses, sections, chapters (heading and introduction), terms,
Annex A's dimensions and Annex B's framework items, the finding codes, and the hand-written pages by
heading when the caller has them (the MkDocs plugin passes docs/; ``nbscheck site build-pages``
has no docs folder, so its index holds the guideline only).
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Iterable, Mapping

from ..model.clauses import Chapter, Clause
from ..model.types import Guideline
from .labels import t
from .markdown import Links, links_for, page_name

SEARCH_PAGE = "search.md"
INDEX_FILE = "search-index.json"

_WORDS = {
    "zh": {"title": "搜索", "label": "搜索指南", "placeholder": "条文编号、词语或短语，例如 7.3.1、生态廊道",
           "button": "搜索", "help": "输入条文编号（如 7.3.1）直接跳到该条；输入词语或短语（两个字以上）查找含有它的条文，"
           "完全包含的排在前面。", "none": "没有找到含有“{q}”的条文。", "count": "找到 {n} 处",
           "noscript": "搜索需要浏览器启用 JavaScript。", "clause": "条文", "section": "节", "chapter": "章",
           "term": "术语", "item": "框架条目", "dimension": "维度", "code": "检查代码",
           "page": "页面"},
    "en": {"title": "Search", "label": "Search the guideline", "placeholder": "A clause number, a word or a phrase, e.g. 7.3.1, corridor",
           "button": "Search", "help": "Type a clause number (such as 7.3.1) to go straight to it, or words to find the "
           "clauses that contain them; those containing all of them come first.", "none": "No clause contains “{q}”.",
           "count": "{n} found", "noscript": "Search needs JavaScript in the browser.", "clause": "Clause",
           "section": "Section", "chapter": "Chapter", "term": "Term", "item": "Framework item",
           "dimension": "Dimension", "code": "Finding code", "page": "Page"},
}


def _url(page: str, anchor: str | None = None) -> str:
    """A page's address relative to the language's root, as MkDocs and Zensical write it with
    directory URLs (``chapter-7.md`` -> ``chapter-7/``)."""
    base = page[:-3] + "/" if page.endswith(".md") else page
    if base == "index/" or base.endswith("/index/"):
        base = base[: -len("index/")]
    return base + (f"#{anchor}" if anchor else "")


def _entry(kind: str, ident: str, title: str, text: str, url: str, where: str, extra: Iterable[str] = ()) -> dict[str, str]:
    """One search result: what is shown (``title``, ``text``, ``where``) and what is matched (the
    same, plus ``extra``: notes, examples, the indicator). The text is stored as it is; the script
    normalises index and query with the same function, so the two sides cannot differ."""
    return {"k": kind, "id": ident, "t": title, "x": text, "e": " ".join(x for x in extra if x), "w": where, "u": url}


def _clause(g: Guideline, ch: Chapter, c: Clause, lang: str, links: Links, where: str) -> dict[str, str]:
    extra = [n.get(lang) for n in c.notes] + [e.get(lang) for e in c.examples]
    if c.not_assessable is not None:
        extra.append(c.not_assessable.get(lang))
    if c.assessment is not None:
        ind = c.assessment.indicator
        extra.append(ind.name.get(lang))
        extra += [x.name.get(lang) for x in ind.choices]
        for part in (ind.counting, ind.data_source, ind.period):
            if part is not None:
                extra.append(part.get(lang))
    for term_id in c.see_terms:
        term = g.term(term_id)
        if term is not None:
            extra.append(term.term.get(lang))
    title = c.title.get(lang) if c.title else ""
    return _entry("clause", c.id, title, c.text.get(lang), _url(page_name(ch), links.anchor(c.id)), where, extra)


def entries(g: Guideline, lang: str, anchors: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    """Every unit of the guideline a reader may look for, in reading order; ``anchors`` are the
    clauses' anchors where they are not their ids (:mod:`nbscheck.site.history`)."""
    links = links_for(g, anchors=anchors)
    out: list[dict[str, str]] = []
    for ch in g.chapters:
        page = page_name(ch)
        head = ch.heading(lang)
        out.append(_entry("chapter", "", head, " ".join(p.get(lang) for p in ch.intro), _url(page), "",
                          [r.code + " " + r.title.get(lang) for r in ch.references]))
        for c in ch.direct_clauses:
            out.append(_clause(g, ch, c, lang, links, head))
        for s in ch.sections:
            out.append(_entry("section", s.id, s.title.get(lang), " ".join(p.get(lang) for p in s.intro),
                              _url(page, s.id), head))
            for c in s.clauses:
                out.append(_clause(g, ch, c, lang, links, f"{head} › {s.id} {s.title.get(lang)}"))
        if "terms" in ch.includes:
            out += _terms(g, lang, page, head)
        if "assessment" in ch.includes:
            for d in g.rules.dimensions:
                out.append(_entry("dimension", d.id, d.name.get(lang), d.description.get(lang) if d.description else "",
                                  _url(page, f"dim-{d.id}"), head))
        if "mapping" in ch.includes:
            for fw in g.frameworks:
                for i in fw.items:
                    out.append(_entry("item", i.id, i.name.get(lang), "", _url(page, f"{fw.id}-{i.id}"),
                                      f"{head} › {fw.name.get(lang)}"))
    if g.terms and links.terms_page and not any("terms" in ch.includes for ch in g.chapters):
        out += _terms(g, lang, links.terms_page, t(lang, "terms"))
    return out


def _terms(g: Guideline, lang: str, page: str, where: str) -> list[dict[str, str]]:
    other = "en" if lang == "zh" else "zh"
    return [_entry("term", term.number, term.term.get(lang), term.definition.get(lang), _url(page, term.id), where,
                   [term.term.get(other), term.abbreviation or ""] + [n.get(lang) for n in term.notes])
            for term in g.terms]


def code_entries(lang: str) -> list[dict[str, str]]:
    """The finding codes' pages (``NBS210`` finds its page)."""
    from ..codes import CODES_DIR, title
    from ..messages import CATALOG

    return [_entry("code", code, title(code, lang), "", _url(f"{CODES_DIR}/{code}.md"), _WORDS[lang]["code"])
            for code in CATALOG]


_HEADING = re.compile(r"^(#{1,3})\s+(.*?)\s*(?:\{[^}]*#([^\s}]+)[^}]*\})?\s*#*\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_MARKUP = [(re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"), (re.compile(r"<[^>]+>"), " "),
           (re.compile(r"\{:[^}]*\}|\{#[^}]*\}"), " "), (re.compile(r"[*`]+"), ""), (re.compile(r"[|>]+|^\s*[-+]\s|-{3,}", re.M), " ")]


def _plain(markdown: str) -> str:
    for pattern, repl in _MARKUP:
        markdown = pattern.sub(repl, markdown)
    return " ".join(markdown.split())


def page_entries(pages: Mapping[str, str], slugify: Callable[[str, str], str] | None = None,
                 limit: int = 3000) -> list[dict[str, str]]:
    """Hand-written pages (``{path: Markdown}``): one entry per heading of levels 1 to 3, its anchor
    the heading's ``{#id}`` or ``slugify(text, "-")`` (the ``toc`` extension's own function, so the
    link lands where the generator put the heading); fenced code is left out, text cut at ``limit``."""
    out: list[dict[str, str]] = []
    for path, text in pages.items():
        if text.startswith("---\n") and "\n---\n" in text:
            text = text.split("\n---\n", 1)[1]
        page_title, sections, fence = "", [["", None, []]], None
        for line in text.splitlines():
            m = _FENCE.match(line)
            if m:
                mark = m.group(1)[0] * 3
                fence = None if fence and mark == fence else (fence or mark)
                continue
            h = None if fence else _HEADING.match(line)
            if h:
                title = _plain(h.group(2))
                page_title = page_title or title
                anchor = h.group(3) or (slugify(title, "-") if slugify and len(h.group(1)) > 1 else None)
                sections.append([title, anchor if len(h.group(1)) > 1 else None, []])
            elif not fence:
                sections[-1][2].append(line)
        for title, anchor, lines in sections:
            body = _plain("\n".join(lines))[:limit]
            if title or body:
                out.append(_entry("page", "", title or page_title, body, _url(path, anchor),
                                  "" if title == page_title else page_title))
    return out


def index_json(g: Guideline, lang: str, pages: Mapping[str, str] | None = None,
               slugify: Callable[[str, str], str] | None = None, anchors: Mapping[str, str] | None = None) -> str:
    """The search index of one language: the words of the search page and the entries (with the
    hand-written ``pages`` when the caller has them: the MkDocs plugin passes docs/)."""
    docs = entries(g, lang, anchors) + code_entries(lang) + page_entries(pages or {}, slugify)
    data: dict[str, Any] = {"lang": lang, "words": _WORDS[lang], "docs": docs}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def search_page(lang: str) -> str:
    """The search page: a form that works without the header box, and the list the script fills.
    Without JavaScript the form still says why nothing happens."""
    w = _WORDS[lang]
    front = f"---\ntitle: {w['title']}\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n\n"
    return (front + f"# {w['title']}\n\n"
            f'<form class="nbs-search-page" role="search" action="" method="get">\n'
            f'<label for="nbs-q">{w["label"]}</label>\n'
            f'<input id="nbs-q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="{w["placeholder"]}">\n'
            f'<button class="md-button" type="submit">{w["button"]}</button>\n</form>\n\n'
            f"{w['help']}\n{{: .nbs-search-help }}\n\n"
            f'<div id="nbs-results" class="nbs-results" aria-live="polite" data-index="../{INDEX_FILE}"></div>\n\n'
            f"<noscript>{w['noscript']}</noscript>\n")


def search_files(g: Guideline, lang: str, anchors: Mapping[str, str] | None = None) -> Mapping[str, str]:
    """The index file, beside the generated pages."""
    return {INDEX_FILE: index_json(g, lang, anchors=anchors)}
