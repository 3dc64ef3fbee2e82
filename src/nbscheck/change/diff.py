"""What changed between two versions of the guideline, clause by clause, and how much it matters.

``diff_guidelines(old, new)`` pairs the clauses of the two versions (:mod:`.pairing`), compares each
pair field by field (:mod:`.classify`), adds the changes outside the clauses (:mod:`.outside`) and
returns a :class:`~.types.GuidelineDiff`: one change per thing that changed, each with a class
(from the table in :mod:`.rules`) saying what it means for townships that already answered the
old version. The words for the reports are in :mod:`.describe`.
"""

from __future__ import annotations

from typing import Sequence

from ..model.clauses import Clause

from ..model.text import Text

from ..model.types import Guideline
from .classify import Compare, added, removed
from .outside import outside
from .pairing import match, unmarked_renumbering
from .types import ClauseDiff, GuidelineDiff, Side


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
            items.append(ClauseDiff(None, n.id, None, n, number, heading, (added(n),)))
            continue
        o = old.clause(o_id)
        assert o is not None
        changes = Compare(o, n, mapping).run()
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
        placed.append(((last, 2, k), ClauseDiff(o.id, None, o, None, number, heading, (removed(o),))))
    placed.sort(key=lambda p: p[0])
    clauses = tuple(cd for _, cd in placed)
    problems += unmarked_renumbering(clauses)
    return GuidelineDiff(Side.of(old, old_label), Side.of(new, new_label), clauses, tuple(outside(old, new)),
                         tuple(mapping.items()), tuple(problems))

