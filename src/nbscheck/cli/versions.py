"""``nbscheck diff`` and ``nbscheck migrate``: between parsed arguments and the library.

Exit codes
----------
``diff``: 0 whenever the comparison ran, whatever it found (breaking changes are a fact to review,
not a failure; scripts can read ``summary.breaking`` from ``--format json``); 2 when a side cannot
be resolved or loaded, or the output cannot be written.

``migrate``: 0 when the new file was written (or there was nothing to migrate); 2 for every error,
in which case nothing is written. The input is never changed unless ``--in-place`` is given. Without
``-o`` the new file is ``NAME-VERSION.yaml`` next to the input; an existing output file is never
overwritten (remove it, or choose another name); ``-o -`` writes to standard output.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..findings import Finding, Position, Severity, make
from ..resources import guideline_dir

CODES: tuple[str, ...] = (
    "NBS001", "NBS216", "NBS317", "NBS318", "NBS319", "NBS320", "NBS321", "NBS322", "NBS323", "NBS327",
)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _base(args: argparse.Namespace) -> Path:
    """The guideline folder whose versions are known (``args.guideline`` when a caller sets it)."""
    given = getattr(args, "guideline", None)
    return Path(given) if given else guideline_dir()


def _style(args: argparse.Namespace, to_file: bool):
    from ..report.style import plain, stdout_style

    if to_file:
        return plain()
    color = getattr(args, "color", "auto")
    return stdout_style(None if color == "auto" else color == "always")


def _errors(findings: list[Finding], lang: str) -> int:
    from ..report.findings_text import render_finding
    from ..report.style import Style

    style = Style.for_stream(sys.stderr)
    for f in findings:
        sys.stderr.write(render_finding(f, lang, style, None) + "\n")
    return EXIT_USAGE


def _write(path: str, text: str, lang: str) -> int | None:
    from ..atomic import write_text

    try:
        write_text(path, text)
    except OSError as e:
        return _errors([make("NBS001", Position(path), reason=e.strerror or str(e))], lang)
    return None


def run_diff(args: argparse.Namespace) -> int:
    from ..change.diff import diff_guidelines
    from ..change.revisions import Resolver, SideError

    lang = args.lang
    try:
        with Resolver(base=_base(args)) as r:
            old = r.resolve(args.old)
            new = r.resolve(args.new)
            d = diff_guidelines(old.guideline, new.guideline, r.chain(old, new),
                                old_label=old.label, new_label=new.label)
    except SideError as e:
        return _errors(e.findings, lang)
    if args.format == "json":
        from ..report.diff_json import render as render_json
        text = render_json(d, lang)
    elif args.format == "markdown":
        from ..report.diff_markdown import render as render_md
        text = render_md(d, lang)
    else:
        from ..report.diff_text import render as render_text
        text = render_text(d, lang, _style(args, bool(args.output)))
    if args.output:
        failed = _write(args.output, text, lang)
        if failed is not None:
            return failed
    else:
        sys.stdout.write(text)
    return EXIT_OK


def default_output(path: Path, version: str) -> Path:
    """``reviews/town.yaml`` -> ``reviews/town-1.1.0.yaml``."""
    suffix = path.suffix or ".yaml"
    return path.with_name(f"{path.stem}-{version}{suffix}")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def run_migrate(args: argparse.Namespace) -> int:
    from ..model.guideline import GuidelineError, load_guideline, versions
    from ..yaml.load import LoadError, load_text
    from ..change.migrate import MigrateError, chain_between, make_plan, migrate_text, read_source
    from ..change.revisions import strip_v
    from ..change.diff import semver

    lang = args.lang
    src = Path(args.file)
    shown = args.file
    if args.in_place and args.output:
        return _errors([make("NBS323", Position(shown))], lang)
    try:
        text, _ = read_source(src)
    except OSError as e:
        return _errors([make("NBS001", Position(shown), reason=e.strerror or str(e))], lang)
    except LoadError as e:
        return _errors(e.findings, lang)
    base = _base(args)
    known = versions(base)
    listed = ", ".join(sorted(known, key=semver))
    to = strip_v(args.to)
    if to not in known:
        return _errors([make("NBS318", Position(shown), version=args.to, known=listed)], lang)
    try:
        doc = load_text(text.lstrip("\ufeff"), shown)
    except LoadError as e:
        return _errors(e.findings, lang)
    gref = doc.data.get("guideline") if isinstance(doc.data.get("guideline"), dict) else {}
    version = gref.get("version")
    if version is None or version == "":
        return _errors([make("NBS317", doc.where(["guideline"]), path="/guideline")], lang)
    version = str(version)
    if version not in known:
        return _errors([make("NBS216", doc.where(["guideline", "version"]), path="/guideline/version",
                             version=version, known=listed)], lang)
    if semver(to) < semver(version):
        return _errors([make("NBS319", doc.where(["guideline", "version"]), old=version, new=to)], lang)
    if to == version:
        return _report([make("NBS320", doc.where(["guideline", "version"]), version=version)], lang, sys.stdout)

    out_path: Path | None
    if args.in_place:
        out_path = src
    elif args.output == "-":
        out_path = None
    else:
        out_path = Path(args.output) if args.output else default_output(src, to)
        named = args.output or str(out_path)
        if _same_file(src, out_path):
            return _errors([make("NBS322", Position(named), file=named)], lang)
        if out_path.exists():
            return _errors([make("NBS321", Position(named), file=named)], lang)

    def load(path: Path):
        loaded = load_guideline(path, validate=False)
        if loaded.guideline is None:
            raise GuidelineError(loaded.findings)
        return loaded.guideline

    try:
        source, target = load(known[version]), load(known[to])
        chain = [load(p) for p in chain_between(known, version, to)]
    except GuidelineError as e:
        return _errors(e.findings, lang)
    try:
        result = migrate_text(text, shown, make_plan(source, target, chain), lang)
    except MigrateError as e:
        return _errors(e.findings, lang)
    if out_path is None:
        sys.stdout.write(result.output)
        return _report(result.findings, lang, sys.stderr)
    failed = _write(str(out_path), result.output, lang)
    if failed is not None:
        return failed
    return _report(result.findings + [make("NBS327", Position(str(out_path)), file=str(out_path))], lang, sys.stdout)


def _report(findings: list[Finding], lang: str, stream) -> int:
    from ..report.findings_text import render_finding
    from ..report.style import Style

    style = Style.for_stream(stream)
    for f in findings:
        stream.write(render_finding(f, lang, style, None) + "\n")
    if any(f.severity is Severity.ERROR for f in findings):
        return EXIT_USAGE
    return EXIT_OK
