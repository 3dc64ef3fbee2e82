"""``nbscheck lint [DIR]``: the guideline's integrity rules, as text, JSON, SARIF, GitHub annotations
or JUnit XML (the formats are :data:`nbscheck.report.LINT_REPORTS`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..findings import has_errors
from ..report import LINT_REPORTS, Options
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_output_options,
    add_policy_options,
    deliver,
    io_error,
    policy,
    style,
)


def register(sub) -> None:
    lt = sub.add_parser("lint", help="检查指南的完整性 / lint a guideline folder")
    lt.add_argument("directory", nargs="?", metavar="DIR", help="指南文件夹，默认为自带指南 / guideline folder (default: the shipped one)")
    add_output_options(lt, tuple(LINT_REPORTS))
    add_policy_options(lt)
    lt.add_argument("--output", "-o", metavar="FILE", help="把报告写入文件 / write the report to a file")
    lt.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..lint.runner import lint

    directory = args.directory
    if directory and not Path(directory).is_dir():
        return io_error(f"找不到指南文件夹 {directory}", f"guideline folder {directory} not found", args.lang)
    chosen = policy(args)
    if isinstance(chosen, int):
        return chosen
    findings = chosen.apply(lint(directory))
    io_only = findings and all(f.code == "NBS001" for f in findings)
    colours = style(args, bool(args.output)) if args.format == "text" else None
    folder = directory or "guideline"
    text = LINT_REPORTS[args.format](findings, Options(args.lang, colours, quiet=args.quiet, folder=folder))
    failed = deliver(args, text)
    if failed is not None:
        return failed
    if io_only:
        return EXIT_USAGE
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK
