"""Check one submission against the clauses of the guideline version it answers.

Order of work, cheapest first: read and parse (:mod:`nbscheck.load`), pick the guideline version,
validate against the generated submission schema (shape, types, ranges, known clause ids), then the
rules a schema cannot say (missing shall answers, not_applicable rules, status against target,
required evidence, evidence files on disk), then the score. Findings map schema errors to the same
stable codes the hand-written rules use, so a wrong type is NBS207 however it was found.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import stat
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from .gate import compile_gate
from ..findings import Finding, Severity, make, pointer
from ..model.guideline import GuidelineError, shipped, versions
from ..yaml.load import DEFAULT_LIMITS, Document, Limits, LoadError, load_file
from ..model.indicators import target_reached, target_text
from ..model.types import Clause, Guideline
from ..model.indicators import format_value as _fmt
from ..score import Score, score
from ..suggest import did_you_mean

STATUS_ZH = {"met": "符合", "partial": "部分符合", "not_met": "不符合", "not_applicable": "不适用"}
PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
             50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}


@dataclass
class CheckResult:
    """Everything a report needs about one submission file."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    parsed: bool = False
    guideline_id: str | None = None
    guideline_version: str | None = None
    township: dict[str, Any] = field(default_factory=dict)
    period: dict[str, Any] = field(default_factory=dict)
    score: Score | None = None
    text: str | None = None  # kept only when there are findings to show source lines for

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING for f in self.findings)

    @property
    def valid(self) -> bool:
        return self.parsed and self.errors == 0

    @property
    def qualified(self) -> bool:
        return bool(self.valid and self.score and self.score.qualified)

    @property
    def io_error(self) -> bool:
        return not self.parsed and any(f.code == "NBS001" for f in self.findings)


@lru_cache(maxsize=16)
def _schema(root: str | None, version: str) -> dict[str, Any]:
    from .submission_schema import submission_schema

    return submission_schema(shipped(version, root))


@lru_cache(maxsize=16)
def _validator(root: str | None, version: str):
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema(root, version))


@lru_cache(maxsize=16)
def _gate(root: str | None, version: str):
    """A quick yes/no for the schema (see :func:`compile_gate`); None when it cannot be built."""
    return compile_gate(_schema(root, version), split="answers")


@lru_cache(maxsize=4)
def _versions(root: str | None) -> dict[str, Path]:
    return versions(Path(root) if root else None)


def check_file(path: str | Path, *, guideline_root: str | None = None, limits: Limits = DEFAULT_LIMITS,
               name: str | None = None) -> CheckResult:
    shown = name or str(path)
    result = CheckResult(file=shown)
    try:
        doc = load_file(path, limits, name=shown)
    except LoadError as e:
        result.findings = e.findings
        return result
    result.parsed = True
    base = Path(path).resolve().parent
    result.findings = list(doc.warnings) + check_document(doc, base, guideline_root, result)
    result.findings.sort(key=Finding.sort_key)
    if result.findings:
        result.text = doc.text
    return result


