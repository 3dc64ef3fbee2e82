"""``nbscheck lint``: integrity rules a JSON Schema cannot express, each with a stable code.

The schema says what a clause looks like; these rules say whether the guideline holds together:
ids are unique and in GB/T 1.1 order, references resolve, both languages are there, the modal verb
matches the level, every shall clause can be assessed, and the points add up with the rating rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..findings import Finding, Position, make, pointer
from ..model.guideline import load_guideline
from ..yaml.load import Document
from ..vocabulary import level_zh
from .modal import EN_EXPECTED, ZH_EXPECTED, ZH_EXPECTED_EN, en_levels, requirement_word, zh_levels
from ..model.types import Guideline, Indicator, Src
from ..suggest import did_you_mean


def lint(directory: str | Path | None = None) -> list[Finding]:
    """All findings for the guideline in ``directory`` (default: the shipped one), sorted."""
    loaded = load_guideline(directory, validate=True)
    findings = list(loaded.findings)
    g = loaded.guideline
    if g is not None:
        findings.extend(lint_model(g, complete=loaded.complete))
    unique = {(f.code, f.file, f.line, f.column, f.path, tuple(sorted(map(str, f.args.items())))): f for f in findings}
    return sorted(unique.values(), key=Finding.sort_key)


def lint_model(g: Guideline, complete: bool = True) -> list[Finding]:
    out: list[Finding] = []
    out += _languages(g)
    if complete:
        out += _chapter_numbers(g)
    out += _ids(g)
    out += _references(g, complete)
    out += _modal_verbs(g)
    out += _assessability(g)
    out += _declared_refs(g)
    out += _indicators(g)
    if complete:
        out += _points(g)
    out += _rules(g)
    out += _terms(g)
    return out


# --- both languages ---------------------------------------------------------------------------

def _documents(g: Guideline) -> Iterator[Document]:
    seen: set[int] = set()
    for src in [g.src] + [ch.src for ch in g.chapters] + [t.src for t in g.terms[:1]]:
        if src.doc is not None and id(src.doc) not in seen:
            seen.add(id(src.doc))
            yield src.doc


def _texts(data: Any, path: tuple) -> Iterator[tuple[tuple, dict]]:
    """Every bilingual text object ({zh, en}) in a document's data, with its path."""
    if isinstance(data, dict):
        if data and set(data) <= {"zh", "en"}:
            yield path, data
            return
        for k, v in data.items():
            yield from _texts(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _texts(v, path + (i,))


def _languages(g: Guideline) -> list[Finding]:
    out = []
    for doc in _documents(g):
        for path, t in _texts(doc.data, ()):
            for lang, names in (("zh", ("中文", "Chinese")), ("en", ("英文", "English"))):
                value = t.get(lang)
                if not isinstance(value, str) or not value.strip():
                    where = doc.where(path + (lang,)) if lang in t else doc.where(path)
                    out.append(make("NBS106", where, path=pointer(path), clause=_clause_for(g, doc, path),
                                    lang_zh=names[0], lang_en=names[1]))
    return out


def _clause_for(g: Guideline, doc: Document, path: tuple) -> str | None:
    for c in g.clauses:
        if c.src.doc is doc and path[: len(c.src.path)] == c.src.path:
            return c.id
    return None


# --- numbering ---------------------------------------------------------------------------------

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


# --- references --------------------------------------------------------------------------------

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


# --- modal verbs -------------------------------------------------------------------------------

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


def _assessability(g: Guideline) -> list[Finding]:
    return [make("NBS109", c.src.at("level"), clause=c.id, id=c.id)
            for c in g.clauses if c.level == "shall" and c.assessment is None and c.not_assessable is None]


# --- references to things declared in guideline.yaml ---------------------------------------------

_KIND = {"dimension": "评估维度", "evidence kind": "证据类型", "unit": "计量单位", "framework": "对照框架",
         "framework item": "框架条目"}


def _unknown(kind: str, ref: str, pos: Position, candidates, clause: str | None) -> Finding:
    return make("NBS111", pos, clause=clause, kind=kind, kind_zh=_KIND[kind], ref=ref, **did_you_mean(ref, candidates))


def _declared_refs(g: Guideline) -> list[Finding]:
    out = []
    dims = {d.id for d in g.rules.dimensions}
    kinds = {k.id for k in g.evidence_kinds}
    fws = {f.id: {i.id for i in f.items} for f in g.frameworks}
    for c in g.clauses:
        a = c.assessment
        if a:
            if a.dimension not in dims:
                out.append(_unknown("dimension", a.dimension, a.src.at("dimension"), dims, c.id))
            for i, k in enumerate(a.evidence):
                if k not in kinds:
                    out.append(_unknown("evidence kind", k, a.src.at("evidence", i), kinds, c.id))
            u = a.indicator.unit
            if u and u not in g.units:
                out.append(_unknown("unit", u, a.indicator.src.at("unit"), g.units, c.id))
        for fw, items in c.maps:
            if fw not in fws:
                out.append(_unknown("framework", fw, c.src.at("maps", fw, key=True), fws, c.id))
                continue
            for i, item in enumerate(items):
                if item not in fws[fw]:
                    out.append(_unknown("framework item", f"{fw}:{item}", c.src.at("maps", fw, i),
                                        [f"{fw}:{x}" for x in fws[fw]], c.id))
    return out


# --- indicators --------------------------------------------------------------------------------

_TARGET_KEYS = {"boolean": {"equals"}, "number": {"at_least", "at_most"}, "percentage": {"at_least", "at_most"},
                "choice": {"one_of"}, "text": {"min_length"}}


def _indicator_problems(ind: Indicator) -> Iterator[tuple[str, str, tuple]]:
    t = ind.target
    set_keys = {k for k in ("at_least", "at_most", "equals", "min_length") if getattr(t, k) is not None}
    if t.one_of:
        set_keys.add("one_of")
    wrong = set_keys - _TARGET_KEYS[ind.type]
    if wrong:
        keys = ", ".join(sorted(wrong))
        yield (f"{ind.type} 类型的指标不能用目标 {keys}", f"a {ind.type} indicator cannot have target {keys}", ("target",))
    if ind.type == "number" and not ind.unit:
        yield ("数值型指标应注明单位 unit", "a number indicator needs a unit", ("type",))
    if ind.type != "number" and ind.unit:
        yield ("只有数值型指标才有单位", "only number indicators have a unit", ("unit",))
    if ind.type == "choice":
        ids = {c.id for c in ind.choices}
        if not ind.choices:
            yield ("选择型指标应列出 choices", "a choice indicator needs choices", ("type",))
        for i, x in enumerate(t.one_of):
            if x not in ids:
                yield (f"目标选项 {x} 不在 choices 中", f"target option {x} is not among the choices", ("target", "one_of", i))
    elif ind.choices:
        yield ("只有选择型指标才有 choices", "only choice indicators have choices", ("choices",))
    lo, hi = ind.bounds()
    if lo is not None and hi is not None and lo > hi:
        yield (f"下限 {lo} 大于上限 {hi}", f"min {lo} is above max {hi}", ("min",))
    for key in ("at_least", "at_most"):
        v = getattr(t, key)
        if v is not None and ((lo is not None and v < lo) or (hi is not None and v > hi)):
            yield (f"目标 {key}: {v} 超出取值范围", f"target {key}: {v} is outside the allowed range", ("target", key))
    if t.at_least is not None and t.at_most is not None and t.at_least > t.at_most:
        yield ("目标 at_least 大于 at_most，无法达标", "target at_least exceeds at_most, so it can never be met", ("target",))
    if t.is_empty():
        yield ("指标没有达标条件 target", "the indicator has no target", ("type",))


def _indicators(g: Guideline) -> list[Finding]:
    out = []
    for c in g.clauses:
        if c.assessment:
            ind = c.assessment.indicator
            for zh, en, sub in _indicator_problems(ind):
                out.append(make("NBS113", ind.src.at(*sub), clause=c.id, problem=zh, problem_en=en))
    return out


# --- points and rating rules -------------------------------------------------------------------

def _points(g: Guideline) -> list[Finding]:
    out: list[Finding] = []
    sums: dict[str, int] = {d.id: 0 for d in g.rules.dimensions}
    if any(c.assessment.dimension not in sums for c in g.assessable):
        return out  # NBS111 names the unknown dimension; sums would only repeat it
    for c in g.assessable:
        if c.assessment.dimension in sums:
            sums[c.assessment.dimension] += c.assessment.points
    for d in g.rules.dimensions:
        if sums[d.id] != d.points:
            out.append(make("NBS110", d.src.at("points"), what=f"维度“{d.name.zh}”", what_en=f"dimension '{d.id}'",
                            declared=d.points, actual=sums[d.id]))
    declared_total = g.rules.total_points
    actual_total = sum(d.points for d in g.rules.dimensions)
    if declared_total is not None and declared_total != actual_total:
        out.append(make("NBS110", g.rules.src.at("total_points"), what="总分", what_en="total_points",
                        declared=declared_total, actual=actual_total))
    return out


def _rules(g: Guideline) -> list[Finding]:
    out = []
    r = g.rules
    src = r.src

    def bad(zh: str, en: str, *sub) -> None:
        out.append(make("NBS112", src.at(*sub), problem=zh, problem_en=en))

    ids = [b.id for b in r.bands]
    if len(set(ids)) != len(ids):
        bad("评级档次的 id 重复", "band ids repeat", "bands")
    if r.bands and min(b.min for b in r.bands) != 0:
        bad("最低档次的下限应为 0，否则有的得分没有档次", "the lowest band must start at 0, or some scores have no band", "bands")
    mins = [b.min for b in r.bands]
    if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
        bad("评级档次应从高到低排列且下限互不相同", "bands must run from highest to lowest with distinct lower bounds", "bands")
    q = r.qualification
    if r.band(q.min_dimension_band) is None:
        bad(f"认定规则引用的档次 {q.min_dimension_band} 不存在", f"the qualification rule names band {q.min_dimension_band}, which does not exist",
            "qualification", "min_dimension_band")
    f = {k: s.factor for k, s in r.statuses.items()}
    if None not in (f.get("met"), f.get("partial"), f.get("not_met")) and not (f["met"] >= f["partial"] >= f["not_met"]):
        bad("状态分值比例应满足 met ≥ partial ≥ not_met", "status factors must satisfy met >= partial >= not_met", "statuses")
    if f.get("met") != 1:
        bad("met 的分值比例应为 1", "met must earn the full points (factor 1)", "statuses", "met")
    dims = [d.id for d in r.dimensions]
    if len(set(dims)) != len(dims):
        bad("评估维度的 id 重复", "dimension ids repeat", "dimensions")
    return out


def _terms(g: Guideline) -> list[Finding]:
    out = []
    ids: dict[str, Position] = {}
    numbers: dict[str, Position] = {}
    for t in g.terms:
        for what, key, value, seen in (("标识", "id", t.id, ids), ("编号", "number", t.number, numbers)):
            pos = t.src.at(key)
            if value in seen:
                out.append(make("NBS117", pos, what=what, what_en=key, ref=value, first=str(seen[value])))
            else:
                seen[value] = pos
    return out

