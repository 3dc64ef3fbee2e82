"""Fix hints for what people type into a form: ``85%``, ``是``, ``2025年1月1日``, ``12.5公顷``, ``1,200``.

The schema refuses these (a percentage is a number, a yes/no is true or false, a date is
2025-01-01); the hint says what to write instead, with the reader's own value in it. ``0.85`` on a
percentage is valid but almost always a fraction typed where 85 was meant: a warning (NBS264).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from ..findings import Finding, make, pointer
from ..model.indicators import format_value
from ..model.clauses import Clause, Indicator
from ..model.types import Guideline

CODES: tuple[str, ...] = ("NBS264",)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_PERCENT = re.compile(rf"\s*({_NUMBER})\s*[%％]\s*")
_THOUSANDS = re.compile(r"\s*([+-]?[0-9]{1,3}(?:[,，][0-9]{3})+(?:\.[0-9]+)?)\s*")
_WITH_UNIT = re.compile(rf"\s*({_NUMBER})\s*([^\s0-9.,%％].*?)\s*")
_ABOUT = re.compile(rf"\s*(?:约|大约|近|超过|不少于|不低于|≥|>=|>|~|～)\s*({_NUMBER})\s*(?:[%％]|.*)\s*")
_PLAIN = re.compile(rf"\s*({_NUMBER})\s*")
_DATE = re.compile(r"\s*([0-9]{4})\s*(?:年|/|\.|-)\s*([0-9]{1,2})\s*(?:月|/|\.|-)\s*([0-9]{1,2})\s*日?\s*")
_YES = {"是", "有", "对", "已完成", "完成", "已", "yes", "y", "true", "t", "√", "✓", "1"}
_NO = {"否", "无", "没有", "未完成", "未", "不是", "no", "n", "false", "f", "×", "0"}


def _num(s: str) -> str:
    return format_value(float(s)) if "." in s else str(int(s))


_GLUED = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):([^\s/\\:#].*)")


def glued_fix(v: Any) -> tuple[str, str]:
    """The fix for text where ``key: value`` lines belong, when the text is ``status:met``: the only
    line under a key, written without the space after the colon, reads as one piece of text."""
    m = _GLUED.fullmatch(v.strip()) if isinstance(v, str) else None
    if not m:
        return ("", "")
    return (f"写成“{m[1]}: {m[2]}”：冒号后面要有一个空格，否则整行会被当成一段文字。",
            f"Write '{m[1]}: {m[2]}': without a space after the colon the whole line reads as one piece of text.")


def date_fix(v: Any) -> tuple[str, str] | None:
    """``2025年1月1日`` / ``2025/1/1`` -> write 2025-01-01."""
    if not isinstance(v, str):
        return None
    m = _DATE.fullmatch(v)
    if not m:
        return None
    try:
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return (f"日期写成 {d.isoformat()}（年-月-日，用短横线，月和日写两位）",
            f"Write the date as {d.isoformat()} (year-month-day with hyphens, two-digit month and day)")


def _unit_code(g: Guideline, word: str) -> str | None:
    w = word.strip().casefold()
    for code, t in g.units.items():
        if w in (code.casefold(), t.zh.casefold(), t.en.casefold()):
            return code
    return None


def value_fix(g: Guideline, ind: Indicator, v: Any) -> tuple[str, str]:
    """What to write instead of ``v`` for the value of ``ind``; empty strings when there is no idea."""
    if ind.type == "boolean":
        w = str(v).strip().casefold() if isinstance(v, (str, int)) and not isinstance(v, bool) else None
        if w in _YES:
            return ("“是”写成 true（不加引号）", "For yes write true (without quotes)")
        if w in _NO:
            return ("“否”写成 false（不加引号）", "For no write false (without quotes)")
        return ("是/否题填 true（是）或 false（否），不加引号", "A yes/no question takes true or false, without quotes")
    if ind.type not in ("number", "percentage") or not isinstance(v, str):
        return ("", "")
    typed = v
    v = unicodedata.normalize("NFKC", v)
    if v != typed and _PLAIN.fullmatch(v):
        n = _num(_PLAIN.fullmatch(v)[1])  # type: ignore[index]
        return (f"改用半角数字，不加引号：value: {n}", f"Use ASCII digits, without quotes: value: {n}")
    m = _PERCENT.fullmatch(v)
    if m:
        n = _num(m[1])
        return (f"百分数只写数字：value: {n}（不带 %）", f"A percentage is written as a bare number: value: {n} (no %)")
    m = _THOUSANDS.fullmatch(v)
    if m:
        n = _num(m[1].replace(",", "").replace("，", ""))
        return (f"去掉千位分隔符：value: {n}", f"Leave out the thousands separators: value: {n}")
    m = _PLAIN.fullmatch(v)
    if m:
        n = _num(m[1])
        return (f"数字不加引号：value: {n}", f"Write the number without quotes: value: {n}")
    m = _WITH_UNIT.fullmatch(v)
    if m:
        n = _num(m[1])
        code = _unit_code(g, m[2])
        if code:
            return (f"value 只写数字，单位另起一行：value: {n} 和 unit: {code}（{g.units[code].zh}）",
                    f"The value takes the number alone, the unit goes on its own line: value: {n} and unit: {code}")
        return (f"value 只写数字：value: {n}", f"The value takes the number alone: value: {n}")
    m = _ABOUT.fullmatch(v)
    if m:
        n = _num(m[1])
        return (f"value 只写数字：value: {n}；“约”“超过”之类的说明写在 note 中",
                f"The value takes the number alone: value: {n}; words such as 'about' go in the note")
    return ("value 只写阿拉伯数字，如 60，不加引号、单位或文字", "The value takes digits only, as 60: no quotes, unit or words")


def fraction_warnings(doc: Any, c: Clause, ans: dict[str, Any]) -> list[Finding]:
    """``0.85`` on a percentage: valid, but most likely 85 % written as a fraction."""
    a = c.assessment
    v = ans.get("value")
    if a is None or a.indicator.type != "percentage" or isinstance(v, bool) or not isinstance(v, (int, float)):
        return []
    if not (0 < v < 1):
        return []
    p = ["answers", c.id, "value"]
    return [make("NBS264", doc.where(p), clause=c.id, path=pointer(p), value=format_value(v),
                 percent=format_value(round(v * 100, 6)))]
