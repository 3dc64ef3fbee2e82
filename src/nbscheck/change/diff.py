"""What changed between two versions of the guideline, clause by clause, and how much it matters.

``diff_guidelines(old, new)`` pairs the clauses of the two versions, compares each pair field by
field and returns a :class:`GuidelineDiff`: one :class:`ClauseChange` per thing that changed, each
with a class saying what it means for townships that already answered the old version.

Pairing clauses
---------------
A clause that was renumbered records its id in the previous release under ``previous:``; a clause
without ``previous`` keeps the id it had, if that id existed and no other clause claims it. So the
diff follows renumbering instead of showing a removal and an addition. How ``previous`` is read
depends on the two versions:

* new version higher than old: the new side's ``previous`` ids are ids of the old side;
* same version (two drafts of the working version, as in a pull request): both sides' ``previous``
  refer to the same earlier release, so clauses pair when they descend from the same clause there;
* several releases apart: the caller passes the releases in between as ``chain`` and the pairing is
  composed release by release (``previous`` always names the id in the release just before).

Contradictions (``previous`` naming a clause the old side lacks, or two clauses claiming the same
one) and a removed and an added clause with identical text (probably a forgotten ``previous``) are
reported as ``problems``.

Classes
-------
``breaking``
    An answer written for the old version is invalid under the new one or must change: the checker
    would now report an error, or the answer's key, value or evidence must be edited.
``substantive``
    What a clause requires or how it scores changes, but existing answers stay valid.
``editorial``
    Wording that does not change what is required or scored: the English translation (the Chinese
    text is normative), punctuation, titles, notes, examples, cross-references, framework mapping.

The rule for every kind of change, with the reason, is in :data:`RULES` and in ``CONTRIBUTING.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from ..findings import Finding, Position, make
from ..vocabulary import level_zh
from ..model.clauses import Clause, Indicator, Target
from ..model.text import Text
from ..model.types import Guideline
from ..model.indicators import format_value as _fmt
from .worddiff import Op, changed, diff_words, only_punctuation

CODES: tuple[str, ...] = ("NBS304", "NBS305", "NBS306")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

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

# (kind, condition) -> (class, reason): the classification, as data the docs are written from.
RULES: tuple[tuple[str, str, str, str], ...] = (
    ("added", "assessable shall clause", BREAKING, "existing submissions lack a required answer (NBS203)"),
    ("added", "assessable should/may clause", SUBSTANTIVE, "a missing answer scores as not met"),
    ("added", "clause not assessed", SUBSTANTIVE, "a new requirement or statement"),
    ("removed", "assessable clause", BREAKING, "its answer is no longer accepted (NBS201)"),
    ("removed", "clause not assessed", SUBSTANTIVE, "a requirement or statement goes"),
    ("renumbered", "assessable clause", BREAKING, "the answer's key must change (migrate does it)"),
    ("renumbered", "clause not assessed", EDITORIAL, "no answer refers to it"),
    ("reworded", "Chinese text, words change", SUBSTANTIVE, "the Chinese text is the normative one"),
    ("reworded", "Chinese text, punctuation or spaces only", EDITORIAL, "same words, same meaning"),
    ("reworded", "English text", EDITORIAL, "the English text translates the Chinese"),
    ("title", "clause title", EDITORIAL, "titles do not state requirements"),
    ("level", "to shall, assessable clause", BREAKING, "a missing answer becomes an error (NBS203)"),
    ("level", "any other change", SUBSTANTIVE, "the strength of the requirement changes"),
    ("assessable", "clause becomes assessed, shall", BREAKING, "a new required answer"),
    ("assessable", "clause becomes assessed, should/may", SUBSTANTIVE, "a new answer that scores"),
    ("assessable", "clause no longer assessed", BREAKING, "its answer is no longer accepted (NBS202)"),
    ("indicator", "type, unit, or the range narrows, or becomes whole numbers", BREAKING,
     "an existing value may be of the wrong type, unit or range (NBS207-NBS209)"),
    ("indicator", "an option is removed", BREAKING, "an answer may name an option that is gone (NBS219)"),
    ("indicator", "options added, range widens, no longer whole numbers", SUBSTANTIVE, "existing values stay valid"),
    ("indicator", "option names; Chinese name of the indicator", SUBSTANTIVE, "what is measured is described anew"),
    ("indicator", "English name of the indicator or an option", EDITORIAL, "translation only"),
    ("target", "tightened, or changed in kind", BREAKING, "a met answer may now contradict its value (NBS210)"),
    ("target", "relaxed", SUBSTANTIVE, "scores may rise; no answer becomes invalid"),
    ("indicator", "grading added, removed or a threshold changed", BREAKING,
     "a stated status may now disagree with the value (NBS225)"),
    ("indicator", "judged against a baseline, or how", BREAKING, "answers need a baseline (NBS226)"),
    ("indicator", "counting, data source or period, Chinese", SUBSTANTIVE, "what is counted is described anew"),
    ("indicator", "counting, data source or period, English", EDITORIAL, "translation only"),
    ("stages", "the stages that assess a clause", SUBSTANTIVE, "the clause is answered at other stages (NBS229)"),
    ("evidence", "a kind of evidence is added", BREAKING, "met and partial answers lack it (NBS212)"),
    ("evidence", "a kind of evidence is dropped", SUBSTANTIVE, "less is asked; answers stay valid"),
    ("points", "any change", SUBSTANTIVE, "scores change"),
    ("dimension", "any change", SUBSTANTIVE, "scores per dimension change"),
    ("not_applicable", "no longer allowed", BREAKING, "not_applicable answers become errors (NBS205)"),
    ("not_applicable", "now allowed", SUBSTANTIVE, "townships get a new option"),
    ("not_assessable", "reason reworded", EDITORIAL, "explanation only"),
    ("notes", "any change", EDITORIAL, "notes are informative (GB/T 1.1)"),
    ("examples", "any change", EDITORIAL, "examples are informative (GB/T 1.1)"),
    ("see", "cross-references", EDITORIAL, "pointers only"),
    ("maps", "framework mapping", EDITORIAL, "informative mapping to IUCN and GBF"),
    ("guideline-id", "the guideline's id", BREAKING, "every submission names the id (NBS217)"),
    ("evidence-kind", "removed", BREAKING, "answers may list it (NBS218)"),
    ("evidence-kind", "added", SUBSTANTIVE, "a new kind of evidence clauses may ask for"),
    ("evidence-kind", "renamed", EDITORIAL, "same id"),
    ("unit", "removed", BREAKING, "answers may name it (NBS208)"),
    ("unit", "added or renamed", EDITORIAL, "nothing refers to it yet, or same code"),
    ("term", "added, removed, or Chinese term or definition changed", SUBSTANTIVE, "chapter 3 is normative"),
    ("term", "English only", EDITORIAL, "translation only"),
    ("rules", "statuses, dimensions, bands, qualification", SUBSTANTIVE, "scores and the verdict change"),
    ("rules", "assessment stages", BREAKING, "every submission names its stage (NBS228)"),
    ("heading", "chapter or section title", EDITORIAL, "titles do not state requirements"),
)

_RANK = {BREAKING: 0, SUBSTANTIVE: 1, EDITORIAL: 2}


def worst(classes: Iterable[str]) -> str | None:
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


# --- pairing clauses --------------------------------------------------------------------------------

def semver(v: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in str(v).split("."))
    except ValueError:
        return (0,)


def _step(a: Guideline, b: Guideline, report: bool) -> tuple[dict[str, str], list[Finding]]:
    """Pair a release with the next version: ``previous`` in ``b`` names ids of ``a``."""
    problems: list[Finding] = []
    claimed: dict[str, str] = {}
    for n in b.clauses:
        if not n.previous:
            continue
        prev = str(n.previous)
        pos = n.src.at("previous")
        if a.clause(prev) is None:
            if report:
                problems.append(make("NBS304", pos, clause=n.id, id=n.id, previous=prev, version=a.version))
            continue
        if prev in claimed:
            if report:
                problems.append(make("NBS305", pos, clause=n.id, id=n.id, previous=prev, other=claimed[prev]))
            continue
        claimed[prev] = n.id
    taken = set(claimed.values())
    for n in b.clauses:
        if not n.previous and n.id not in claimed and n.id not in taken and a.clause(n.id) is not None:
            claimed[n.id] = n.id
            taken.add(n.id)
    return claimed, problems


def _lineage(g: Guideline) -> dict[str, tuple[str, str]]:
    """Each clause's key in the release both drafts start from: ``("base", id there)`` or ``("new", id)``."""
    claimed = {str(c.previous) for c in g.clauses if c.previous}
    out = {}
    for c in g.clauses:
        if c.previous:
            out[c.id] = ("base", str(c.previous))
        elif c.id in claimed:
            out[c.id] = ("new", c.id)
        else:
            out[c.id] = ("base", c.id)
    return out


