"""The result types of a guideline diff, and the three classes of change.

Kept apart from the code that computes a diff so that reports, ``migrate`` and ``compare`` can use
the results without importing the pairing or the classification.

``breaking``
    An answer written for the old version is invalid under the new one or must change: the checker
    would now report an error, or the answer's key, value or evidence must be edited.
``substantive``
    What a clause requires or how it scores changes, but existing answers stay valid.
``editorial``
    Wording that does not change what is required or scored: the English translation (the Chinese
    text is normative), punctuation, titles, notes, examples, cross-references, framework mapping.

Which change gets which class is the table in :mod:`nbscheck.change.rules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from ..findings import Finding, Position
from ..model.clauses import Clause
from ..model.text import Text
from ..model.types import Guideline
from .worddiff import Op

BREAKING, SUBSTANTIVE, EDITORIAL = "breaking", "substantive", "editorial"
CLASSES = (BREAKING, SUBSTANTIVE, EDITORIAL)
CLASS_NAMES = {BREAKING: ("破坏性", "breaking"), SUBSTANTIVE: ("实质性", "substantive"),
               EDITORIAL: ("编辑性", "editorial")}
CLASS_MEANING = {
    BREAKING: ("按旧版本填写的答复在新版本下无效或必须修改",
               "an answer written for the old version is invalid under the new one or must change"),
    SUBSTANTIVE: ("要求或计分的含义改变，已有答复仍然有效",
                  "what is required or how it scores changes; existing answers stay valid"),
    EDITORIAL: ("措辞改动，不改变要求和计分", "wording only; what is required and scored stays the same"),
}

# What `nbscheck migrate` does about a change, for the reports.
RENAME, ADD, COMMENT, FLAG = "rename", "add", "comment", "flag"
MIGRATE_NAMES = {
    RENAME: ("nbscheck migrate 会改写答复的键", "nbscheck migrate renames the answer"),
    ADD: ("nbscheck migrate 会加入空白答复", "nbscheck migrate adds a blank answer"),
    COMMENT: ("nbscheck migrate 会把原答复改为注释并标出", "nbscheck migrate comments the old answer out and flags it"),
    FLAG: ("nbscheck migrate 会标出答复，需人工核对", "nbscheck migrate flags the answer for a person to check"),
}

_RANK = {BREAKING: 0, SUBSTANTIVE: 1, EDITORIAL: 2}


def worst(classes: Iterable[str]) -> str | None:
    """The most serious of some classes (None for none): a clause's class is its worst change's."""
    found = sorted(classes, key=_RANK.__getitem__)
    return found[0] if found else None


@dataclass(frozen=True)
class ClauseChange:
    """One thing that changed about one clause.

    ``field`` narrows the kind (``zh``/``en`` for text, ``type``/``unit``/``range``/``integer``/
    ``choices``/``name-zh``/``name-en`` for an indicator, ``added``/``removed`` for assessable, the
    1-based index and language for notes: ``2/zh``). ``old`` and ``new`` are plain values (strings,
    numbers, lists) that JSON can hold; ``words`` is the word diff of a text change. ``cls`` is the
    class (``class`` in JSON), ``migrate`` what ``nbscheck migrate`` does about it.
    """

    kind: str
    cls: str
    old_id: str | None
    new_id: str | None
    field: str | None = None
    old: Any = None
    new: Any = None
    words: tuple[Op, ...] = ()
    migrate: str | None = None
    old_pos: Position | None = None
    new_pos: Position | None = None

    @property
    def id(self) -> str:
        return self.new_id or self.old_id or ""


@dataclass(frozen=True)
class ClauseDiff:
    """All changes of one clause (or its removal / addition), in reading order of the new version."""

    old_id: str | None
    new_id: str | None
    old: Clause | None
    new: Clause | None
    chapter: str
    heading: Text
    changes: tuple[ClauseChange, ...]

    @property
    def id(self) -> str:
        return self.new_id or self.old_id or ""

    @property
    def text(self) -> Text:
        c = self.new or self.old
        return c.text if c else Text()

    @property
    def cls(self) -> str | None:
        return worst(c.cls for c in self.changes)


@dataclass(frozen=True)
class GuidelineChange:
    """A change outside the clauses: evidence kinds, units, terms, rating rules, headings."""

    kind: str
    cls: str
    subject: str
    field: str | None = None
    old: Any = None
    new: Any = None
    words: tuple[Op, ...] = ()
    pos: Position | None = None


@dataclass(frozen=True)
class Side:
    """What the reports say about one side of a diff."""

    id: str
    version: str
    status: str
    released: str | None
    label: str

    @classmethod
    def of(cls, g: Guideline, label: str | None = None) -> "Side":
        return cls(g.id, g.version, g.status, g.released, label or g.version)


@dataclass(frozen=True)
class GuidelineDiff:
    """A whole diff: the clauses that changed, the changes outside them, the pairing, the problems."""

    old: Side
    new: Side
    clauses: tuple[ClauseDiff, ...]
    other: tuple[GuidelineChange, ...]
    matches: tuple[tuple[str, str], ...]
    problems: tuple[Finding, ...] = ()

    @property
    def changes(self) -> tuple[ClauseChange, ...]:
        return tuple(c for cd in self.clauses for c in cd.changes)

    def counts(self) -> dict[str, int]:
        out = {k: 0 for k in CLASSES}
        for c in self.changes:
            out[c.cls] += 1
        for o in self.other:
            out[o.cls] += 1
        return out

    @property
    def total(self) -> int:
        return sum(self.counts().values())

    @property
    def breaking(self) -> bool:
        return self.counts()[BREAKING] > 0

    def mapping(self) -> dict[str, str]:
        """Old clause id -> new clause id for every clause present on both sides."""
        return dict(self.matches)

