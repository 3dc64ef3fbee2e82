"""The field-by-field comparison of one old and one new clause: a list of :class:`ClauseChange`.

Each change names its case (``rule("indicator", "range-narrowed")``) and takes its class from the
table in :mod:`.rules`; this module never picks a class itself.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..model.indicators import format_value as _fmt, target_text
from ..model.clauses import Clause, Indicator, Target
from ..model.text import Text
from .rules import rule
from .types import ADD, COMMENT, FLAG, RENAME, ClauseChange
from .worddiff import Op, diff_words, only_punctuation

_ANY = ("any", "any", "any")                  # informative texts: every change is the same case
_NAME = ("name-zh", "name-en", "name-en")     # names of an indicator and its options
_COUNTING = ("counting-zh", "counting-en", "counting-en")  # how an indicator is counted, its source, its period


class Compare:
    """Collects the changes between one old and one new clause (``mapping``: old id -> new id)."""

    def __init__(self, o: Clause, n: Clause, mapping: Mapping[str, str]):
        self.o, self.n, self.mapping = o, n, mapping
        self.out: list[ClauseChange] = []

    def add(self, kind: str, case: str, field: str | None = None, old: Any = None, new: Any = None,
            words: tuple[Op, ...] = (), migrate: str | None = None, at: tuple = ()) -> None:
        self.out.append(ClauseChange(kind, rule(kind, case), self.o.id, self.n.id, field, old, new, words, migrate,
                                     self.o.src.at(*at), self.n.src.at(*at)))

    def text(self, kind: str, old: Text | None, new: Text | None, at: tuple, cases: tuple[str, str, str],
             field_prefix: str = "") -> None:
        """A text in both languages; ``cases`` are the rule cases for Chinese words, punctuation only, English."""
        old, new = old or Text(), new or Text()
        for lang in ("zh", "en"):
            a, b = getattr(old, lang), getattr(new, lang)
            if a == b:
                continue
            words = tuple(diff_words(a, b))
            if lang == "zh":
                case = cases[1] if only_punctuation(words) else cases[0]
            else:
                case = cases[2]
            self.add(kind, case, f"{field_prefix}{lang}", a, b, words, at=at + (lang,))

    def run(self) -> list[ClauseChange]:
        o, n = self.o, self.n
        if o.id != n.id:
            assessed = o.assessable or n.assessable
            self.add("renumbered", "assessed" if assessed else "not-assessed", None, o.id, n.id,
                     migrate=RENAME if o.assessable and n.assessable else None, at=("id",))
        self.text("reworded", o.text, n.text, ("text",), ("zh", "punctuation", "en"))
        if o.title != n.title:
            self.text("title", o.title, n.title, ("title",), _ANY)
        if o.level != n.level:
            to_shall = n.level == "shall" and n.assessable
            self.add("level", "to-shall" if to_shall else "other", None, o.level, n.level,
                     migrate=ADD if to_shall else None, at=("level",))
        self._assessment()
        if o.not_assessable != n.not_assessable and o.not_assessable and n.not_assessable:
            self.text("not_assessable", o.not_assessable, n.not_assessable, ("not_assessable",), _ANY)
        self._texts("notes", o.notes, n.notes)
        self._texts("examples", o.examples, n.examples)
        self._see()
        self._maps()
        return self.out

    def _texts(self, kind: str, old: tuple[Text, ...], new: tuple[Text, ...]) -> None:
        for i in range(max(len(old), len(new))):
            a = old[i] if i < len(old) else None
            b = new[i] if i < len(new) else None
            if a != b:
                self.text(kind, a, b, (kind, i), _ANY, field_prefix=f"{i + 1}/")

    def _see(self) -> None:
        o, n = self.o, self.n
        old = [f"clause:{x}" for x in o.see_clauses] + [f"term:{x}" for x in o.see_terms]
        new = [f"clause:{x}" for x in n.see_clauses] + [f"term:{x}" for x in n.see_terms]
        followed = [f"clause:{self.mapping.get(x, x)}" for x in o.see_clauses] + [f"term:{x}" for x in o.see_terms]
        if old != new and followed != new:  # a reference that only follows a renumbering is no change
            self.add("see", "any", None, old, new, at=("see",))

    def _maps(self) -> None:
        old = {k: list(v) for k, v in self.o.maps}
        new = {k: list(v) for k, v in self.n.maps}
        if old != new:
            self.add("maps", "any", None, old, new, at=("maps",))

    def _assessment(self) -> None:
        o, n = self.o, self.n
        oa, na = o.assessment, n.assessment
        if oa is None and na is None:
            return
        if oa is None:
            self.add("assessable", "added-shall" if n.level == "shall" else "added-other", "added", False, True,
                     migrate=ADD, at=("assessment",))
            return
        if na is None:
            self.add("assessable", "removed", "removed", True, False, migrate=COMMENT, at=("assessment",))
            return
        self._indicator(oa.indicator, na.indicator)
        if oa.indicator.target != na.indicator.target:
            tighter = _tighter(oa.indicator.target, na.indicator.target)
            how = "tightened" if tighter else "relaxed"
            self.add("target", how, how,
                     target_text(oa.indicator), target_text(na.indicator), migrate=FLAG if tighter else None,
                     at=("assessment", "indicator", "target"))
        if oa.evidence != na.evidence:
            gained = [k for k in na.evidence if k not in oa.evidence]
            self.add("evidence", "added" if gained else "dropped", None, list(oa.evidence), list(na.evidence),
                     migrate=FLAG if gained else None, at=("assessment", "evidence"))
        if oa.points != na.points:
            self.add("points", "any", None, oa.points, na.points, at=("assessment", "points"))
        if oa.dimension != na.dimension:
            self.add("dimension", "any", None, oa.dimension, na.dimension, at=("assessment", "dimension"))
        if oa.stages != na.stages:
            self.add("stages", "any", None, list(oa.stages), list(na.stages), at=("assessment", "stages"))
        if oa.not_applicable != na.not_applicable:
            self.add("not_applicable", "allowed" if na.not_applicable else "disallowed", None,
                     oa.not_applicable, na.not_applicable, migrate=None if na.not_applicable else FLAG,
                     at=("assessment", "not_applicable"))

    def _indicator(self, a: Indicator, b: Indicator) -> None:
        at = ("assessment", "indicator")
        self.text("indicator", a.name, b.name, at + ("name",), _NAME, field_prefix="name-")
        if a.type != b.type:
            self.add("indicator", "type", "type", a.type, b.type, migrate=FLAG, at=at + ("type",))
        if a.unit != b.unit:
            self.add("indicator", "unit", "unit", a.unit, b.unit, migrate=FLAG, at=at + ("unit",))
        if a.type == b.type and a.bounds() != b.bounds():
            (lo1, hi1), (lo2, hi2) = a.bounds(), b.bounds()
            narrower = _stricter(lo2, lo1, upper=False) or _stricter(hi2, hi1, upper=True)
            self.add("indicator", "range-narrowed" if narrower else "range-widened", "range", _range(lo1, hi1), _range(lo2, hi2),
                     migrate=FLAG if narrower else None, at=at + ("min",))
        if a.integer != b.integer:
            self.add("indicator", "integer" if b.integer else "not-integer", "integer", a.integer, b.integer,
                     migrate=FLAG if b.integer else None, at=at + ("integer",))
        self._outcome_fields(a, b)
        if a.choices != b.choices:
            old_ids = [c.id for c in a.choices]
            new_ids = [c.id for c in b.choices]
            if old_ids != new_ids:
                gone = [c for c in old_ids if c not in new_ids]
                self.add("indicator", "option-removed" if gone else "options-added", "choices", old_ids, new_ids,
                         migrate=FLAG if gone else None, at=at + ("choices",))
            old_names = {c.id: c.name for c in a.choices}
            for c in b.choices:
                if c.id in old_names and old_names[c.id] != c.name:
                    self.text("indicator", old_names[c.id], c.name, at + ("choices",), _NAME,
                              field_prefix=f"choice-{c.id}-")

    def _outcome_fields(self, a: Indicator, b: Indicator) -> None:
        """Assessment model 2: a grading's thresholds and a baseline decide the status, so any change to
        them is breaking; the counting notes are text, like the indicator's name."""
        from ..model.template_outcomes import grading_text

        at = ("assessment", "indicator")
        if a.grading != b.grading:
            self.add("indicator", "grading", "grading", grading_text(a) if a.grading else None,
                     grading_text(b) if b.grading else None, migrate=FLAG, at=at + ("grading",))
        if a.baseline != b.baseline:
            self.add("indicator", "baseline", "baseline", a.baseline, b.baseline, migrate=FLAG, at=at + ("baseline",))
        for key in ("counting", "data_source", "period"):
            self.text("indicator", getattr(a, key), getattr(b, key), at + (key,), _COUNTING, field_prefix=f"{key}-")


