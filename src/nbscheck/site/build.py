"""The whole generated part of the site as files: pages, downloads and navigation, engine-neutral.

The site generator (MkDocs today; Zensical, which runs no MkDocs plugins, tomorrow) should only
have to read Markdown files. So everything the guideline contributes to the site is produced here,
without build events and without importing any generator:

- :func:`load_source` loads the guideline (and the diffs between its versions) once: the newest
  release for the root, the working draft and every release beside it (:mod:`.versions`);
- :func:`language_site` gives one language's pages, downloads and navigation entries in memory,
  for every edition (``draft/``, ``v/X.Y.Z/``; the MkDocs plugin hands them to its build unchanged);
  each clause carries its history and anchor, each chapter page its old numbers (:mod:`.history`);
- :func:`write_site` writes them as files, one folder per language (``nbscheck site build-pages``).

Extension point: :data:`GENERATORS` is the list of page generators; a new kind of generated page
(one page per finding code, say) is one function ``(Source, lang) -> {path: Markdown}`` appended
to it. Pages named in :data:`NAV_GENERATED` are listed in the navigation of ``nbscheck:chapters``.
"""

from __future__ import annotations

import io
import json
import posixpath
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ..findings import Finding, Severity, has_errors
from ..model.types import Guideline
from ..report.safe import html_text
from .changes import changes_name, changes_pages, load_diffs
from .labels import LANGS
from .markdown import DOWNLOADS_PAGE, PRINT_PAGE, TERMS_PAGE, page_name
from .pages import Downloads, nav_title, pages
from .versions import (CURRENT, DRAFT, VERSIONS_PAGE, Edition, banner_text, hide_from_search, notice,
                       plan as plan_editions, version_bar, versions_page, with_top)


class SiteError(Exception):
    """The guideline cannot be published: the message says why and what to run; ``findings`` are
    the positioned errors behind it (empty for an unknown version)."""

    def __init__(self, message: str, findings: Sequence[Finding] = ()):
        super().__init__(message)
        self.findings = tuple(findings)


@dataclass(frozen=True)
class Source:
    """What the generated pages are made from: one guideline version and the history up to it."""

    guideline: Guideline
    path: Path
    """The folder of the version shown."""
    base: Path
    """The working folder, whose ``releases/`` holds the frozen versions."""
    diffs: tuple[Any, ...] = ()
    """Each version's diff against the one before, oldest first (for the changes pages)."""
    notes: tuple[Finding, ...] = ()
    """Warnings and notes met while loading (the build logs them)."""
    edition: Edition | None = None
    """Where this version is published (None: at the root, the only one)."""
    others: tuple["Source", ...] = ()
    """The other editions published beside it: the draft and every release (see :mod:`.versions`)."""

    @property
    def editions(self) -> list[Edition]:
        own = self.edition or Edition(self.guideline.version, CURRENT, "", self.guideline.released)
        return [own] + [o.edition for o in self.others if o.edition is not None]


