"""The generated submission schema, its compiled gate, and schema errors mapped to stable codes.

A wrong type is NBS207 however it was found, so findings read the same whether the schema or a
hand-written rule caught them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..findings import Finding, make, pointer
from ..model.guideline import shipped
from ..model.indicators import format_value as _fmt
from ..model.types import Guideline
from ..suggest import did_you_mean
from ..yaml.document import Document
from .gate import compile_gate

CODES: tuple[str, ...] = ("NBS200", "NBS207", "NBS208", "NBS209", "NBS217", "NBS218", "NBS219")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


@lru_cache(maxsize=16)
def schema_for(root: str | None, version: str) -> dict[str, Any]:
    from .submission_schema import submission_schema

    return submission_schema(shipped(version, root))


@lru_cache(maxsize=16)
def validator_for(root: str | None, version: str):
    from ..yaml.patterns import Validator  # ECMA-262 "$": no trailing line break slips through

    return Validator(schema_for(root, version))


@lru_cache(maxsize=16)
def gate_for(root: str | None, version: str):
    """A quick yes/no for the schema (see :func:`compile_gate`); None when it cannot be built."""
    return compile_gate(schema_for(root, version), split="answers")


_EXPECTED = {"boolean": ("true 或 false", "true or false"), "number": ("数字", "a number"),
             "integer": ("整数", "a whole number"), "string": ("文本", "text")}


def schema_finding(doc: Document, g: Guideline, err) -> Finding | None:
    from ..yaml.schema import describe_value, error_finding

    path = list(err.absolute_path)
    kw = err.validator
    if path == ["answers"] and kw == "additionalProperties":
        return None  # reported per key below, by _unknown_answers
    if path == ["guideline", "id"] and kw == "const":
        return make("NBS217", doc.where(path), path=pointer(path), found=err.instance, expected=g.id)
    if len(path) >= 3 and path[0] == "answers":
        cid = str(path[1])
        c = g.clause(cid)
        pos = doc.where(path)
        ptr = pointer(path)
        if path[2:] == ["value"] and c is not None and c.assessment is not None:
            ind = c.assessment.indicator
            if kw == "type":
                t = "integer" if ind.integer else ("boolean" if ind.type == "boolean" else "string" if ind.type == "text" else "number")
                exp = _EXPECTED[t]
                if ind.type == "percentage":
                    exp = ("0–100 的百分数", "a percentage from 0 to 100")
                fz, fe = describe_value(err.instance)
                return make("NBS207", pos, clause=cid, path=ptr, expected=exp[0], expected_en=exp[1], found=fz, found_en=fe)
            if kw in ("minimum", "maximum"):
                lo, hi = ind.bounds()
                rng = f"[{_fmt(lo) if lo is not None else '-∞'}, {_fmt(hi) if hi is not None else '∞'}]"
                return make("NBS209", pos, clause=cid, path=ptr, value=_fmt(err.instance), range=rng)
            if kw == "enum":
                choices = ", ".join(ch.id for ch in ind.choices)
                return make("NBS219", pos, clause=cid, path=ptr, value=err.instance, choices=choices)
        if len(path) == 5 and path[2] == "evidence" and path[4] == "kind" and kw == "enum":
            return make("NBS218", pos, clause=cid, path=ptr, ref=err.instance,
                        **did_you_mean(str(err.instance), [k.id for k in g.evidence_kinds]))
        if path[2:] == ["unit"] and kw == "enum" and c is not None and c.assessment is not None:
            return make("NBS208", pos, clause=cid, path=ptr, expected=c.assessment.indicator.unit or "-", found=err.instance)
        f = error_finding(doc, err, "NBS200")
        return make("NBS200", f.position, clause=cid, path=f.path, **f.args)
    return error_finding(doc, err, "NBS200")