def _same_base(a: Guideline, b: Guideline, report: bool) -> tuple[dict[str, str], list[Finding]]:
    """Pair two drafts of the same version through the release they both start from."""
    problems: list[Finding] = []
    by_key: dict[tuple[str, str], str] = {}
    for cid, key in _lineage(a).items():
        by_key.setdefault(key, cid)
    out: dict[str, str] = {}
    seen: dict[tuple[str, str], str] = {}
    lineage_b = _lineage(b)
    for n in b.clauses:
        key = lineage_b[n.id]
        if key in seen:
            if report and n.previous:
                problems.append(make("NBS305", n.src.at("previous"), clause=n.id, id=n.id,
                                     previous=key[1], other=seen[key]))
            continue
        seen[key] = n.id
        old = by_key.get(key)
        if old is not None:
            out[old] = n.id
    # clauses added since the release have no id there to name in previous:; pair them by their text
    lineage_a = _lineage(a)
    taken = set(out.values())
    spare = {}
    for o in a.clauses:
        if o.id not in out and lineage_a[o.id][0] == "new":
            spare.setdefault((o.level, o.text.zh.strip()), o.id)
    for n in b.clauses:
        if n.id not in taken and lineage_b[n.id][0] == "new":
            o_id = spare.pop((n.level, n.text.zh.strip()), None)
            if o_id is not None:
                out[o_id] = n.id
    return out, problems


