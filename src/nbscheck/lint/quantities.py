"""The numbers a text states, read the way a translator compares them.

A number is a quantity (``10 %``, ``200 m``, ``5年``, ``1∶10 000``), a year or month, or a pointer to a
clause (``5.1.2``). What is not a number here: the codes of standards (``GB/T 1.1—2020``, ``HJ 710.1``),
chemical names (CO2), DOIs and web addresses, and the ``a)`` / ``1)`` that number a list.

Numbers written in digits are the ones a rule reports; number words (``five``, ``third``, ``December``)
and Chinese numerals (三, 十, 两) only answer for them, because they are too often part of other
words (一般, 两栖, "one of") to be reported themselves. One is never reported: "a", "once", "single"
and 一 answer for it in too many ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# the codes of standards and documents, with an optional year: GB 3838—2002, GB/T 1.1, HJ 710.1, DB3308/T 169
STANDARD = re.compile(
    r"(?<![A-Za-z])(?P<base>(?:GB(?:/[TZ])?|HJ(?:/T)?|LY/T|NY/T|SL(?:/T)?|CJJ(?:/T)?|CJ/T|DB\d{2,4}(?:/T)?"
    r"|T/[A-Z]{2,10}|ISO|IEC)\s?\d+(?:\.\d+)?)(?:\s?[—–‒-]\s?(?P<year>(?:19|20)\d{2})(?!\d)|:(?P<isoyear>(?:19|20)\d{2}))?")
_MASKS = [
    STANDARD,
    re.compile(r"CBD/COP/DEC/\d+/\d+|CBD Technical Series No\.\s?\d+"),
    re.compile(r"(?:https?://|doi:\s?|10\.\d{4,}/)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+"),
    re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]?\d+(?:\.\d+)?[a-z]?(?![0-9])"),  # CO2, PM2.5, BOD5, N2O (letters then digits)
    re.compile(r"(?<![A-Za-z])[A-Z]\.\d+(?:\.\d+)*"),                         # table and annex items: A.1, B.2.3
    # list numbering: a) 1) at the start of an item, （2） anywhere; not the "4)" that closes "(out of 4)"
    re.compile(r"(?:^|(?<=[；;：:。，,])|(?<=[；;：:。，,]\s))(?:\d{1,2}|[a-z])[)）](?=\s?\S)|[（(]\d{1,2}[)）](?=\s?\S)"),
]
_NUMBER = re.compile(r"(?<![0-9.])(\d{1,3}(?:(?:,| |\u2009|\u202f)\d{3})+(?![0-9])|\d+(?:\.\d+)*)(?![0-9])")
_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_CN_NUMERAL = re.compile(r"[〇零一二两三四五六七八九十百千万亿]+")
_EN_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fifteenth": 15, "twentieth": 20,
    "once": 1, "twice": 2, "thrice": 3, "half": 0.5, "double": 2, "single": 1, "dozen": 12, "quarter": 0.25,
    "january": 1, "february": 2, "march": 3, "april": 4, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "biennial": 2, "annual": 1,
}
_EN_WORD = re.compile(r"[A-Za-z]+")
_MULTIPLIER = re.compile(r"\s?([万亿]|thousand\b|million\b)")


@dataclass(frozen=True)
class Number:
    """A number in digits as written, the values it may stand for, and whether it points at a clause."""

    written: str
    values: frozenset[float]
    start: int
    end: int
    reference: bool = False  # 5.1.2, 3.26: a clause, section or term number, not a quantity

    @property
    def value(self) -> float:
        return min(self.values, key=lambda v: (v != _plain(self.written), v))


def _plain(written: str) -> float:
    try:
        return float(re.sub(r"[, \u2009\u202f]", "", written))
    except ValueError:
        return float("nan")


def _mask(text: str) -> str:
    """The text with every non-number replaced by spaces of the same length (positions stay put)."""
    for rx in _MASKS:
        text = rx.sub(lambda m: " " * len(m.group(0)), text)
    return text


@lru_cache(maxsize=4096)  # a rule asks about each text several times, once per language it compares
def digits(text: str, references: frozenset[str] = frozenset()) -> tuple[Number, ...]:
    """Every number written in digits. ``references`` are the ids (``5.1``, ``3.26``) that a lone
    dotted number is taken to point at; a number with two dots or more always points at a clause."""
    masked = _mask(text)
    out = []
    for m in _NUMBER.finditer(masked):
        written = m.group(1)
        if written.count(".") >= 2 or ("." in written and written in references and not _unit_follows(masked, m.end())):
            out.append(Number(written, frozenset(), m.start(1), m.end(1), reference=True))
            continue
        v = _plain(written)
        values = {v}
        mult = _MULTIPLIER.match(masked, m.end())
        if mult:
            word = mult.group(1)
            values.add(v * {"万": 10_000, "亿": 100_000_000, "thousand": 1000, "million": 1_000_000}[word])
        out.append(Number(written, frozenset(values), m.start(1), m.end(1)))
    return tuple(out)


def _unit_follows(text: str, end: int) -> bool:
    return bool(re.match(r"\s?(?:%|％|(?:m|km|cm|mm|hm|ha|t|kg|g)(?![A-Za-z])|℃|°|米|千米|公顷|吨|元|万|倍|年|个|种|处)", text[end:]))


def _cn_value(run: str) -> list[float]:
    """Values a run of Chinese numerals may stand for: 二十五 25, 三 3, 一万 10000, 百 100 (as in 百分之)."""
    total, section, digit, any_digit = 0, 0, 0, False
    for ch in run:
        if ch in _CN_DIGITS:
            digit, any_digit = _CN_DIGITS[ch], True
        elif ch in _CN_UNITS:
            section += (digit or 1) * _CN_UNITS[ch]
            digit = 0
        else:
            total += (section + digit or 1) * _CN_BIG[ch]
            section = digit = 0
    value = total + section + digit
    out = [float(value)]
    if not any_digit and len(run) > 1:  # 千万 is not a number; its parts are
        out = [float(_CN_UNITS.get(c) or _CN_BIG[c]) for c in run]
    if all(c in _CN_DIGITS for c in run) and len(run) > 1:  # 二〇二二: written digit by digit
        out.append(float("".join(str(_CN_DIGITS[c]) for c in run)))
    return out


@lru_cache(maxsize=4096)
def words(text: str) -> frozenset[float]:
    """The values of number words and Chinese numerals (they answer for digits, never reported)."""
    out: set[float] = set()
    for m in _CN_NUMERAL.finditer(text):
        out.update(_cn_value(m.group(0)))
    tokens = [t.lower() for t in _EN_WORD.findall(text)]
    run: list[float] = []
    for t in tokens + [""]:
        v = _EN_WORDS.get(t)
        if v is not None:
            out.add(float(v))
            run.append(float(v))
            continue
        if len(run) > 1:  # twenty five, three hundred, fifty thousand
            total = 0.0
            for x in run:
                total = total * x if x >= 100 and total else total + x
            out.add(total)
        run = []
    if re.search(r"\d May\b|\bMay \d", text):  # the month, not the modal verb
        out.add(5.0)
    for m in re.finditer(r"\b(\d+)-(?:fold|year|day|month)", text):
        out.add(float(m.group(1)))
    return frozenset(out)


def values(text: str, references: frozenset[str] = frozenset()) -> set[float]:
    """Every value the text states, in digits or words (what can answer for a number elsewhere)."""
    out = set(words(text))
    for n in digits(text, references):
        out |= n.values
    return out


def pointers(text: str, references: frozenset[str] = frozenset()) -> set[str]:
    """The clause, section and term numbers the text points at (``5.1.2``, ``3.26``)."""
    return {n.written for n in digits(text, references) if n.reference}


def quantities_with_unit(text: str, units: tuple[str, ...], references: frozenset[str] = frozenset()) -> list[Number]:
    """The numbers followed by one of ``units`` (``10 %``, ``3 hm²``, ``5处``), ranges included."""
    masked = _mask(text)
    nums = [n for n in digits(text, references) if not n.reference]
    out = []
    for i, n in enumerate(nums):
        j = i
        # a range gives its unit once, at the end: 3～5 hm², 1年～2年, 20%–30%
        while True:
            tail = masked[nums[j].end:]
            if any(re.match(r"\s?" + re.escape(u) + (r"(?![A-Za-z])" if u[-1:].isascii() and u[-1:].isalpha() else ""), tail)
                   for u in units if u):
                out.append(n)
                break
            if j + 1 < len(nums) and re.fullmatch(r"\s?(?:～|~|–|—|-|至|到|to)\s?", masked[nums[j].end:nums[j + 1].start]):
                j += 1
                continue
            break
    return out
