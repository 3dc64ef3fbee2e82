"""The modal verb matches the level (GB/T 1.1-2020 Annex C), and notes state no requirements."""

from __future__ import annotations

from ..findings import Finding, make
from ..model.types import Guideline
from ..vocabulary import level_zh
from .modal import (
    EN_EXPECTED,
    ZH_EXPECTED,
    ZH_EXPECTED_EN,
    en_levels,
    requirement_word,
    zh_levels,
)

CODES: tuple[str, ...] = ("NBS107", "NBS108", "NBS115", "NBS116")


def _modal_verbs(g: Guideline) -> list[Finding]:
    out = []
    for c in g.clauses:
        lvl = c.level
        zh, en = c.text.zh, c.text.en
        if zh:
            found = zh_levels(zh)
            if lvl == "statement":
                if found:
                    out.append(make("NBS116", c.src.at("text", "zh"), clause=c.id, level=lvl, level_zh=level_zh(lvl),
                                    word="、".join(level_zh(f) for f in found)))
            elif lvl not in found:
                fz = "，但用了" + "、".join(f"“{level_zh(f)}”" for f in found) if found else ""
                fe = ", but it uses " + ", ".join(f"'{level_zh(f)}'" for f in found) if found else ""
                out.append(make("NBS107", c.src.at("text", "zh"), clause=c.id, level=lvl, level_zh=level_zh(lvl),
                                expected=ZH_EXPECTED[lvl], expected_en=ZH_EXPECTED_EN[lvl], found=fz, found_en=fe))
            elif len(found) > 1:
                out.append(make("NBS116", c.src.at("text", "zh"), clause=c.id, level=lvl, level_zh=level_zh(lvl),
                                word="、".join(level_zh(f) for f in found if f != lvl)))
        if en:
            found = en_levels(en)
            if lvl == "statement":
                if found:
                    out.append(make("NBS116", c.src.at("text", "en"), clause=c.id, level=lvl, level_zh=level_zh(lvl),
                                    word=", ".join(found)))
            elif lvl not in found:
                fe = f" (found: {', '.join(found)})" if found else ""
                out.append(make("NBS108", c.src.at("text", "en"), clause=c.id, level=lvl, level_zh=level_zh(lvl),
                                expected_en=EN_EXPECTED[lvl], found=fe))
            elif len(found) > 1:
                out.append(make("NBS116", c.src.at("text", "en"), clause=c.id, level=lvl, level_zh=level_zh(lvl),
                                word=", ".join(f for f in found if f != lvl)))
        for kind, texts in (("notes", c.notes), ("examples", c.examples)):
            for i, t in enumerate(texts):
                w = requirement_word(t.zh, t.en)
                if w:
                    out.append(make("NBS115", c.src.at(kind, i), clause=c.id, word=w))
    return out


def check(g: Guideline, complete: bool = True) -> list[Finding]:
    """The findings of this concern; rules that compare across files run only on a complete guideline."""
    return _modal_verbs(g)