def _link(a: Guideline, b: Guideline, report: bool) -> tuple[dict[str, str], list[Finding]]:
    va, vb = semver(a.version), semver(b.version)
    if va == vb:
        return _same_base(a, b, report)
    if va < vb:
        return _step(a, b, report)
    back, problems = _step(b, a, False)
    return {o: n for n, o in back.items()}, problems


def match(old: Guideline, new: Guideline, chain: Sequence[Guideline] = ()) -> tuple[dict[str, str], list[Finding]]:
    """Old clause id -> new clause id, composed through ``chain``; problems found on the new side."""
    steps = [old, *chain, new]
    mapping = {c.id: c.id for c in old.clauses}
    problems: list[Finding] = []
    for i, (a, b) in enumerate(zip(steps, steps[1:])):
        link, found = _link(a, b, report=(i == len(steps) - 2))
        problems += found
        mapping = {o: link[m] for o, m in mapping.items() if m in link}
    return mapping, problems


# --- comparing two clauses ------------------------------------------------------------------------

class _Compare:
    """Collects the changes between one old and one new clause."""

    def __init__(self, o: Clause, n: Clause, mapping: Mapping[str, str]):
        self.o, self.n, self.mapping = o, n, mapping
        self.out: list[ClauseChange] = []

    def add(self, kind: str, cls: str, field: str | None = None, old: Any = None, new: Any = None,
            words: tuple[Op, ...] = (), migrate: str | None = None, at: tuple = ()) -> None:
        self.out.append(ClauseChange(kind, cls, self.o.id, self.n.id, field, old, new, words, migrate,
                                     self.o.src.at(*at), self.n.src.at(*at)))

    def text(self, kind: str, old: Text | None, new: Text | None, at: tuple, zh_cls: str = SUBSTANTIVE,
             field_prefix: str = "") -> None:
        old, new = old or Text(), new or Text()
        for lang in ("zh", "en"):
            a, b = getattr(old, lang), getattr(new, lang)
            if a == b:
                continue
            words = tuple(diff_words(a, b))
            if lang == "zh" and not only_punctuation(words):
                cls = zh_cls
            else:
                cls = EDITORIAL
            self.add(kind, cls, f"{field_prefix}{lang}", a, b, words, at=at + (lang,))

    def run(self) -> list[ClauseChange]:
        o, n = self.o, self.n
        if o.id != n.id:
            assessed = o.assessable or n.assessable
            self.add("renumbered", BREAKING if assessed else EDITORIAL, None, o.id, n.id,
                     migrate=RENAME if o.assessable and n.assessable else None, at=("id",))
        self.text("reworded", o.text, n.text, ("text",))
        if o.title != n.title:
            self.text("title", o.title, n.title, ("title",), zh_cls=EDITORIAL)
        if o.level != n.level:
            to_shall = n.level == "shall" and n.assessable
            self.add("level", BREAKING if to_shall else SUBSTANTIVE, None, o.level, n.level,
                     migrate=ADD if to_shall else None, at=("level",))
        self._assessment()
        if o.not_assessable != n.not_assessable and o.not_assessable and n.not_assessable:
            self.text("not_assessable", o.not_assessable, n.not_assessable, ("not_assessable",), zh_cls=EDITORIAL)
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
                self.text(kind, a, b, (kind, i), zh_cls=EDITORIAL, field_prefix=f"{i + 1}/")

    def _see(self) -> None:
        o, n = self.o, self.n
        old = [f"clause:{x}" for x in o.see_clauses] + [f"term:{x}" for x in o.see_terms]
        new = [f"clause:{x}" for x in n.see_clauses] + [f"term:{x}" for x in n.see_terms]
        followed = [f"clause:{self.mapping.get(x, x)}" for x in o.see_clauses] + [f"term:{x}" for x in o.see_terms]
        if old != new and followed != new:  # a reference that only follows a renumbering is no change
            self.add("see", EDITORIAL, None, old, new, at=("see",))

    def _maps(self) -> None:
        old = {k: list(v) for k, v in self.o.maps}
        new = {k: list(v) for k, v in self.n.maps}
        if old != new:
            self.add("maps", EDITORIAL, None, old, new, at=("maps",))

    def _assessment(self) -> None:
        o, n = self.o, self.n
        oa, na = o.assessment, n.assessment
        if oa is None and na is None:
            return
        if oa is None:
            self.add("assessable", BREAKING if n.level == "shall" else SUBSTANTIVE, "added", False, True,
                     migrate=ADD, at=("assessment",))
            return
        if na is None:
            self.add("assessable", BREAKING, "removed", True, False, migrate=COMMENT, at=("assessment",))
            return
        self._indicator(oa.indicator, na.indicator)
        if oa.indicator.target != na.indicator.target:
            tighter = _tighter(oa.indicator.target, na.indicator.target)
            from ..model.indicators import target_text

            self.add("target", BREAKING if tighter else SUBSTANTIVE, "tightened" if tighter else "relaxed",
                     target_text(oa.indicator), target_text(na.indicator), migrate=FLAG if tighter else None,
                     at=("assessment", "indicator", "target"))
        if oa.evidence != na.evidence:
            gained = [k for k in na.evidence if k not in oa.evidence]
            self.add("evidence", BREAKING if gained else SUBSTANTIVE, None, list(oa.evidence), list(na.evidence),
                     migrate=FLAG if gained else None, at=("assessment", "evidence"))
        if oa.points != na.points:
            self.add("points", SUBSTANTIVE, None, oa.points, na.points, at=("assessment", "points"))
        if oa.dimension != na.dimension:
            self.add("dimension", SUBSTANTIVE, None, oa.dimension, na.dimension, at=("assessment", "dimension"))
        if oa.stages != na.stages:
            self.add("stages", SUBSTANTIVE, None, list(oa.stages), list(na.stages), at=("assessment", "stages"))
        if oa.not_applicable != na.not_applicable:
            self.add("not_applicable", SUBSTANTIVE if na.not_applicable else BREAKING, None,
                     oa.not_applicable, na.not_applicable, migrate=None if na.not_applicable else FLAG,
                     at=("assessment", "not_applicable"))

    def _indicator(self, a: Indicator, b: Indicator) -> None:
        at = ("assessment", "indicator")
        self.text("indicator", a.name, b.name, at + ("name",), field_prefix="name-")
        if a.type != b.type:
            self.add("indicator", BREAKING, "type", a.type, b.type, migrate=FLAG, at=at + ("type",))
        if a.unit != b.unit:
            self.add("indicator", BREAKING, "unit", a.unit, b.unit, migrate=FLAG, at=at + ("unit",))
        if a.type == b.type and a.bounds() != b.bounds():
            (lo1, hi1), (lo2, hi2) = a.bounds(), b.bounds()
            narrower = _stricter(lo2, lo1, upper=False) or _stricter(hi2, hi1, upper=True)
            self.add("indicator", BREAKING if narrower else SUBSTANTIVE, "range", _range(lo1, hi1), _range(lo2, hi2),
                     migrate=FLAG if narrower else None, at=at + ("min",))
        if a.integer != b.integer:
            self.add("indicator", BREAKING if b.integer else SUBSTANTIVE, "integer", a.integer, b.integer,
                     migrate=FLAG if b.integer else None, at=at + ("integer",))
        self._model2_indicator(a, b)
        if a.choices != b.choices:
            old_ids = [c.id for c in a.choices]
            new_ids = [c.id for c in b.choices]
            if old_ids != new_ids:
                gone = [c for c in old_ids if c not in new_ids]
                self.add("indicator", BREAKING if gone else SUBSTANTIVE, "choices", old_ids, new_ids,
                         migrate=FLAG if gone else None, at=at + ("choices",))
            old_names = {c.id: c.name for c in a.choices}
            for c in b.choices:
                if c.id in old_names and old_names[c.id] != c.name:
                    self.text("indicator", old_names[c.id], c.name, at + ("choices",),
                              field_prefix=f"choice-{c.id}-")


    def _model2_indicator(self, a: Indicator, b: Indicator) -> None:
        """Assessment model 2: a grading's thresholds and a baseline decide the status, so any change
        to them is breaking; the counting notes are text like the indicator's name."""
        from ..model.template_outcomes import grading_text

        at = ("assessment", "indicator")
        if a.grading != b.grading:
            self.add("indicator", BREAKING, "grading", grading_text(a) if a.grading else None,
                     grading_text(b) if b.grading else None, migrate=FLAG, at=at + ("grading",))
        if a.baseline != b.baseline:
            self.add("indicator", BREAKING, "baseline", a.baseline, b.baseline, migrate=FLAG, at=at + ("baseline",))
        for key in ("counting", "data_source", "period"):
            self.text("indicator", getattr(a, key), getattr(b, key), at + (key,), field_prefix=f"{key}-")



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


