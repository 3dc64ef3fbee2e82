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
from ..suggest import closest
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
          "boolean": ("true（是）或 false（否）", "true or false"),
          "object": ("一组“键: 值”", "a group of 'key: value' lines"),
          "array": ("列表（每项以“- ”开头）", "a list (each item starting with '- ')"), "null": ("空白", "empty")}

# What each pattern of the shipped schemas asks for, in words: a message never shows the pattern.
_PATTERNS = {
    "^[0-9]{9}$": ("9 位数字", "9 digits"),
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": ("“年-月-日”格式的日期，如 2025-01-01", "a date written year-month-day, as 2025-01-01"),
    "^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$": ("三段数字的版本号，如 1.0.0", "a version of three numbers, as 1.0.0"),
    "^[0-9a-fA-F]{64}$": ("64 位十六进制的 SHA-256 校验值", "a SHA-256 checksum of 64 hexadecimal digits"),
    "^([1-9][0-9]*|[A-Z])$": ("章的编号（数字或附录字母）", "a chapter number (a number or an annex letter)"),
    "^([1-9][0-9]*|[A-Z])(\\.[1-9][0-9]*){1,3}$": ("以点分隔的条款编号，如 5.1.2", "a clause number with dots, as 5.1.2"),
    "^[0-9A-Za-z.-]+$": ("字母、数字、点或连字符", "letters, digits, dots or hyphens"),
    "^[A-Za-z0-9_.-]+\\.yaml$": ("以 .yaml 结尾的文件名", "a file name ending in .yaml"),
    "^[a-z0-9][a-z0-9-]*$": ("小写字母、数字和连字符", "lower-case letters, digits and hyphens"),
}


def _type_name(t: Any, lang: int) -> str:
    if isinstance(t, list):
        names = [_type_name(x, lang) for x in t if x != "null"] or [_type_name("null", lang)]
        return (" 或 " if lang == 0 else " or ").join(names)
    return _TYPES.get(t, (str(t), str(t)))[lang]


def describe_value(v: Any) -> tuple[str, str]:
    """What kind of value ``v`` is, in Chinese and English, for "expected X, found Y" messages."""
    if isinstance(v, bool):
        return ("true/false", "true/false")
    if v is None:
        return ("空白（未填写）", "nothing (left empty)")
    if isinstance(v, int):
        return ("整数", "a whole number")
    if isinstance(v, float):
        return ("数字", "a number")
    if isinstance(v, str):
        return ("文本", "text")
    if isinstance(v, list):
        return ("列表", "a list")
    return ("一组“键: 值”", "a group of 'key: value' lines")


def _short(v: Any) -> str:
    if v is None:
        return "空白"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        s = "“" + v + "”"
    else:
        s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= 40 else s[:37] + "..."


def _options(val: Any) -> str:
    return ", ".join(_short(x) for x in val if x is not None)


def _what(e: ValidationError) -> tuple[str, str]:
    """The schema's own name for what belongs here (its description, Chinese / English), if any."""
    d = e.schema.get("description") or e.schema.get("title") or ""
    if not isinstance(d, str) or not d:
        return ("", "")
    zh, _, en = d.partition(" / ")
    return (zh.strip(), (en or zh).strip())


def _pattern_words(e: ValidationError) -> tuple[str, str]:
    known = _PATTERNS.get(str(e.validator_value))
    what = _what(e)
    if known and what[0]:
        return (f"{what[0]}（{known[0]}）", f"{what[1]} ({known[1]})")
    return known or what if (known or what[0]) else ("规定的格式", "the expected form")


def describe(e: ValidationError) -> tuple[str, str]:
    """A sentence for a schema error, in Chinese and English, in words a non-programmer reads:
    no pattern, no JSON path, no "null" or "mapping"."""
    from .pathwords import CHINESE_KEYS, path_words

    kw, val, inst = e.validator, e.validator_value, e.instance
    at_zh, at_en = path_words(list(e.absolute_path))
    if at_zh[-1].isascii():
        at_zh += " "
    if kw == "required":
        missing = [k for k in val if isinstance(inst, dict) and k not in inst] or list(val)
        return (f"{at_zh}缺少必填项 {'、'.join(missing)}", f"{at_en} lacks the required key {', '.join(missing)}")
    if kw == "additionalProperties":
        extra = _extra_keys(e) if isinstance(inst, dict) else []
        allowed = ", ".join(sorted(e.schema.get("properties", {})))
        props = e.schema.get("properties", {})
        near = (CHINESE_KEYS.get(extra[0].strip()) or closest(extra[0], props)) if extra else None
        near = near if near in props else None
        sz, se = (f"，是否想写 {near}？", f"; did you mean {near}?") if near else ("", "")
        return (f"不认识的项 {'、'.join(extra)}{sz}（此处可写的项：{allowed}）",
                f"unknown key {', '.join(extra)}{se} (what may be written here: {allowed})")
    if kw == "type":
        if inst is None:
            return (f"{at_zh}尚未填写（应为{_type_name(val, 0)}）", f"{at_en} is not filled in (expected {_type_name(val, 1)})")
        f = describe_value(inst)
        return (f"{at_zh}应为{_type_name(val, 0)}，实际是{f[0]}", f"{at_en} must be {_type_name(val, 1)}, found {f[1]}")
    if kw == "enum":
        if inst is None:
            return (f"{at_zh}尚未填写；可选：{_options(val)}", f"{at_en} is not filled in; one of: {_options(val)}")
        return (f"{at_zh}写的是 {_short(inst)}，不在可选范围内：{_options(val)}",
                f"{at_en} is {_short(inst)}, which is not one of: {_options(val)}")
    if kw == "const":
        return (f"{at_zh}应为 {_short(val)}", f"{at_en} must be {_short(val)}")
    if kw == "pattern":
        wz, we = _pattern_words(e)
        if inst == "":
            return (f"{at_zh}尚未填写（应为{wz}）", f"{at_en} is not filled in (expected {we})")
        return (f"{at_zh}写的是 {_short(inst)}，应为{wz}", f"{at_en} is {_short(inst)}; expected {we}")
    if kw in ("minimum", "exclusiveMinimum"):
        return (f"{at_zh}的值 {inst} 小于下限 {val}", f"{at_en} is {inst}, below the minimum {val}")
    if kw in ("maximum", "exclusiveMaximum"):
        return (f"{at_zh}的值 {inst} 大于上限 {val}", f"{at_en} is {inst}, above the maximum {val}")
    if kw == "minItems":
        return (f"{at_zh}至少应有 {val} 项", f"{at_en} needs at least {val} items")
    if kw == "maxItems":
        return (f"{at_zh}至多 {val} 项", f"{at_en} takes at most {val} items")
    if kw == "minLength":
        if inst == "":
            return (f"{at_zh}尚未填写", f"{at_en} is not filled in")
        return (f"{at_zh}太短（至少 {val} 个字）", f"{at_en} is too short (at least {val} characters)")
    if kw == "maxLength":
        return (f"{at_zh}过长（至多 {val} 个字）", f"{at_en} is too long (at most {val} characters)")
    if kw == "uniqueItems":
        return (f"{at_zh}中有重复项", f"{at_en} has repeated items")
    if kw == "minProperties":
        return (f"{at_zh}不能为空", f"{at_en} must not be empty")
    if kw == "propertyNames":
        return (f"{at_zh}中有不允许的项名 {_short(inst)}", f"{at_en} has a key that is not allowed")
    return (f"{at_zh}的写法不对", f"{at_en} is not written as expected")
