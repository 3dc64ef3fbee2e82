"""``nbscheck diff`` for CI: GitHub workflow-command annotations and JUnit XML.

A guideline's pull request shows each change where it was made: ``--format github`` writes one
annotation per change on the new side's line (the old side's for a removal), a warning for a
breaking change and a notice for the others, since a diff reports facts to review and fails a job
only with ``--exit-code``. ``--format junit`` writes one test case per changed clause (and one for
the changes outside the clauses), failed when it has a breaking change, so CI test reporters list
what a release breaks. Both end with the same counts as the text report.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterable

from ..change.describe import class_name, describe, describe_other, migrate_note, side_text
from ..change.types import BREAKING, ClauseChange, ClauseDiff, GuidelineChange, GuidelineDiff
from ..findings import Position, Severity
from .diff_text import counts_line
from .github import _data, _prop, annotation
from .junit import suite_xml

COMMAND = {BREAKING: "warning"}  # substantive and editorial changes are notices


def _described(c: ClauseChange | GuidelineChange, lang: str) -> str:
    """A change in one line: what changed, and what ``nbscheck migrate`` does about it."""
    if isinstance(c, GuidelineChange):
        return describe_other(c, lang)
    note = migrate_note(c.migrate, lang)
    return describe(c, lang) + (f" — {note}" if note else "")


def change_annotation(c: ClauseChange | GuidelineChange, lang: str) -> str:
    """One workflow command for a change, titled with its class and clause."""
    pos: Position | None = c.pos if isinstance(c, GuidelineChange) else (c.new_pos or c.old_pos)
    props = []
    if pos is not None and pos.file:
        props.append(f"file={_prop(pos.file)}")
        if pos.line:
            props += [f"line={pos.line}", f"col={max(pos.column, 1)}"]
    subject = c.id if isinstance(c, ClauseChange) else c.subject
    props.append("title=" + _prop(f"{class_name(c.cls, lang)} [{subject}]"))
    return f"::{COMMAND.get(c.cls, 'notice')} {','.join(props)}::{_data(_described(c, lang))}"


def render_github(diff: GuidelineDiff, lang: str = "zh", quiet: bool = False) -> str:
    """Every change and every problem as an annotation, then the counts (unless ``quiet``)."""
    lines = [change_annotation(c, lang) for c in (*diff.changes, *diff.other)]
    lines += [annotation(f, lang) for f in diff.problems]
    if not quiet:
        colon = "：" if lang == "zh" else ": "
        lines.append(f"nbscheck: {side_text(diff.old, lang)} → {side_text(diff.new, lang)}{colon}{counts_line(diff, lang)}")
    return "\n".join(lines) + "\n" if lines else ""


def _case(name: str, changes: Iterable[ClauseChange | GuidelineChange], lang: str, file: str | None) -> ET.Element:
    case = ET.Element("testcase", {"classname": "nbscheck.diff", "name": name, **({"file": file} if file else {})})
    changes = list(changes)
    breaking = [c for c in changes if c.cls == BREAKING]
    if breaking:
        ET.SubElement(case, "failure", {"message": f"{class_name(BREAKING, lang)}: {_described(breaking[0], lang)}",
                                        "type": BREAKING}).text = "\n".join(_described(c, lang) for c in breaking)
    rest = [f"{class_name(c.cls, lang)}: {_described(c, lang)}" for c in changes if c.cls != BREAKING]
    if rest:
        ET.SubElement(case, "system-out").text = "\n".join(rest)
    return case


def _clause_name(cd: ClauseDiff) -> str:
    return f"{cd.old_id} → {cd.new_id}" if cd.old_id and cd.new_id and cd.old_id != cd.new_id else cd.id


def render_junit(diff: GuidelineDiff, lang: str = "zh") -> str:
    """One test case per changed clause, one for the other changes, one per problem that is an error."""
    cases = []
    for cd in diff.clauses:
        clause = cd.new if cd.new is not None else cd.old
        pos = clause.src.pos if clause is not None else None
        cases.append(_case(_clause_name(cd), cd.changes, lang, pos.file if pos is not None else None))
    if diff.other:
        cases.append(_case("guideline", diff.other, lang, None))
    for f in diff.problems:
        if f.severity is Severity.ERROR:
            case = ET.Element("testcase", {"classname": "nbscheck.diff", "name": f.code, "file": f.file})
            ET.SubElement(case, "failure", {"message": f.message(lang), "type": f.code})
            cases.append(case)
    name = f"nbscheck diff {diff.old.label} → {diff.new.label}"
    return suite_xml(name, [ET.tostring(c, encoding="unicode") for c in cases],
                     sum(c.find("failure") is not None for c in cases))