# --- the whole guideline -------------------------------------------------------------------------

def _added(n: Clause) -> ClauseChange:
    if n.assessable:
        cls = BREAKING if n.level == "shall" else SUBSTANTIVE
        return ClauseChange("added", cls, None, n.id, n.level, None, True, migrate=ADD, new_pos=n.src.pos)
    return ClauseChange("added", SUBSTANTIVE, None, n.id, n.level, None, False, new_pos=n.src.pos)


def _removed(o: Clause) -> ClauseChange:
    if o.assessable:
        return ClauseChange("removed", BREAKING, o.id, None, o.level, True, None, migrate=COMMENT, old_pos=o.src.pos)
    return ClauseChange("removed", SUBSTANTIVE, o.id, None, o.level, False, None, old_pos=o.src.pos)


def _chapter_heading(g: Guideline, c: Clause) -> tuple[str, Text]:
    ch = g.chapter_of(c)
    if ch is None:
        return c.chapter, Text()
    return ch.number or ch.kind, Text(ch.heading("zh"), ch.heading("en"))


def diff_guidelines(old: Guideline, new: Guideline, chain: Sequence[Guideline] = (), *,
                    old_label: str | None = None, new_label: str | None = None) -> GuidelineDiff:
    """Every change from ``old`` to ``new``; ``chain`` lists the releases in between, oldest first."""
    mapping, problems = match(old, new, chain)
    back = {n: o for o, n in mapping.items()}
    items: list[ClauseDiff] = []
    for n in new.clauses:
        number, heading = _chapter_heading(new, n)
        o_id = back.get(n.id)
        if o_id is None:
            items.append(ClauseDiff(None, n.id, None, n, number, heading, (_added(n),)))
            continue
        o = old.clause(o_id)
        assert o is not None
        changes = _Compare(o, n, mapping).run()
        if changes:
            items.append(ClauseDiff(o.id, n.id, o, n, number, heading, tuple(changes)))
    # removed clauses go after the new position of the nearest earlier old clause that survived
    new_index = {c.id: i for i, c in enumerate(new.clauses)}
    placed: list[tuple[tuple[int, int, int], ClauseDiff]] = [((new_index[cd.new_id], 1, 0), cd) for cd in items]
    last = -1
    for k, o in enumerate(old.clauses):
        if o.id in mapping:
            last = new_index[mapping[o.id]]
            continue
        number, heading = _chapter_heading(old, o)
        same = next((ch for ch in new.chapters if number and ch.number == number), None)
        if same is not None:  # group it under the chapter as it is now called
            heading = Text(same.heading("zh"), same.heading("en"))
        placed.append(((last, 2, k), ClauseDiff(o.id, None, o, None, number, heading, (_removed(o),))))
    placed.sort(key=lambda p: p[0])
    clauses = tuple(cd for _, cd in placed)
    problems += _unmarked_renumbering(clauses)
    return GuidelineDiff(Side.of(old, old_label), Side.of(new, new_label), clauses, tuple(_other(old, new)),
                         tuple(mapping.items()), tuple(problems))


