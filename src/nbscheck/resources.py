"""Where the shipped guideline and schemas live, in a checkout and in an installed wheel.

In a source checkout (and an editable install) they are the repository's own ``guideline/`` and
``schemas/``; a wheel carries copies under ``nbscheck/_data/`` (see ``pyproject.toml``).
"""

from __future__ import annotations

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
