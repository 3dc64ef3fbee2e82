"""``nbscheck check --staged``: check what a commit will hold, for the pre-commit hook.

The hook used to run only when a YAML file changed and to read the working tree, so a commit that
edited, deleted or never added an evidence file went through. Here git says what is staged
(``git diff --cached``, deletions included); every submission whose folder holds a staged change is
checked as the index has it: its folder's tracked files are written from the index into a temporary
folder (``git checkout-index``) and checked there, so evidence must be committed with the submission
and a changed one fails its SHA-256. Evidence that is on disk but not in the index is reported as
NBS404 rather than as missing.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path, PurePosixPath
from typing import Iterator, Sequence

from ..check.batch import SUFFIXES
from ..check.checker import check_file
from ..check.result import CheckResult
from ..findings import Finding, Position, make
from ..yaml.limits import Limits

CODES: tuple[str, ...] = ("NBS404",)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

DEFAULT_FOLDERS = re.compile(r"(^|/)(submissions?|self-assessments?)/")
"""Without paths, the submissions are the YAML files in folders named like this (as the hook's ``files``)."""


class GitError(Exception):
    """git is missing, or this is not a git work tree."""


def _git(top: Path | None, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(["git", *args], cwd=top, input=stdin, capture_output=True)
    except OSError as e:
        raise GitError(str(e)) from None
    if proc.returncode != 0:
        raise GitError(proc.stderr.decode("utf-8", "replace").strip())
    return proc.stdout


def _names(out: bytes) -> list[str]:
    return [n.decode("utf-8", "surrogateescape") for n in out.split(b"\0") if n]


def _submissions(tracked: Sequence[str], top: Path, paths: Sequence[str]) -> list[str]:
    """Tracked YAML files under ``paths`` (relative to the work tree's top), or in the default folders."""
    here = Path.cwd().resolve()
    scopes = [PurePosixPath(os.path.relpath((here / p).resolve(), top)).as_posix() for p in paths]
    out = []
    for name in tracked:
        pp = PurePosixPath(name)
        if pp.suffix.lower() not in SUFFIXES or any(part.startswith(".") for part in pp.parts):
            continue
        if scopes:
            if any(s == "." or name == s or name.startswith(s.rstrip("/") + "/") for s in scopes):
                out.append(name)
        elif DEFAULT_FOLDERS.search(name):
            out.append(name)
    return out


def _folder(name: str) -> str:
    parent = PurePosixPath(name).parent.as_posix()
    return "" if parent == "." else parent + "/"


def staged_results(paths: Sequence[str], *, guideline_root: str | None, limits: Limits,
                   keep_text: bool) -> Iterator[CheckResult]:
    """A result for every submission a staged change touches (none when the commit touches none)."""
    top = Path(_git(None, "rev-parse", "--show-toplevel").decode().strip()).resolve()
    changed = _names(_git(top, "diff", "--cached", "--name-only", "--no-renames", "-z"))
    tracked = _names(_git(top, "ls-files", "-z"))
    affected = [s for s in _submissions(tracked, top, paths)
                if s in changed or any(c.startswith(_folder(s)) for c in changed)]
    if not affected:
        return
    folders = sorted({_folder(s) for s in affected})
    wanted = [t for t in tracked if any(t.startswith(f) for f in folders)]
    with tempfile.TemporaryDirectory(prefix="nbscheck-staged-") as tmp:
        _git(top, "checkout-index", "-z", "--stdin", f"--prefix={tmp}/", stdin=b"\0".join(w.encode() for w in wanted))
        for s in affected:
            shown = os.path.relpath(top / s)
            r = check_file(Path(tmp) / s, guideline_root=guideline_root, limits=limits, name=shown)
            r.findings = [_untracked(f, top, s) for f in r.findings]
            if not keep_text:
                r.text = None
            yield r


def _untracked(f: Finding, top: Path, submission: str) -> Finding:
    """A cited evidence file missing from the index but present on disk is untracked, not missing."""
    if f.code != "NBS213" or not (top / _folder(submission) / str(f.args.get("file", ""))).exists():
        return f
    return make("NBS404", Position(f.file, f.line, f.column), clause=f.clause, path=f.path, file=f.args["file"])
