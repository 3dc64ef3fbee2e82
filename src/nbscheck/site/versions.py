"""Which versions of the guideline the site publishes, where, and how a reader moves between them.

The site shows the newest *release* first, at its root: that is the text townships are assessed
against. The working version, while it is a draft, is published apart under ``draft/``, every page
headed by a notice that it is not in force. Every release stays readable under ``v/<version>/``
(the newest one too, so that a link naming its version never changes meaning). Each of these
editions has its own chapters, printable page and downloads (schema, templates, workbooks).

Every generated page of every edition starts with a version bar: the version shown and links to the
same page in the other editions (the version selector); ``versions.md`` lists them all.

Pure functions of the loaded versions; no generator is imported here.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model.types import Guideline

CURRENT, DRAFT, RELEASE = "current", "draft", "release"
VERSIONS_PAGE = "versions.md"

_WORDS = {
    "zh": {
        "bar": "版本", "current": "现行版本", "draft": "草案，尚未发布", "release": "已发布",
        "others": "其他版本", "all": "全部版本",
        "draft.notice": "这是指南的工作草案（版本 {v}），尚未发布，不能作为自评估的依据。"
                        "现行版本是 {cur}：[阅读现行版本]({link})。",
        "old.notice": "这是指南的旧版本 {v}（{d} 发布）。现行版本是 {cur}：[阅读现行版本]({link})。",
        "title": "指南的各个版本",
        "intro": "网站首先显示最新发布的版本。每个已发布版本都保留在自己的地址下（`v/版本号/`），"
                 "链接到某一版本的条款永远指向该版本的文字；工作草案单独发布在 `draft/` 下。"
                 "旧链接中的条款编号如果后来改了，页面会跳到该条款现在的位置并说明。",
        "version": "版本", "state": "状态", "read": "阅读", "downloads": "下载", "changes": "改动",
        "read.link": "正文", "dl.link": "提交格式与模板", "changes.link": "与上一版本相比",
        "released": "{d} 发布",
    },
    "en": {
        "bar": "Version", "current": "current version", "draft": "draft, not yet released", "release": "released",
        "others": "Other versions", "all": "all versions",
        "draft.notice": "This is the guideline's working draft (version {v}). It is not released and is no "
                        "basis for a self-assessment. The current version is {cur}: [read the current version]({link}).",
        "old.notice": "This is an earlier version of the guideline, {v} (released {d}). The current version "
                      "is {cur}: [read the current version]({link}).",
        "title": "Versions of the guideline",
        "intro": "The site shows the newest release first. Every release stays at an address of its own "
                 "(`v/VERSION/`), so a link to a clause of one version always shows that version's text; "
                 "the working draft is published apart under `draft/`. When an old link names a clause "
                 "that has since been renumbered, the page moves to where the clause is now and says so.",
        "version": "Version", "state": "Status", "read": "Read", "downloads": "Downloads", "changes": "Changes",
        "read.link": "text", "dl.link": "submission format and templates", "changes.link": "against the version before",
        "released": "released {d}",
    },
}


def words(lang: str, key: str, **kw: str) -> str:
    s = _WORDS.get(lang, _WORDS["en"])[key]
    return s.format(**kw) if kw else s


@dataclass(frozen=True)
class Edition:
    """One published version: where its pages live and what it is."""

    version: str
    role: str
    """``current`` (the newest release, at the root), ``draft`` or ``release`` (an archived one)."""
    prefix: str
    """Folder of its pages, relative to the generated pages' folder: ``""``, ``draft/``, ``v/1.0.0/``."""
    released: str | None = None


def plan(versions: dict[str, Guideline], working: str, shown: str | None = None) -> list[Edition]:
    """The editions to publish, current first, then the draft, then every release newest first.

    ``versions`` is every loaded version; ``working`` the working folder's; ``shown`` the version
    for the root (default: the newest release, or the working version when nothing is released)."""
    from ..change.pairing import semver

    released = sorted((v for v, g in versions.items() if not g.is_draft), key=semver, reverse=True)
    root = shown or (released[0] if released else working)
    out = [Edition(root, CURRENT, "", versions[root].released)]
    if working != root and versions[working].is_draft:
        out.append(Edition(working, DRAFT, "draft/"))
    out += [Edition(v, RELEASE, f"v/{v}/", versions[v].released) for v in released]
    if len(out) == 2 and out[1].version == root:  # one release and nothing else: no version to choose
        return out[:1]
    return out


def rel(src: str, dst: str) -> str:
    """A link from page ``src`` to page ``dst``, both relative to the generated pages' folder."""
    return posixpath.relpath(dst, posixpath.dirname(src) or ".")


def _state(e: Edition, lang: str) -> str:
    if e.role == DRAFT:
        return words(lang, "draft")
    return words(lang, "released", d=e.released) if e.released else words(lang, "release")


