"""``nbscheck diff OLD NEW``: what changed between two guideline versions, clause by clause.

Exit codes: 0 whenever the comparison ran, whatever it found (breaking changes are a fact to review,
not a failure; scripts can read ``summary.breaking`` from ``--format json``), unless ``--exit-code``
asks for 1 when there are breaking changes (like ``git diff --exit-code``; with ``--quiet`` nothing
is printed); 2 when a side cannot be resolved or loaded, or the output cannot be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..report import DIFF_REPORTS, Options
from ..resources import guideline_dir
from .common import EXIT_FINDINGS, EXIT_OK, add_output_options, deliver, errors, style


def register(sub) -> None:
    d = sub.add_parser("diff", help="比较两个指南版本 / compare two guideline versions")
    d.add_argument("old", help="旧版本：版本号、文件夹或 git 修订 / old side: version, folder or git revision")
    d.add_argument("new", help="新版本 / new side")
    add_output_options(d, tuple(DIFF_REPORTS))
    d.add_argument("--output", "-o", metavar="FILE", help="写入文件 / write to a file")
    d.add_argument("--guideline", metavar="DIR", help="版本号所指的指南文件夹 / guideline folder whose versions are meant")
    d.add_argument("--exit-code", action="store_true",
                   help="有破坏性变化时以 1 退出 / exit 1 when there are breaking changes")
    d.set_defaults(run=run)


def _base(args: argparse.Namespace) -> Path:
    """The guideline folder whose versions are known (``args.guideline`` when a caller sets it)."""
    given = getattr(args, "guideline", None)
    return Path(given) if given else guideline_dir()


def run(args: argparse.Namespace) -> int:
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
        return errors(e.findings, lang)
    colours = style(args, bool(args.output)) if args.format == "text" else None
    text = DIFF_REPORTS[args.format](d, Options(args.lang, colours, quiet=args.quiet))
    # --quiet without -o prints nothing: the exit code (with --exit-code) is the answer
    failed = deliver(args, "" if args.quiet and not args.output else text, (args.old, args.new))
    if failed is not None:
        return failed
    return EXIT_FINDINGS if args.exit_code and d.breaking else EXIT_OK
