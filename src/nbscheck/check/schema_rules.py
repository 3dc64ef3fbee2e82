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

CODES: tuple[str, ...] = ("NBS200", "NBS207", "NBS208", "NBS209", "NBS217", "NBS218", "NBS219", "NBS262", "NBS263")
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


_EXPECTED = {"boolean": ("true（是）或 false（否）", "true or false"), "number": ("数字", "a number"),
             "integer": ("整数", "a whole number"), "string": ("文本", "text")}


def unit_args(g: Guideline, expected: str | None, found: Any) -> dict[str, Any]:
    """NBS208's arguments: both units by name, and the closest unit when ``found`` is no unit at all."""
    exp = g.units.get(expected) if expected else None
    args: dict[str, Any] = {"expected": expected or "-", "expected_name": exp.zh if exp else (expected or "无"),
                            "expected_name_en": exp.en if exp else (expected or "none"), "found": found, "found_en": found,
                            "choices": "", "choices_en": ""}
    got = g.units.get(found) if isinstance(found, str) else None
    if got is not None:
        args["found"] = f"{got.zh}（{found}）"
    return args


def _choices(ind: Any) -> dict[str, str]:
    return {"ids": ", ".join(ch.id for ch in ind.choices), "choices": "、".join(f"{ch.id}（{ch.name.zh}）" for ch in ind.choices),
            "choices_en": ", ".join(f"{ch.id} ({ch.name.en})" for ch in ind.choices)}


def _named(word: Any, named: dict[str, Any]) -> dict[str, str]:
    """did_you_mean over codes and their names, answering with the code."""
    if not isinstance(word, str):
        return {"suggest": "", "suggest_en": ""}
    exact = [k for k, t in named.items() if word.strip() in (t.zh, t.en)]
    if len(exact) == 1:
        return {"suggest": f"，是否想写 {exact[0]}？", "suggest_en": f"; did you mean {exact[0]}?", "suggestion": exact[0]}
    return did_you_mean(word, list(named))


def _header_fix(path: list[Any], value: Any) -> tuple[str, str]:
    from .typed import date_fix

    if path in (["period", "start"], ["period", "end"], ["submitted"]):
        return date_fix(value) or ("日期写成 年-月-日，如 2025-01-01", "Write the date year-month-day, as 2025-01-01")
    if path == ["township", "code"] and isinstance(value, (str, int)) and not isinstance(value, bool):
        digits = "".join(ch for ch in str(value) if ch.isdigit())
        if len(digits) == 12:
            return (f"12 位统计用区划代码的前 9 位就是乡级代码：{digits[:9]}",
                    f"The first 9 of the 12 digits of a statistical division code are the township's: {digits[:9]}")
        return ("乡级行政区划代码是 9 位数字，写在引号里，如 \"330212001\"",
                "A township division code is 9 digits, in quotes, as \"330212001\"")
    return ("", "")


def schema_finding(doc: Document, g: Guideline, err) -> Finding | None:
    from ..yaml.schema import describe_value, error_finding
    from .aliases import status_choices, status_suggestion
    from .typed import glued_fix, value_fix

    path = list(err.absolute_path)
    kw = err.validator
    if path == ["answers"] and kw == "additionalProperties":
        return None  # reported per key below, by _unknown_answers
    if path == ["guideline", "id"] and kw == "const":
        return make("NBS217", doc.where(path), path=pointer(path), found=err.instance, expected=g.id)
    if len(path) >= 2 and path[0] == "answers":
        cid = str(path[1])
        c = g.clause(cid)
        pos = doc.where(path)
        ptr = pointer(path)
        if path[2:] == ["status"] and kw in ("enum", "type"):
            zh, en = status_choices(g)
            if err.instance is None or (isinstance(err.instance, str) and not err.instance.strip()):
                return make("NBS263", pos, clause=cid, path=ptr, choices=zh, choices_en=en)
            if isinstance(err.instance, (str, int, float)):
                best = status_suggestion(g, str(err.instance))
                sug = ({"suggest": f"，是否想写 {best}？", "suggest_en": f"; did you mean {best}?", "suggestion": best}
                       if best else {"suggest": "", "suggest_en": ""})
                return make("NBS262", pos, clause=cid, path=ptr, found=err.instance, choices=zh, choices_en=en, **sug)
        if path[2:] == ["value"] and c is not None and c.assessment is not None:
            ind = c.assessment.indicator
            if kw == "type":
                t = "integer" if ind.integer else ("boolean" if ind.type == "boolean" else "string" if ind.type == "text" else "number")
                exp = _EXPECTED[t]
                if ind.type == "percentage":
                    exp = ("0–100 的百分数", "a percentage from 0 to 100")
                fz, fe = describe_value(err.instance)
                fix, fix_en = value_fix(g, ind, err.instance)
                return make("NBS207", pos, clause=cid, path=ptr, expected=exp[0], expected_en=exp[1], found=fz, found_en=fe,
                            fix=fix, fix_en=fix_en)
            if kw in ("minimum", "maximum"):
                lo, hi = ind.bounds()
                rng = f"[{_fmt(lo) if lo is not None else '-∞'}, {_fmt(hi) if hi is not None else '∞'}]"
                return make("NBS209", pos, clause=cid, path=ptr, value=_fmt(err.instance), range=rng)
            if kw == "enum":
                named = {ch.id: ch.name for ch in ind.choices}
                return make("NBS219", pos, clause=cid, path=ptr, value=err.instance, **_choices(ind),
                            **_named(err.instance, named))
        if len(path) == 5 and path[2] == "evidence" and path[4] == "kind" and kw == "enum":
            kinds = {"kinds": "、".join(f"{k.id}（{k.name.zh}）" for k in g.evidence_kinds),
                     "kinds_en": ", ".join(k.id for k in g.evidence_kinds)}
            if err.instance is None or err.instance == "":  # "kind:" left empty: not an unknown kind "None"
                n = path[3] + 1
                return make("NBS200", pos, clause=cid, path=ptr, problem=f"条款 {cid} 的第 {n} 个证据没有填写 kind（证据类型）",
                            problem_en=f"evidence {n} of clause {cid} has no kind",
                            fix=f"可用的证据类型：{kinds['kinds']}", fix_en=f"The evidence kinds: {kinds['kinds_en']}")
            return make("NBS218", pos, clause=cid, path=ptr, ref=err.instance,
                        kinds=kinds["kinds"], kinds_en=kinds["kinds_en"],
                        **_named(err.instance, {k.id: k.name for k in g.evidence_kinds}))
        if path[2:] == ["unit"] and kw == "enum" and c is not None and c.assessment is not None:
            args = unit_args(g, c.assessment.indicator.unit, err.instance)
            sug = _named(err.instance, dict(g.units))
            if sug.get("suggestion"):
                args.update(choices=f"（“{err.instance}”是否指 {sug['suggestion']}？）",
                            choices_en=f" ('{err.instance}': did you mean {sug['suggestion']}?)")
            return make("NBS208", pos, clause=cid, path=ptr, **args)
        f = error_finding(doc, err, "NBS200")
        fix, fix_en = glued_fix(err.instance) if kw == "type" else ("", "")
        return make("NBS200", f.position, clause=cid, path=f.path, fix=fix, fix_en=fix_en, **f.args)
    f = error_finding(doc, err, "NBS200")
    fix, fix_en = _header_fix(path, err.instance)
    return make("NBS200", f.position, path=f.path, fix=fix, fix_en=fix_en, **f.args)