def version_bar(here: Edition, page: str, editions: list[Edition], pages: dict[str, set[str]],
                lang: str, first: dict[str, str]) -> str:
    """The version selector at the top of a generated page: this page in every other edition.

    ``pages`` is each edition's set of pages (by version), ``first`` its first chapter page, the
    fallback when the page does not exist there."""
    src = here.prefix + page
    shown = f"{here.version}（{words(lang, 'current')}）" if here.role == CURRENT and lang == "zh" else (
        f"{here.version} ({words(lang, 'current')})" if here.role == CURRENT else here.version)
    if here.role == DRAFT:
        shown += f"（{words(lang, 'draft')}）" if lang == "zh" else f" ({words(lang, 'draft')})"
    links = []
    for e in editions:
        if e.prefix == here.prefix or (e.role == RELEASE and e.version in (here.version, editions[0].version)):
            continue
        target = page if page in pages.get(e.prefix, set()) else first[e.prefix]
        label = e.version
        if e.role == CURRENT:
            label += f"（{words(lang, 'current')}）" if lang == "zh" else f" ({words(lang, 'current')})"
        elif e.role == DRAFT:
            label += f"（{words(lang, 'draft')}）" if lang == "zh" else f" ({words(lang, 'draft')})"
        links.append(f"[{label}]({rel(src, e.prefix + target)})")  # version numbers and words of ours: no escaping
    sep = "：" if lang == "zh" else ": "
    dot = " · "
    parts = [f"{words(lang, 'bar')}{sep}**{shown}**"]
    if links:
        parts.append(f"{words(lang, 'others')}{sep}" + dot.join(links))
    parts.append(f"[{words(lang, 'all')}]({rel(src, VERSIONS_PAGE)})")
    return (f'<div class="nbs-versions" data-nbs-version="{here.version}" markdown>\n\n'
            + dot.join(parts) + "\n\n</div>")


def notice(here: Edition, page: str, current: Edition, current_pages: set[str], first: str, lang: str) -> str | None:
    """The warning at the top of a draft page or an earlier release's page; None on the current one."""
    if here.role == CURRENT or (here.role == RELEASE and here.version == current.version):
        return None
    target = page if page in current_pages else first
    link = rel(here.prefix + page, current.prefix + target)
    if here.role == DRAFT:
        text = words(lang, "draft.notice", v=here.version, cur=current.version, link=link)
        kind = "nbs-draft"
    else:
        text = words(lang, "old.notice", v=here.version, d=here.released or "—", cur=current.version, link=link)
        kind = "nbs-old-version"
    return f'<div class="nbs-version-notice {kind}" role="note" markdown>\n\n{text}\n\n</div>'


def banner_text(g: Guideline, e: Edition, lang: str, name: str) -> str:
    """The bar at the top of every page of an edition (``乡镇NbS实施指南 · 版本 2.0.0 · 草案，尚未发布``)."""
    state = _state(e, lang)
    v = f"版本 {e.version}" if lang == "zh" else f"version {e.version}"
    return f"{name} · {v} · {state}"


def versions_page(editions: list[Edition], first: dict[str, str], downloads: dict[str, str],
                  changes: dict[str, str | None], lang: str) -> str:
    """The list of every published version, with links to its text, downloads and changes."""
    from .markdown import heading, table

    rows = []
    for e in editions:
        if e.role == RELEASE and e.version == editions[0].version:
            label = f"{e.version} (`v/{e.version}/`)"
        else:
            label = e.version if e.role != CURRENT else (
                f"**{e.version}**（{words(lang, 'current')}）" if lang == "zh" else f"**{e.version}** ({words(lang, 'current')})")
        ch = changes.get(e.prefix)
        rows.append([label, _state(e, lang),
                     f"[{words(lang, 'read.link')}]({rel(VERSIONS_PAGE, e.prefix + first[e.prefix])})",
                     f"[{words(lang, 'dl.link')}]({rel(VERSIONS_PAGE, e.prefix + downloads[e.prefix])})",
                     f"[{words(lang, 'changes.link')}]({rel(VERSIONS_PAGE, ch)})" if ch else "—"])
    return "\n\n".join([heading(1, words(lang, "title"), "versions"), words(lang, "intro"),
                        table([words(lang, k) for k in ("version", "state", "read", "downloads", "changes")],
                              rows, "nbs-version-list")]) + "\n"


def with_top(md: str, *blocks: str | None) -> str:
    """``md`` with ``blocks`` put first (after its front matter, if it has one)."""
    extra = "\n\n".join(b for b in blocks if b)
    if not extra:
        return md
    if md.startswith("---\n"):
        end = md.index("\n---\n", 4) + 5
        return md[:end] + "\n" + extra + "\n\n" + md[end:].lstrip("\n")
    return extra + "\n\n" + md


def hide_from_search(md: str) -> str:
    """Keep an edition other than the current one out of the search index (front matter)."""
    if md.startswith("---\n"):
        if "\nsearch:" in md.split("\n---\n", 1)[0]:
            return md
        return "---\nsearch:\n  exclude: true\n" + md[4:]
    return "---\nsearch:\n  exclude: true\n---\n\n" + md
