"""Documents cited in the text are listed, listed documents are cited, each in the right list and form.

GB/T 1.1—2020 keeps two lists: chapter 2 (规范性引用文件) for documents a requirement depends on, and
the bibliography (参考文献, here an informative annex) for documents cited for information. A
citation is normative when it stands in the text of a shall / should / may clause or its assessment;
anywhere else (notes, examples, statements, chapter intros, the foreword, informative annexes, a
term's source) it is informative. A document listed with its year (``GB/T 1.1—2020``) is cited with
that year, one listed undated is cited undated.

Citations are found by a standard's code (GB, GB/T, HJ, LY/T, DB33/T, T/…, ISO …); documents without
such a code (IUCN (2020), CBD/COP/DEC/15/4) are found by their code or their title as listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import Callable

from ..findings import Finding, Position, make
from ..model.clauses import Chapter, Reference
from ..model.types import Guideline
from .quantities import STANDARD
from .texts import spots


CODES: tuple[str, ...] = ("NBS135", "NBS136", "NBS137", "NBS138")


@dataclass(frozen=True)
class Entry:
    ref: Reference
    normative: bool  # listed in chapter 2 (else in the bibliography)
    base: str        # the code without its year: GB/T 1.1
    year: str | None
    aliases: tuple[str, ...]  # how the text may name it without a standard's code
    chapter: Chapter
    index: int

    @property
    def pos(self) -> Position:
        """Where the entry's code is written (found only when a finding needs it)."""
        return self.chapter.src.at("references", self.index, "code")


@dataclass(frozen=True)
class Citation:
    base: str | None  # None: found by its title or literal code, so no year to compare
    year: str | None
    written: str
    normative: bool
    where: Callable[[], Position]  # found only when a finding needs it: positions compose the YAML
    clause: str | None
    entry: str | None = None  # for a citation found by title: the base of the entry it names

    @property
    def pos(self) -> Position:
        return self.where()


def _squash(text: str) -> str:
    return re.sub(r"[\s《》]", "", text).lower()


def _aliases(r: Reference, base: str | None) -> tuple[str, ...]:
    out = [] if base or len(_squash(r.code)) < 2 else [_squash(r.code)]
    for title in (r.title.zh, r.title.en):
        title = re.sub(r"[（(]\d{4}[）)]$", "", title.strip())
        short = re.split(r"[：:]", title)[0]
        out += [_squash(t) for t in {title, short} if len(_squash(t)) >= 6]
    return tuple(out)


def _entries(g: Guideline) -> list[Entry]:
    out = []
    for ch in g.chapters:
        normative = ch.kind == "chapter" or ch.annex_type == "normative"
        for i, r in enumerate(ch.references):
            m = STANDARD.fullmatch(r.code.strip())
            base = re.sub(r"\s", " ", m.group("base")) if m else None
            year = (m.group("year") or m.group("isoyear")) if m else None
            out.append(Entry(r, normative, base or r.code.strip(), year, _aliases(r, base), ch, i))
    return out


def _citations(g: Guideline, entries: list[Entry]) -> list[Citation]:
    out: list[Citation] = []
    literal = [e for e in entries if e.aliases]

    def scan(text: str, normative: bool, pos: Callable[[], Position], clause: str | None) -> None:
        for m in STANDARD.finditer(text):
            out.append(Citation(re.sub(r"\s", " ", m.group("base")), m.group("year") or m.group("isoyear"),
                                m.group(0), normative, pos, clause))
        squashed = _squash(text)
        for e in literal:
            hit = next((a for a in e.aliases if a in squashed), None)
            if hit is not None:
                out.append(Citation(None, None, e.ref.code, normative, pos, clause, entry=e.base))

    for s in spots(g):
        if s.chapter is not None and s.path[:1] == ("references",):
            continue  # the lists themselves
        for lang in ("zh", "en"):
            if s.get(lang):
                scan(s.get(lang), s.normative, partial(s.at, lang), s.clause_id)
    for t in g.terms:
        if t.source:
            scan(t.source, False, partial(t.src.at, "source"), None)
    return out


def _match(c: Citation, entries: list[Entry]) -> list[Entry]:
    if c.base is None:
        return [e for e in entries if e.base == c.entry]
    same = [e for e in entries if e.base == c.base]
    if same:
        return same
    series = [e for e in entries if e.base.startswith(c.base + ".")]  # HJ 710 cites the parts HJ 710.1 ...
    return series or [e for e in entries if c.base.startswith(e.base + ".")]


def _forms(cited: str | None, listed: str | None) -> dict[str, str]:
    """How the citation and the entry are written: dated, undated, or (both dated) which edition."""
    if cited and listed:
        return {"form_zh": f"按 {cited} 年版", "form_en": f"as the {cited} edition",
                "listed_form_zh": f"按 {listed} 年版", "listed_form_en": f"as the {listed} edition"}
    return {"form_zh": "注日期" if cited else "不注日期", "form_en": "dated" if cited else "undated",
            "listed_form_zh": "注日期" if listed else "不注日期", "listed_form_en": "dated" if listed else "undated"}


def _list_name(normative: bool) -> tuple[str, str]:
    return ("规范性引用文件（第2章）", "normative references (chapter 2)") if normative else ("参考文献", "bibliography")


def check(g: Guideline, complete: bool = True) -> list[Finding]:
    """The findings of this concern; citations are compared with the lists only on a complete guideline."""
    if not complete:
        return []
    entries = _entries(g)
    out: list[Finding] = []
    cited: dict[int, list[Citation]] = {id(e): [] for e in entries}
    for c in _citations(g, entries):
        found = _match(c, entries)
        if not found:
            out.append(make("NBS135", c.pos, clause=c.clause, ref=c.written))
            continue
        for e in found:
            cited[id(e)].append(c)
        e = found[0]
        if c.base is not None and c.base == e.base and c.year != e.year:
            zh, en = _list_name(e.normative)
            out.append(make("NBS138", c.pos, clause=c.clause, ref=c.written, listed=e.ref.code, list_zh=zh, list_en=en,
                            **_forms(c.year, e.year)))
        if c.normative and not any(x.normative for x in found):
            out.append(make("NBS137", c.pos, clause=c.clause, ref=c.written, problem="在条款要求中被规范性引用，应列入第2章规范性引用文件",
                            problem_en="is cited normatively in a requirement, so it belongs in the normative references (chapter 2)"))
    for e in entries:
        uses = cited[id(e)]
        zh, en = _list_name(e.normative)
        if not uses:
            out.append(make("NBS136", e.pos, ref=e.ref.code, list_zh=zh, list_en=en))
        elif e.normative and not any(c.normative for c in uses):
            out.append(make("NBS137", e.pos, ref=e.ref.code, problem="只在注、示例等资料性内容中被引用，应移入参考文献",
                            problem_en="is cited only informatively (notes, examples, statements), so it belongs in the bibliography"))
    return out
