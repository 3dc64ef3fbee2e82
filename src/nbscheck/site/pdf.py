"""A PDF of each published version of the guideline, printed from the built site by headless Chromium.

The site's printable page (``print/`` of every edition, in every language) already sets the whole
guideline out for paper: contents, page breaks before chapters, page numbers in the page margin,
controls hidden. Chromium prints that very page, so the PDF and the site cannot disagree; nothing
here renders the guideline a second time. Works on any built site (MkDocs, Zensical or
``nbscheck site build-pages`` plus another engine), since it reads only the built HTML.

Each PDF goes into its edition's ``downloads/`` folder, named like the other downloads
(``bft-nbs-1.1.0-zh.pdf``), written to a temporary file first and moved into place.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..model.guideline import GuidelineError, shipped, versions
from .pages import pdf_name
from .versions import plan

LANG_PREFIXES = {"zh": "", "en": "en/"}
"""Where each language's pages sit in the built site (Chinese at the root, as the plugin writes)."""

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                  "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=20000")
"""Headless, no browser header or footer (the page's own margin boxes number the pages), and time for
the page's scripts and fonts before printing."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class PdfError(Exception):
    """A PDF could not be made: no Chromium, no printable page, Chromium failed."""


@dataclass(frozen=True)
class Job:
    version: str
    lang: str
    page: Path
    """The built printable page."""
    out: Path
    """The PDF to write."""


def jobs(site: Path, guideline: Path, only: tuple[str, ...] = (), langs: tuple[str, ...] = ("zh", "en")) -> list[Job]:
    """The printable pages of ``site`` (a built site folder) for every edition the guideline in
    ``guideline`` publishes (or only the versions in ``only``), in the languages that were built."""
    known = versions(guideline)
    if not known:
        raise PdfError(f"no guideline in {guideline}")
    loaded = {}
    try:
        working = shipped(None, str(guideline)).version
        for v in known:
            loaded[v] = shipped(v, str(guideline))
    except GuidelineError as e:
        raise PdfError(f"the guideline cannot be loaded ({e}); run nbscheck lint") from None
    unknown = [v for v in only if v not in loaded]
    if unknown:
        raise PdfError(f"no guideline version {', '.join(unknown)} (known: {', '.join(sorted(loaded))})")
    out: list[Job] = []
    for e in plan(loaded, working):
        if only and e.version not in only:
            continue
        for lang in langs:
            base = site / LANG_PREFIXES[lang] / e.prefix
            page = base / "print" / "index.html"
            if page.is_file():
                out.append(Job(e.version, lang, page, base / "downloads" / pdf_name(loaded[e.version], lang)))
    if not out:
        raise PdfError(f"no printable page in {site}: build the site first (mkdocs build)")
    return out


def find_chromium(explicit: str | None = None) -> str:
    """The Chromium to print with: ``explicit``, $NBSCHECK_CHROMIUM, or one on the PATH."""
    for candidate in (explicit, os.environ.get("NBSCHECK_CHROMIUM"), "chromium", "chromium-browser",
                      "google-chrome", "google-chrome-stable"):
        if candidate and (shutil.which(candidate) or Path(candidate).is_file()):
            return shutil.which(candidate) or candidate
    raise PdfError("Chromium not found: install it (Debian: apt-get install chromium, or `make browser-deps`) "
                   "or name it with --chromium")


def print_all(todo: list[Job], chromium: str) -> list[tuple[Job, int]]:
    """Print every job; an edition shown twice (the current release at the root and under
    ``v/VERSION/``) has the same page, so it is printed once and copied."""
    done: dict[tuple[str, str], Path] = {}
    out = []
    for job in todo:
        first = done.get((job.version, job.lang))
        if first is None:
            size = print_pdf(job, chromium)
            done[(job.version, job.lang)] = job.out
        else:
            size = _copy(first, job.out)
        out.append((job, size))
    return out


def _copy(src: Path, dst: Path) -> int:
    dst.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=dst.parent)
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, dst)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return dst.stat().st_size


def print_pdf(job: Job, chromium: str, timeout: float = 180) -> int:
    """Print ``job.page`` to ``job.out``; returns the PDF's size. The PDF appears whole or not at all."""
    job.out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{job.out.name}.", suffix=".tmp", dir=job.out.parent)
    os.close(fd)
    try:
        with tempfile.TemporaryDirectory(prefix="nbscheck-chromium-") as profile:
            proc = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                                   f"--print-to-pdf={tmp}", job.page.resolve().as_uri()],
                                  capture_output=True, text=True, timeout=timeout)
        size = os.path.getsize(tmp)
        if proc.returncode != 0 or size == 0:
            raise PdfError(f"Chromium could not print {job.page} (exit {proc.returncode}): "
                           f"{(proc.stderr or '').strip().splitlines()[-1:] or ''}")
        os.chmod(tmp, 0o666 & ~_umask())  # a download on a web server: readable by all, as other files
        os.replace(tmp, job.out)
        return size
    except subprocess.TimeoutExpired:
        raise PdfError(f"Chromium took more than {timeout:.0f} s to print {job.page}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
