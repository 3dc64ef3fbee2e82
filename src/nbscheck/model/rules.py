"""The rating rules declared in guideline.yaml: statuses, dimensions, bands, qualification, frameworks.

All data: nothing about scoring is hard-coded in nbscheck, :mod:`nbscheck.score` only reads these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
class Stage:
    """An assessment stage (entry recognition, re-assessment); a submission names the one it is."""

    id: str
    name: Text
    after_years: int | None = None


@dataclass(frozen=True)
class Qualification:
    """The qualification rule. Every field after ``all_shall_met`` is optional and empty for a
    guideline written for the old model, which therefore qualifies exactly as before."""

    min_overall_percent: float
    min_dimension_band: str
    all_shall_met: bool
    description: Text | None = None
    core_clauses: tuple[str, ...] = ()
    max_na_default: float | None = None  # percent of a dimension's points that may be not applicable
    max_na: Mapping[str, float] = field(default_factory=dict)
    min_dimension_bands: Mapping[str, str] = field(default_factory=dict)
    # framework id -> (default band or None, {item id: band})
    min_item_bands: Mapping[str, tuple[str | None, Mapping[str, str]]] = field(default_factory=dict)

    def na_cap(self, dimension: str) -> float | None:
        return self.max_na.get(dimension, self.max_na_default)

    def dimension_band(self, dimension: str) -> str:
        return self.min_dimension_bands.get(dimension, self.min_dimension_band)

    def item_band(self, framework: str, item: str) -> str | None:
        default, items = self.min_item_bands.get(framework, (None, {}))
        return items.get(item, default)


@dataclass(frozen=True)
class Rules:
    """The rating rules, all data: nothing about scoring is hard-coded in nbscheck."""

    statuses: Mapping[str, StatusRule]
    dimensions: tuple[Dimension, ...]
    bands: tuple[Band, ...]
    qualification: Qualification
    total_points: int | None = None
    stages: tuple[Stage, ...] = ()
    src: Src = NOWHERE

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def band_for(self, percent: float) -> Band:
        for b in sorted(self.bands, key=lambda b: -b.min):
            if percent >= b.min - 1e-9:
                return b
        return min(self.bands, key=lambda b: b.min)

    def band(self, band_id: str) -> Band | None:
        return next((b for b in self.bands if b.id == band_id), None)