def _unmarked_renumbering(clauses: Sequence[ClauseDiff]) -> list[Finding]:
    """A removed and an added clause with the same text: probably a renumbering without ``previous``."""
    removed = {cd.old.text.zh.strip(): cd.old for cd in clauses if cd.new is None and cd.old is not None}
    out = []
    for cd in clauses:
        if cd.old is None and cd.new is not None and not cd.new.previous:  # a wrong previous is NBS304
            o = removed.get(cd.new.text.zh.strip())
            if o is not None and o.text.zh.strip():
                out.append(make("NBS306", cd.new.src.pos, clause=cd.new.id, old=o.id, new=cd.new.id))
    return out


# --- outside the clauses ---------------------------------------------------------------------------

def _names(t: Text) -> dict[str, str]:
    return {"zh": t.zh, "en": t.en}


def _named_changes(kind: str, old: Mapping[str, Text], new: Mapping[str, Text], removed_cls: str,
                   added_cls: str, pos: Position) -> list[GuidelineChange]:
    out = []
    for k, t in old.items():
        if k not in new:
            out.append(GuidelineChange(kind, removed_cls, k, "removed", _names(t), None, pos=pos))
    for k, t in new.items():
        if k not in old:
            out.append(GuidelineChange(kind, added_cls, k, "added", None, _names(t), pos=pos))
        elif old[k] != t:
            for lang in ("zh", "en"):
                a, b = getattr(old[k], lang), getattr(t, lang)
                if a != b:
                    out.append(GuidelineChange(kind, EDITORIAL, k, f"name-{lang}", a, b, tuple(diff_words(a, b)), pos))
    return out


def _other(old: Guideline, new: Guideline) -> list[GuidelineChange]:
    out: list[GuidelineChange] = []
    if old.id != new.id:
        out.append(GuidelineChange("guideline-id", BREAKING, new.id, None, old.id, new.id, pos=new.src.at("id")))
    out += _named_changes("evidence-kind", {k.id: k.name for k in old.evidence_kinds},
                          {k.id: k.name for k in new.evidence_kinds}, BREAKING, SUBSTANTIVE, new.src.at("evidence_kinds"))
    out += _named_changes("unit", dict(old.units), dict(new.units), BREAKING, EDITORIAL, new.src.at("units"))
    out += _terms(old, new)
    out += _rules(old, new)
    out += _headings(old, new)
    return out


def _terms(old: Guideline, new: Guideline) -> list[GuidelineChange]:
    out = []
    olds = {t.id: t for t in old.terms}
    news = {t.id: t for t in new.terms}
    for tid, t in olds.items():
        if tid not in news:
            out.append(GuidelineChange("term", SUBSTANTIVE, tid, "removed", _names(t.term), None))
    for tid, t in news.items():
        if tid not in olds:
            out.append(GuidelineChange("term", SUBSTANTIVE, tid, "added", None, _names(t.term), pos=t.src.pos))
            continue
        o = olds[tid]
        for part in ("term", "definition"):
            a, b = getattr(o, part), getattr(t, part)
            for lang in ("zh", "en"):
                x, y = getattr(a, lang), getattr(b, lang)
                if x != y:
                    words = tuple(diff_words(x, y))
                    cls = SUBSTANTIVE if lang == "zh" and not only_punctuation(words) else EDITORIAL
                    out.append(GuidelineChange("term", cls, tid, f"{part}-{lang}", x, y, words, t.src.at(part, lang)))
    return out


