"""What each sub-command does, between parsed arguments and the library. Returns the exit code."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import __version__
from ..findings import Severity, has_errors

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def _style(args: argparse.Namespace):
    from ..report.style import stdout_style

    color = getattr(args, "color", "auto")
    return stdout_style(None if color == "auto" else color == "always")


def _emit(text: str, output: str | None) -> None:
    if output:
        from ..atomic import write_text

        write_text(output, text if text.endswith("\n") else text + "\n")
    else:
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def _io_error(message_zh: str, message_en: str, lang: str) -> int:
    sys.stderr.write(f"nbscheck: {message_en if lang == 'en' else message_zh}\n")
    return EXIT_USAGE


def run_lint(args: argparse.Namespace) -> int:
    from ..lint.runner import lint
    from ..report.findings_json import finding_dict
    from ..report.findings_text import SourceLines, render_findings, summary_counts

    directory = args.directory
    if directory and not Path(directory).is_dir():
        return _io_error(f"找不到指南文件夹 {directory}", f"guideline folder {directory} not found", args.lang)
    findings = lint(directory)
    io_only = findings and all(f.code == "NBS001" for f in findings)
    if args.format == "json":
        doc = {"tool": "nbscheck", "version": __version__, "format_version": 1, "kind": "lint",
               "findings": [finding_dict(f, args.lang) for f in findings],
               "summary": {"errors": sum(f.severity is Severity.ERROR for f in findings),
                           "warnings": sum(f.severity is Severity.WARNING for f in findings)}}
        _emit(json.dumps(doc, ensure_ascii=False, indent=2), None)
    else:
        style = _style(args)
        if findings:
            _emit(render_findings(findings, args.lang, style, SourceLines()), None)
        ok = "指南检查通过" if args.lang == "zh" else "the guideline lints clean"
        _emit(f"{summary_counts(findings, args.lang)}" + ("" if findings else f" — {ok}"), None)
    if io_only:
        return EXIT_USAGE
    return EXIT_FINDINGS if has_errors(findings) else EXIT_OK


def _limits_from(args: argparse.Namespace):
    from ..yaml.load import Limits

    return Limits(max_bytes=args.max_bytes, max_depth=args.max_depth, max_nodes=args.max_nodes)


def run_check(args: argparse.Namespace) -> int:
    from ..model.guideline import GuidelineError
    from ..check.batch import check_paths

    if args.jobs < 0:
        return _io_error("--jobs 不能为负数", "--jobs must not be negative", args.lang)
    root = None
    if args.guideline:
        if not (Path(args.guideline) / "guideline.yaml").is_file():
            return _io_error(f"{args.guideline} 中没有 guideline.yaml", f"no guideline.yaml in {args.guideline}", args.lang)
        root = str(Path(args.guideline).resolve())
    keep_text = args.format == "text" and not args.no_source
    writer = None
    if args.output:
        from ..atomic import AtomicWriter

        try:
            writer = AtomicWriter(args.output)
        except OSError as e:
            return _io_error(f"无法写入 {args.output}：{e.strerror}", f"cannot write {args.output}: {e.strerror}", args.lang)
    out = writer.fh if writer else sys.stdout
    report = _report(args, out)
    seen = io_error = errors = unqualified = 0
    try:
        for r in check_paths(args.paths, jobs=args.jobs, guideline_root=root,
                             limits=_limits_from(args), keep_text=keep_text):
            report.add(r)  # written as it arrives: memory stays flat however many files there are
            seen += 1
            io_error += r.io_error
            errors += bool(r.errors)
            unqualified += not r.qualified
        if not seen:
            if writer:
                writer.discard()
            return _io_error("没有找到 .yaml 或 .yml 文件", "no .yaml or .yml files found", args.lang)
        report.close()
        if writer:
            writer.commit()
    except GuidelineError as e:
        if writer:
            writer.discard()
        return _io_error(f"指南无法加载：{e}", f"the guideline cannot be loaded: {e}", args.lang)
    except BaseException:
        if writer:
            writer.discard()
        raise
    if io_error:
        return EXIT_USAGE
    if errors:
        return EXIT_FINDINGS
    if args.fail_unqualified and unqualified:
        return EXIT_FINDINGS
    return EXIT_OK


def _report(args: argparse.Namespace, out):
    """The streaming writer for the chosen format (each ``add``s results and ``close``s at the end)."""
    if args.format == "json":
        from ..report.json_report import JsonReport
        return JsonReport(out, args.lang)
    if args.format == "sarif":
        from ..report.sarif import SarifReport
        return SarifReport(out, args.lang)
    if args.format == "markdown":
        from ..report.markdown import MarkdownReport
        return MarkdownReport(out, args.lang)
    from ..report.text import TextReport
    return TextReport(out, args.lang, _style(args) if not args.output else _plain(), not args.no_source)


def _plain():
    from ..report.style import plain

    return plain()


def _guideline_for(version: str | None, lang: str):
    from ..model.guideline import versions, shipped

    if version is not None and version not in versions():
        known = ", ".join(sorted(versions()))
        raise SystemExit(_io_error(f"不认识的指南版本 {version}（已知：{known}）", f"unknown guideline version {version} (known: {known})", lang))
    return shipped(version)


def run_schema(args: argparse.Namespace) -> int:
    from ..check.submission_schema import submission_schema

    g = _guideline_for(args.gversion, _default_lang_env())
    _emit(json.dumps(submission_schema(g), ensure_ascii=False, indent=2), args.output)
    return EXIT_OK


def _default_lang_env() -> str:
    import os

    return "en" if os.environ.get("NBSCHECK_LANG") == "en" else "zh"


def run_init(args: argparse.Namespace) -> int:
    from ..model.template import blank_submission

    g = _guideline_for(args.gversion, args.lang)
    name = Path(args.output).name if args.output else "submission.yaml"
    text = blank_submission(g, args.lang, name)
    if args.output:
        if Path(args.output).exists() and not args.force:
            return _io_error(f"{args.output} 已存在；nbscheck 不会覆盖它（如确需覆盖，加 --force）",
                             f"{args.output} exists; nbscheck will not overwrite it (add --force to do so)", args.lang)
        _emit(text, args.output)
    else:
        _emit(text, None)
    return EXIT_OK
