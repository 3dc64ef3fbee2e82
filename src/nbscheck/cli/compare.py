"""``nbscheck compare OLD NEW``: two submissions of one township, clause by clause.

Each file is checked as ``nbscheck FILE`` would check it, against the guideline version it answers;
the library (:mod:`nbscheck.change.compare`) pairs the answers through renumbering and says what
changed. Exit codes: 0 whenever the comparison ran, whatever it found; 2 when a file cannot be
read or parsed, names a guideline version nbscheck does not know, or the output cannot be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..report import COMPARE_REPORTS, Options
from ..resources import guideline_dir
from .common import EXIT_OK, add_output_options, deliver, errors, style


def register(sub) -> None:
    c = sub.add_parser("compare", help="比较同一乡镇的两份提交文件 / compare two submissions of one township")
    c.add_argument("old", metavar="OLD", help="较早的提交文件 / the earlier submission")
    c.add_argument("new", metavar="NEW", help="较新的提交文件 / the later submission")
    add_output_options(c, tuple(COMPARE_REPORTS))
    c.add_argument("--output", "-o", metavar="FILE", help="写入文件 / write to a file")
    c.add_argument("--guideline", metavar="DIR", help="使用另一份指南文件夹 / use another guideline folder")
    c.set_defaults(run=run)


class _Failed(Exception):
    def __init__(self, findings: list) -> None:
        self.findings = findings


def _answered(path: str, root: str | None):
    """Check one file and keep what a comparison needs; _Failed when it cannot be scored."""
    from ..change.compare import Answered
    from ..check.checker import check_file
    from ..findings import Position, Severity
    from ..model.guideline import GuidelineError, shipped
    from ..yaml.load import LoadError, load_file

    result = check_file(path, guideline_root=root)
    if not result.parsed or result.score is None or result.guideline_version is None:
        raise _Failed([f for f in result.findings if f.severity is Severity.ERROR] or result.findings)
    try:
        doc = load_file(path, name=result.file)
        g = shipped(result.guideline_version, root)
    except LoadError as e:  # pragma: no cover - the check above parsed the same file
        raise _Failed(e.findings) from None
    except GuidelineError as e:  # pragma: no cover - the check above loaded the same version
        raise _Failed(e.findings) from None
    answers = doc.data.get("answers") if isinstance(doc.data.get("answers"), dict) else {}
    pos = doc.where(["township", "code"]) if isinstance(result.township, dict) and "code" in result.township \
        else Position(result.file)
    return Answered(result.file, g, answers, result.township, result.score, tuple(result.findings), pos)


def _chain(old: str, new: str, root: str | None) -> list:
    """The releases strictly between the two versions, in the direction of the comparison."""
    from ..change.migrate import chain_between
    from ..change.pairing import semver
    from ..model.guideline import load_guideline, versions

    known = versions(Path(root) if root else guideline_dir())
    low, high = sorted((old, new), key=semver)
    chain = []
    for p in chain_between(known, low, high):
        loaded = load_guideline(p)
        if loaded.guideline is None:
            raise _Failed(loaded.findings)
        chain.append(loaded.guideline)
    return chain if semver(old) <= semver(new) else chain[::-1]


def run(args: argparse.Namespace) -> int:
    from ..change.compare import CompareError, compare

    lang = args.lang
    root = str(Path(args.guideline).resolve()) if args.guideline else None
    try:
        old, new = _answered(args.old, root), _answered(args.new, root)
        c = compare(old, new, _chain(old.guideline.version, new.guideline.version, root))
    except (_Failed, CompareError) as e:
        return errors(e.findings, lang)
    colours = style(args, bool(args.output)) if args.format == "text" else None
    text = COMPARE_REPORTS[args.format](c, Options(args.lang, colours, quiet=args.quiet))
    failed = deliver(args, text, (args.old, args.new))
    return EXIT_OK if failed is None else failed
