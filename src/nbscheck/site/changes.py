"""What changed in each version (issue 6): the ``nbscheck diff`` of each version against the one
before, as one Markdown page per version. No MkDocs here; the site build hands the pages on."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .markdown import links_for

# Under MkDocs's logger tree, so that ``mkdocs build --strict`` still counts these warnings.
log = logging.getLogger("mkdocs.plugins." + __name__)


def changes_name(version: str) -> str:
    """The file name of the page of what changed in ``version``."""
    return f"changes-{version}.md"


def load_diffs(g: Any, base: Path) -> list[Any]:
    """The clause diff of each version up to ``g``'s against the version before it, oldest first.

    Versions are the frozen releases in ``<base>/releases/`` plus the working version in ``base``.
    Empty when there is only one version, or when nbscheck.diff is not available.
    """
    try:
        from ..change.diff import diff_guidelines
        from ..change.pairing import semver
    except ImportError:  # pragma: no cover - the diff module ships with nbscheck
        return []
    from ..findings import has_errors
    from ..model.guideline import load_guideline, versions

    known = sorted(((v, p) for v, p in versions(base).items() if semver(v) <= semver(g.version)),
                   key=lambda vp: semver(vp[0]))
    loaded: dict[str, Any] = {}

    def get(v: str, path: Path) -> Any:
        if v == g.version:
            return g
        if v not in loaded:
            res = load_guideline(path, validate=False)
            if res.guideline is None or has_errors(res.findings):
                log.warning(f"nbscheck: version {v} in {path} cannot be loaded; no 'what changed' page for it")
                loaded[v] = None
            else:
                loaded[v] = res.guideline
        return loaded[v]

    out = []
    for (v_old, p_old), (v_new, p_new) in zip(known, known[1:]):
        old, new = get(v_old, p_old), get(v_new, p_new)
        if old is not None and new is not None:
            out.append(diff_guidelines(old, new))
    return out


def changes_pages(g: Any, diffs: list[Any], lang: str, anchors: Any = None) -> dict[str, str]:
    """One page per version: what changed from the version before, from ``nbscheck diff``'s Markdown."""
    if not diffs:
        return {}
    from ..report import diff_markdown

    links = links_for(g, anchors=anchors)
    out = {}
    for d in diffs:
        name = changes_name(d.new.version)
        here = links.at(name)
        # clause links only into the version this site shows
        link = here.clause if d.new.version == g.version else None
        out[name] = diff_markdown.render(d, lang, level=1, title=True, link=link)
    return out