def check_document(doc: Document, base: Path, guideline_root: str | None, result: CheckResult) -> list[Finding]:
    data = doc.data
    out: list[Finding] = []
    gref = data.get("guideline") if isinstance(data.get("guideline"), dict) else {}
    result.township = data.get("township") if isinstance(data.get("township"), dict) else {}
    result.period = data.get("period") if isinstance(data.get("period"), dict) else {}
    known = _versions(guideline_root)
    version = gref.get("version")
    result.guideline_id = gref.get("id") if isinstance(gref.get("id"), str) else None
    if isinstance(version, (int, float)):
        version = str(version)
    if isinstance(version, str) and version in known:
        chosen = version
    elif isinstance(version, str) and version:
        out.append(make("NBS216", doc.where(["guideline", "version"]), path="/guideline/version",
                        version=version, known=", ".join(sorted(known, key=_semver))))
        return out
    else:
        chosen = max(known, key=_semver)  # validate the shape anyway; the schema reports the missing version
    result.guideline_version = chosen
    try:
        g = shipped(chosen, guideline_root)
    except GuidelineError as e:
        return out + e.findings
    if g.is_draft:
        out.append(make("NBS222", doc.where(["guideline", "version"]), path="/guideline/version", version=chosen))
    latest = _newer_release(guideline_root, chosen)
    if latest:
        out.append(make("NBS224", doc.where(["guideline", "version"]), path="/guideline/version", latest=latest))

    bad_answers: set[str] = set()
    gate = _gate(guideline_root, chosen)
    # Most files are valid: a compiled yes/no answers for them ten times faster than jsonschema,
    # which runs (and positions every error) only when the gate says no.
    if gate is None:
        errors = _validator(guideline_root, chosen).iter_errors(data)
    elif gate(data):
        errors = ()
    else:  # jsonschema sees only the answers the gate refuses, with everything else in the file
        errors = _validator(guideline_root, chosen).iter_errors(gate.failing(data))
    for err in errors:
        f = _schema_finding(doc, g, err)
        if f is None:
            continue
        out.append(f)
        p = list(err.absolute_path)
        if len(p) >= 2 and p[0] == "answers":
            bad_answers.add(str(p[1]))
    answers = data.get("answers") if isinstance(data.get("answers"), dict) else {}
    out += unknown_answers(doc, g)
    out += _period(doc, result.period)
    out += _township(doc, result.township)
    invalid = set(bad_answers)
    seen: dict[Any, Any] = {}  # what this file's evidence paths have already asked
    folder = str(base)
    for c in g.assessable:
        ans = answers.get(c.id)
        if ans is None:
            if "answers" in data or c.level == "shall":
                code = "NBS203" if c.level == "shall" else "NBS204"
                out.append(make(code, doc.where(["answers"], key=True), clause=c.id, path=pointer(["answers", c.id]), ref=c.id))
            continue
        if c.id in bad_answers or not isinstance(ans, dict):
            continue
        found = _answer(doc, g, c, ans, folder, seen)
        if found:
            if any(f.severity is Severity.ERROR for f in found):
                invalid.add(c.id)
            out += found
    errors = sum(f.severity is Severity.ERROR for f in out)
    result.score = score(g, answers, invalid, errors)
    return out


@lru_cache(maxsize=16)
def _newer_release(root: str | None, version: str) -> str | None:
    """The newest released version after ``version``, if there is one."""
    newer = [v for v, p in _versions(root).items() if p.parent.name == "releases" and _semver(v) > _semver(version)]
    return max(newer, key=_semver) if newer else None


def _semver(v: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in v.split("."))
    except ValueError:
        return (0,)


# --- schema errors to stable codes ---------------------------------------------------------------

_EXPECTED = {"boolean": ("true 或 false", "true or false"), "number": ("数字", "a number"),
             "integer": ("整数", "a whole number"), "string": ("文本", "text")}


