"""``nbscheck diff`` for a terminal: clause by clause, each change with its class and word diff."""

from __future__ import annotations

from ..change.describe import class_name, describe, describe_other, migrate_note, side_text
from ..change.types import BREAKING, CLASSES, EDITORIAL, SUBSTANTIVE, ClauseChange, GuidelineDiff
from ..change.worddiff import DELETE, render_text
from .findings_text import render_finding, width
from .style import Style, plain

COLOUR = {BREAKING: ("red", "bold"), SUBSTANTIVE: ("yellow",), EDITORIAL: ("cyan",)}
WORDS = {
    "zh": {"changes": "共 {n} 处变化：", "none": "没有变化。", "other": "其他变化", "problems": "请注意",
           "sep": "，", "colon": "：", "dash": " — "},
    "en": {"changes": "{n} changes: ", "none": "No changes.", "other": "Other changes", "problems": "Please note",
           "sep": ", ", "colon": ": ", "dash": " — "},
}


def _pad(label: str, size: int) -> str:
    return label + " " * max(size - width(label), 0)


def counts_line(diff: GuidelineDiff, lang: str) -> str:
    w = WORDS[lang]
    counts = diff.counts()
    parts = [f"{class_name(k, lang)} {counts[k]}" for k in CLASSES]
    return w["changes"].format(n=diff.total) + w["sep"].join(parts)


def _paint(style: Style):
    def paint(text: str, op: str) -> str:
        return style(text, "red" if op == DELETE else "green")
    return paint


def change_line(c: ClauseChange, lang: str, style: Style, size: int) -> str:
    w = WORDS[lang]
    head = style(_pad(class_name(c.cls, lang), size), *COLOUR[c.cls])
    text = describe(c, lang)
    if c.words:
        text += w["colon"] + render_text(c.words, _paint(style) if style.enabled else None)
    note = migrate_note(c.migrate, lang)
    if note:
        text += w["dash"] + style(note, "dim")
    return f"  {head}  {text}"


def render(diff: GuidelineDiff, lang: str = "zh", style: Style | None = None, positions: bool = True) -> str:
    style = style or plain()
    w = WORDS[lang]
    size = max(width(class_name(k, lang)) for k in CLASSES)
    out = [style(f"{side_text(diff.old, lang)} → {side_text(diff.new, lang)}", "bold")]
    if not diff.total:
        out.append(w["none"])
    else:
        out.append(counts_line(diff, lang))
    chapter = None
    for cd in diff.clauses:
        if cd.chapter != chapter:
            chapter = cd.chapter
            out += ["", style(f"[{cd.heading.get(lang) or cd.chapter}]", "bold")]
        ids = cd.id if not (cd.old_id and cd.new_id and cd.old_id != cd.new_id) else f"{cd.old_id} → {cd.new_id}"
        reworded = any(c.kind == "reworded" and c.field == lang for c in cd.changes)
        title = "" if reworded else f"  {cd.text.get(lang)}"
        out.append(style(ids, "bold") + title)
        if positions:
            clause = cd.new if cd.new is not None else cd.old
            pos = clause.src.pos if clause is not None else None
            if pos is not None and pos.line:
                out.append(style(f"  {pos}", "dim"))
        for c in cd.changes:
            out.append(change_line(c, lang, style, size))
    if diff.other:
        out += ["", style(f"[{w['other']}]", "bold")]
        for o in diff.other:
            text = describe_other(o, lang)
            if o.words:
                text += w["colon"] + render_text(o.words, _paint(style) if style.enabled else None)
            out.append(f"  {style(_pad(class_name(o.cls, lang), size), *COLOUR[o.cls])}  {text}")
    if diff.problems:
        out += ["", style(f"[{w['problems']}]", "bold")]
        for f in diff.problems:
            out.append(render_finding(f, lang, style, None))
    return "\n".join(out) + "\n"
