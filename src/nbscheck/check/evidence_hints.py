"""What a clerk most likely meant when an evidence path does not work.

:mod:`nbscheck.check.evidence` judges each path; this module words the answer for a person:

* a name that differs from a file in the folder only by letter case, or by a missing suffix
  (``报告`` for ``报告.pdf``), gets "是否指 …" on NBS213;
* a whole evidence folder that does not exist is one finding (NBS266) rather than one per file;
* a backslash inside double quotes (``"evidence\\baogao.pdf"``) is an escape in YAML that silently
  eats a letter (``\\b`` becomes a backspace); NBS265 says so, and how to write it instead.
"""

from __future__ import annotations

import os
import re
from typing import Any

from ..findings import Finding, make

CODES: tuple[str, ...] = ("NBS265", "NBS266")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

# What YAML's double-quoted escapes turn into: control characters, and a few invisible spaces.
_ESCAPED = re.compile("[\x00-\x1f\x7f\x85\xa0\u2028\u2029]")
_QUOTED_BACKSLASH = re.compile(r'"[^"]*\\[^"]*"')


def backslash_finding(pos: Any, clause: str, path: str, raw: str, line: str) -> Finding | None:
    """NBS265 at ``pos`` when ``raw`` lost letters to double-quoted escapes (see :func:`backslash_problem`)."""
    bad = backslash_problem(raw, line)
    return make("NBS265", pos, clause=clause, path=path, **bad) if bad else None


def backslash_problem(raw: str, line: str) -> dict[str, Any] | None:
    """The message arguments of NBS265 when ``raw`` (as read) lost characters to escapes that the
    line's text wrote as backslashes inside double quotes; None otherwise."""
    if not _ESCAPED.search(raw) or not _QUOTED_BACKSLASH.search(line):
        return None
    m = _QUOTED_BACKSLASH.search(line)
    written = m.group(0)[1:-1] if m else raw
    shown = _ESCAPED.sub("", raw)
    return {"file": shown, "written": written, "forward": written.replace("\\", "/")}


def _listing(folder: str) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def file_suggestion(base: str, raw: str) -> str | None:
    """The path of an existing file that ``raw`` probably means (same name but for case or a suffix)."""
    norm = raw.replace("\\", "/").strip()
    parts = [p for p in norm.split("/") if p not in ("", ".")]
    if not parts or ".." in parts:
        return None
    folder = base
    fixed: list[str] = []
    for part in parts[:-1]:  # each folder on the way, matched ignoring case when needed
        names = _listing(folder)
        hit = part if part in names else next((n for n in names if n.casefold() == part.casefold()), None)
        if hit is None or not os.path.isdir(os.path.join(folder, hit)):
            return None
        fixed.append(hit)
        folder = os.path.join(folder, hit)
    name = parts[-1]
    names = [n for n in _listing(folder) if os.path.isfile(os.path.join(folder, n))]
    cands = [n for n in names if n.casefold() == name.casefold()]
    if not cands:
        cands = [n for n in names if os.path.splitext(n)[0].casefold() == name.casefold()]
    if len(cands) != 1:
        return None
    out = "/".join([*fixed, cands[0]])
    return None if out == norm else out


def missing_folder(base: str, raw: str) -> str | None:
    """The first folder on ``raw``'s way that does not exist, as written, or None."""
    parts = [p for p in raw.replace("\\", "/").split("/") if p not in ("", ".")]
    folder = base
    for i, part in enumerate(parts[:-1]):
        folder = os.path.join(folder, part)
        if not os.path.isdir(folder):
            return "/".join(parts[: i + 1])
    return None


def collapse_missing_folders(findings: list[Finding], base: str) -> list[Finding]:
    """Several NBS213 under one folder that does not exist become one NBS266 at the first of them."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        if f.code == "NBS213" and isinstance(f.args.get("file"), str):
            folder = missing_folder(base, f.args["file"])
            if folder:
                groups.setdefault(folder, []).append(f)
    gone: set[int] = set()
    out: list[Finding] = []
    for folder, fs in groups.items():
        if len(fs) < 2:
            continue
        gone.update(id(f) for f in fs)
        first = min(fs, key=Finding.sort_key)
        clauses = sorted({f.clause for f in fs if f.clause}, key=lambda c: [int(x) if x.isdigit() else x for x in c.split(".")])
        out.append(make("NBS266", first.position, clause=first.clause, path=first.path, folder=folder,
                        count=len(fs), clauses="、".join(clauses), clauses_en=", ".join(clauses)))
    if not out:
        return findings
    return [f for f in findings if id(f) not in gone] + out