def _schema_finding(doc: Document, g: Guideline, err) -> Finding | None:
    from ..yaml.schema import describe_value, error_finding

    path = list(err.absolute_path)
    kw = err.validator
    if path == ["answers"] and kw == "additionalProperties":
        return None  # reported per key below, by _unknown_answers
    if path == ["guideline", "id"] and kw == "const":
        return make("NBS217", doc.where(path), path=pointer(path), found=err.instance, expected=g.id)
    if len(path) >= 3 and path[0] == "answers":
        cid = str(path[1])
        c = g.clause(cid)
        pos = doc.where(path)
        ptr = pointer(path)
        if path[2:] == ["value"] and c is not None and c.assessment is not None:
            ind = c.assessment.indicator
            if kw == "type":
                t = "integer" if ind.integer else ("boolean" if ind.type == "boolean" else "string" if ind.type == "text" else "number")
                exp = _EXPECTED[t]
                if ind.type == "percentage":
                    exp = ("0–100 的百分数", "a percentage from 0 to 100")
                fz, fe = describe_value(err.instance)
                return make("NBS207", pos, clause=cid, path=ptr, expected=exp[0], expected_en=exp[1], found=fz, found_en=fe)
            if kw in ("minimum", "maximum"):
                lo, hi = ind.bounds()
                rng = f"[{_fmt(lo) if lo is not None else '-∞'}, {_fmt(hi) if hi is not None else '∞'}]"
                return make("NBS209", pos, clause=cid, path=ptr, value=_fmt(err.instance), range=rng)
            if kw == "enum":
                choices = ", ".join(ch.id for ch in ind.choices)
                return make("NBS219", pos, clause=cid, path=ptr, value=err.instance, choices=choices)
        if len(path) == 5 and path[2] == "evidence" and path[4] == "kind" and kw == "enum":
            return make("NBS218", pos, clause=cid, path=ptr, ref=err.instance,
                        **did_you_mean(str(err.instance), [k.id for k in g.evidence_kinds]))
        if path[2:] == ["unit"] and kw == "enum" and c is not None and c.assessment is not None:
            return make("NBS208", pos, clause=cid, path=ptr, expected=c.assessment.indicator.unit or "-", found=err.instance)
        f = error_finding(doc, err, "NBS200")
        return make("NBS200", f.position, clause=cid, path=f.path, **f.args)
    return error_finding(doc, err, "NBS200")


def unknown_answers(doc: Document, g: Guideline) -> list[Finding]:
    answers = doc.data.get("answers")
    if not isinstance(answers, dict):
        return []
    out = []
    assessable = [c.id for c in g.assessable]
    known = set(assessable)
    for key in answers:
        if key in known:
            continue
        pos = doc.where(["answers", key], key=True)
        if g.clause(key) is not None:
            out.append(make("NBS202", pos, clause=key, path=pointer(["answers", key]), ref=key))
        else:
            out.append(make("NBS201", pos, path=pointer(["answers", key]), ref=key, **did_you_mean(key, assessable)))
    return out


# --- rules beyond the schema ----------------------------------------------------------------------

def _answer(doc: Document, g: Guideline, c: Clause, ans: Mapping[str, Any], base: Path | str,
            seen: dict[Any, Any] | None = None) -> list[Finding]:
    """The findings for one answer. Runs for every answer of every file, so the common case (no
    finding) does no more than look: findings are built only when there is one."""
    a = c.assessment
    assert a is not None
    ind = a.indicator
    out: list[Finding] = []
    if seen is None:
        seen = {}

    def add(code: str, sub: tuple = (), **args: Any) -> None:
        p = ["answers", c.id, *sub]
        out.append(make(code, doc.where(p), clause=c.id, path=pointer(p), **args))

    given: set[Any] = set()  # evidence kinds given
    evidence = ans.get("evidence")
    if evidence and type(evidence) is list:
        folder = str(base)
        for i, e in enumerate(evidence):
            if type(e) is not dict:
                continue
            given.add(e.get("kind"))
            path = e.get("path")
            if type(path) is not str:
                continue
            sha = e.get("sha256")
            key = (path, sha if type(sha) is str else None)
            problem = seen.get(key, _UNSEEN)
            if problem is _UNSEEN:
                problem = seen[key] = evidence_problem(folder, path, key[1], seen)
            if problem:
                code, args, sub = problem
                add(code, ("evidence", i, sub), **args)

    status = ans.get("status")
    value = ans.get("value")
    if status == "not_applicable":
        if not a.not_applicable:
            add("NBS205", ("status",), ref=c.id)
        elif not str(ans.get("justification") or "").strip():
            add("NBS206", ("status",))
        return out
    if status in ("met", "partial") and value is None:
        add("NBS211", ("status",), status=status, status_zh=STATUS_ZH[status])
    unit = ans.get("unit")
    if unit is not None and unit != ind.unit:
        add("NBS208", ("unit",), expected=ind.unit or "-", found=unit)
    reached = target_reached(ind, value)
    if status == "met" and reached is False:
        add("NBS210", ("value",), status=status, status_zh=STATUS_ZH[status], value=_fmt(value),
            relation="未达到", relation_en="does not reach", target=target_text(ind))
    elif status == "not_met" and reached is True:
        add("NBS223", ("value",), value=_fmt(value), target=target_text(ind))
    if status in ("met", "partial"):
        missing = [k for k in a.evidence if k not in given]
        if missing:
            names = [g.evidence_kind(k) for k in missing]
            add("NBS212", ("evidence",) if "evidence" in ans else ("status",),
                kinds="、".join(n.name.zh if n else k for n, k in zip(names, missing)),
                kinds_en=", ".join(n.name.en if n else k for n, k in zip(names, missing)))
    return out


