"""Every bilingual text of a guideline, with where it sits and what part of the document it is.

The number, term and citation rules read the same texts and need to know more than their words:
whether a text is a requirement (a clause's provision, its assessment) or informative (a note, an
example, the foreword), which clause it belongs to, and the file:line:column of each language's string.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterator

from ..findings import Position
from ..model.clauses import Chapter, Clause
from ..model.types import Guideline
from ..yaml.document import Document

PROVISION = "provision"    # the text of a shall / should / may clause
STATEMENT = "statement"    # the text of a statement clause
ASSESSMENT = "assessment"  # the indicator's name, counting rule, data source and period
INTRO = "intro"            # unnumbered paragraphs at the head of a chapter or section
NOTE = "note"              # notes, examples, a clause's reason for not being assessed
TITLE = "title"            # titles of chapters, sections, clauses and references
TERM = "term"              # a term entry's word
DEFINITION = "definition"  # a term entry's definition
META = "meta"              # guideline.yaml: units, evidence kinds, frameworks, rules

NORMATIVE_ROLES = (PROVISION, ASSESSMENT)
"""The roles whose citations are normative (GB/T 1.1—2020: cited so that the content is required)."""


@dataclass(frozen=True)
class Spot:
    """One bilingual text object ``{zh, en}`` of a guideline file."""

    doc: Document
    path: tuple[str | int, ...]
    zh: str
    en: str
    role: str
    informative_part: bool  # the foreword, the introduction or an informative annex
    clause: Clause | None = None
    chapter: Chapter | None = None

    def at(self, lang: str) -> Position:
        """Where the string of ``lang`` starts (the text object itself when that language is absent)."""
        return self.doc.where(self.path + (lang,))

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    @property
    def normative(self) -> bool:
        return self.role in NORMATIVE_ROLES and not self.informative_part

    @cached_property
    def clause_id(self) -> str | None:
        return self.clause.id if self.clause is not None else None


def _walk(data: Any, path: tuple) -> Iterator[tuple[tuple, dict]]:
    if isinstance(data, dict):
        if data and set(data) <= {"zh", "en"}:
            yield path, data
            return
        for k, v in data.items():
            yield from _walk(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _walk(v, path + (i,))


def _role(path: tuple, clause: Clause | None, in_terms: bool) -> str:
    if in_terms:
        if "definition" in path:
            return DEFINITION
        if "term" in path:
            return TERM
        return NOTE
    if clause is not None:
        rest = path[len(clause.src.path):]
        head = rest[0] if rest else None
        if head == "text":
            return STATEMENT if clause.level == "statement" else PROVISION
        if head == "assessment":
            return ASSESSMENT
        if head == "title":
            return TITLE
        return NOTE
    if "intro" in path:
        return INTRO
    return TITLE


_LAST: list[tuple[Guideline, list[Spot]]] = []  # three rules read the same guideline's texts in a row


def spots(g: Guideline) -> list[Spot]:
    """Every bilingual text of the guideline's files, in file order (made once per guideline)."""
    if _LAST and _LAST[0][0] is g:
        return _LAST[0][1]
    out = _spots(g)
    _LAST[:] = [(g, out)]
    return out


def _spots(g: Guideline) -> list[Spot]:
    out: list[Spot] = []
    clauses = [c for c in g.clauses if c.src.doc is not None]
    seen: set[int] = set()
    chapters = [(ch.src.doc, ch) for ch in g.chapters]
    term_docs = [(t.src.doc, None) for t in g.terms[:1]]
    for doc, ch in [(g.src.doc, None)] + chapters + term_docs:
        if doc is None or id(doc) in seen:
            continue
        seen.add(id(doc))
        meta = doc is g.src.doc
        in_terms = ch is None and not meta
        informative = ch is not None and (ch.kind in ("foreword", "introduction") or ch.annex_type == "informative")
        own = {c.src.path: c for c in clauses if c.src.doc is doc}
        for path, t in _walk(doc.data, ()):
            clause = own.get(path[:4]) or own.get(path[:2])
            role = META if meta else _role(path, clause, in_terms)
            out.append(Spot(doc, path, str(t.get("zh") or ""), str(t.get("en") or ""), role, informative, clause, ch))
    return out
