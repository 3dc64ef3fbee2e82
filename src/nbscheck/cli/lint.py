"""``nbscheck lint [DIR]``: the guideline's integrity rules, as text, JSON, SARIF or GitHub annotations."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import __version__
from ..findings import Severity, has_errors
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    add_output_options,
    add_policy_options,
    emit,
    io_error,
    policy,
    style,
)


def register(sub) -> None:
    lt = sub.add_parser("lint", help="检查指南的完整性 / lint a guideline folder")
    lt.add_argument("directory", nargs="?", metavar="DIR", help="指南文件夹，默认为自带指南 / guideline folder (default: the shipped one)")
    add_output_options(lt, ("text", "json", "sarif", "github"))
    add_policy_options(lt)
    lt.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..lint.runner import lint
    from ..report.findings_json import finding_dict
    from ..report.findings_text import SourceLines, render_findings, summary_counts

    directory = args.directory
    if directory and not Path(directory).is_dir():
        return io_error(f"找不到指南文件夹 {directory}", f"guideline folder {directory} not found", args.lang)
    chosen = policy(args)
    if isinstance(chosen, int):
        return chosen
    findings = chosen.apply(lint(directory))
    io_only = findings and all(f.code == "NBS001" for f in findings)
    if args.format == "json":
        doc = {"tool": "nbscheck", "version": __version__, "format_version": 1, "kind": "lint",
               "findings": [finding_dict(f, args.lang) for f in findings],
               "summary": {"errors": sum(f.severity is Severity.ERROR for f in findings),
                           "warnings": sum(f.severity is Severity.WARNING for f in findings)}}
        emit(json.dumps(doc, ensure_ascii=False, indent=2), None)
    elif args.format == "sarif":
        from ..report.sarif import render_findings as sarif_findings

        emit(sarif_findings(findings, args.lang), None)
    elif args.format == "github":
        import sys

        from ..report.github import GithubReport

        gh = GithubReport(sys.stdout, args.lang)
        gh.add_findings(findings)
        if not args.quiet:
            gh.close()
    else:
        colours = style(args)
        if findings:
            emit(render_findings(findings, args.lang, colours, SourceLines()), None)
        ok = "指南检查通过" if args.lang == "zh" else "the guideline lints clean"
        if not args.quiet:
            emit(f"{summary_counts(findings, args.lang)}" + ("" if findings else f" — {ok}"), None)
    if io_only:
        return EXIT_USAGE
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK
