"""``nbscheck diff --format markdown``: for a pull request, and for the site's "what changed" pages.

``render(diff, lang, level=2)`` starts with a heading of ``level`` (``##``), so the result can be
pasted into a pull request or embedded in a page that has its own title (``title=False`` leaves the
heading out). Chapters get headings one level down; clauses are list items, not headings, so a long
diff does not flood the page's table of contents. ``link(clause_id)`` may return a URL for a clause
of the new version (the site links each id to its clause); removed clauses are never linked.

Word changes are ``<del>``/``<ins>``, which GitHub and MkDocs both render; lists are indented with
four spaces, which both accept.
"""

from __future__ import annotations

import html
import re
from typing import Callable

from ..change.describe import class_name, describe, describe_other, migrate_note, side_text
from ..change.types import BREAKING, CLASS_MEANING, CLASSES, ClauseChange, ClauseDiff, GuidelineDiff
from ..change.worddiff import render_html

WORDS = {
    "zh": {"title": "{old} → {new} 的变化", "count": "共 {n} 处变化。", "none": "两个版本的条款没有变化。",
           "class": "类别", "number": "数量", "meaning": "含义", "other": "其他变化", "problems": "请注意",
           "was": "原 {id}", "removed": "已删除", "colon": "：", "legend": "改写的文字中标出了<del>删去</del>和<ins>新增</ins>的词语。"},
    "en": {"title": "Changes from {old} to {new}", "count": "{n} changes.", "none": "The clauses did not change.",
           "class": "Class", "number": "Changes", "meaning": "Meaning", "other": "Other changes", "problems": "Please note",
           "was": "was {id}", "removed": "removed", "colon": ": ", "legend": "In reworded text, <del>removed</del> and <ins>added</ins> words are marked."},
}

_SPECIAL = re.compile(r"([\\`*_\[\]~|])")


def md(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell: no markup, no HTML."""
    return _SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", " ")


def _badge(cls: str, lang: str) -> str:
    name = class_name(cls, lang)
    return f"**{name}**" if cls == BREAKING else name


def _change(c: ClauseChange, lang: str) -> str:
    w = WORDS[lang]
    text = md(describe(c, lang))
    if c.words:
        text += w["colon"] + render_html(c.words, md)
    note = migrate_note(c.migrate, lang)
    if note:
        text += f" · *{md(note)}*"
    return f"{_badge(c.cls, lang)} · {text}"


def _clause(cd: ClauseDiff, lang: str, link: Callable[[str], str | None] | None) -> list[str]:
    w = WORDS[lang]
    ident = f"**{md(cd.id)}**"
    if cd.new is not None and link is not None:
        url = link(cd.new.id)
        if url:
            ident = f"[{ident}]({url})"
    extra = ""
    if cd.old_id and cd.new_id and cd.old_id != cd.new_id:
        extra = f"（{w['was'].format(id=md(cd.old_id))}）" if lang == "zh" else f" ({w['was'].format(id=md(cd.old_id))})"
    reworded = any(c.kind == "reworded" and c.field == lang for c in cd.changes)
    text = "" if reworded else " " + md(cd.text.get(lang))
    if cd.new is None:
        text = f" <del>{md(cd.text.get(lang))}</del>" if not reworded else ""
    out = [f"- {ident}{extra}{text}"]
    for c in cd.changes:
        out.append(f"    - {_change(c, lang)}")
    return out


def render(diff: GuidelineDiff, lang: str = "zh", level: int = 2, title: bool = True,
           link: Callable[[str], str | None] | None = None) -> str:
    w = WORDS[lang]
    h = "#" * level
    out: list[str] = []
    if title:
        out += [f"{h} " + w["title"].format(old=md(diff.old.version), new=md(diff.new.version)), ""]
    out += [f"{md(side_text(diff.old, lang))} → {md(side_text(diff.new, lang))}", ""]
    if not diff.total:
        out += [w["none"], ""]
    else:
        counts = diff.counts()
        out += [w["count"].format(n=diff.total) + ("" if lang == "zh" else " ") + w["legend"], "",
                f"| {w['class']} | {w['number']} | {w['meaning']} |", "| --- | ---: | --- |"]
        for k in CLASSES:
            meaning = CLASS_MEANING[k][1 if lang == "en" else 0]
            out.append(f"| {_badge(k, lang)} | {counts[k]} | {md(meaning)} |")
        out.append("")
    chapter = None
    for cd in diff.clauses:
        if cd.chapter != chapter:
            if chapter is not None:
                out.append("")
            chapter = cd.chapter
            out += [f"{h}# {md(cd.heading.get(lang) or cd.chapter)}", ""]
        out += _clause(cd, lang, link)
    if diff.clauses:
        out.append("")
    if diff.other:
        out += [f"{h}# {w['other']}", ""]
        for o in diff.other:
            text = md(describe_other(o, lang))
            if o.words:
                text += w["colon"] + render_html(o.words, md)
            out.append(f"- {_badge(o.cls, lang)} · {text}")
        out.append("")
    if diff.problems:
        out += [f"{h}# {w['problems']}", ""]
        for f in diff.problems:
            loc = f"`{f.file}:{f.line}`" if f.line else f"`{f.file}`"
            out.append(f"- {loc} {f.code}: {md(f.message(lang))}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
