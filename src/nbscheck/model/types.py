"""The guideline as immutable objects: Guideline -> Chapter -> Section -> Clause -> Assessment.

Built from YAML that already passed the JSON Schemas (see :mod:`nbscheck.guideline`), so this module
trusts shapes and only supplies defaults. Every object keeps a :class:`Src`, a handle back to the
document and JSON path it came from, so lint rules and diffs can point at file:line:column of any
part of it without the model storing positions it may never need.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator, Mapping

from ..findings import Position
from ..yaml.document import Document


@dataclass(frozen=True)
class Src:
    """Where an object came from: a loaded document and the JSON path inside it."""

    doc: Document | None = field(compare=False, hash=False, repr=False)
    path: tuple[str | int, ...] = ()

    @property
    def file(self) -> str:
        return self.doc.file if self.doc else ""

    def at(self, *sub: str | int, key: bool = False) -> Position:
        if self.doc is None:
            return Position("", 0, 0)
        return self.doc.where(self.path + sub, key=key)

    @property
    def pos(self) -> Position:
        return self.at()

    def child(self, *sub: str | int) -> "Src":
        return Src(self.doc, self.path + sub)


NOWHERE = Src(None)


@dataclass(frozen=True)
class Text:
    """A bilingual text. ``get`` falls back to the other language rather than show nothing."""

    zh: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        first, second = (self.en, self.zh) if lang == "en" else (self.zh, self.en)
        return first or second

    @classmethod
    def of(cls, data: Any) -> "Text":
        if not isinstance(data, dict):
            return cls()
        return cls(zh=str(data.get("zh") or ""), en=str(data.get("en") or ""))


def _texts(data: Any) -> tuple[Text, ...]:
    return tuple(Text.of(d) for d in data or ())


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
class Indicator:
    name: Text
    type: str
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    integer: bool = False
    choices: tuple[Choice, ...] = ()
    target: Target = Target()
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
    src: Src = NOWHERE


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


@dataclass(frozen=True)
class Named:
    """Something declared in guideline.yaml with an id and a bilingual name."""

    id: str
    name: Text
    description: Text | None = None


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


# --- building from validated data ---------------------------------------------------------------

def build_indicator(data: dict[str, Any], src: Src) -> Indicator:
    t = data.get("target") or {}
    return Indicator(
        name=Text.of(data.get("name")), type=data.get("type", "text"), unit=data.get("unit"),
        min=data.get("min"), max=data.get("max"), integer=bool(data.get("integer", False)),
        choices=tuple(Choice(c["id"], Text.of(c.get("name"))) for c in data.get("choices") or ()),
        target=Target(at_least=t.get("at_least"), at_most=t.get("at_most"), equals=t.get("equals"),
                      one_of=tuple(t.get("one_of") or ()), min_length=t.get("min_length")),
        src=src)


def build_clause(data: dict[str, Any], src: Src, chapter: str, section: str | None) -> Clause:
    a = data.get("assessment")
    assessment = None
    if isinstance(a, dict):
        assessment = Assessment(
            indicator=build_indicator(a.get("indicator") or {}, src.child("assessment", "indicator")),
            evidence=tuple(a.get("evidence") or ()), points=int(a.get("points") or 0),
            dimension=a.get("dimension", ""), not_applicable=bool(a.get("not_applicable", True)),
            src=src.child("assessment"))
    see = data.get("see") or {}
    maps = data.get("maps") or {}
    return Clause(
        id=str(data["id"]), level=data.get("level", "statement"), text=Text.of(data.get("text")),
        title=Text.of(data["title"]) if data.get("title") else None,
        notes=_texts(data.get("notes")), examples=_texts(data.get("examples")),
        see_clauses=tuple(see.get("clauses") or ()), see_terms=tuple(see.get("terms") or ()),
        maps=tuple((k, tuple(str(x) for x in v)) for k, v in maps.items()),
        previous=data.get("previous"),
        not_assessable=Text.of(data["not_assessable"]) if data.get("not_assessable") else None,
        assessment=assessment, chapter=chapter, section=section, src=src)


def build_chapter(doc: Document, file: str) -> Chapter:
    d = doc.data
    number = d.get("number")
    root = Src(doc, ())
    sections = tuple(
        Section(id=str(s["id"]), title=Text.of(s.get("title")), intro=_texts(s.get("intro")),
                clauses=tuple(build_clause(c, root.child("sections", i, "clauses", j), number or "", str(s["id"]))
                              for j, c in enumerate(s.get("clauses") or ())),
                src=root.child("sections", i))
        for i, s in enumerate(d.get("sections") or ()))
    direct = tuple(build_clause(c, root.child("clauses", j), number or "", None)
                   for j, c in enumerate(d.get("clauses") or ()))
    return Chapter(
        file=file, kind=d["kind"], number=number, title=Text.of(d.get("title")), annex_type=d.get("annex_type"),
        intro=_texts(d.get("intro")),
        references=tuple(Reference(r["id"], r["code"], Text.of(r.get("title")), r.get("url"))
                         for r in d.get("references") or ()),
        includes=tuple(d.get("includes") or ()), sections=sections, direct_clauses=direct, src=root)


def build_terms(doc: Document | None) -> tuple[Term, ...]:
    if doc is None:
        return ()
    return tuple(
        Term(id=t["id"], number=str(t["number"]), term=Text.of(t.get("term")), definition=Text.of(t.get("definition")),
             abbreviation=t.get("abbreviation"), notes=_texts(t.get("notes")), source=t.get("source"),
             see_terms=tuple((t.get("see") or {}).get("terms") or ()), src=Src(doc, ("terms", i)))
        for i, t in enumerate(doc.data.get("terms") or ()))


def build_rules(data: dict[str, Any], src: Src) -> Rules:
    q = data.get("qualification") or {}
    return Rules(
        statuses={k: StatusRule(k, v.get("factor"), Text.of(v.get("name"))) for k, v in (data.get("statuses") or {}).items()},
        dimensions=tuple(Dimension(d["id"], Text.of(d.get("name")), int(d.get("points", 0)),
                                   Text.of(d["description"]) if d.get("description") else None,
                                   src.child("dimensions", i))
                         for i, d in enumerate(data.get("dimensions") or ())),
        bands=tuple(Band(b["id"], Text.of(b.get("name")), b["min"]) for b in data.get("bands") or ()),
        qualification=Qualification(q.get("min_overall_percent", 0), q.get("min_dimension_band", ""),
                                    bool(q.get("all_shall_met", False)),
                                    Text.of(q["description"]) if q.get("description") else None),
        total_points=data.get("total_points"), src=src)


def build_guideline(meta: Document, terms: Document | None, chapters: list[tuple[str, Document]], root: str) -> Guideline:
    d = meta.data
    src = Src(meta, ())
    chs = tuple(build_chapter(doc, file) for file, doc in chapters)
    index: dict[str, Clause] = {}
    for ch in chs:
        for c in ch.clauses:
            index.setdefault(c.id, c)
    frameworks = tuple(
        Framework(fid, Text.of(f.get("name")), Text.of(f["edition"]) if f.get("edition") else None, f.get("source"),
                  tuple(Named(str(i["id"]), Text.of(i.get("name"))) for i in f.get("items") or ()))
        for fid, f in (d.get("frameworks") or {}).items())
    return Guideline(
        id=d["id"], title=Text.of(d.get("title")), version=str(d["version"]), status=d.get("status", "draft"),
        released=d.get("released"), chapters=chs, terms=build_terms(terms),
        rules=build_rules(d.get("assessment") or {}, src.child("assessment")),
        units={k: Text.of(v) for k, v in (d.get("units") or {}).items()},
        evidence_kinds=tuple(Named(e["id"], Text.of(e.get("name")),
                                   Text.of(e["description"]) if e.get("description") else None)
                             for e in d.get("evidence_kinds") or ()),
        frameworks=frameworks,
        short_title=Text.of(d["short_title"]) if d.get("short_title") else None,
        publisher=Text.of(d["publisher"]) if d.get("publisher") else None,
        drafting_rules=d.get("drafting_rules"), root=root, src=src, _index=index)
