"""The parts of a chapter: clauses with their assessment and indicator, sections, references, terms.

Built from YAML that already passed the JSON Schemas (see :mod:`nbscheck.model.build`), so these
types trust shapes and only supply defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .text import NOWHERE, Src, Text


@dataclass(frozen=True)
class Choice:
    id: str
    name: Text


@dataclass(frozen=True)
class Target:
    """What counts as met. Only the keys that apply to the indicator's type are set."""

    at_least: float | None = None
    at_most: float | None = None
    equals: bool | None = None
    one_of: tuple[str, ...] = ()
    min_length: int | None = None

    def is_empty(self) -> bool:
        return self == Target()


@dataclass(frozen=True)
class Level:
    """One step of a grading: a value reaching ``at_least`` / ``at_most`` / ``one_of`` earns ``status``
    and ``factor`` (the share of the clause's points). Either may be omitted; see :class:`Grading`."""

    status: str
    factor: float | None = None  # None: the factor of the status in the guideline's rules
    at_least: float | None = None
    at_most: float | None = None
    one_of: tuple[str, ...] = ()

    def reached(self, value: Any) -> bool:
        if self.one_of:
            return value in self.one_of
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        if self.at_least is not None and value < self.at_least:
            return False
        if self.at_most is not None and value > self.at_most:
            return False
        return True


@dataclass(frozen=True)
class Grading:
    """How an indicator's value maps to a status (and, Singapore-Index style, to graded points).
    Levels are best first; the first one the value reaches applies, and a value that reaches none
    is not met. With a grading the township gives the value and nbscheck derives the status."""

    levels: tuple[Level, ...]

    def grade(self, value: Any) -> Level | None:
        """The level ``value`` reaches, or None (not met); judged only for a usable value."""
        for lv in self.levels:
            if lv.reached(value):
                return lv
        return None


@dataclass(frozen=True)
class Indicator:
    name: Text
    type: str
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    integer: bool = False
    choices: tuple[Choice, ...] = ()
    target: Target = Target()
    grading: Grading | None = None
    baseline: str | None = None  # "change" or "percent_change": the value judged is the change
    counting: Text | None = None  # how it is counted: the denominator, what counts
    data_source: Text | None = None
    period: Text | None = None  # the period the value refers to
    src: Src = NOWHERE

    def bounds(self) -> tuple[float | None, float | None]:
        """The allowed range, percentages being 0-100 unless narrowed."""
        lo, hi = self.min, self.max
        if self.type == "percentage":
            lo = 0 if lo is None else lo
            hi = 100 if hi is None else hi
        return lo, hi


@dataclass(frozen=True)
class Assessment:
    indicator: Indicator
    evidence: tuple[str, ...]
    points: int
    dimension: str
    not_applicable: bool = True
    stages: tuple[str, ...] = ()  # the stages that assess the clause; () means every stage
    src: Src = NOWHERE

    def at_stage(self, stage: str | None) -> bool:
        return stage is None or not self.stages or stage in self.stages


@dataclass(frozen=True)
class Clause:
    id: str
    level: str
    text: Text
    title: Text | None = None
    notes: tuple[Text, ...] = ()
    examples: tuple[Text, ...] = ()
    see_clauses: tuple[str, ...] = ()
    see_terms: tuple[str, ...] = ()
    maps: tuple[tuple[str, tuple[str, ...]], ...] = ()
    previous: str | None = None
    not_assessable: Text | None = None
    assessment: Assessment | None = None
    chapter: str = ""
    section: str | None = None
    src: Src = NOWHERE

    @property
    def assessable(self) -> bool:
        return self.assessment is not None

    def mapped(self, framework: str) -> tuple[str, ...]:
        return dict(self.maps).get(framework, ())

    @property
    def anchor(self) -> str:
        return self.id


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    intro: tuple[Text, ...]
    clauses: tuple[Clause, ...]
    src: Src = NOWHERE


@dataclass(frozen=True)
class Reference:
    id: str
    code: str
    title: Text
    url: str | None = None


@dataclass(frozen=True)
class Chapter:
    file: str
    kind: str
    number: str | None
    title: Text
    annex_type: str | None = None
    intro: tuple[Text, ...] = ()
    references: tuple[Reference, ...] = ()
    includes: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    direct_clauses: tuple[Clause, ...] = ()
    src: Src = NOWHERE

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """All clauses of the chapter in reading order."""
        out = list(self.direct_clauses)
        for s in self.sections:
            out.extend(s.clauses)
        return tuple(out)

    @property
    def slug(self) -> str:
        """URL part of the chapter's page: ``chapter-6``, ``annex-a``, ``foreword``."""
        if self.kind == "chapter":
            return f"chapter-{self.number}"
        if self.kind == "annex":
            return f"annex-{(self.number or '').lower()}"
        return self.kind

    def heading(self, lang: str) -> str:
        """``6 规划与设计``, ``附录A（规范性）…``, ``Annex A (normative) ...``."""
        t = self.title.get(lang)
        if self.kind == "chapter":
            return f"{self.number} {t}"
        if self.kind == "annex":
            kind = {"normative": ("规范性", "normative"), "informative": ("资料性", "informative")}.get(
                self.annex_type or "", ("", ""))
            if lang == "en":
                return f"Annex {self.number} ({kind[1]}) {t}" if kind[1] else f"Annex {self.number} {t}"
            return f"附录{self.number}（{kind[0]}）{t}" if kind[0] else f"附录{self.number} {t}"
        return t


@dataclass(frozen=True)
class Term:
    id: str
    number: str
    term: Text
    definition: Text
    abbreviation: str | None = None
    notes: tuple[Text, ...] = ()
    source: str | None = None
    see_terms: tuple[str, ...] = ()
    src: Src = NOWHERE
