"""Both languages everywhere: every bilingual text has its Chinese and its English."""

from __future__ import annotations

from typing import Any, Iterator

from ..findings import Finding, make, pointer
from ..vocabulary import LANGUAGE
from ..model.types import Guideline
from ..yaml.document import Document

CODES: tuple[str, ...] = ("NBS106",)


def _documents(g: Guideline) -> Iterator[Document]:
    seen: set[int] = set()
    for src in [g.src] + [ch.src for ch in g.chapters] + [t.src for t in g.terms[:1]]:
        if src.doc is not None and id(src.doc) not in seen:
            seen.add(id(src.doc))
            yield src.doc


def _texts(data: Any, path: tuple) -> Iterator[tuple[tuple, dict]]:
    """Every bilingual text object ({zh, en}) in a document's data, with its path."""
    if isinstance(data, dict):
        if data and set(data) <= {"zh", "en"}:
            yield path, data
            return
        for k, v in data.items():
            yield from _texts(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _texts(v, path + (i,))


def _languages(g: Guideline) -> list[Finding]:
    out = []
    for doc in _documents(g):
        for path, t in _texts(doc.data, ()):
            for lang, name in LANGUAGE.items():
                value = t.get(lang)
                if not isinstance(value, str) or not value.strip():
                    where = doc.where(path + (lang,)) if lang in t else doc.where(path)
                    out.append(make("NBS106", where, path=pointer(path), clause=_clause_for(g, doc, path),
                                    lang_zh=name.zh, lang_en=name.en))
    return out


def _clause_for(g: Guideline, doc: Document, path: tuple) -> str | None:
    for c in g.clauses:
        if c.src.doc is doc and path[: len(c.src.path)] == c.src.path:
            return c.id
    return None


def check(g: Guideline, complete: bool = True) -> list[Finding]:
    """The findings of this concern; rules that compare across files run only on a complete guideline."""
    return _languages(g)
