"""Building the model from YAML that already passed the JSON Schemas: defaults only, no checks.

Kept apart from the types so the types stay plain data and the one place that knows the YAML
shape is this module.
"""

from __future__ import annotations

from typing import Any

from ..yaml.document import Document
from .clauses import (Assessment, Chapter, Choice, Clause, Grading, Indicator, Level, Reference, Section, Target,
                      Term)
from .rules import Band, Dimension, Framework, Qualification, Rules, Stage, StatusRule
from .text import Named, Src, Text, texts as _texts
from .types import Guideline


def _opt_text(data: Any) -> Text | None:
    return Text.of(data) if data else None


def build_grading(data: Any) -> Grading | None:
    """Levels with a factor and no status take the status the factor implies: all points are met,
    none are not met, anything between is partial."""
    if not isinstance(data, dict):
        return None
    levels = []
    for lv in data.get("levels") or ():
        factor = lv.get("factor")
        status = lv.get("status") or ("met" if factor == 1 else "not_met" if factor == 0 else "partial")
        levels.append(Level(status, factor, lv.get("at_least"), lv.get("at_most"), tuple(lv.get("one_of") or ())))
    return Grading(tuple(levels))


def build_indicator(data: dict[str, Any], src: Src) -> Indicator:
    t = data.get("target") or {}
    return Indicator(
        grading=build_grading(data.get("grading")), baseline=data.get("baseline"),
        counting=_opt_text(data.get("counting")), data_source=_opt_text(data.get("data_source")),
        period=_opt_text(data.get("period")),
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
            stages=tuple(a.get("stages") or ()), src=src.child("assessment"))
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
        qualification=build_qualification(q),
        total_points=data.get("total_points"),
        stages=tuple(Stage(s["id"], Text.of(s.get("name")), s.get("after_years")) for s in data.get("stages") or ()),
        src=src)


def build_qualification(q: dict[str, Any]) -> Qualification:
    na = q.get("max_not_applicable") or {}
    items = {fw: (v.get("default"), dict(v.get("items") or {})) for fw, v in (q.get("min_item_bands") or {}).items()}
    return Qualification(
        q.get("min_overall_percent", 0), q.get("min_dimension_band", ""), bool(q.get("all_shall_met", False)),
        _opt_text(q.get("description")), core_clauses=tuple(str(c) for c in q.get("core_clauses") or ()),
        max_na_default=na.get("default"), max_na=dict(na.get("dimensions") or {}),
        min_dimension_bands=dict(q.get("min_dimension_bands") or {}), min_item_bands=items)


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