def _stricter(x: float | None, y: float | None, upper: bool) -> bool:
    """Whether bound ``x`` allows less than bound ``y`` (None is no bound)."""
    if x is None:
        return False
    if y is None:
        return True
    return x < y if upper else x > y


def _range(lo: float | None, hi: float | None) -> str:
    return f"[{_fmt(lo) if lo is not None else '-∞'}, {_fmt(hi) if hi is not None else '∞'}]"


def _tighter(a: Target, b: Target) -> bool:
    """Whether a value that met target ``a`` might not meet ``b``."""
    if b.at_least is not None and (a.at_least is None or b.at_least > a.at_least):
        return True
    if b.at_most is not None and (a.at_most is None or b.at_most < a.at_most):
        return True
    if b.equals is not None and a.equals != b.equals:
        return True
    if b.one_of and (not a.one_of or any(x not in b.one_of for x in a.one_of)):
        return True
    if b.min_length is not None and (a.min_length is None or b.min_length > a.min_length):
        return True
    return False



def added(n: Clause) -> ClauseChange:
    """The change of a clause the old version lacks."""
    if n.assessable:
        cls = rule("added", "assessed-shall" if n.level == "shall" else "assessed-other")
        return ClauseChange("added", cls, None, n.id, n.level, None, True, migrate=ADD, new_pos=n.src.pos)
    return ClauseChange("added", rule("added", "not-assessed"), None, n.id, n.level, None, False, new_pos=n.src.pos)


def removed(o: Clause) -> ClauseChange:
    """The change of a clause the new version lacks."""
    if o.assessable:
        return ClauseChange("removed", rule("removed", "assessed"), o.id, None, o.level, True, None, migrate=COMMENT,
                            old_pos=o.src.pos)
    return ClauseChange("removed", rule("removed", "not-assessed"), o.id, None, o.level, False, None,
                        old_pos=o.src.pos)