def _rules(old: Guideline, new: Guideline) -> list[GuidelineChange]:
    out = []
    ro, rn = old.rules, new.rules
    pos = rn.src.pos
    for k in sorted(set(ro.statuses) | set(rn.statuses)):
        a, b = ro.statuses.get(k), rn.statuses.get(k)
        fa, fb = (a.factor if a else None), (b.factor if b else None)
        if fa != fb:
            out.append(GuidelineChange("rules", SUBSTANTIVE, k, "status-factor", fa, fb, pos=pos))
    od = {d.id: d for d in ro.dimensions}
    nd = {d.id: d for d in rn.dimensions}
    for k in list(od) + [k for k in nd if k not in od]:
        a, b = od.get(k), nd.get(k)
        if a is None or b is None:
            out.append(GuidelineChange("rules", SUBSTANTIVE, k, "dimension-added" if a is None else "dimension-removed",
                                       a.points if a else None, b.points if b else None, pos=pos))
        elif a.points != b.points:
            out.append(GuidelineChange("rules", SUBSTANTIVE, k, "dimension-points", a.points, b.points, pos=b.src.pos))
    if ro.total_points != rn.total_points:
        out.append(GuidelineChange("rules", SUBSTANTIVE, "total_points", "total-points", ro.total_points, rn.total_points, pos=pos))
    ob = {b.id: b.min for b in ro.bands}
    nb = {b.id: b.min for b in rn.bands}
    if ob != nb:
        out.append(GuidelineChange("rules", SUBSTANTIVE, "bands", "bands", ob, nb, pos=pos))
    qa, qb = ro.qualification, rn.qualification
    for f in ("min_overall_percent", "min_dimension_band", "all_shall_met", "core_clauses", "max_na_default",
              "max_na", "min_dimension_bands", "min_item_bands"):
        if getattr(qa, f) != getattr(qb, f):
            va, vb = getattr(qa, f), getattr(qb, f)
            va, vb = _rule_value(va), _rule_value(vb)
            out.append(GuidelineChange("rules", SUBSTANTIVE, "qualification", f, va, vb, pos=pos))
    sa, sb = [s.id for s in ro.stages], [s.id for s in rn.stages]
    if sa != sb:  # a submission must name a stage the guideline declares
        out.append(GuidelineChange("rules", BREAKING, "stages", "stages", ", ".join(sa) or None, ", ".join(sb) or None,
                                   pos=pos))
    return out


def _rule_value(v: Any) -> Any:
    """A qualification field as one line: lists joined, mappings as ``key: value`` (a framework's
    minimum bands as ``iucn: adequate, iucn 3: good``); None when empty."""
    if isinstance(v, tuple):
        return ", ".join(map(str, v)) or None
    if isinstance(v, Mapping):
        parts = []
        for k, x in v.items():
            if isinstance(x, tuple):  # min_item_bands: (default, {item: band})
                default, items = x
                parts += ([f"{k}: {default}"] if default else []) + [f"{k} {i}: {b}" for i, b in items.items()]
            else:
                parts.append(f"{k}: {_fmt(x)}")
        return ", ".join(parts) or None
    return v


def _headings(old: Guideline, new: Guideline) -> list[GuidelineChange]:
    out = []
    och = {(ch.number or ch.kind): ch for ch in old.chapters}
    for ch in new.chapters:
        o = och.get(ch.number or ch.kind)
        if o is None:
            continue
        for lang in ("zh", "en"):
            a, b = getattr(o.title, lang), getattr(ch.title, lang)
            if a != b:
                out.append(GuidelineChange("heading", EDITORIAL, ch.number or ch.kind, f"chapter-{lang}", a, b,
                                           tuple(diff_words(a, b)), ch.src.at("title", lang)))
        osec = {s.id: s for s in o.sections}
        for s in ch.sections:
            os_ = osec.get(s.id)
            if os_ is None:
                continue
            for lang in ("zh", "en"):
                a, b = getattr(os_.title, lang), getattr(s.title, lang)
                if a != b:
                    out.append(GuidelineChange("heading", EDITORIAL, s.id, f"section-{lang}", a, b,
                                               tuple(diff_words(a, b)), s.src.at("title", lang)))
    return out


# --- words for the reports ------------------------------------------------------------------------

_KIND = {
    "added": ("新增条款", "clause added"), "removed": ("删除条款", "clause removed"),
    "renumbered": ("改号", "renumbered"), "reworded": ("正文改写", "text reworded"),
    "title": ("标题", "title"), "level": ("要求程度", "level"), "assessable": ("评估", "assessment"),
    "indicator": ("指标", "indicator"), "target": ("目标", "target"), "evidence": ("所需证据", "evidence required"),
    "points": ("分值", "points"), "dimension": ("维度", "dimension"), "not_applicable": ("不适用", "not applicable"),
    "not_assessable": ("不评估的理由", "why not assessed"), "notes": ("注", "note"), "examples": ("示例", "example"),
    "see": ("交叉引用", "cross-references"), "maps": ("框架对照", "framework mapping"),
    "stages": ("评估阶段", "stages"),
}
_LANG = {"zh": ("中文", "Chinese"), "en": ("英文", "English")}


def level_name(level: str, lang: str) -> str:
    return f"“{level_zh(level)}”" if lang == "zh" else level


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _list(items: Sequence[Any]) -> str:
    return ", ".join(str(x) for x in items) if items else "-"


