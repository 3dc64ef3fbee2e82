"""Where the project's site is published, and where each guideline version's submission schema
lives on it: one address for the schema's ``$id``, the editor line of a blank submission and a
migrated one, the finding-code pages and SARIF, so none of them can disagree.

The one configured place is ``site_url`` in the project's ``mkdocs.yml`` (the file MkDocs builds
the site from; a wheel carries a copy under ``nbscheck/_data/``). Without that file or that line
the address is ``nbscheck.resources.DEFAULT_SITE_URL``, the project's GitHub Pages site.
"""

from __future__ import annotations

from ..resources import site_url
from .types import Guideline

def schema_base() -> str:
    """Where the submission schemas are published: ``<site_url>schemas/``."""
    return site_url() + "schemas/"


def schema_path(g: Guideline) -> str:
    """The schema's path on the site, relative to its root."""
    return f"schemas/submission-{g.id}-{g.version}.schema.json"


def schema_id(g: Guideline) -> str:
    return site_url() + schema_path(g)
