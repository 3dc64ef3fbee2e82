"""``nbscheck migrate FILE --to VERSION``: carry a submission to a newer guideline version.

Exit codes: 0 when the new file was written (or there was nothing to migrate); 2 for every error, in
which case nothing is written. The input is never changed unless ``--in-place`` is given. Without
``-o`` the new file is ``NAME-VERSION.yaml`` next to the input; an existing output file is never
overwritten (remove it, or choose another name); ``-o -`` writes to standard output.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..findings import Position, make
from .common import default_lang, errors, write_file, write_findings
from .diff import _base

CODES: tuple[str, ...] = ("NBS001", "NBS216", "NBS317", "NBS318", "NBS319", "NBS320", "NBS321", "NBS322", "NBS323", "NBS327")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


def register(sub) -> None:
    m = sub.add_parser("migrate", help="把提交文件迁移到新版本 / carry a submission to a newer version")
    m.add_argument("file", metavar="FILE")
    m.add_argument("--to", required=True, metavar="VERSION", help="目标版本 / target version")
    m.add_argument("--output", "-o", metavar="FILE", help="新文件 / the new file")
    m.add_argument("--in-place", action="store_true", help="覆盖原文件 / overwrite the input")
    m.add_argument("--lang", choices=("zh", "en"), default=default_lang())
    m.add_argument("--guideline", metavar="DIR", help="使用另一份指南文件夹 / use another guideline folder")
    m.set_defaults(run=run)


def default_output(path: Path, version: str) -> Path:
    """``reviews/town.yaml`` -> ``reviews/town-1.1.0.yaml``."""
    suffix = path.suffix or ".yaml"
    return path.with_name(f"{path.stem}-{version}{suffix}")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def run(args: argparse.Namespace) -> int:
    from ..change.migrate import MigrateError, chain_between, migrate_text, read_source
    from ..change.pairing import semver
    from ..change.plan import make_plan
    from ..change.revisions import strip_v
    from ..model.guideline import GuidelineError, load_guideline, versions
    from ..yaml.errors import LoadError
    from ..yaml.load import load_text

    lang = args.lang
    src = Path(args.file)
    shown = args.file
    if args.in_place and args.output:
        return errors([make("NBS323", Position(shown))], lang)
    try:
        text, _ = read_source(src)
    except OSError as e:
        return errors([make("NBS001", Position(shown), reason=e.strerror or str(e))], lang)
    except LoadError as e:
        return errors(e.findings, lang)
    base = _base(args)
    known = versions(base)
    listed = ", ".join(sorted(known, key=semver))
    to = strip_v(args.to)
    if to not in known:
        return errors([make("NBS318", Position(shown), version=args.to, known=listed)], lang)
    try:
        doc = load_text(text.lstrip("\ufeff"), shown)
    except LoadError as e:
        return errors(e.findings, lang)
    gref = doc.data.get("guideline") if isinstance(doc.data.get("guideline"), dict) else {}
    version = gref.get("version")
    if version is None or version == "":
        return errors([make("NBS317", doc.where(["guideline"]), path="/guideline")], lang)
    version = str(version)
    if version not in known:
        return errors([make("NBS216", doc.where(["guideline", "version"]), path="/guideline/version",
                             version=version, known=listed)], lang)
    if semver(to) < semver(version):
        return errors([make("NBS319", doc.where(["guideline", "version"]), old=version, new=to)], lang)
    if to == version:
        return write_findings([make("NBS320", doc.where(["guideline", "version"]), version=version)], lang, sys.stdout)

    out_path: Path | None
    if args.in_place:
        out_path = src
    elif args.output == "-":
        out_path = None
    else:
        out_path = Path(args.output) if args.output else default_output(src, to)
        named = args.output or str(out_path)
        if _same_file(src, out_path):
            return errors([make("NBS322", Position(named), file=named)], lang)
        if out_path.exists():
            return errors([make("NBS321", Position(named), file=named)], lang)

    def load(path: Path):
        loaded = load_guideline(path, validate=False)
        if loaded.guideline is None:
            raise GuidelineError(loaded.findings)
        return loaded.guideline

    try:
        source, target = load(known[version]), load(known[to])
        chain = [load(p) for p in chain_between(known, version, to)]
    except GuidelineError as e:
        return errors(e.findings, lang)
    try:
        result = migrate_text(text, shown, make_plan(source, target, chain), lang)
    except MigrateError as e:
        return errors(e.findings, lang)
    if out_path is None:
        sys.stdout.write(result.output)
        return write_findings(result.findings, lang, sys.stderr)
    failed = write_file(str(out_path), result.output, lang)
    if failed is not None:
        return failed
    return write_findings(result.findings + [make("NBS327", Position(str(out_path)), file=str(out_path))], lang, sys.stdout)
