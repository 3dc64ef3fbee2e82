"""Turn one side of ``nbscheck diff OLD NEW`` into a loaded guideline.

A side is, tried in this order:

1. a version the checker knows (``1.0.0`` or ``v1.0.0``): a frozen release under
   ``guideline/releases/`` or the working version;
2. a folder holding ``guideline.yaml`` (or holding ``guideline/guideline.yaml``, such as a checkout);
3. a git revision of the repository around the current folder (``HEAD``, ``main``, ``v1.0.0``,
   ``HEAD~2``), whose ``guideline/`` folder is taken with ``git archive`` into a temporary folder;
   ``REV:PATH`` names another folder inside that revision.

Files of a git side are shown as ``REV:guideline/chapters/...`` in positions, never as the
temporary path. A :class:`Resolver` owns the temporary folders; use it as a context manager.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from .pairing import semver
from ..findings import Finding, Position, has_errors, make
from ..model.guideline import META, load_guideline, versions
from ..model.types import Guideline
from ..resources import guideline_dir

CODES: tuple[str, ...] = ("NBS301", "NBS302", "NBS303")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


MAX_REVISION_FILES = 2000
MAX_REVISION_BYTES = 64 * 1024 * 1024
"""Bounds on a guideline folder taken from a git revision (files, bytes), checked before unpacking."""


class SideError(Exception):
    """A side cannot be resolved or loaded; carries the bilingual findings that say why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.message("en") for f in findings))
        self.findings = findings


@dataclass
class Resolved:
    spec: str
    kind: str  # version | folder | git
    root: Path
    guideline: Guideline
    label: str
    known: dict[str, Path] = field(default_factory=dict)  # releases visible from this side


def strip_v(spec: str) -> str:
    return spec[1:] if spec[:1] in ("v", "V") and spec[1:2].isdigit() else spec


def _releases_near(root: Path) -> dict[str, Path]:
    """Releases seen from a guideline folder: its own ``releases/``, or its siblings if it is one."""
    out = {}
    if root.parent.name == "releases":
        for d in sorted(root.parent.iterdir()):
            if (d / META).is_file():
                out[d.name] = d
    out.update({v: p for v, p in versions(root).items() if p != root})
    return out


