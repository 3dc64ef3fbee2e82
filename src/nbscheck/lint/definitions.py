"""Every word the text treats as a term is defined once, in chapter 3, and every term defined is used.

How terms are represented: the entries of chapter 3 live in terms.yaml (``term: {zh, en}``,
``definition``); clauses point at them by id under ``see: terms`` (checked by :mod:`.references`) and
use the words in their text. What this rule reads in the text is a word *treated as a term*:

- defined in passing: ``本章所称“规划期”指……``, ``重要生境指……``, ``"plan period" means ...``;
- pointed at: ``“重要生境”的含义见6.4.3``;
- listed as a term: ``增加了“本底年”“规划期”等术语和定义`` (the foreword's change record).

A word so treated that chapter 3 lacks is used but not defined (NBS132); one chapter 3 has, defined
again in passing, or a chapter-3 word with two entries, is defined twice (NBS133). A term whose word
appears in no text outside its own entry and the foreword, and that no clause or other entry points
at under ``see: terms``, is defined but never used (NBS134).
"""

from __future__ import annotations

import re
from typing import Iterator

from ..findings import Finding, make
from ..model.clauses import Term
from ..model.types import Guideline
from .texts import Spot, spots

CODES: tuple[str, ...] = ("NBS132", "NBS133", "NBS134")

_CJK_WORD = r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,11}"
# a word defined in passing (Chinese): quoted and followed by 指 / 是指, or opening a sentence with 是指 / 指
_DEFINED_ZH = [
    re.compile(r"“(?P<w>" + _CJK_WORD + r")”(?:一词)?(?:是指|系指|指的是|指|意为|的含义为|的含义是)(?![标南导数定出引挥的向明示])"),
    re.compile(r"(?:^|(?<=[。；]))(?:本(?:条|章|文件)(?:中的|所称的?))?(?P<w>" + _CJK_WORD + r"?)(?:一般|通常)?(?:是指|系指|指的是|指)"
               r"(?![标南导数定出引挥的向明示])"),
]
_DEFINED_EN = re.compile(r"[\"“](?P<w>[A-Za-z][A-Za-z -]{1,40})[\"”] (?:means|refers to|is defined as)\b")
# a word pointed at as a term without being defined here
_POINTED_ZH = re.compile(r"“(?P<w>" + _CJK_WORD + r")”(?:一词)?的(?:含义|定义)见")
_LISTED_ZH = re.compile(r"((?:“" + _CJK_WORD + r"”[、和及与]?)+)等?术语")
_QUOTED = re.compile(r"“(" + _CJK_WORD + r")”")
_NOT_A_TERM = re.compile(r"[应宜可不的和或与在对从把被将为是了]|^(?:此|这|该|上述|前述|以上|下列|其|本)")  # not a term


def _treated_as_terms(s: Spot) -> Iterator[tuple[str, str, bool]]:
    """(language, word, defined here) for every word the text treats as a term."""
    seen: set[tuple[str, str]] = set()
    for rx in _DEFINED_ZH:
        for m in rx.finditer(s.zh):
            w = m.group("w")
            if rx is _DEFINED_ZH[1] and _NOT_A_TERM.search(w):
                continue
            if ("zh", w) not in seen:
                seen.add(("zh", w))
                yield "zh", w, True
    for m in _DEFINED_EN.finditer(s.en):
        w = m.group("w").strip()
        if ("en", w.lower()) not in seen:
            seen.add(("en", w.lower()))
            yield "en", w, True
    pointed = [m.group("w") for m in _POINTED_ZH.finditer(s.zh)]
    for m in _LISTED_ZH.finditer(s.zh):
        pointed += _QUOTED.findall(m.group(1))
    for w in pointed:
        if ("zh", w) not in seen:
            seen.add(("zh", w))
            yield "zh", w, False


def _in_entry(s: Spot, i: int) -> bool:
    return s.chapter is None and s.role != "meta" and s.path[:2] == ("terms", i)


def _duplicates(g: Guideline) -> list[Finding]:
    out = []
    for lang in ("zh", "en"):
        first: dict[str, Term] = {}
        for t in g.terms:
            word = t.term.get(lang).strip().lower()
            if not word:
                continue
            if word in first:
                out.append(make("NBS133", t.src.at("term", lang), term=t.term.get(lang),
                                first=f"{first[word].number}（{first[word].src.at('term', lang)}）",
                                first_en=f"{first[word].number} ({first[word].src.at('term', lang)})"))
            else:
                first[word] = t
    return out


def _in_text(g: Guideline, all_spots: list[Spot]) -> list[Finding]:
    by_word = {(lang, t.term.get(lang).lower() if lang == "en" else t.term.get(lang)): t
               for t in g.terms for lang in ("zh", "en")}
    out = []
    for s in all_spots:
        if s.chapter is None and s.role != "meta":  # the entries of chapter 3 define; they are not defined here
            continue
        for lang, word, defined in _treated_as_terms(s):
            t = by_word.get((lang, word.lower() if lang == "en" else word))
            pos = s.at(lang)
            if t is None:
                out.append(make("NBS132", pos, clause=s.clause_id, term=word))
            elif defined:
                out.append(make("NBS133", pos, clause=s.clause_id, term=word, first=t.number, first_en=t.number))
    return out


def _unused(g: Guideline, all_spots: list[Spot]) -> list[Finding]:
    out = []
    body = [s for s in all_spots if not (s.chapter is not None and s.chapter.kind == "foreword")]
    pointed = {x for c in g.clauses for x in c.see_terms} | {x for t in g.terms for x in t.see_terms if x != t.id}
    for i, t in enumerate(g.terms):
        zh, en = t.term.zh, t.term.en.lower()
        abbr = t.abbreviation
        used = t.id in pointed  # a clause that points at the entry uses it, even in other words
        for s in body:
            if _in_entry(s, i):
                continue
            if (zh and zh in s.zh) or (en and en in s.en.lower()) or (abbr and (abbr in s.zh or abbr in s.en)):
                used = True
                break
        if not used:
            out.append(make("NBS134", t.src.at("term", "zh"), term=t.term.zh, term_en=t.term.en, number=t.number))
    return out


def check(g: Guideline, complete: bool = True) -> list[Finding]:
    """The findings of this concern; whether a term is used is known only for a complete guideline."""
    all_spots = spots(g)
    out = _duplicates(g) + _in_text(g, all_spots)
    known = {t.id for t in g.terms}
    dangling = any(x not in known for c in g.clauses for x in c.see_terms)  # NBS105 says so; "unused" would follow
    if complete and g.terms and not dangling:
        out += _unused(g, all_spots)
    return out