def _delta(old: Sequence[Any], new: Sequence[Any], lang: str) -> str:
    gained = [x for x in new if x not in old]
    lost = [x for x in old if x not in new]
    parts = []
    if gained:
        parts.append(("新增 " if lang == "zh" else "adds ") + _list(gained))
    if lost:
        parts.append(("删除 " if lang == "zh" else "drops ") + _list(lost))
    if not parts:
        parts.append(("顺序调整：" if lang == "zh" else "reordered: ") + _list(new))
    return ("；" if lang == "zh" else "; ").join(parts)


def describe(c: ClauseChange, lang: str) -> str:
    """One line saying what changed, without the word diff (renderers add that)."""
    zh = lang != "en"
    kind = _pick(_KIND.get(c.kind, (c.kind, c.kind)), lang)
    f = c.field or ""
    if c.kind == "added":
        what = level_name(f, lang)
        if zh:
            return f"新增{what}条款" + ("（须评估）" if c.new else "（不评估）")
        return f"new {what} clause" + (" (assessed)" if c.new else " (not assessed)")
    if c.kind == "removed":
        what = level_name(f, lang)
        if zh:
            return f"删除{what}条款" + ("（原须评估）" if c.old else "")
        return f"{what} clause removed" + (" (was assessed)" if c.old else "")
    if c.kind == "renumbered":
        return f"{kind}：{c.old} → {c.new}" if zh else f"{kind}: {c.old} → {c.new}"
    if c.kind in ("reworded", "title", "not_assessable"):
        return f"{kind}（{_LANG[f][0]}）" if zh else f"{kind} ({_LANG[f][1]})"
    if c.kind in ("notes", "examples"):
        index, text_lang = f.split("/")
        if c.old in (None, "") and c.new:
            verb = ("新增", "added")
        elif c.new in (None, "") and c.old:
            verb = ("删除", "removed")
        else:
            verb = ("改写", "reworded")
        return (f"{kind} {index} {verb[0]}（{_LANG[text_lang][0]}）" if zh
                else f"{kind} {index} {verb[1]} ({_LANG[text_lang][1]})")
    if c.kind == "level":
        return f"{kind}：{level_name(c.old, lang)} → {level_name(c.new, lang)}" if zh else \
            f"{kind}: {c.old} → {c.new}"
    if c.kind == "assessable":
        if f == "added":
            return "改为须评估" if zh else "now assessed"
        return "不再评估" if zh else "no longer assessed"
    if c.kind == "indicator":
        if f.startswith("name-"):
            return f"指标名称（{_LANG[f[5:]][0]}）" if zh else f"indicator name ({_LANG[f[5:]][1]})"
        what, _, text_lang = f.rpartition("-")
        if what in _MODEL2_TEXT and text_lang in _LANG:
            return (f"{_MODEL2_TEXT[what][0]}（{_LANG[text_lang][0]}）" if zh
                    else f"{_MODEL2_TEXT[what][1]} ({_LANG[text_lang][1]})")
        if f.startswith("choice-"):
            cid, text_lang = f[7:].rsplit("-", 1)
            return (f"选项 {cid} 的名称（{_LANG[text_lang][0]}）" if zh
                    else f"name of option {cid} ({_LANG[text_lang][1]})")
        names = {"type": ("指标类型", "indicator type"), "unit": ("单位", "unit"),
                 "range": ("取值范围", "allowed range"), "integer": ("须为整数", "whole numbers only"),
                 "choices": ("选项", "options"), "grading": ("按值定状态的分档", "grading"),
                 "baseline": ("相对本底", "against the baseline")}
        label = _pick(names.get(f, (f, f)), lang)
        if f == "choices":
            return f"{label}：{_delta(c.old, c.new, lang)}" if zh else f"{label}: {_delta(c.old, c.new, lang)}"
        none = "无" if zh else "none"
        old, new = _fmt(c.old) if c.old is not None else none, _fmt(c.new) if c.new is not None else none
        if f == "integer":
            yes_no = {True: ("是", "yes"), False: ("否", "no")}
            old, new = _pick(yes_no[bool(c.old)], lang), _pick(yes_no[bool(c.new)], lang)
        return f"{label}：{old} → {new}" if zh else f"{label}: {old} → {new}"
    if c.kind == "target":
        how = {"tightened": ("提高", "tightened"), "relaxed": ("放宽", "relaxed")}[f]
        return (f"{kind}：{c.old} → {c.new}（{how[0]}）" if zh else f"{kind}: {c.old} → {c.new} ({how[1]})")
    if c.kind == "evidence":
        return f"{kind}：{_delta(c.old, c.new, lang)}" if zh else f"{kind}: {_delta(c.old, c.new, lang)}"
    if c.kind == "stages":
        return f"{kind}：{_delta(c.old, c.new, lang)}" if zh else f"{kind}: {_delta(c.old, c.new, lang)}"
    if c.kind in ("points", "dimension"):
        return f"{kind}：{c.old} → {c.new}" if zh else f"{kind}: {c.old} → {c.new}"
    if c.kind == "not_applicable":
        if c.new:
            return "现在允许答“不适用”" if zh else "not_applicable now allowed"
        return "不再允许答“不适用”" if zh else "not_applicable no longer allowed"
    if c.kind == "see":
        return f"{kind}：{_delta(c.old, c.new, lang)}" if zh else f"{kind}: {_delta(c.old, c.new, lang)}"
    if c.kind == "maps":
        parts = []
        for fw in sorted(set(c.old) | set(c.new)):
            a, b = c.old.get(fw, []), c.new.get(fw, [])
            if a != b:
                parts.append(f"{fw} {_delta(a, b, lang)}")
        sep = "；" if zh else "; "
        return f"{kind}：{sep.join(parts)}" if zh else f"{kind}: {sep.join(parts)}"
    return kind


