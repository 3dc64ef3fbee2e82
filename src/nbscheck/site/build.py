"""The whole generated part of the site as files: pages, downloads and navigation, engine-neutral.

The site generator (MkDocs today; Zensical, which runs no MkDocs plugins, tomorrow) should only
have to read Markdown files. So everything the guideline contributes to the site is produced here,
without build events and without importing any generator:

- :func:`load_source` loads the guideline (and the diffs between its versions) once;
- :func:`language_site` gives one language's pages, downloads and navigation entries in memory
  (the MkDocs plugin hands them to its build unchanged);
- :func:`write_site` writes them as files, one folder per language (``nbscheck site build-pages``).

Extension point: :data:`GENERATORS` is the list of page generators; a new kind of generated page
(one page per finding code, say) is one function ``(Source, lang) -> {path: Markdown}`` appended
to it. Pages named in :data:`NAV_GENERATED` are listed in the navigation of ``nbscheck:chapters``.
"""

from __future__ import annotations

import io
import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ..findings import Finding, Severity, has_errors
from ..model.types import Guideline
from ..report.safe import html_text
from .changes import changes_name, changes_pages, load_diffs
from .labels import LANGS
from .markdown import TERMS_PAGE, page_name
from .pages import Downloads, nav_title, pages


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


def load_source(root: Path, version: str | None = None, *, validate: bool = True) -> Source:
    """Load the guideline in ``root`` (or its frozen release ``version``); :class:`SiteError` if it
    cannot be loaded, listing the first findings with their positions."""
    from ..model.guideline import load_guideline, versions

    path = root
    if version:
        known = versions(root)
        if version not in known:
            raise SiteError(f"nbscheck: guideline version {version} not found in {root} "
                            f"(known: {', '.join(sorted(known)) or 'none'})")
        path = known[version]
    loaded = load_guideline(path, validate=validate)
    if loaded.guideline is None or has_errors(loaded.findings):
        problems = [f for f in loaded.findings if f.severity is Severity.ERROR]
        lines = "\n".join(f"  {f.position}: {f.code} {f.message('en')}" for f in problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise SiteError(f"nbscheck: the guideline in {path} cannot be loaded "
                        f"(run `nbscheck lint {path}`):\n{lines}{more}", problems)
    g = loaded.guideline
    return Source(g, path, root, tuple(load_diffs(g, root)), tuple(loaded.findings))


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
    """Chapters, terms, downloads page and printable page."""
    return pages(src.guideline, lang, downloads_of(src.guideline))


def version_changes_pages(src: Source, lang: str) -> Mapping[str, str]:
    """One "what changed" page per version."""
    return changes_pages(src.guideline, list(src.diffs), lang)


def finding_code_pages(src: Source, lang: str) -> Mapping[str, str]:
    """One page per finding code (where SARIF's ``helpUri`` points), from the message catalog."""
    from .code_pages import pages as code_pages

    return code_pages(lang)


def search_pages(src: Source, lang: str) -> Mapping[str, str]:
    """The search page (its index is a file: :func:`nbscheck.site.search.search_files`)."""
    from .search import SEARCH_PAGE, search_page

    return {SEARCH_PAGE: search_page(lang)}


GENERATORS: list[PageGenerator] = [guideline_pages, version_changes_pages, finding_code_pages, search_pages]
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
    """What ``nbscheck:changes`` stands for: the changes pages, newest first."""

    def nav(self) -> dict[str, list[Any]]:
        return {"nbscheck:chapters": self.chapters_nav, "nbscheck:changes": self.changes_nav}


def language_site(src: Source, lang: str, prefix: str = "",
                  generators: Sequence[PageGenerator] | None = None) -> LanguageSite:
    """Every generated page, download and navigation entry of one language."""
    g = src.guideline
    out: dict[str, str] = {}
    for gen in GENERATORS if generators is None else generators:
        out.update(gen(src, lang))
    # navigation titles are HTML to MkDocs (its templates print them unescaped): escaped here
    chapters: list[Any] = [{html_text(nav_title(ch, lang)): prefix + page_name(ch)} for ch in g.chapters]
    if TERMS_PAGE in out:  # terms no chapter includes
        chapters.append(prefix + TERMS_PAGE)
    changes = [prefix + changes_name(d.new.version) for d in reversed(src.diffs)]
    from .search import search_files

    files = {**download_files(g), **_schema_files(src), **search_files(g, lang)}
    return LanguageSite(lang, {prefix + k: v for k, v in out.items()},
                        {prefix + k: v for k, v in files.items()}, chapters, changes)


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
