"""Pure Markdown helpers for the guideline's pages: escaping, headings, tables and links.

Nothing here knows MkDocs: the pages are plain Markdown that any generator reading Markdown with
the ``attr_list``, ``md_in_html``, ``tables`` and ``toc`` extensions can build (Zensical, say).

Anchors are stable: a clause's anchor is its id (``6.2.1``), a section's its id, a term's its id,
a chapter's its slug, a dimension's ``dim-<id>`` and a framework item's ``<framework>-<item>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, Sequence

from ..model.clauses import Chapter
from ..model.types import Guideline

_INLINE = re.compile(r"([\\`*_\[\]{}])")
_BLOCK_START = re.compile(r"^(\s*)([#>+\-]|\d+[.)])")


def esc(text: str) -> str:
    """Guideline text as literal Markdown: no emphasis, links, attribute lists or raw HTML."""
    s = _INLINE.sub(r"\\\1", text).replace("<", "&lt;")
    lines = [_BLOCK_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], ln)
             for ln in s.splitlines() or [""]]
    return "\n".join(lines)


def code(text: str) -> str:
    """Text as an inline code span, whatever backticks it holds: the fence is one backtick longer
    than the longest run inside, so the text cannot close the span and become markup."""
    flat = " ".join(text.split())  # a pipe table leaves a code span's | alone
    run = max((len(m) for m in re.findall(r"`+", flat)), default=0)
    fence = "`" * (run + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def safe_link_target(url: str) -> str | None:
    """A link target from the guideline: only http(s) and relative targets (``javascript:``,
    ``data:`` and every other scheme give None), with the characters that would end a Markdown link
    destination or an HTML attribute percent-encoded."""
    from urllib.parse import quote

    from ..report.safe import safe_url

    u = safe_url(url)
    return quote(u, safe=":/?#@!$&'*+,;=%~-._") if u else None


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


def lead(label: str, lang: str) -> str:
    """A bold run-in label: ``**注：**`` or ``**NOTE:** `` (the space outside, or it is not bold)."""
    return f"**{label}：**" if lang == "zh" else f"**{label}:** "


def paren(text: str, lang: str) -> str:
    """A parenthesis in the language's own form: ``（x）`` or `` (x)``."""
    return f"（{text}）" if lang == "zh" else f" ({text})"


def table(header: Sequence[str], rows: Iterable[Sequence[str]], css: str = "") -> str:
    """A pipe table; with ``css``, wrapped in a ``<div>`` of that class (styled, e.g. scrolled)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    table = "\n".join(lines)
    return f'<div class="{css}" markdown>\n\n{table}\n\n</div>' if css else table


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
    anchors: Mapping[str, str] = field(default_factory=dict)
    """Clause id -> anchor, where it is not the id (see :mod:`nbscheck.site.history`)."""
    notes: Mapping[str, str] = field(default_factory=dict)
    """Clause id -> a block shown under its heading (its history)."""

    def at(self, here: str) -> "Links":
        return replace(self, here=here)

    def anchor(self, clause_id: str) -> str:
        return self.anchors.get(clause_id, clause_id)

    def _to(self, page: str | None, anchor: str) -> str | None:
        if page is None:
            return None
        return f"#{anchor}" if self.single or page == self.here else f"{page}#{anchor}"

    def clause(self, clause_id: str) -> str | None:
        return self._to(self.clause_pages.get(clause_id), self.anchor(clause_id))

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


def links_for(g: Guideline, *, single: bool = False, anchors: Mapping[str, str] | None = None,
              notes: Mapping[str, str] | None = None) -> Links:
    clause_pages: dict[str, str] = {}
    for ch in g.chapters:
        for c in ch.clauses:
            clause_pages.setdefault(c.id, page_name(ch))

    def including(part: str) -> str | None:
        return next((page_name(ch) for ch in g.chapters if part in ch.includes), None)

    terms = including("terms") or (TERMS_PAGE if g.terms else None)
    return Links(clause_pages, terms, including("assessment"), including("mapping"),
                 frozenset(page_name(ch) for ch in g.chapters), single=single, anchors=anchors or {},
                 notes=notes or {})


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
