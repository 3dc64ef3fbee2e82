"""Every version's submission schema at the address its ``$id`` names (``schemas/submission-ID-VERSION.schema.json``).

``nbscheck init`` writes that address into the editor line of each template, so the site must serve
it for every version the checker carries, not only the current download.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..check.submission_schema import submission_schema
from ..model.addresses import schema_path
from ..model.guideline import load_guideline, versions


def schema_files(base: Path) -> dict[str, str]:
    """Site path -> JSON text, one per version of the guideline folder ``base`` that loads."""
    out = {}
    for path in versions(base).values():
        g = load_guideline(path, validate=False).guideline
        if g is not None:
            out[schema_path(g)] = json.dumps(submission_schema(g), ensure_ascii=False, indent=2) + "\n"
    return out
