"""Where the shipped guideline and schemas live, in a checkout and in an installed wheel.

In a source checkout (and an editable install) they are the repository's own ``guideline/`` and
``schemas/``; a wheel carries copies under ``nbscheck/_data/`` (see ``pyproject.toml``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_root() -> Path:
    repo = _PKG.parents[1]
    if (repo / "guideline" / "guideline.yaml").is_file() and (repo / "schemas").is_dir():
        return repo
    return _PKG / "_data"


def guideline_dir() -> Path:
    return data_root() / "guideline"


def schemas_dir() -> Path:
    return data_root() / "schemas"


def releases_dir(guideline: Path | None = None) -> Path:
    return (guideline or guideline_dir()) / "releases"


DEFAULT_SITE_URL = "https://nbscheck.github.io/nbscheck/"
"""The address when ``mkdocs.yml`` names none (the repository's GitHub Pages site)."""

_SITE_URL_LINE = re.compile(r"^site_url:\s*['\"]?(?P<url>https?://[^\s'\"#]+)", re.MULTILINE)


@lru_cache(maxsize=None)
def site_url() -> str:
    """The site's address, ending in ``/``: ``site_url`` of ``mkdocs.yml``, else the default.

    Read with a pattern rather than a YAML parser: ``mkdocs.yml`` holds Python tags
    (``!!python/object/apply``) that a safe loader refuses, and only this one line matters."""
    try:
        text = (data_root() / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return DEFAULT_SITE_URL
    m = _SITE_URL_LINE.search(text)
    return m.group("url").rstrip("/") + "/" if m else DEFAULT_SITE_URL
