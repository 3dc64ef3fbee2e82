"""Load a guideline folder (``guideline.yaml``, the terms, the chapter files) into a :class:`Guideline`.

Two callers with different needs: ``nbscheck lint`` wants every schema finding in every file;
the checker wants the shipped guideline fast and trusts it (lint runs on it in CI), so it loads
with ``validate=False`` once per process and keeps it in a cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..findings import Finding, Position, has_errors, make
from ..yaml.document import Document
from ..yaml.errors import LoadError
from ..yaml.limits import DEFAULT_LIMITS, Limits
from ..yaml.load import display_name, load_file
from .build import build_guideline
from .types import Guideline
from ..resources import guideline_dir, releases_dir

CODES: tuple[str, ...] = ("NBS001", "NBS114")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

META = "guideline.yaml"


@dataclass
class Loaded:
    """A guideline with the findings met while loading it (schema errors, missing files)."""

    guideline: Guideline | None
    findings: list[Finding] = field(default_factory=list)
    complete: bool = True  # every chapter file loaded and valid, so cross-references can be judged


def _load(path: Path, schema: str | None, findings: list[Finding], limits: Limits) -> Document | None:
    try:
        doc = load_file(path, limits, name=display_name(path))
    except LoadError as e:
        findings.extend(e.findings)
        return None
    findings.extend(doc.warnings)
    if schema:
        from ..yaml.schema import validate, validator

        errs = validate(doc, validator(schema))
        findings.extend(errs)
        if errs:
            return None
    return doc


def load_guideline(directory: str | Path | None = None, *, validate: bool = True,
                   limits: Limits = DEFAULT_LIMITS) -> Loaded:
    root = Path(directory) if directory else guideline_dir()
    findings: list[Finding] = []
    meta_path = root / META
    if not meta_path.is_file():
        findings.append(make("NBS001", Position(display_name(meta_path)), reason="guideline.yaml not found / 未找到 guideline.yaml"))
        return Loaded(None, findings, False)
    meta = _load(meta_path, "guideline.schema.json" if validate else None, findings, limits)
    if meta is None:
        return Loaded(None, findings, False)
    complete = True
    terms_doc = None
    terms_name = meta.data.get("terms")
    if terms_name:
        tp = root / terms_name
        if not tp.is_file():
            findings.append(make("NBS114", meta.where(["terms"]), problem=f"找不到术语文件 {terms_name}",
                                 problem_en=f"terms file {terms_name} not found"))
            complete = False
        else:
            terms_doc = _load(tp, "terms.schema.json" if validate else None, findings, limits)
            complete &= terms_doc is not None
    chapters: list[tuple[str, Document]] = []
    for i, name in enumerate(meta.data.get("chapters") or ()):
        cp = root / "chapters" / name
        if not cp.is_file():
            findings.append(make("NBS114", meta.where(["chapters", i]), problem=f"找不到章节文件 chapters/{name}",
                                 problem_en=f"chapter file chapters/{name} not found"))
            complete = False
            continue
        doc = _load(cp, "chapter.schema.json" if validate else None, findings, limits)
        if doc is None:
            complete = False
            continue
        chapters.append((name, doc))
    g = build_guideline(meta, terms_doc, chapters, str(root))
    return Loaded(g, findings, complete)


class GuidelineError(Exception):
    """The guideline nbscheck needs cannot be loaded (a broken install or a broken folder)."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f"{f.position}: {f.message('en')}" for f in findings))
        self.findings = findings


def versions(root: Path | None = None) -> dict[str, Path]:
    """Every version the checker knows: each frozen release plus the working version."""
    base = root or guideline_dir()
    out: dict[str, Path] = {}
    rel = releases_dir(base)
    if rel.is_dir():
        for d in sorted(rel.iterdir()):
            if (d / META).is_file():
                out[d.name] = d
    meta = _read_version(base / META)
    if meta:
        out[meta] = base  # the working folder wins over a release of the same number
    return out


def _read_version(path: Path) -> str | None:
    try:
        doc = load_file(path)
    except LoadError:
        return None
    v = doc.data.get("version")
    return str(v) if v else None


@lru_cache(maxsize=16)
def shipped(version: str | None = None, root: str | None = None) -> Guideline:
    """The guideline of ``version`` (default: the working version), loaded once per process."""
    base = Path(root) if root else guideline_dir()
    if version is None:
        path = base
    else:
        known = versions(base)
        if version not in known:
            raise KeyError(version)
        path = known[version]
    loaded = load_guideline(path, validate=False)
    if loaded.guideline is None or has_errors(loaded.findings):
        raise GuidelineError(loaded.findings)
    return loaded.guideline
