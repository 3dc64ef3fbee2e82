"""JSON Schema validation that speaks the user's language and points at file:line:column.

jsonschema's errors carry the path of the failing value (``error.absolute_path``); we turn that
path into a position through :meth:`nbscheck.yaml.document.Document.where`, and the validator keyword into a
plain sentence in Chinese and English.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from ..findings import Finding, make, pointer
from .document import Document
from ..resources import schemas_dir
from .patterns import Validator, ecma

CODES: tuple[str, ...] = ("NBS100",)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


@lru_cache(maxsize=None)
def _schemas(directory: str) -> dict[str, dict[str, Any]]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(directory).glob("*.schema.json"))}


def registry(extra: Iterable[dict[str, Any]] = ()) -> Registry:
    items = list(_schemas(str(schemas_dir())).values()) + list(extra)
    return Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in items)


@lru_cache(maxsize=None)
def validator(name: str) -> Draft202012Validator:
    """A cached validator for one of the shipped schemas (``chapter.schema.json`` ...)."""
    schema = _schemas(str(schemas_dir()))[name]
    return Validator(schema, registry=registry())


def validate(doc: Document, v: Draft202012Validator, code: str = "NBS100") -> list[Finding]:
    """Every schema error in ``doc`` as a positioned finding, in document order."""
    out = []
    for err in v.iter_errors(doc.data):
        for e in _leaves(err):
            out.append(error_finding(doc, e, code))
    out.sort(key=Finding.sort_key)
    return out


def _leaves(err: ValidationError) -> list[ValidationError]:
    """For oneOf/anyOf, report the branch that got furthest rather than a vague summary."""
    if err.context:
        from jsonschema.exceptions import best_match

        return [best_match(err.context)]
    return [err]


def error_finding(doc: Document, e: ValidationError, code: str) -> Finding:
    path = list(e.absolute_path)
    key = False
    if e.validator == "additionalProperties" and isinstance(e.instance, dict):
        extra = _extra_keys(e)
        if extra:
            path.append(extra[0])
            key = True
    zh, en = describe(e)
    return make(code, doc.where(path, key=key), path=pointer(path), problem=zh, problem_en=en)


def _extra_keys(e: ValidationError) -> list[str]:
    allowed = set(e.schema.get("properties", {}))
    patterns = [ecma(p) for p in e.schema.get("patternProperties", {})]
    return [k for k in e.instance if k not in allowed and not any(p.search(k) for p in patterns)]


_TYPES = {"string": ("文本", "text"), "integer": ("整数", "a whole number"), "number": ("数字", "a number"),
          "boolean": ("true 或 false", "true or false"), "object": ("映射（键: 值）", "a mapping (key: value)"),
          "array": ("列表", "a list"), "null": ("空值", "null")}


def _type_name(t: Any, lang: int) -> str:
    if isinstance(t, list):
        return (" 或 " if lang == 0 else " or ").join(_type_name(x, lang) for x in t)
    return _TYPES.get(t, (str(t), str(t)))[lang]


def describe_value(v: Any) -> tuple[str, str]:
    """What kind of value ``v`` is, in Chinese and English, for "expected X, found Y" messages."""
    if isinstance(v, bool):
        return ("布尔值", "true/false")
    if v is None:
        return ("空值", "null")
    if isinstance(v, int):
        return ("整数", "a whole number")
    if isinstance(v, float):
        return ("数字", "a number")
    if isinstance(v, str):
        return ("文本", "text")
    if isinstance(v, list):
        return ("列表", "a list")
    return ("映射", "a mapping")


def _short(v: Any) -> str:
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= 40 else s[:37] + "..."


def describe(e: ValidationError) -> tuple[str, str]:
    """A sentence for a schema error, in Chinese and English."""
    kw, val, inst = e.validator, e.validator_value, e.instance
    where = "/".join(str(p) for p in e.absolute_path)
    at_zh = f"“{where}”" if where else "顶层"
    at_en = f"'{where}'" if where else "the top level"
    if kw == "required":
        missing = [k for k in val if isinstance(inst, dict) and k not in inst]
        names = "、".join(missing) or str(val)
        return (f"{at_zh}缺少必填项 {names}", f"{at_en} lacks the required key {', '.join(missing) or val}")
    if kw == "additionalProperties":
        extra = _extra_keys(e) if isinstance(inst, dict) else []
        allowed = ", ".join(sorted(e.schema.get("properties", {})))
        return (f"不认识的键 {'、'.join(extra)}（可用的键：{allowed}）",
                f"unknown key {', '.join(extra)} (allowed: {allowed})")
    if kw == "type":
        f = describe_value(inst)
        return (f"{at_zh}应为{_type_name(val, 0)}，实际是{f[0]}", f"{at_en} must be {_type_name(val, 1)}, found {f[1]}")
    if kw == "enum":
        opts = ", ".join(_short(x) for x in val)
        return (f"{at_zh}的值 {_short(inst)} 不在可选范围内：{opts}", f"{at_en} is {_short(inst)}, which is not one of: {opts}")
    if kw == "const":
        return (f"{at_zh}应为 {_short(val)}", f"{at_en} must be {_short(val)}")
    if kw == "pattern":
        return (f"{at_zh}的值 {_short(inst)} 格式不对（应匹配 {val}）", f"{at_en} is {_short(inst)}, which does not match {val}")
    if kw in ("minimum", "exclusiveMinimum"):
        return (f"{at_zh}的值 {inst} 小于下限 {val}", f"{at_en} is {inst}, below the minimum {val}")
    if kw in ("maximum", "exclusiveMaximum"):
        return (f"{at_zh}的值 {inst} 大于上限 {val}", f"{at_en} is {inst}, above the maximum {val}")
    if kw == "minItems":
        return (f"{at_zh}至少应有 {val} 项", f"{at_en} needs at least {val} items")
    if kw == "maxItems":
        return (f"{at_zh}至多 {val} 项", f"{at_en} takes at most {val} items")
    if kw == "minLength":
        return (f"{at_zh}不能为空（至少 {val} 个字符）", f"{at_en} must not be empty (at least {val} characters)")
    if kw == "maxLength":
        return (f"{at_zh}过长（至多 {val} 个字符）", f"{at_en} is too long (at most {val} characters)")
    if kw == "uniqueItems":
        return (f"{at_zh}中有重复项", f"{at_en} has repeated items")
    if kw == "minProperties":
        return (f"{at_zh}不能为空", f"{at_en} must not be empty")
    if kw == "propertyNames":
        return (f"{at_zh}中的键名不合规：{e.message}", f"a key in {at_en} is not allowed: {e.message}")
    return (f"{at_zh}：{e.message}", f"{at_en}: {e.message}")
