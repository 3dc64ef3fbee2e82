"""Editing a submission line by line: only the lines that must change are rewritten.

The answers are located with the positions of the parsed YAML (key and value nodes); new lines are
inserted between existing ones. Every other byte (comments, blank lines, quoting, flow or block
style, indentation, line endings) stays exactly as it was. :func:`edit_lines` returns None for
layouts it cannot edit this way, and the caller falls back to :mod:`.edit_roundtrip`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..model.blank import blank_lines, key_text
from ..model.template_outcomes import clause_lines, stage_lines
from ..yaml.load import Document
from .migrate_notes import note
from .plan import Plan, Work


@dataclass
class _Entry:
    key: str
    key_node: ScalarNode
    value_node: Node
    first: int   # 0-based line of the key
    last: int    # 0-based last line of the value
    lead: int    # 0-based first line of the comment block directly above the key


def _last_line(node: Node) -> int:
    if isinstance(node, ScalarNode):
        end = node.end_mark
        if node.style in ("|", ">") and end.column == 0 and end.line > node.start_mark.line:
            return end.line - 1
        return end.line
    if getattr(node, "flow_style", False):
        return node.end_mark.line
    if isinstance(node, MappingNode):
        last = node.start_mark.line
        for k, v in node.value:
            last = max(last, _last_line(k), k.start_mark.line if _empty(v) else _last_line(v))
        return last
    if isinstance(node, SequenceNode):
        last = node.start_mark.line
        for v in node.value:
            last = max(last, v.start_mark.line if _empty(v) else _last_line(v))
        return last
    return node.end_mark.line


def _empty(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.value == "" and not node.style


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _entries(doc: Document, lines: list[str]) -> tuple[MappingNode, list[_Entry]] | None:
    """The answers mapping and its entries, or None when it cannot be edited line by line."""
    node = doc.node_at(["answers"])
    if not isinstance(node, MappingNode) or node is doc.root or node.flow_style or not node.value:
        return None
    out: list[_Entry] = []
    prev_last = node.start_mark.line - 1
    for k, v in node.value:
        if not isinstance(k, ScalarNode) or k.start_mark.line != k.end_mark.line or k.tag.endswith(":merge"):
            return None
        first = k.start_mark.line
        if first <= prev_last:  # two entries share a line
            return None
        last = max(first, first if _empty(v) else _last_line(v))
        while last > first and not lines[last].strip():  # a block scalar's trailing blank lines
            last -= 1
        lead = first
        while lead - 1 > prev_last and _is_comment(lines[lead - 1]):
            lead -= 1
        out.append(_Entry(k.value, k, v, first, last, lead))
        prev_last = last
    return node, out



def edit_lines(doc: Document, text: str, plan: Plan, work: Work, lang: str) -> str | None:
    """Rewrite only the lines that change; None when the layout does not allow it."""
    lines = text.split("\n")
    found = _entries(doc, lines)
    vnode = doc.node_at(["guideline", "version"])
    if found is None or not isinstance(vnode, ScalarNode) or vnode.style in ("|", ">") \
            or vnode.start_mark.line != vnode.end_mark.line or doc.node_at(["guideline"]) is doc.root:
        return None
    _, entries = found
    cr = "\r" if "\r\n" in text else ""
    before: dict[int, list[tuple[int, list[str]]]] = {}
    edits: dict[int, list[tuple[int, int, str]]] = {}
    commented: dict[int, int] = {}

    def insert(at: int, new: list[str], first: bool = False, rank: int | None = None) -> None:
        """New lines before line ``at``; new answers go before notes that belong to the entry there,
        and an answer's new baseline slot (rank -1) before a new answer that follows it."""
        before.setdefault(at, []).append((rank if rank is not None else 0 if first else 1, [s + cr for s in new]))

    # the version, keeping its quotes
    v = plan.target.version
    shown = {"'": f"'{v}'", '"': f'"{v}"'}.get(vnode.style or "", v)
    edits.setdefault(vnode.start_mark.line, []).append((vnode.start_mark.column, vnode.end_mark.column, shown))
    indent = entries[0].key_node.start_mark.column
    step = _step(entries, indent)
    style = entries[0].key_node.style
    for e in entries:
        pad = " " * e.key_node.start_mark.column
        if e.key in work.renames:
            new = work.renames[e.key]
            edits.setdefault(e.first, []).append((e.key_node.start_mark.column, e.key_node.end_mark.column,
                                                  key_text(new, e.key_node.style)))
            insert(e.first, [pad + "# " + note(plan, lang, "renamed", old=e.key, new=new)])
        for what in work.flags.get(e.key, ()):
            insert(e.first, [pad + "# " + note(plan, lang, "check", what=what)])
        if e.key in work.drop:
            insert(e.first, [pad + "# " + note(plan, lang, work.drop[e.key], id=e.key)])
            for i in range(e.first, e.last + 1):
                commented[i] = e.key_node.start_mark.column
    if work.stage:  # the empty stage slot, above answers and the comments that lead to it
        akey = doc.node_at(["answers"], key=True)
        if akey is None:
            return None
        at = akey.start_mark.line
        while at > 0 and _is_comment(lines[at - 1]):
            at -= 1
        insert(at, [" " * akey.start_mark.column + ln for ln in stage_lines(plan.target, lang)], rank=-1)
    for e in entries:
        if e.key not in work.baselines:
            continue
        if not isinstance(e.value_node, MappingNode) or e.value_node.flow_style or not e.value_node.value:
            return None  # a flow-style answer: the round trip adds the slot
        c = plan.target.clause(work.renames.get(e.key, e.key))
        assert c is not None
        inner = e.value_node.value[0][0].start_mark.column
        insert(e.last + 1, [_shift(ln, inner, step) for ln in clause_lines(c, lang)[1]], rank=-1)
    # new blank answers: after the nearest earlier clause that has an answer, else before the first
    by_key = {work.renames.get(e.key, e.key): e for e in entries if e.key not in work.drop}
    order = [c.id for c in plan.target.clauses]
    for cid in work.add:
        c = plan.target.clause(cid)
        assert c is not None
        head = " " * indent + "# " + note(plan, lang, "new" if cid in plan.new_clauses else "now_shall")
        block = [head] + blank_lines(plan.target, c, lang, indent, step, style)
        earlier = [by_key[x] for x in order[:order.index(cid)] if x in by_key]
        if earlier:
            prev = max(earlier, key=lambda e: e.last)
            at = prev.last + 1
            if at < len(lines) and not lines[at].strip() and at + 1 < len(lines):
                insert(at + 1, block + [""], first=True)  # keep the blank line that separates answers
            else:
                insert(at, block, first=True)
        else:
            insert(min(e.lead for e in entries), block, first=True)

    def emit(at: int) -> None:
        for _, new in sorted(before.get(at, ()), key=lambda p: p[0]):
            out.extend(new)

    out: list[str] = []
    old_id, new_id = plan.schema_ids()
    for i, line in enumerate(lines):
        emit(i)
        for start, end, new in sorted(edits.get(i, ()), reverse=True):
            line = line[:start] + new + line[end:]
        if i in commented:
            col = commented[i]
            body = line[:-1] if line.endswith("\r") else line
            if body.strip():
                line = body[:col] + "# " + body[col:] + (cr if line.endswith("\r") else "")
            else:
                line = " " * col + "#" + ("\r" if line.endswith("\r") else "")
        elif old_id in line and _is_comment(line):
            line = line.replace(old_id, new_id)
        out.append(line)
    emit(len(lines))
    return "\n".join(out)


def _shift(line: str, inner: int, step: int) -> str:
    """A slot line the template writes for an answer's fields at column 4 with step 2, moved to
    the file's own: its fields at column ``inner``, ``step`` spaces per level below them."""
    n = len(line) - len(line.lstrip(" "))
    return " " * (inner + (n - 4) // 2 * step) + line.lstrip(" ")


def _step(entries: list[_Entry], indent: int) -> int:
    for e in entries:
        if isinstance(e.value_node, MappingNode) and not e.value_node.flow_style and e.value_node.value:
            return max(e.value_node.value[0][0].start_mark.column - indent, 1)
    return 2

