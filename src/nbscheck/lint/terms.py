"""Each term is defined once."""

from __future__ import annotations

from ..findings import Finding, Position, make
from ..model.types import Guideline

CODES: tuple[str, ...] = ("NBS117",)


def _terms(g: Guideline) -> list[Finding]:
    out = []
    ids: dict[str, Position] = {}
    numbers: dict[str, Position] = {}
    for t in g.terms:
        for what, key, value, seen in (("标识", "id", t.id, ids), ("编号", "number", t.number, numbers)):
            pos = t.src.at(key)
            if value in seen:
                out.append(make("NBS117", pos, what=what, what_en=key, ref=value, first=str(seen[value])))
            else:
                seen[value] = pos
    return out


def check(g: Guideline, complete: bool = True) -> list[Finding]:
    """The findings of this concern; rules that compare across files run only on a complete guideline."""
    return _terms(g)
