"""Cross-references to clauses and terms resolve."""

from __future__ import annotations

from ..findings import Finding, make, pointer
from ..model.types import Guideline
from ..suggest import did_you_mean

CODES: tuple[str, ...] = ("NBS104", "NBS105")


def _references(g: Guideline, complete: bool) -> list[Finding]:
    out = []
    ids = {c.id for c in g.clauses} | {s.id for ch in g.chapters for s in ch.sections}
    terms = {t.id for t in g.terms}
    for c in g.clauses:
        if complete:
            for i, ref in enumerate(c.see_clauses):
                if ref not in ids:
                    out.append(make("NBS104", c.src.at("see", "clauses", i), clause=c.id, ref=ref,
                                    path=pointer(c.src.path + ("see", "clauses", i)), **did_you_mean(ref, ids)))
        if terms or complete:
            for i, ref in enumerate(c.see_terms):
                if ref not in terms:
                    out.append(make("NBS105", c.src.at("see", "terms", i), clause=c.id, ref=ref,
                                    **did_you_mean(ref, terms)))
    for t in g.terms:
        for i, ref in enumerate(t.see_terms):
            if ref not in terms:
                out.append(make("NBS105", t.src.at("see", "terms", i), ref=ref, **did_you_mean(ref, terms)))
    return out


def check(g: Guideline, complete: bool = True) -> list[Finding]:
    """The findings of this concern; rules that compare across files run only on a complete guideline."""
    return _references(g, complete)