_DRIVE = re.compile(r"^[A-Za-z]:")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_REGULAR, _LINK, _OTHER = 1, 2, 0


_LINKED = {"why": "经过符号链接", "why_en": "it goes through a symbolic link"}


def evidence_problem(base: str, raw: str, sha256: str | None,
                     seen: dict[Any, Any]) -> tuple[str, dict[str, Any], str] | None:
    """What is wrong with one evidence path, if anything: escaping, missing, or a bad checksum.

    Paths are taken relative to the submission's folder ``base``, with ``\\`` accepted as a
    separator (townships often write Windows paths). Absolute paths, ``..``, web addresses and
    symbolic links are refused: a reviewer must be able to trust that the evidence travels with the
    submission. ``seen`` holds what this submission has already asked of the file system (each
    folder's ``lstat`` and listing); the caller keeps each path's answer there too, since answers
    often cite the same file twice.
    """
    norm = raw.replace("\\", "/") if "\\" in raw else raw
    if ":" in norm:
        if _URL.match(norm):
            return "NBS214", {"file": raw, "why": "是网址", "why_en": "a web address"}, "path"
        if _DRIVE.match(norm):
            return "NBS214", {"file": raw, "why": "是绝对路径", "why_en": "an absolute path"}, "path"
    if norm.startswith("/"):
        return "NBS214", {"file": raw, "why": "是绝对路径", "why_en": "an absolute path"}, "path"
    parts = norm.split("/")
    if "" in parts or "." in parts:  # as PurePosixPath(norm).parts, for a relative path
        parts = [x for x in parts if x not in ("", ".")]
    if ".." in parts:
        return "NBS214", {"file": raw, "why": "含有 ..", "why_en": "it goes up with .."}, "path"
    if not parts:
        return "NBS213", {"file": raw}, "path"
    name = parts.pop()
    folder = base + os.sep + os.sep.join(parts) if parts else base
    listing = seen.get(folder)
    if listing is None:
        listing = seen[folder] = _folder(base, parts, seen)
    if type(listing) is str:  # the way to the file is broken
        return ("NBS214", {"file": raw, **_LINKED}, "path") if listing == "link" else ("NBS213", {"file": raw}, "path")
    leaf = folder + os.sep + name
    entry = listing.get(name)
    kind = None
    if entry is not None:
        try:  # from the listing's file types, without a system call where the file system gives them
            kind = _LINK if entry.is_symlink() else _REGULAR if entry.is_file(follow_symlinks=False) else _OTHER
        except OSError:
            kind = None
    if kind is None:  # not listed under that exact name: ask the file system (it may ignore case)
        st = _lstat(leaf)
        kind = None if st is None else _LINK if stat.S_ISLNK(st.st_mode) else _REGULAR if stat.S_ISREG(st.st_mode) else _OTHER
    if kind == _LINK:
        return "NBS214", {"file": raw, **_LINKED}, "path"
    if kind != _REGULAR:
        return "NBS213", {"file": raw}, "path"
    if sha256 and isinstance(sha256, str):
        st = _lstat(leaf)
        if st is None or not stat.S_ISREG(st.st_mode):
            return "NBS213", {"file": raw}, "path"
        if _sha256(leaf, st.st_size, st.st_mtime_ns) != sha256.lower():
            return "NBS215", {"file": raw}, "sha256"
    return None


