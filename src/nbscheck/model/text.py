"""Bilingual text and source handles: the smallest parts every other model object is made of.

:class:`Src` is a handle back to the document and JSON path an object came from, so lint rules and
diffs can point at file:line:column of any part of the guideline without the model storing positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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


def texts(data: Any) -> tuple[Text, ...]:
    return tuple(Text.of(d) for d in data or ())


@dataclass(frozen=True)
class Named:
    """Something declared in guideline.yaml with an id and a bilingual name."""

    id: str
    name: Text
    description: Text | None = None
