"""``nbscheck [check] FILE...``: check submissions and report on them in the chosen format."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..report import CHECK_REPORTS
from .common import (
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    add_output_options,
    add_policy_options,
    io_error,
    open_output,
    policy,
    said_written,
    style,
)
from .progress import Progress

FORMATS = tuple(CHECK_REPORTS)  # text first: the default


def register(sub) -> None:
    c = sub.add_parser("check", help="检查提交文件（默认命令）/ check submissions (the default command)")
    c.add_argument("paths", nargs="*", metavar="FILE",
                   help="提交文件或文件夹；- 为标准输入 / submission files or folders; - reads standard input")
    add_output_options(c, FORMATS)
    add_policy_options(c)
    c.add_argument("--stdin-filepath", metavar="PATH",
                   help="标准输入所代表的文件（用于位置和证据路径）/ the file standard input stands for "
                        "(its name in findings; evidence resolves from its folder)")
    c.add_argument("--staged", action="store_true",
                   help="检查 git 暂存区中将要提交的内容（pre-commit 钩子使用）/ check what the next git commit "
                        "will hold: submissions a staged change touches, with their evidence as staged (the pre-commit hook)")
    c.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="并行进程数，0 为全部核心 / worker processes, 0 = every core (default)")
    c.add_argument("--fail-unqualified", action="store_true",
                   help="文件有效但未达认定条件时也以 1 退出 / also exit 1 when valid but not qualified")
    c.add_argument("--guideline", metavar="DIR", help="使用另一份指南文件夹 / use another guideline folder")
    c.add_argument("--output", "-o", metavar="FILE", help="把报告写入文件 / write the report to a file")
    c.add_argument("--no-source", action="store_true", help="不显示源代码行 / do not show source lines")
    _limit_options(c)
    c.set_defaults(run=run, check_parser=c)  # FILE may be absent with --staged, so run() reports it missing


def _limit_options(p: argparse.ArgumentParser) -> None:
    from ..yaml.limits import DEFAULT_LIMITS as d

    p.add_argument("--max-bytes", type=_limit, default=d.max_bytes, metavar="N",
                   help="单个文件的大小上限（字节）/ largest file accepted, in bytes (default: %(default)s)")
    p.add_argument("--max-depth", type=_limit, default=d.max_depth, metavar="N",
                   help="嵌套层级上限 / deepest nesting accepted (default: %(default)s)")
    p.add_argument("--max-nodes", type=_limit, default=d.max_nodes, metavar="N",
                   help="展开后值的数量上限 / most values after expanding aliases (default: %(default)s)")


_LIMIT_MAX = 2 ** 40  # a terabyte, a trillion values: past any real file, and within every index type


def _limit(text: str) -> int:
    """A limit option's value: a whole number from 1 to 2**40 (argparse reports anything else as a usage error)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数 / not a whole number: {text}") from None
    if not 1 <= n <= _LIMIT_MAX:
        raise argparse.ArgumentTypeError(f"应在 1 到 {_LIMIT_MAX} 之间 / must be from 1 to {_LIMIT_MAX}: {text}")
    return n


def _limits_from(args: argparse.Namespace):
    from ..yaml.limits import Limits

    return Limits(max_bytes=args.max_bytes, max_depth=args.max_depth, max_nodes=args.max_nodes)


def _results(args: argparse.Namespace, root: str | None, keep_text: bool, on_total):
    """Each checked file's result: from standard input for ``-``, from git's index with ``--staged``,
    else the files and folders given."""
    if args.staged:
        from .staged import staged_results

        return staged_results(args.paths, guideline_root=root, limits=_limits_from(args), keep_text=keep_text)
    if args.paths == ["-"]:
        from ..check.stdin import check_stream

        r = check_stream(sys.stdin.buffer, args.stdin_filepath, guideline_root=root, limits=_limits_from(args))
        if not keep_text:
            r.text = None
        return [r]
    from ..check.batch import check_paths

    return check_paths(args.paths, jobs=args.jobs, guideline_root=root, limits=_limits_from(args), keep_text=keep_text,
                       on_total=on_total)


