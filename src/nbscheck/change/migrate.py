"""``nbscheck migrate``: carry a submission to a newer guideline version, keeping the user's file as it is.

What it does, from the diff of the two versions (:mod:`nbscheck.diff`, composed through the
releases in between):

* ``guideline: version`` becomes the target version (and the editor schema URL that ``nbscheck init``
  writes in the header, if it is there);
* an answer to a renumbered clause gets the new id as its key, with a comment saying so;
* a clause that is new to submissions (added, or assessed for the first time), or that became a
  shall clause and had no answer, gets a blank answer with the clause's text in comments, as
  ``nbscheck init`` writes it;
* an answer to a clause that was removed, or is no longer assessed, is commented out with a line
  above it saying why, so nothing the township wrote is lost and the file still checks;
* an answer a breaking change actually affects (its value no longer reaches a raised target, names an
  option that is gone, lacks a kind of evidence now required, says not_applicable where that is no
  longer allowed, ...) gets a comment above it saying what to check.

How the file is edited: the answers are located with the positions of the parsed YAML (key and
value nodes), and only the lines that must change are rewritten; new lines are inserted between
existing ones. Every other byte (comments, blank lines, quoting, flow or block style, indentation,
line endings, a byte-order mark) stays exactly as it was. ruamel.yaml's round-trip dumper keeps
comments too, but re-indents every sequence to one style and re-flows some scalars, so it is used
only as the fallback for layouts that cannot be edited line by line (an ``answers`` mapping written
in flow style ``{...}``). Either way the result is read back and compared with the intended data
before anything is written; if they differ, nothing is written.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..model.indicators import target_reached, target_text
from .diff import BREAKING, FLAG, ClauseChange, describe, diff_guidelines, semver
from ..findings import Finding, Position, make
from ..yaml.decode import decode
from ..yaml.document import Document
from ..yaml.errors import LoadError
from ..yaml.limits import DEFAULT_LIMITS, Limits
from ..yaml.load import load_text
from ..vocabulary import level_zh
from ..model.clauses import Clause
from ..model.types import Guideline

CODES: tuple[str, ...] = (
    "NBS010", "NBS095", "NBS217", "NBS222", "NBS310", "NBS311", "NBS312", "NBS313", "NBS314", "NBS315", "NBS316", "NBS324", "NBS325", "NBS326",
)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

BOM = "\ufeff"


# --- the plan: what happens to each clause -----------------------------------------------------------

@dataclass
class Plan:
    source: Guideline
    target: Guideline
    carried: dict[str, str]                # old assessed id -> new assessed id
    dropped: dict[str, str]                # old assessed id -> "removed" | "not-assessed"
    new_clauses: list[str]                 # assessed in the target, new to submissions
    now_shall: list[str]                   # assessed shall clauses that were not shall before
    flags: dict[str, list[ClauseChange]]   # new id -> breaking changes to check in its answer

    @property
    def renames(self) -> dict[str, str]:
        return {o: n for o, n in self.carried.items() if o != n}


def make_plan(source: Guideline, target: Guideline, chain: Sequence[Guideline] = ()) -> Plan:
    d = diff_guidelines(source, target, chain)
    mapping = d.mapping()
    carried: dict[str, str] = {}
    dropped: dict[str, str] = {}
    for c in source.assessable:
        n_id = mapping.get(c.id)
        n = target.clause(n_id) if n_id else None
        if n is None:
            dropped[c.id] = "removed"
        elif not n.assessable:
            dropped[c.id] = "not-assessed"
        else:
            carried[c.id] = n.id
    origin = {n: o for o, n in mapping.items()}
    new_clauses, now_shall = [], []
    for n in target.assessable:
        o = source.clause(origin.get(n.id, "")) if n.id in origin else None
        if o is None or not o.assessable:
            new_clauses.append(n.id)
        elif n.level == "shall" and o.level != "shall":
            now_shall.append(n.id)
    flags: dict[str, list[ClauseChange]] = {}
    for ch in d.changes:
        if ch.cls == BREAKING and ch.migrate == FLAG and ch.new_id:
            flags.setdefault(ch.new_id, []).append(ch)
    return Plan(source, target, carried, dropped, new_clauses, now_shall, flags)


def affects(change: ClauseChange, clause: Clause, answer: Any) -> bool:
    """Whether a breaking change really touches this answer (so the file is not littered with flags)."""
    if not isinstance(answer, dict):
        return False
    status, value = answer.get("status"), answer.get("value")
    a = clause.assessment
    if a is None:
        return False
    ind = a.indicator
    if change.kind == "not_applicable":
        return status == "not_applicable"
    if change.kind == "evidence":
        if status not in ("met", "partial"):
            return False
        given = {e.get("kind") for e in answer.get("evidence") or () if isinstance(e, dict)}
        return any(k not in given for k in a.evidence)
    if change.kind == "target":
        return status == "met" and target_reached(ind, value) is False
    if change.kind == "indicator":
        if change.field == "unit":
            return value is not None or "unit" in answer
        if value is None:
            return False
        if change.field == "choices":
            return value not in [c.id for c in ind.choices]
        if change.field == "range":
            lo, hi = ind.bounds()
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return True
            return (lo is not None and value < lo) or (hi is not None and value > hi)
        if change.field == "integer":
            return not (isinstance(value, int) and not isinstance(value, bool))
        return True  # type
    return True


# --- the result ---------------------------------------------------------------------------------------

@dataclass
class Migration:
    text: str                                   # the new file's text (without the BOM)
    bom: bool = False
    findings: list[Finding] = field(default_factory=list)
    method: str = "lines"                       # lines | round-trip
    changed: bool = True

    @property
    def output(self) -> str:
        return (BOM if self.bom else "") + self.text


class MigrateError(Exception):
    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.message("en") for f in findings))
        self.findings = findings


# --- words for the comments migrate writes ---------------------------------------------------------

_W = {
    "zh": {"renamed": "原条款 {old} 改号为 {new}", "new": "新条款，请填写", "now_shall": "改为“应”条款，请填写",
           "removed": "条款 {id} 已删除，原答复保留如下", "not-assessed": "条款 {id} 不再评估，原答复保留如下",
           "check": "请核对：{what}", "indicator": "指标", "type": "类型", "unit": "单位", "target": "目标",
           "choices": "选项", "evidence": "证据", "points": "分值", "dimension": "维度", "no_na": "不允许答“不适用”",
           "types": {"boolean": "是/否 (true/false)", "number": "数值", "percentage": "百分数 0–100",
                     "choice": "选项", "text": "文本"}},
    "en": {"renamed": "clause {old} is now {new}", "new": "new clause, please fill in",
           "now_shall": "now a shall clause, please fill in",
           "removed": "clause {id} was removed; the old answer is kept below",
           "not-assessed": "clause {id} is no longer assessed; the old answer is kept below",
           "check": "please check: {what}", "indicator": "Indicator", "type": "Type", "unit": "Unit", "target": "Target",
           "choices": "Options", "evidence": "Evidence", "points": "Points", "dimension": "Dimension",
           "no_na": "not_applicable is not allowed",
           "types": {"boolean": "yes/no (true/false)", "number": "number", "percentage": "percentage 0-100",
                     "choice": "one option", "text": "text"}},
}


def _tag(plan: Plan) -> str:
    return f"nbscheck migrate {plan.source.version} → {plan.target.version}"


def _note(plan: Plan, lang: str, key: str, **args: Any) -> str:
    return f"# {_tag(plan)}: " + _W[lang][key].format(**args)


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def _key(cid: str, style: str | None) -> str:
    if style == "'":
        return "'" + cid.replace("'", "''") + "'"
    if style == '"' or not re.fullmatch(r"[0-9A-Za-z][0-9A-Za-z.\-]*", cid):
        return _q(cid)
    return cid


def blank_lines(g: Guideline, c: Clause, lang: str, indent: int, step: int, key_style: str | None,
                head: str) -> list[str]:
    """A blank answer for ``c`` with its clause described in comments, like ``nbscheck init`` writes."""
    a = c.assessment
    assert a is not None
    w = _W[lang]
    ind = a.indicator
    pad, pad2, pad3 = " " * indent, " " * (indent + step), " " * (indent + 2 * step)
    line = f"{pad}#   {w['indicator']}: {ind.name.get(lang)}; {w['type']}: {w['types'][ind.type]}"
    if ind.unit:
        unit = g.units.get(ind.unit)
        line += f"; {w['unit']}: {ind.unit}" + (f" ({unit.get(lang)})" if unit else "")
    out = [f"{pad}{head}", f"{pad}# {c.id} [{level_zh(c.level)}/{c.level}] {c.text.get(lang)}", line,
           f"{pad}#   {w['target']}: {target_text(ind)}"]
    if ind.choices:
        out.append(f"{pad}#   {w['choices']}: " + ", ".join(f"{x.id} ({x.name.get(lang)})" for x in ind.choices))
    kinds = ", ".join(f"{k} ({g.evidence_kind(k).name.get(lang)})" if g.evidence_kind(k) else k for k in a.evidence)
    dim = g.dimension(a.dimension)
    extra = f"; {w['no_na']}" if not a.not_applicable else ""
    out.append(f"{pad}#   {w['evidence']}: {kinds or '-'}; {w['points']}: {a.points}; "
               f"{w['dimension']}: {dim.name.get(lang) if dim else a.dimension}{extra}")
    out += [f"{pad}{_key(c.id, key_style)}:", f"{pad2}status:          # met | partial | not_met | not_applicable",
            f"{pad2}value:"]
    if a.evidence:
        out.append(f"{pad2}evidence:")
        out += [f"{pad3}- {{path: \"\", kind: {k}, description: \"\"}}" for k in a.evidence]
    else:
        out.append(f"{pad2}evidence: []")
    out.append(f"{pad2}note: \"\"")
    return out


def blank_data(c: Clause) -> dict[str, Any]:
    a = c.assessment
    assert a is not None
    return {"status": None, "value": None,
            "evidence": [{"path": "", "kind": k, "description": ""} for k in a.evidence], "note": ""}


# --- the edit ------------------------------------------------------------------------------------------

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


_ODD_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def migrate_text(text: str, name: str, plan: Plan, lang: str = "zh") -> Migration:
    """The migrated text of a submission, with findings (positions in the input) saying what was done."""
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    try:
        doc = load_text(text, name)
    except LoadError as e:
        raise MigrateError(e.findings) from None
    data = doc.data
    findings: list[Finding] = []
    gref = data.get("guideline") if isinstance(data.get("guideline"), dict) else {}
    if gref.get("id") != plan.target.id:
        raise MigrateError([make("NBS217", doc.where(["guideline", "id"]), path="/guideline/id",
                                 found=gref.get("id"), expected=plan.target.id)])
    answers = data.get("answers") if isinstance(data.get("answers"), dict) else {}
    work = _work(doc, plan, answers, lang, findings)
    expected = _expected(data, plan, work)
    method = "lines"
    new_text = None
    if not _ODD_BREAKS.search(text):
        new_text = _edit_lines(doc, text, plan, work, lang)
    if new_text is None or not _same(new_text, name, expected):
        method = "round-trip"
        new_text = _edit_round_trip(text, plan, work, lang)
        if not _same(new_text, name, expected):
            raise MigrateError([make("NBS326", Position(name), problem="修改后的文件读回来与预期不符，未写入任何文件",
                                     problem_en="the edited file does not read back as intended; nothing was written")])
    findings.sort(key=Finding.sort_key)
    return Migration(new_text, bom, findings, method, new_text != text)


@dataclass
class _Work:
    renames: dict[str, str]            # answer key -> new key
    drop: dict[str, str]               # answer key -> reason
    add: list[str]                     # new ids to add, in target order
    flags: dict[str, list[str]]        # answer key -> lines of what to check


def _work(doc: Document, plan: Plan, answers: dict[str, Any], lang: str, findings: list[Finding]) -> _Work:
    renames: dict[str, str] = {}
    drop: dict[str, str] = {}
    flags: dict[str, list[str]] = {}
    final: dict[str, str] = {}
    src_v, dst_v = plan.source.version, plan.target.version
    for key in answers:
        pos = doc.where(["answers", key], key=True)
        if key in plan.carried:
            new = plan.carried[key]
            if new != key:
                renames[key] = new
                findings.append(make("NBS310", pos, clause=new, old=key, new=new))
            clause = plan.target.clause(new)
            assert clause is not None
            for ch in plan.flags.get(new, ()):
                if affects(ch, clause, answers[key]):
                    flags.setdefault(key, []).append(describe(ch, lang))
                    findings.append(make("NBS315", pos, clause=new, id=new, what=describe(ch, "zh"), what_en=describe(ch, "en")))
            target_key = new
        elif key in plan.dropped:
            drop[key] = plan.dropped[key]
            code = "NBS313" if drop[key] == "removed" else "NBS314"
            findings.append(make(code, pos, clause=key, id=key, version=dst_v))
            continue
        else:
            findings.append(make("NBS325", pos, clause=key, ref=key, version=src_v))
            target_key = key
        if target_key in final:
            raise MigrateError([make("NBS324", pos, clause=target_key, id=target_key, first=final[target_key], second=key)])
        final[target_key] = key
    add = []
    where = doc.where(["answers"], key=True)
    for cid in plan.new_clauses + plan.now_shall:
        if cid not in final:
            add.append(cid)
            findings.append(make("NBS311" if cid in plan.new_clauses else "NBS312", where, clause=cid, id=cid))
    order = {c.id: i for i, c in enumerate(plan.target.clauses)}
    add.sort(key=lambda c: order[c])
    vpos = doc.where(["guideline", "version"])
    findings.append(make("NBS316", vpos, path="/guideline/version", old=src_v, new=dst_v))
    if plan.target.is_draft:
        findings.append(make("NBS222", vpos, path="/guideline/version", version=dst_v))
    return _Work(renames, drop, add, flags)


def _expected(data: dict[str, Any], plan: Plan, work: _Work) -> dict[str, Any]:
    out = dict(data)
    g = dict(out.get("guideline") or {})
    g["version"] = plan.target.version
    out["guideline"] = g
    answers = {}
    for k, v in (data.get("answers") or {}).items():
        if k in work.drop:
            continue
        answers[work.renames.get(k, k)] = v
    for cid in work.add:
        c = plan.target.clause(cid)
        assert c is not None
        answers[cid] = blank_data(c)
    out["answers"] = answers
    return out


def _same(text: str, name: str, expected: dict[str, Any]) -> bool:
    try:
        return load_text(text, name).data == expected
    except LoadError:
        return False


def _schema_ids(plan: Plan) -> tuple[str, str]:
    from ..model.addresses import schema_id

    return schema_id(plan.source), schema_id(plan.target)


def _edit_lines(doc: Document, text: str, plan: Plan, work: _Work, lang: str) -> str | None:
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

    def insert(at: int, new: list[str], first: bool = False) -> None:
        """New lines before line ``at``; new answers go before notes that belong to the entry there."""
        before.setdefault(at, []).append((0 if first else 1, [s + cr for s in new]))

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
                                                  _key(new, e.key_node.style)))
            insert(e.first, [pad + _note(plan, lang, "renamed", old=e.key, new=new)])
        for what in work.flags.get(e.key, ()):
            insert(e.first, [pad + _note(plan, lang, "check", what=what)])
        if e.key in work.drop:
            insert(e.first, [pad + _note(plan, lang, work.drop[e.key], id=e.key)])
            for i in range(e.first, e.last + 1):
                commented[i] = e.key_node.start_mark.column
    # new blank answers: after the nearest earlier clause that has an answer, else before the first
    by_key = {work.renames.get(e.key, e.key): e for e in entries if e.key not in work.drop}
    order = [c.id for c in plan.target.clauses]
    for cid in work.add:
        c = plan.target.clause(cid)
        assert c is not None
        head = _note(plan, lang, "new" if cid in plan.new_clauses else "now_shall")
        block = blank_lines(plan.target, c, lang, indent, step, style, head)
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
    old_id, new_id = _schema_ids(plan)
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


def _step(entries: list[_Entry], indent: int) -> int:
    for e in entries:
        if isinstance(e.value_node, MappingNode) and not e.value_node.flow_style and e.value_node.value:
            return max(e.value_node.value[0][0].start_mark.column - indent, 1)
    return 2


# --- the fallback: ruamel.yaml round trip --------------------------------------------------------------

def _edit_round_trip(text: str, plan: Plan, work: _Work, lang: str) -> str:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    data = yaml.load(text)
    version = data["guideline"]["version"]
    data["guideline"]["version"] = type(version)(plan.target.version) if isinstance(version, str) else plan.target.version
    answers = data.get("answers")
    if not isinstance(answers, CommentedMap):
        answers = CommentedMap()
        data["answers"] = answers
    answers.fa.set_block_style()  # so that the comments below have lines of their own
    original = [str(k) for k in answers.keys()]
    key_type = type(next(iter(answers))) if answers and isinstance(next(iter(answers)), str) else str
    notes: dict[str, list[str]] = {}
    dropped: list[tuple[int, list[str]]] = []
    for i, k in enumerate(list(answers.keys())):
        ks = str(k)
        if ks in work.drop:
            buf = io.StringIO()
            yaml.dump({ks: answers[k]}, buf)
            lines = [f"{_tag(plan)}: " + _W[lang][work.drop[ks]].format(id=ks)] + buf.getvalue().splitlines()
            dropped.append((i, lines))
            del answers[k]
        elif ks in work.renames:
            pos = list(answers.keys()).index(k)
            value = answers.pop(k)
            new = work.renames[ks]
            answers.insert(pos, type(k)(new) if isinstance(k, str) else new, value)
            notes.setdefault(new, []).append(f"{_tag(plan)}: " + _W[lang]["renamed"].format(old=ks, new=new))
    order = [c.id for c in plan.target.clauses]
    for cid in work.add:
        c = plan.target.clause(cid)
        assert c is not None
        blank = CommentedMap()
        for k, v in blank_data(c).items():
            if k == "evidence":
                seq = CommentedSeq()
                for item in v:
                    m = CommentedMap(item)
                    m.fa.set_flow_style()
                    seq.append(m)
                v = seq
            blank[k] = v
        present = [str(k) for k in answers.keys()]
        earlier = [i for i, k in enumerate(present) if k in order and order.index(k) < order.index(cid)]
        answers.insert(earlier[-1] + 1 if earlier else 0, key_type(cid), blank)
        head = _W[lang]["new" if cid in plan.new_clauses else "now_shall"]
        notes.setdefault(cid, []).extend([f"{_tag(plan)}: {head}", f"{cid} {c.text.get(lang)}"])
    # an answer commented out goes before the answer that followed it, else after the one before it
    final = [str(k) for k in answers.keys()]
    for i, lines in dropped:
        after = [work.renames.get(k, k) for k in original[i + 1:] if k not in work.drop]
        target = after[0] if after else (final[-1] if final else None)
        if target is None:
            data.yaml_set_comment_before_after_key("answers", before="\n".join(lines))
        else:
            notes.setdefault(target, [])[:0] = lines
    for k, whats in work.flags.items():
        notes.setdefault(work.renames.get(k, k), []).extend(f"{_tag(plan)}: " + _W[lang]["check"].format(what=w)
                                                            for w in whats)
    for key, lines in notes.items():
        answers.yaml_set_comment_before_after_key(key, before="\n".join(lines), indent=2)
    buf = io.StringIO()
    yaml.dump(data, buf)
    old_id, new_id = _schema_ids(plan)
    return buf.getvalue().replace(old_id, new_id)


# --- files and versions --------------------------------------------------------------------------------

def read_source(path: str | Path, limits: Limits | None = None) -> tuple[str, str]:
    """The file's text exactly as it is (no newline translation), BOM included.

    Held to the checker's limits: a file over ``limits.max_bytes`` is refused before it is read, and
    so is anything but a regular file (a named pipe would block the read)."""
    limits = limits or DEFAULT_LIMITS
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise LoadError([make("NBS095", Position(str(path)), file=str(path), what="特殊文件", what_en="a special file")])
    if st.st_size > limits.max_bytes:
        raise LoadError([make("NBS010", Position(str(path)), size=st.st_size, limit=limits.max_bytes)])
    raw = Path(path).read_bytes()
    text, _ = decode(raw, str(path))
    if raw.startswith(b"\xef\xbb\xbf"):
        text = BOM + text
    return text, str(path)


def chain_between(known: dict[str, Path], low: str, high: str) -> list[Path]:
    lo, hi = semver(low), semver(high)
    return [known[v] for v in sorted(known, key=semver) if lo < semver(v) < hi and known[v].parent.name == "releases"]