def _folder(base: str, parts: list[str], seen: dict[Any, Any]) -> dict[str, os.DirEntry[str]] | str:
    """The listing of ``base/parts...``, or ``"link"`` / ``"missing"`` when the way there goes
    through a symbolic link or something that is not a folder. Every step is asked with ``lstat``
    (once per submission), so a link anywhere on the way is refused."""
    folder = base
    st = None
    for part in parts:
        folder = folder + os.sep + part
        st = seen.get((folder,), _UNSEEN)
        if st is _UNSEEN:
            st = seen[(folder,)] = _lstat(folder)
        if st is None:
            return "missing"
        if stat.S_ISLNK(st.st_mode):
            return "link"
        if not stat.S_ISDIR(st.st_mode):
            return "missing"
    if st is None:  # the submission's own folder
        st = _lstat(folder)
        if st is None or not stat.S_ISDIR(st.st_mode):
            return {}
    if time.time_ns() - st.st_mtime_ns < 2_000_000_000:
        return _listing.__wrapped__(folder, st.st_dev, st.st_ino, st.st_mtime_ns)
    return _listing(folder, st.st_dev, st.st_ino, st.st_mtime_ns)


_UNSEEN: Any = object()
_GONE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)  # what pathlib's is_file treats as "no"


def _lstat(path: str) -> os.stat_result | None:
    """``os.lstat``, or None when there is nothing there (as pathlib's ``is_symlink`` judges)."""
    try:
        return os.lstat(path)
    except ValueError:  # a NUL in the path
        return None
    except OSError as e:
        if e.errno in _GONE or getattr(e, "winerror", None) in (21, 123, 1921):
            return None
        raise


@lru_cache(maxsize=64)
def _listing(folder: str, dev: int, ino: int, mtime_ns: int) -> dict[str, os.DirEntry[str]]:
    """What ``folder`` holds, name by name (each entry knows whether it is a file or a link).

    One directory listing answers for every evidence file in a folder, where one ``lstat`` each
    would cost a system call apiece (a submission cites a hundred or more). Listings are kept for
    the run, keyed by the folder's identity and modification time, which change whenever an entry
    is added, removed or renamed. A folder changed in the last two seconds is listed afresh each
    time (as git treats "racy" files), since a change within the clock's granularity keeps the time.
    """
    try:
        with os.scandir(folder) as it:
            return {e.name: e for e in it}
    except OSError:
        return {}


@lru_cache(maxsize=4096)
def _sha256(path: str, size: int, mtime: int) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _period(doc: Document, period: Mapping[str, Any]) -> list[Finding]:
    out = []
    dates: dict[str, dt.date] = {}
    for key in ("start", "end"):
        v = period.get(key)
        if isinstance(v, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", v):
            try:
                dates[key] = dt.date.fromisoformat(v)
            except ValueError:
                out.append(make("NBS221", doc.where(["period", key]), path=f"/period/{key}",
                                problem=f"{v} 不是有效日期", problem_en=f"{v} is not a real date"))
    if len(dates) == 2 and dates["end"] < dates["start"]:
        out.append(make("NBS221", doc.where(["period", "end"]), path="/period/end",
                        problem="结束日期早于开始日期", problem_en="the end comes before the start"))
    return out


def _township(doc: Document, township: Mapping[str, Any]) -> list[Finding]:
    code = township.get("code")
    if isinstance(code, str) and re.fullmatch(r"[0-9]{9}", code) and int(code[:2]) not in PROVINCES:
        return [make("NBS220", doc.where(["township", "code"]), path="/township/code", division=code, prefix=code[:2])]
    return []