def run(args: argparse.Namespace) -> int:
    from ..model.guideline import GuidelineError, shipped
    from .staged import GitError

    if not args.paths and not args.staged:
        args.check_parser.error("the following arguments are required: FILE")
    if args.jobs < 0:
        return io_error("--jobs 不能为负数", "--jobs must not be negative", args.lang)
    chosen = policy(args)
    if isinstance(chosen, int):
        return chosen
    if "-" in args.paths and (len(args.paths) > 1 or args.staged):
        return io_error("- （标准输入）不能与其他文件或 --staged 一起使用", "- (standard input) cannot be checked with other files or --staged", args.lang)
    if args.stdin_filepath and args.paths != ["-"]:
        return io_error("--stdin-filepath 只用于 -（标准输入）", "--stdin-filepath goes with - (standard input) only", args.lang)
    root = None
    if args.guideline:
        if not (Path(args.guideline) / "guideline.yaml").is_file():
            return io_error(f"{args.guideline} 中没有 guideline.yaml", f"no guideline.yaml in {args.guideline}", args.lang)
        root = str(Path(args.guideline).resolve())
        try:  # a broken guideline is one message, not the same finding in every file
            shipped(None, root)
        except GuidelineError:
            return io_error(f"{args.guideline} 中的指南无法加载；运行 nbscheck lint {args.guideline} 查看原因",
                            f"the guideline in {args.guideline} cannot be loaded; run nbscheck lint {args.guideline} to see why",
                            args.lang)
    keep_text = args.format == "text" and not args.no_source
    if args.format == "xlsx":
        refused = _xlsx_refused(args)
        if refused is not None:
            return refused
    writer = open_output(args, args.paths)
    if isinstance(writer, int):
        return writer
    out = writer.fh if writer else sys.stdout
    report = _report(args, out, root)
    progress = Progress.for_stream(sys.stderr, args.lang, args.quiet)
    shared = progress.enabled and not writer and bool(getattr(sys.stdout, "isatty", lambda: False)())
    seen = unreadable = errors = unqualified = internal = 0
    try:
        for r in _results(args, root, keep_text, progress.set_total):
            if chosen.active:
                r.findings = chosen.apply(r.findings)
            if shared:  # the report writes to the same terminal: give it a clean line
                progress.clear()
            report.add(r)  # written as it arrives: memory stays flat however many files there are
            progress.step()
            seen += 1
            unreadable += r.io_error
            errors += bool(r.errors)
            unqualified += not r.qualified
            internal += r.internal_error
        progress.finish()
        if not seen:
            _discard(writer, report)
            if args.staged:  # this commit touches no submission: nothing to check
                return EXIT_OK
            return io_error("没有找到 .yaml、.yml 或 .xlsx 文件", "no .yaml, .yml or .xlsx files found", args.lang)
        report.close()
        if writer:
            writer.commit()
            said_written(args)
    except GuidelineError as e:
        progress.clear()
        _discard(writer, report)
        return io_error(f"指南无法加载（运行 nbscheck lint 查看原因）：{e}",
                        f"the guideline cannot be loaded (nbscheck lint says why): {e}", args.lang)
    except GitError as e:
        progress.clear()
        _discard(writer, report)
        return io_error(f"--staged 需要在 git 仓库中运行：{e}", f"--staged needs a git work tree: {e}", args.lang)
    except OSError as e:  # the report could not be written: a full disk, a vanished folder
        progress.clear()
        _discard(writer, report)
        return io_error(f"无法写入报告：{e.strerror or e}", f"cannot write the report: {e.strerror or e}", args.lang)
    except BaseException:
        progress.clear()
        _discard(writer, report)
        raise
    if internal:
        return EXIT_INTERNAL
    if unreadable:
        return EXIT_USAGE
    if errors:
        return EXIT_FINDINGS
    if args.fail_unqualified and unqualified:
        return EXIT_FINDINGS
    return EXIT_OK


def _report(args: argparse.Namespace, out, root: str | None = None):
    """The streaming writer for the chosen format (each ``add``s results and ``close``s at the end)."""
    from ..report import Options

    colours = style(args, to_file=bool(args.output)) if args.format == "text" else None
    report = CHECK_REPORTS[args.format](out, Options(args.lang, colours, not args.no_source, root, args.output))
    return _Quiet(report) if args.quiet and args.format in ("text", "github") else report


class _Quiet:
    """``--quiet``: the findings as the report writes them, without its closing summary."""

    def __init__(self, report):
        self.report = report

    def add(self, r) -> None:
        self.report.add(r)

    def close(self) -> None:
        pass

    def discard(self) -> None:
        discard = getattr(self.report, "discard", None)
        if discard is not None:
            discard()


def _discard(writer, report) -> None:
    """A failed run leaves nothing behind: neither ``-o``'s temporary file nor a report's side files."""
    if writer:
        writer.discard()
    discard = getattr(report, "discard", None)
    if discard is not None:
        discard()


def _xlsx_refused(args: argparse.Namespace) -> int | None:
    """An xlsx workbook needs openpyxl (the ``xlsx`` extra) and a file to go to."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        both = ("--format xlsx 需要 openpyxl，请安装：pip install 'nbscheck[xlsx]' / "
                "--format xlsx needs openpyxl; install it with: pip install 'nbscheck[xlsx]'")
        return io_error(both, both, args.lang)
    if not args.output:
        return io_error("--format xlsx 写的是二进制文件，请用 -o 指定文件，例如 -o 汇总.xlsx",
                        "--format xlsx writes a binary file: name it with -o, e.g. -o summary.xlsx", args.lang)
    return None
