"""The guideline as immutable objects: Guideline -> Chapter -> Section -> Clause -> Assessment.

This module holds the root, :class:`Guideline`, and its look-ups; the parts live in
:mod:`.text` (Src, Text), :mod:`.clauses` (Clause, Indicator, Chapter, Term ...) and :mod:`.rules`
(Rules, Dimension, Band ...); :mod:`.build` makes them from validated YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator, Mapping

from .clauses import Chapter, Clause, Term
from .rules import Dimension, Framework, Rules
from .text import NOWHERE, Named, Src, Text


@dataclass(frozen=True)
class Guideline:
    id: str
    title: Text
    version: str
    status: str
    released: str | None
    chapters: tuple[Chapter, ...]
    terms: tuple[Term, ...]
    rules: Rules
    units: Mapping[str, Text] = field(default_factory=dict)
    evidence_kinds: tuple[Named, ...] = ()
    frameworks: tuple[Framework, ...] = ()
    short_title: Text | None = None
    publisher: Text | None = None
    drafting_rules: str | None = None
    root: str = ""
    src: Src = NOWHERE
    _index: Mapping[str, Clause] = field(default_factory=dict, compare=False, repr=False)

    @property
    def clauses(self) -> tuple[Clause, ...]:
        return tuple(c for ch in self.chapters for c in ch.clauses)

    def clause(self, clause_id: str) -> Clause | None:
        return self._index.get(clause_id)

    @cached_property
    def assessable(self) -> tuple[Clause, ...]:
        """Computed once: the checker asks for it several times for every file."""
        return tuple(c for c in self.clauses if c.assessment is not None)

    def term(self, term_id: str) -> Term | None:
        return next((t for t in self.terms if t.id == term_id), None)

    def framework(self, fw_id: str) -> Framework | None:
        return next((f for f in self.frameworks if f.id == fw_id), None)

    def evidence_kind(self, kind: str) -> Named | None:
        return next((k for k in self.evidence_kinds if k.id == kind), None)

    def dimension(self, dim_id: str) -> Dimension | None:
        return next((d for d in self.rules.dimensions if d.id == dim_id), None)

    def chapter_of(self, clause: Clause) -> Chapter | None:
        return next((ch for ch in self.chapters if clause in ch.clauses), None)

    def iter_clauses(self) -> Iterator[tuple[Chapter, Clause]]:
        for ch in self.chapters:
            for c in ch.clauses:
                yield ch, c

    @property
    def is_draft(self) -> bool:
        return self.status != "released"
