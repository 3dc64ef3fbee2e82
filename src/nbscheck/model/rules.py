"""The rating rules declared in guideline.yaml: statuses, dimensions, bands, qualification, frameworks.

All data: nothing about scoring is hard-coded in nbscheck, :mod:`nbscheck.score` only reads these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .text import NOWHERE, Named, Src, Text


@dataclass(frozen=True)
class Framework:
    id: str
    name: Text
    edition: Text | None
    source: str | None
    items: tuple[Named, ...]

    def item(self, item_id: str) -> Named | None:
        return next((i for i in self.items if i.id == item_id), None)


@dataclass(frozen=True)
class StatusRule:
    id: str
    factor: float | None
    name: Text


@dataclass(frozen=True)
class Dimension:
    id: str
    name: Text
    points: int
    description: Text | None = None
    src: Src = NOWHERE


@dataclass(frozen=True)
class Band:
    id: str
    name: Text
    min: float


@dataclass(frozen=True)
class Qualification:
    min_overall_percent: float
    min_dimension_band: str
    all_shall_met: bool
    description: Text | None = None


@dataclass(frozen=True)
class Rules:
    """The rating rules, all data: nothing about scoring is hard-coded in nbscheck."""

    statuses: Mapping[str, StatusRule]
    dimensions: tuple[Dimension, ...]
    bands: tuple[Band, ...]
    qualification: Qualification
    total_points: int | None = None
    src: Src = NOWHERE

    def band_for(self, percent: float) -> Band:
        for b in sorted(self.bands, key=lambda b: -b.min):
            if percent >= b.min - 1e-9:
                return b
        return min(self.bands, key=lambda b: b.min)

    def band(self, band_id: str) -> Band | None:
        return next((b for b in self.bands if b.id == band_id), None)