def _load_one(path: Path, validate: bool) -> tuple[Guideline, list[Finding]]:
    from ..model.guideline import load_guideline

    loaded = load_guideline(path, validate=validate)
    if loaded.guideline is None or has_errors(loaded.findings):
        problems = [f for f in loaded.findings if f.severity is Severity.ERROR]
        lines = "\n".join(f"  {f.position}: {f.code} {f.message('en')}" for f in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise SiteError(f"nbscheck: the guideline in {path} cannot be loaded "
                        f"(run `nbscheck lint {path}`):\n{lines}{more}", problems)
    return loaded.guideline, list(loaded.findings)


def load_source(root: Path, version: str | None = None, *, validate: bool = True,
                editions: bool = True) -> Source:
    """Load the guideline in ``root`` for the site: the version shown at the root (``version``, or
    by default the newest release, or the working version when nothing is released yet) and, with
    ``editions``, the working draft and every release beside it. :class:`SiteError` if one cannot
    be loaded, listing the first findings with their positions."""
    from ..model.guideline import versions

    known = versions(root)
    if version and version not in known:
        raise SiteError(f"nbscheck: guideline version {version} not found in {root} "
                        f"(known: {', '.join(sorted(known)) or 'none'})")
    working_g, working_notes = _load_one(root, validate)
    loaded: dict[str, tuple[Guideline, Path, list[Finding]]] = {working_g.version: (working_g, root, working_notes)}
    if editions or version:
        for v, path in known.items():
            if v not in loaded and (editions or v == version):
                g, notes = _load_one(path, validate and v == version)
                loaded[v] = (g, path, notes)
    if not editions:
        g, path, notes = loaded[version or working_g.version]
        return Source(g, path, root, tuple(load_diffs(g, root)), tuple(notes))
    plan = plan_editions({v: x[0] for v, x in loaded.items()}, working_g.version, version)

    def source(e: Edition) -> Source:
        g, path, notes = loaded[e.version]
        return Source(g, path, root, tuple(load_diffs(g, root)), tuple(notes), e)

    current = source(plan[0])
    return replace(current, others=tuple(source(e) for e in plan[1:]))


# --- generators ----------------------------------------------------------------------------------

PageGenerator = Callable[[Source, str], Mapping[str, str]]


def downloads_of(g: Guideline) -> Downloads:
    """Where the downloads live, relative to the generated pages' folder."""
    from ..sheet.layout import openpyxl_missing

    stem = f"downloads/{g.id}-{g.version}"
    books = {} if openpyxl_missing() else {"workbook_zh": f"{stem}-submission-zh.xlsx",
                                           "workbook_en": f"{stem}-submission-en.xlsx"}
    return Downloads(schema=f"{stem}-submission.schema.json",
                     template_zh=f"{stem}-submission-zh.yaml", template_en=f"{stem}-submission-en.yaml", **books)


def guideline_pages(src: Source, lang: str) -> Mapping[str, str]:
    """Chapters, terms, downloads page and printable page; each clause with its history, each
    chapter page with the list of where its old clause numbers are now (:mod:`.history`)."""
    from .history import history_line

    g = src.guideline
    lines, anchors, moved = identity(src)
    notes = {cid: history_line(ln, lang) for cid, ln in lines.items()} if src.diffs else {}
    out = pages(g, lang, downloads_of(g), anchors, notes)
    if moved:
        for ch in g.chapters:
            name = page_name(ch)
            out[name] = out[name] + "\n" + old_links_md(src, name, ch.number, moved, anchors, lang)
    return out


def identity(src: Source) -> tuple[dict[str, Any], dict[str, str], list[Any]]:
    """The clauses' lineages, their anchors and the old numbers that land elsewhere, from the diffs."""
    from .history import anchors as anchors_of, lineages, old_links

    lines = lineages(src.guideline, src.diffs)
    anchors = anchors_of(src.guideline, src.diffs, lines)
    return lines, anchors, old_links(src.guideline, src.diffs, lines, anchors)


def old_links_md(src: Source, page: str, number: str | None, moved: Sequence[Any], anchors: Mapping[str, str],
                 lang: str) -> str:
    """A hidden list of Markdown links, old number -> where that clause is now, that the site's
    script follows when a visitor arrives with an old number (links, so any generator resolves them)."""
    from .history import link_notice
    from .markdown import attr, links_for
    from .versions import rel

    links = links_for(src.guideline, anchors=anchors).at(page)
    prefix = src.edition.prefix if src.edition else ""
    # every release is archived under v/X/ when the site publishes more than one edition
    published = {d.old.version for d in src.diffs if d.old.status != "draft"} if src.edition is not None else set()
    items = []
    for m in moved:
        if m.new_id is not None:
            target = links.clause(m.new_id)
        elif m.last in published and m.old_id.split(".")[0] == number:  # on its chapter's page only
            target = f"{rel(prefix + page, f'v/{m.last}/{page}')}#{m.old_id}"
        else:
            continue
        if target:
            items.append(f'- [{m.old_id}]({target}){{: data-nbs-old="{attr(m.old_id)}" '
                         f'data-nbs-notice="{attr(link_notice(m, lang))}" }}')
    if not items:
        return ""
    return '<div class="nbs-anchor-map" hidden markdown>\n\n' + "\n".join(items) + "\n\n</div>\n"


def version_changes_pages(src: Source, lang: str) -> Mapping[str, str]:
    """One "what changed" page per version."""
    return changes_pages(src.guideline, list(src.diffs), lang, identity(src)[1])


def finding_code_pages(src: Source, lang: str) -> Mapping[str, str]:
    """One page per finding code (where SARIF's ``helpUri`` points), from the message catalog."""
    from .code_pages import pages as code_pages

    return code_pages(lang)


def search_pages(src: Source, lang: str) -> Mapping[str, str]:
    """The search page (its index is a file: :func:`nbscheck.site.search.search_files`)."""
    from .search import SEARCH_PAGE, search_page

    return {SEARCH_PAGE: search_page(lang)}


def clause_filter_pages(src: Source, lang: str) -> Mapping[str, str]:
    """The clause finder: every clause, filtered by level, dimension, framework, evidence, N/A."""
    from .filters import FILTERS_PAGE, filters_page

    return {FILTERS_PAGE: filters_page(src.guideline, lang, identity(src)[1])}


GENERATORS: list[PageGenerator] = [guideline_pages, version_changes_pages, finding_code_pages, search_pages,
                                   clause_filter_pages]
"""Every page generator, in the order their pages are added to the site."""


def _schema_files(src: Source) -> dict[str, str]:
    """Every version's submission schema at the address its ``$id`` (and ``init``'s editor line) names."""
    from .schema_files import schema_files

    return schema_files(src.base)


def download_files(g: Guideline) -> dict[str, str | bytes]:
    """The downloads' contents: exactly what ``nbscheck schema`` and ``nbscheck init`` write
    (text for the schema and the YAML templates, bytes for the .xlsx workbooks when openpyxl is there)."""
    from ..check.submission_schema import submission_schema
    from ..model.template import blank_submission

    d = downloads_of(g)
    out: dict[str, str | bytes] = {
        d.schema: json.dumps(submission_schema(g), ensure_ascii=False, indent=2) + "\n",
        d.template_zh: blank_submission(g, "zh", posixpath.basename(d.template_zh)),
        d.template_en: blank_submission(g, "en", posixpath.basename(d.template_en)),
    }
    for lang, path in (("zh", d.workbook_zh), ("en", d.workbook_en)):
        if path:  # the .xlsx template beside the YAML one
            from ..sheet.write import workbook

            buf = io.BytesIO()
            workbook(g, lang).save(buf)
            out[path] = buf.getvalue()
    return out


@dataclass(frozen=True)
class LanguageSite:
    """One language's generated part of the site; paths are relative to the docs folder."""

    lang: str
    pages: dict[str, str]
    """Markdown pages."""
    files: dict[str, str | bytes]
    """Other files (the downloads), copied as they are: text (UTF-8) or bytes (the workbooks)."""
    chapters_nav: list[Any] = field(default_factory=list)
    """What ``nbscheck:chapters`` in ``nav`` stands for: ``{title: path}`` per chapter, then terms."""
    changes_nav: list[str] = field(default_factory=list)
    """What ``nbscheck:changes`` stands for: the list of versions, then the changes pages, newest first."""
    hidden: frozenset[str] = frozenset()
    """Pages in no navigation (the draft's and the earlier releases' pages, the finding-code pages)."""
    banners: dict[str, str] = field(default_factory=dict)
    """Folder -> the version bar's text for the pages in it (the draft's, each release's)."""
    anchors: dict[str, str] = field(default_factory=dict)
    """The current edition's clause anchors that are not their ids (for the search index)."""

    def nav(self) -> dict[str, list[Any]]:
        return {"nbscheck:chapters": self.chapters_nav, "nbscheck:changes": self.changes_nav}


def _edition_pages(src: Source, lang: str, generators: Sequence[PageGenerator] | None) -> dict[str, str]:
    """One edition's pages: every generator for the current one; the text, downloads and printable
    page for the others, plus the draft's own "what changed" page."""
    if src.edition is None or src.edition.role == CURRENT:
        out: dict[str, str] = {}
        for gen in GENERATORS if generators is None else generators:
            out.update(gen(src, lang))
        return out
    out = dict(guideline_pages(src, lang))
    if src.edition.role == DRAFT and src.diffs:
        out.update(changes_pages(src.guideline, [src.diffs[-1]], lang, identity(src)[1]))
    return out


def _text_pages(g: Guideline) -> set[str]:
    """The pages that carry a version bar: the chapters, the terms and the downloads page."""
    return {page_name(ch) for ch in g.chapters} | {TERMS_PAGE, DOWNLOADS_PAGE}


def language_site(src: Source, lang: str, prefix: str = "",
                  generators: Sequence[PageGenerator] | None = None) -> LanguageSite:
    """Every generated page, download and navigation entry of one language, for every edition."""
    g = src.guideline
    sources = [src, *src.others]
    editions = src.editions
    per: dict[str, dict[str, str]] = {e.prefix: _edition_pages(s, lang, generators) for e, s in zip(editions, sources)}
    first = {e.prefix: page_name(s.guideline.chapters[0]) if s.guideline.chapters else DOWNLOADS_PAGE
             for e, s in zip(editions, sources)}
    names = {k: set(p) for k, p in per.items()}
    out: dict[str, str] = {}
    files: dict[str, str | bytes] = {}
    hidden: set[str] = set()
    banners: dict[str, str] = {}
    for e, s in zip(editions, sources):
        text_pages = _text_pages(s.guideline)
        for name, md in per[e.prefix].items():
            if name in text_pages and len(editions) > 1:
                md = with_top(md, notice(e, name, editions[0], names[""], first[""], lang),
                              version_bar(e, name, editions, names, lang, first))
            elif name == PRINT_PAGE and len(editions) > 1:  # a printed draft or old version says so on paper
                md = with_top(md, notice(e, name, editions[0], names[""], first[""], lang))
            if e.prefix:
                md = hide_from_search(md)
                hidden.add(prefix + e.prefix + name)
            out[e.prefix + name] = md
        files.update({e.prefix + k: v for k, v in download_files(s.guideline).items()})
        if e.role == DRAFT:  # the working text's own search index (the root's is the release's)
            from .search import search_files as draft_index

            files.update({e.prefix + k: v for k, v in draft_index(s.guideline, lang, identity(s)[1]).items()})
        if e.prefix:
            short = (s.guideline.short_title or s.guideline.title).get(lang)
            banners[prefix + e.prefix] = banner_text(s.guideline, e, lang, short)
    hidden |= {prefix + k for k in per[""] if k.startswith("codes/")}
    changes = [prefix + changes_name(d.new.version) for d in reversed(src.diffs)]
    if len(editions) > 1:
        downloads = {e.prefix: DOWNLOADS_PAGE for e in editions}
        own_changes: dict[str, str | None] = {}
        for e, s in zip(editions, sources):
            name = changes_name(e.version)
            own_changes[e.prefix] = (name if name in per[""] else
                                     e.prefix + name if name in per[e.prefix] else None)
        out[VERSIONS_PAGE] = versions_page(editions, first, downloads, own_changes, lang)
        changes.insert(0, prefix + VERSIONS_PAGE)
    # navigation titles are HTML to MkDocs (its templates print them unescaped): escaped here
    chapters: list[Any] = [{html_text(nav_title(ch, lang)): prefix + page_name(ch)} for ch in g.chapters]
    if TERMS_PAGE in out:  # terms no chapter includes
        chapters.append(prefix + TERMS_PAGE)
    if "filters.md" in out:
        chapters.append(prefix + "filters.md")
    from .search import search_files

    anchors = identity(src)[1]
    files.update({**_schema_files(src), **search_files(g, lang, anchors)})  # the search index: the current edition's
    return LanguageSite(lang, {prefix + k: v for k, v in out.items()}, {prefix + k: v for k, v in files.items()},
                        chapters, changes, frozenset(hidden), banners, anchors)


def write_site(src: Source, out: Path, languages: Sequence[str] = LANGS, prefix: str = "") -> list[Path]:
    """Write each language's pages and downloads into ``out/<lang>/`` and its navigation into
    ``out/<lang>/nav.json``; every file atomically. Returns the files written, in order."""
    from ..atomic import write_bytes, write_text

    written: list[Path] = []
    for lang in languages:
        site = language_site(src, lang, prefix)
        entries: dict[str, str | bytes] = {**site.pages, **site.files,
                                           "nav.json": json.dumps(site.nav(), ensure_ascii=False, indent=2) + "\n"}
        for rel, content in entries.items():
            path = out / lang / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                write_bytes(path, content)
            else:
                write_text(path, content)
            written.append(path)
    return written
