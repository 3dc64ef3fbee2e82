"""Numbering under GB/T 1.1: chapters and annexes in order, clause ids unique, nested and consecutive."""

from __future__ import annotations

from ..findings import Finding, Position, make
from ..model.text import Src
from ..model.types import Guideline

CODES: tuple[str, ...] = ("NBS101", "NBS102", "NBS103", "NBS114")


def _chapter_numbers(g: Guideline) -> list[Finding]:
    out = []
    expect_chapter, expect_annex = 1, "A"
    for ch in g.chapters:
        if ch.kind in ("chapter", "annex") and not ch.number:
            out.append(make("NBS114", ch.src.at("kind"), problem=f"{ch.file} 缺少章号 number",
                            problem_en=f"{ch.file} lacks a number"))
            continue
        if ch.kind == "chapter":
            if ch.number != str(expect_chapter):
                out.append(make("NBS114", ch.src.at("number"), problem=f"章号应为 {expect_chapter}，实际为 {ch.number}",
                                problem_en=f"chapter number should be {expect_chapter}, found {ch.number}"))
            expect_chapter = int(ch.number) + 1 if ch.number.isdigit() else expect_chapter + 1
        elif ch.kind == "annex":
            if ch.number != expect_annex:
                out.append(make("NBS114", ch.src.at("number"), problem=f"附录编号应为 {expect_annex}，实际为 {ch.number}",
                                problem_en=f"annex letter should be {expect_annex}, found {ch.number}"))
            expect_annex = chr(ord(ch.number[0]) + 1)
            if not ch.annex_type:
                out.append(make("NBS114", ch.src.at("kind"), problem="附录应注明 annex_type（normative 或 informative）",
                                problem_en="an annex needs annex_type (normative or informative)"))
        elif ch.number:
            out.append(make("NBS114", ch.src.at("number"), problem="前言和引言不编号",
                            problem_en="the foreword and introduction are not numbered"))
    return out


def _last(id_: str) -> int:
    return int(id_.rsplit(".", 1)[1])


def _sequence(items: list[tuple[str, Src]], parent: str, parent_label: tuple[str, str]) -> list[Finding]:
    """Each id must sit under ``parent`` and carry its position's number (1, 2, 3 ...).

    Comparing with the position, not with the previous id, means one wrong number is one
    finding; a repeated id is left to NBS101.
    """
    out = []
    seen: set[str] = set()
    for index, (id_, src) in enumerate(items, 1):
        head = id_.rsplit(".", 1)[0] if "." in id_ else ""
        if head != parent:
            out.append(make("NBS102", src.at("id"), clause=id_, id=id_, parent=parent_label[0].format(parent),
                            parent_en=parent_label[1].format(parent)))
            continue
        if id_ in seen:
            continue
        seen.add(id_)
        if _last(id_) != index:
            out.append(make("NBS103", src.at("id"), clause=id_, id=id_, expected=f"{parent}.{index}"))
    return out


def _ids(g: Guideline) -> list[Finding]:
    out: list[Finding] = []
    first: dict[str, Position] = {}
    for ch, c in g.iter_clauses():
        pos = c.src.at("id")
        if c.id in first:
            out.append(make("NBS101", pos, clause=c.id, id=c.id, first=str(first[c.id])))
        else:
            first[c.id] = pos
    for ch in g.chapters:
        if not ch.number:
            continue
        label = ("第 {} 章", "chapter {}") if ch.kind == "chapter" else ("附录 {}", "annex {}")
        out += _sequence([(s.id, s.src) for s in ch.sections], ch.number, label)
        out += _sequence([(c.id, c.src) for c in ch.direct_clauses], ch.number, label)
        for s in ch.sections:
            out += _sequence([(c.id, c.src) for c in s.clauses], s.id, ("{} 节", "section {}"))
    return out


def check(g: Guideline, complete: bool = True) -> list[Finding]:
    """The findings of this concern; rules that compare across files run only on a complete guideline."""
    return (_chapter_numbers(g) if complete else []) + _ids(g)