_MODEL2_TEXT = {"counting": ("计数方法", "counting"), "data_source": ("数据来源", "data source"),
                "period": ("数据时段", "period")}

_OTHER_KIND = {"guideline-id": ("指南标识", "guideline id"), "evidence-kind": ("证据类型", "evidence kind"),
               "unit": ("单位", "unit"), "term": ("术语", "term"), "rules": ("评分规则", "rating rules"),
               "heading": ("标题", "heading")}
_OTHER_FIELD = {
    "added": ("新增", "added"), "removed": ("删除", "removed"), "name-zh": ("名称（中文）", "name (Chinese)"),
    "name-en": ("名称（英文）", "name (English)"), "term-zh": ("术语（中文）", "term (Chinese)"),
    "term-en": ("术语（英文）", "term (English)"), "definition-zh": ("定义（中文）", "definition (Chinese)"),
    "definition-en": ("定义（英文）", "definition (English)"), "status-factor": ("状态得分比例", "status factor"),
    "dimension-added": ("新增维度", "dimension added"), "dimension-removed": ("删除维度", "dimension removed"),
    "dimension-points": ("维度分值", "dimension points"), "total-points": ("总分", "total points"),
    "bands": ("评级档次", "bands"), "min_overall_percent": ("认定所需总得分率", "overall score required"),
    "min_dimension_band": ("认定所需维度档次", "dimension band required"),
    "all_shall_met": ("认定须全部“应”条款符合", "all shall clauses must be met"),
    "core_clauses": ("核心条款", "core clauses"), "max_na_default": ("“不适用”上限", "not-applicable cap"),
    "max_na": ("各维度“不适用”上限", "not-applicable cap per dimension"),
    "min_dimension_bands": ("各维度最低档次", "minimum band per dimension"),
    "min_item_bands": ("框架条目最低档次", "minimum band per framework item"), "stages": ("评估阶段", "stages"),
    "chapter-zh": ("章标题（中文）", "chapter title (Chinese)"), "chapter-en": ("章标题（英文）", "chapter title (English)"),
    "section-zh": ("节标题（中文）", "section title (Chinese)"), "section-en": ("节标题（英文）", "section title (English)"),
}


def describe_other(o: GuidelineChange, lang: str) -> str:
    zh = lang != "en"
    kind = _pick(_OTHER_KIND.get(o.kind, (o.kind, o.kind)), lang)
    field_name = _pick(_OTHER_FIELD.get(o.field or "", (o.field or "", o.field or "")), lang)
    sep = "：" if zh else ": "
    head = f"{kind} {o.subject}" if o.kind != "guideline-id" else kind
    if o.words:
        return f"{head}{sep}{field_name}"
    if o.field in ("added", "removed"):
        names = (o.new if o.field == "added" else o.old) or {}
        shown = names.get("en" if not zh else "zh") or names.get("zh") or ""
        return f"{head}{sep}{field_name}" + (f"（{shown}）" if zh and shown else f" ({shown})" if shown else "")

    def show(v: Any) -> str:
        if v is None:
            return "-"
        if isinstance(v, dict):
            return ", ".join(f"{k} ≥ {_fmt(x)}" for k, x in v.items())
        return _fmt(v)

    if o.kind == "guideline-id":
        return f"{head}{sep}{o.old} → {o.new}"
    return f"{head}{sep}{field_name} {show(o.old)} → {show(o.new)}"


def class_name(cls: str, lang: str) -> str:
    return _pick(CLASS_NAMES[cls], lang)


def migrate_note(action: str | None, lang: str) -> str:
    return _pick(MIGRATE_NAMES[action], lang) if action else ""


def side_text(s: Side, lang: str) -> str:
    """``mini 1.0.0（已发布，2025-01-01）`` / ``mini 1.1.0 (draft)``, with the label when it adds something."""
    zh = lang != "en"
    if s.status == "released":
        state = f"已发布，{s.released}" if zh else f"released {s.released}"
    else:
        state = "草案" if zh else "draft"
    label = f" {s.label}" if s.label and s.label not in (s.version, f"v{s.version}") else ""
    return f"{s.id} {s.version}（{state}）{label}" if zh else f"{s.id} {s.version} ({state}){label}"


__all__ = ["BREAKING", "SUBSTANTIVE", "EDITORIAL", "CLASSES", "RULES", "ClauseChange", "ClauseDiff",
           "GuidelineChange", "GuidelineDiff", "Side", "diff_guidelines", "match", "describe", "describe_other",
           "class_name", "migrate_note", "side_text", "semver", "worst", "changed"]
