"""Where a guideline version's submission schema is published: one address for the schema's ``$id``,
the editor line of a blank submission and a migrated one, so the three never disagree."""

from __future__ import annotations

from .types import Guideline

SCHEMA_BASE = "https://nbscheck.example.org/schemas/"


def schema_id(g: Guideline) -> str:
    return f"{SCHEMA_BASE}submission-{g.id}-{g.version}.schema.json"
