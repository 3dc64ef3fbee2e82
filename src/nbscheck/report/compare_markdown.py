"""``nbscheck compare --format markdown``: the comparison as tables, to paste into a review or an issue."""

from __future__ import annotations

from ..change.compare import Comparison
from ..findings import Finding
from . import compare_words as cw
from .safe import markdown_text as md
from .findings_text import SEVERITY

_HEAD = {"zh": ("旧", "新"), "en": ("Old", "New")}


def _finding(f: Finding, lang: str) -> str:
    loc = f"{f.file}:{f.line}:{f.column}" if f.line else f.file
    clause = f" \\[{md(f.clause)}\\]" if f.clause else ""
    sev = SEVERITY["en" if lang == "en" else "zh"][f.severity.value]
    return f"- {md(loc)} {sev} **{f.code}**{clause} {md(f.message(lang))}"


def render(c: Comparison, lang: str = "zh", level: int = 2) -> str:
    w = cw.words(lang)
    h = "#" * level
    old, new = c.old, c.new
    out = [f"{h} {w['title']} {md(old.file)} → {md(new.file)}", ""]
    head = _HEAD["en" if lang == "en" else "zh"]
    out += [f"| | {head[0]} | {head[1]} |", "| --- | --- | --- |"]
    rows = [
        (w["township"], cw.township(old, lang), cw.township(new, lang)),
        (w["guideline"], cw.guideline(old), cw.guideline(new)),
        (w["score"], cw.score(old, lang), cw.score(new, lang) + f" ({cw.percent_change(c, lang)})"),
        (w["qualified"], cw.qualified(old, lang), cw.qualified(new, lang)),
        (w["counts"], f"{old.errors}/{old.warnings}", f"{new.errors}/{new.warnings}"),
    ]
    out += [f"| {md(a)} | {md(b)} | {md(d)} |" for a, b, d in rows]
    out.append("")
    for f in c.problems:
        out += [f"> {_finding(f, lang)[2:]}", ""]
    out += [f"{h}# {w['dimensions']} ({len(c.dimensions)})", ""]
    if c.dimensions:
        out += [f"| {w['dimension']} | {head[0]} | {head[1]} |", "| --- | --- | --- |"]
        out += ["| " + " | ".join(md(x) for x in cw.dimension_line(d, lang)) + " |" for d in c.dimensions]
    else:
        out.append(w["none"])
    out += ["", f"{h}# {w['clauses']} ({len(c.clauses)})", ""]
    if c.clauses:
        out += [f"| {w['clause']} | {w['status_h']} | {w['value_h']} | {w['evidence_h']} | {w['note_h']} |",
                "| --- | --- | --- | --- | --- |"]
        for d in c.clauses:
            status = (f"{cw.status_name(c, d.old_status, lang)} → {cw.status_name(c, d.new_status, lang)}"
                      if d.status_changed else cw.status_name(c, d.new_status, lang))
            value = (f"{cw.value_text(d.old_value)} → {cw.value_text(d.new_value)}"
                     if d.value_changed else cw.value_text(d.new_value))
            note = cw.note_change(d) if d.note_changed else ""
            out.append(f"| {md(cw.clause_label(d))} | {md(status)} | {md(value)} | {md(cw.evidence_change(d, lang))} | {md(note)} |")
    else:
        out.append(w["none"])
    for title, found in ((w["new"], c.new_findings), (w["resolved"], c.resolved)):
        out += ["", f"{h}# {title} ({len(found)})", ""]
        out += [_finding(f, lang) for f in found] or [w["none"]]
    return "\n".join(out) + "\n"
