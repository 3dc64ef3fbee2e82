"""Bounds that keep hostile input cheap to refuse, and the findings that say one was passed.

Every road to data (the libyaml builder, the rapidyaml fast road, the byte reader) enforces the
same :class:`Limits`; the findings are made here so each limit has one message whichever road met it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding, Position, make

CODES: tuple[str, ...] = ("NBS010", "NBS011", "NBS012")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile input cheap to refuse. All adjustable from the CLI."""

    max_bytes: int = 20 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 500_000


DEFAULT_LIMITS = Limits()


def too_big(where: Position, size: int, limits: Limits) -> Finding:
    """The file has more bytes than ``--max-bytes``."""
    return make("NBS010", where, size=size, limit=limits.max_bytes)


def too_deep(where: Position, limits: Limits) -> Finding:
    """Collections nest deeper than ``--max-depth``."""
    return make("NBS011", where, limit=limits.max_depth)


def too_many(where: Position, limits: Limits) -> Finding:
    """More values than ``--max-nodes`` (aliases count their whole expansion)."""
    return make("NBS012", where, limit=limits.max_nodes)