class Resolver:
    """Resolves sides against the shipped versions and the git repository around ``cwd``."""

    def __init__(self, cwd: str | Path | None = None, base: Path | None = None):
        self.cwd = Path(cwd or os.getcwd())
        self.base = base or guideline_dir()
        self._stack = ExitStack()

    def __enter__(self) -> "Resolver":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stack.close()

    def known(self) -> dict[str, Path]:
        return versions(self.base)

    def resolve(self, spec: str) -> Resolved:
        known = self.known()
        version = strip_v(spec)
        if version in known:
            return self._load(spec, "version", known[version], spec)
        folder = Path(spec) if Path(spec).is_absolute() else self.cwd / spec
        if folder.is_dir():
            if not (folder / META).is_file() and (folder / "guideline" / META).is_file():
                folder = folder / "guideline"
            if (folder / META).is_file():
                return self._load(spec, "folder", folder, spec)
            reason = (f"：文件夹 {spec} 中没有 guideline.yaml", f": the folder {spec} has no guideline.yaml")
            raise SideError([self._unknown(spec, known, reason)])
        return self._git(spec, known)

    def _unknown(self, spec: str, known: dict[str, Path], reason: tuple[str, str] = ("", "")) -> Finding:
        listed = ", ".join(sorted(known, key=semver)) or "-"
        return make("NBS301", Position(spec), side=spec, known=listed, reason=reason[0], reason_en=reason[1])

    # --- git ----------------------------------------------------------------------------------------

    def _run(self, *args: str, binary: bool = False) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=self.cwd, capture_output=True, text=not binary, check=False,
                              env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"})

    def _git(self, spec: str, known: dict[str, Path]) -> Resolved:
        rev, _, sub = spec.partition(":")
        if not rev or rev.startswith("-") or shutil.which("git") is None:
            raise SideError([self._unknown(spec, known)])
        top = self._run("rev-parse", "--show-toplevel")
        if top.returncode != 0:
            raise SideError([self._unknown(spec, known, ("（当前文件夹不在 git 仓库中）", " (the current folder is not in a git repository)"))])
        toplevel = Path(top.stdout.strip())
        ok = self._run("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
        if ok.returncode != 0:
            raise SideError([self._unknown(spec, known)])
        path = sub.strip("/") or self._default_path(toplevel)
        too_big = self._too_big(rev, path)
        if too_big:
            raise SideError([make("NBS302", Position(spec), rev=rev, folder=path, reason=too_big)])
        archive = self._run("archive", "--format=tar", rev, "--", path, binary=True)
        if archive.returncode != 0:
            reason = archive.stderr.decode("utf-8", "replace").strip().splitlines()
            raise SideError([make("NBS302", Position(spec), rev=rev, folder=path, reason=reason[-1] if reason else "git archive")])
        tmp = Path(self._stack.enter_context(tempfile.TemporaryDirectory(prefix="nbscheck-diff-")))
        _extract(archive.stdout, tmp)
        root = tmp / path
        if not (root / META).is_file():
            raise SideError([make("NBS302", Position(spec), rev=rev, folder=path,
                                  reason=f"no {path}/guideline.yaml in that revision")])
        return self._load(spec, "git", root, rev, shown=f"{rev}:{path}")

    def _too_big(self, rev: str, path: str) -> str | None:
        """Why ``rev:path`` is too large to unpack, if it is: a guideline is a few hundred kilobytes
        in a few dozen files, so a folder past the bounds is not one (and would fill memory)."""
        listing = self._run("ls-tree", "-r", "-l", "-z", rev, "--", path)
        if listing.returncode != 0:
            return None  # git archive will say what is wrong
        entries = [e for e in listing.stdout.split("\0") if e]
        size = sum(int(e.split(None, 4)[3]) for e in entries if e.split(None, 4)[3].isdigit())
        if len(entries) > MAX_REVISION_FILES or size > MAX_REVISION_BYTES:
            return (f"{len(entries)} files, {size} bytes: over the bounds for a guideline "
                    f"({MAX_REVISION_FILES} files, {MAX_REVISION_BYTES} bytes)")
        return None

    def _default_path(self, toplevel: Path) -> str:
        """The guideline folder inside the repository: where the shipped one lives, else ``guideline``."""
        try:
            rel = self.base.resolve().relative_to(toplevel.resolve())
            return rel.as_posix()
        except ValueError:
            return "guideline"

    # --- loading ------------------------------------------------------------------------------------

    def _load(self, spec: str, kind: str, root: Path, label: str, shown: str | None = None) -> Resolved:
        loaded = load_guideline(root, validate=True)
        g = loaded.guideline
        if g is not None and shown is not None:
            _rename_files(g, root, shown)
        if g is None or has_errors(loaded.findings):
            errors = [f for f in loaded.findings if f.severity.value == "error"]
            first = errors[0] if errors else None
            reason = f"{first.position}: {first.message('zh')}" if first else "?"
            reason_en = f"{first.position}: {first.message('en')}" if first else "?"
            if shown is not None and first is not None:
                reason = reason.replace(first.file, _shown_name(first.file, root, shown))
                reason_en = reason_en.replace(first.file, _shown_name(first.file, root, shown))
            raise SideError([make("NBS303", Position(spec), side=spec, reason=reason, reason_en=reason_en)])
        return Resolved(spec, kind, root, g, label, _releases_near(root))

    def chain(self, old: Resolved, new: Resolved) -> list[Guideline]:
        """The releases between the two sides, oldest first, for following ``previous`` step by step."""
        lo, hi = semver(old.guideline.version), semver(new.guideline.version)
        if lo == hi:
            return []
        up = lo < hi
        if not up:
            lo, hi = hi, lo
        pool: dict[str, Path] = {}
        for src in (self.known(), old.known, new.known):  # the new side's own releases win
            pool.update({v: p for v, p in src.items() if p.parent.name == "releases"})
        low_side = old if up else new
        include_low = low_side.guideline.is_draft
        picked = sorted((v for v in pool if (lo < semver(v) < hi) or (include_low and semver(v) == lo)), key=semver)
        out = []
        for v in picked:
            path = pool[v]
            if path.resolve() in (old.root.resolve(), new.root.resolve()):
                continue
            loaded = load_guideline(path, validate=False)
            if loaded.guideline is not None and not has_errors(loaded.findings):
                out.append(loaded.guideline)
        return out if up else list(reversed(out))


def _shown_name(file: str, root: Path, shown: str) -> str:
    try:
        rel = Path(os.path.abspath(file)).relative_to(root.resolve())
    except ValueError:
        return file
    return f"{shown}/{rel.as_posix()}"


def _rename_files(g: Guideline, root: Path, shown: str) -> None:
    """Show files of a git side as ``REV:path/file`` instead of their temporary location."""
    docs = [g.src.doc] + [ch.src.doc for ch in g.chapters] + [t.src.doc for t in g.terms[:1]]
    for doc in docs:
        if doc is not None and not doc.file.startswith(shown):
            doc.file = _shown_name(doc.file, root, shown)


def _extract(data: bytes, dest: Path) -> None:
    """Unpack git's tar into ``dest``: regular files and folders only, nothing outside ``dest``."""
    dest = dest.resolve()
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as tar:
        for m in tar.getmembers():
            target = (dest / m.name).resolve()
            if dest not in target.parents and target != dest:
                continue
            if m.isdir():
                target.mkdir(parents=True, exist_ok=True)
            elif m.isfile():
                target.parent.mkdir(parents=True, exist_ok=True)
                src = tar.extractfile(m)
                if src is not None:
                    target.write_bytes(src.read())


def compare(old: str, new: str, *, cwd: str | Path | None = None, base: Path | None = None):
    """``nbscheck diff OLD NEW`` as a function: the :class:`~nbscheck.change.types.GuidelineDiff` of two sides."""
    from .diff import diff_guidelines

    with Resolver(cwd, base) as r:
        a, b = r.resolve(old), r.resolve(new)
        return diff_guidelines(a.guideline, b.guideline, r.chain(a, b), old_label=a.label, new_label=b.label)


def release_diffs(base: Path | None = None) -> list:
    """What changed in each version the checker knows, compared with the version before it.

    Oldest first; the working version comes last when it is not itself a release. The first
    release has nothing before it, so it has no entry. This is what the site's "what changed"
    pages are made from.
    """
    from .diff import diff_guidelines

    known = versions(base or guideline_dir())
    ordered = sorted(known, key=semver)
    out = []
    loaded: dict[str, Guideline] = {}

    def get(v: str) -> Guideline:
        if v not in loaded:
            res = load_guideline(known[v], validate=False)
            if res.guideline is None or has_errors(res.findings):
                raise SideError([make("NBS303", Position(v), side=v, reason=str(known[v]), reason_en=str(known[v]))])
            loaded[v] = res.guideline
        return loaded[v]

    for a, b in zip(ordered, ordered[1:]):
        out.append(diff_guidelines(get(a), get(b)))
    return out
