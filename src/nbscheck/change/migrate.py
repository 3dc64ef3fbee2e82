"""``nbscheck migrate``: carry a submission to a newer guideline version, keeping the user's file as it is.

What it does, from the diff of the two versions (:mod:`.plan`, composed through the releases in
between):

* ``guideline: version`` becomes the target version (and the editor schema URL that ``nbscheck init``
  writes in the header, if it is there);
* an answer to a renumbered clause gets the new id as its key, with a comment saying so;
* a clause that is new to submissions (added, or assessed for the first time), or that became a
  shall clause and had no answer, gets a blank answer with the clause's text in comments, as
  ``nbscheck init`` writes it;
* an answer to a clause that was removed, or is no longer assessed, is commented out with a line
  above it saying why, so nothing the township wrote is lost and the file still checks;
* when the target version has assessment stages and the file names none, an empty ``stage:`` slot
  goes above ``answers`` (NBS272); an answer carried to a clause that is now judged against the
  township's baseline gets an empty ``baseline:`` slot (value, year, evidence; NBS273), as
  ``nbscheck init`` writes them;
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

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..findings import Finding, Position, make
from ..model.blank import blank_data
from ..yaml.load import DEFAULT_LIMITS, Document, LoadError, Limits, decode, load_text
from .describe import describe
from .edit_lines import edit_lines
from .edit_roundtrip import edit_round_trip
from .pairing import semver
from .plan import Plan, Work, affects, needs_baseline

CODES: tuple[str, ...] = (
    "NBS010", "NBS095", "NBS217", "NBS222", "NBS310", "NBS311", "NBS312", "NBS313", "NBS314", "NBS315", "NBS316", "NBS324", "NBS325", "NBS326", "NBS272", "NBS273",
)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

BOM = "\ufeff"

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
        new_text = edit_lines(doc, text, plan, work, lang)
    if new_text is None or not _same(new_text, name, expected):
        method = "round-trip"
        new_text = edit_round_trip(text, plan, work, lang)
        if not _same(new_text, name, expected):
            raise MigrateError([make("NBS326", Position(name), problem="修改后的文件读回来与预期不符，未写入任何文件",
                                     problem_en="the edited file does not read back as intended; nothing was written")])
    findings.sort(key=Finding.sort_key)
    return Migration(new_text, bom, findings, method, new_text != text)


def _work(doc: Document, plan: Plan, answers: dict[str, Any], lang: str, findings: list[Finding]) -> Work:
    renames: dict[str, str] = {}
    drop: dict[str, str] = {}
    flags: dict[str, list[str]] = {}
    final: dict[str, str] = {}
    baselines: list[str] = []
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
            if needs_baseline(clause, answers[key]):
                baselines.append(key)
                findings.append(make("NBS273", pos, clause=new, id=new))
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
    stage = bool(plan.target.rules.stages) and "stage" not in doc.data
    if stage:
        findings.append(make("NBS272", where, path="/stage", version=dst_v,
                             known=", ".join(st.id for st in plan.target.rules.stages)))
    return Work(renames, drop, add, flags, stage, baselines)


def _expected(data: dict[str, Any], plan: Plan, work: Work) -> dict[str, Any]:
    out = dict(data)
    g = dict(out.get("guideline") or {})
    g["version"] = plan.target.version
    out["guideline"] = g
    if work.stage:
        out["stage"] = None
    answers = {}
    for k, v in (data.get("answers") or {}).items():
        if k in work.drop:
            continue
        new = work.renames.get(k, k)
        if k in work.baselines:
            c = plan.target.clause(new)
            assert c is not None
            v = dict(v, baseline=blank_data(c)["baseline"])
        answers[new] = v
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
