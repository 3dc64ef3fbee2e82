"""The ``nbscheck`` command: a thin layer that parses arguments and calls the library.

``nbscheck FILE...`` checks submissions; other jobs are sub-commands (``lint``, ``schema``,
``init``, ``diff``, ``migrate``). Exit codes: 0 passes, 1 findings, 2 usage or I/O error.
Imports are lazy so that ``--version`` and ``--help`` start instantly.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from .. import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
COMMANDS = ("check", "lint", "schema", "init", "diff", "migrate")


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in both languages and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: 用法错误 / usage error: {message}\n"
                         f"运行 `{self.prog} --help` 查看用法。 / Run `{self.prog} --help` for help.\n")
        sys.exit(EXIT_USAGE)


def _default_lang() -> str:
    lang = os.environ.get("NBSCHECK_LANG", "zh")
    return lang if lang in ("zh", "en") else "zh"


def _common(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    p.add_argument("--format", choices=formats, default=formats[0],
                   help="输出格式 / output format (default: %(default)s)")
    p.add_argument("--lang", choices=("zh", "en"), default=_default_lang(),
                   help="消息语言，默认中文 / message language, Chinese by default")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="彩色输出 / colour output (default: auto, only on a terminal)")


def _limits(p: argparse.ArgumentParser) -> None:
    from ..yaml.load import DEFAULT_LIMITS as d

    p.add_argument("--max-bytes", type=int, default=d.max_bytes, metavar="N",
                   help="单个文件的大小上限（字节）/ largest file accepted, in bytes (default: %(default)s)")
    p.add_argument("--max-depth", type=int, default=d.max_depth, metavar="N",
                   help="嵌套层级上限 / deepest nesting accepted (default: %(default)s)")
    p.add_argument("--max-nodes", type=int, default=d.max_nodes, metavar="N",
                   help="展开后值的数量上限 / most values after expanding aliases (default: %(default)s)")


def build_parser() -> Parser:
    p = Parser(prog="nbscheck", description=(
        "检查乡镇基于自然的解决方案自评估文件，并维护指南。\n"
        "Check township nature-based-solutions self-assessments against the guideline, and maintain it.\n\n"
        "常用 / common:\n"
        "  nbscheck submission.yaml          检查一个提交文件 / check one submission\n"
        "  nbscheck reviews/2025/ --jobs 2   检查整个文件夹 / check a whole folder\n"
        "  nbscheck init -o my.yaml          生成空白模板 / write a blank submission\n"
        "  nbscheck lint                     检查指南本身 / lint the guideline\n"),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="store_true", help="显示版本 / show the version")
    sub = p.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")

    c = sub.add_parser("check", help="检查提交文件（默认命令）/ check submissions (the default command)")
    c.add_argument("paths", nargs="+", metavar="FILE", help="提交文件或文件夹 / submission files or folders")
    _common(c, ("text", "json", "sarif", "markdown"))
    c.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="并行进程数，0 为全部核心 / worker processes, 0 = every core (default)")
    c.add_argument("--fail-unqualified", action="store_true",
                   help="文件有效但未达认定条件时也以 1 退出 / also exit 1 when valid but not qualified")
    c.add_argument("--guideline", metavar="DIR", help="使用另一份指南文件夹 / use another guideline folder")
    c.add_argument("--output", "-o", metavar="FILE", help="把报告写入文件 / write the report to a file")
    c.add_argument("--no-source", action="store_true", help="不显示源代码行 / do not show source lines")
    _limits(c)

    lt = sub.add_parser("lint", help="检查指南的完整性 / lint a guideline folder")
    lt.add_argument("directory", nargs="?", metavar="DIR", help="指南文件夹，默认为自带指南 / guideline folder (default: the shipped one)")
    _common(lt, ("text", "json"))

    s = sub.add_parser("schema", help="输出提交文件的 JSON Schema / print the submission JSON Schema")
    s.add_argument("--guideline-version", dest="gversion", metavar="VERSION", help="指南版本 / guideline version")
    s.add_argument("--output", "-o", metavar="FILE", help="写入文件 / write to a file")

    i = sub.add_parser("init", help="生成空白提交文件 / write a blank submission")
    i.add_argument("--lang", choices=("zh", "en"), default=_default_lang(), help="模板语言 / template language")
    i.add_argument("--guideline-version", dest="gversion", metavar="VERSION", help="指南版本 / guideline version")
    i.add_argument("--output", "-o", metavar="FILE", help="写入文件（不覆盖已有文件）/ write to a file (never overwrites)")
    i.add_argument("--force", action="store_true", help="允许覆盖已有文件 / allow overwriting an existing file")

    d = sub.add_parser("diff", help="比较两个指南版本 / compare two guideline versions")
    d.add_argument("old", help="旧版本：版本号、文件夹或 git 修订 / old side: version, folder or git revision")
    d.add_argument("new", help="新版本 / new side")
    _common(d, ("text", "markdown", "json"))
    d.add_argument("--output", "-o", metavar="FILE", help="写入文件 / write to a file")
    d.add_argument("--guideline", metavar="DIR", help="版本号所指的指南文件夹 / guideline folder whose versions are meant")

    m = sub.add_parser("migrate", help="把提交文件迁移到新版本 / carry a submission to a newer version")
    m.add_argument("file", metavar="FILE")
    m.add_argument("--to", required=True, metavar="VERSION", help="目标版本 / target version")
    m.add_argument("--output", "-o", metavar="FILE", help="新文件 / the new file")
    m.add_argument("--in-place", action="store_true", help="覆盖原文件 / overwrite the input")
    m.add_argument("--lang", choices=("zh", "en"), default=_default_lang())
    m.add_argument("--guideline", metavar="DIR", help="使用另一份指南文件夹 / use another guideline folder")
    return p


def _with_default_command(argv: list[str]) -> list[str]:
    """``nbscheck [OPTIONS] FILE...`` means ``nbscheck check [OPTIONS] FILE...``.

    Unless the line starts with a sub-command or a top-level flag, all of it belongs to ``check``,
    so options may come before or after the files (``nbscheck --lang en a.yaml`` works).
    """
    if not argv or argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version"):
        return argv
    return ["check"] + argv


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(_with_default_command(args_list))
    if args.version:
        return _version()
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "lint":
            from .commands import run_lint
            return run_lint(args)
        if args.command == "check":
            from .commands import run_check
            return run_check(args)
        if args.command == "schema":
            from .commands import run_schema
            return run_schema(args)
        if args.command == "init":
            from .commands import run_init
            return run_init(args)
        if args.command == "diff":
            from .versions import run_diff
            return run_diff(args)
        if args.command == "migrate":
            from .versions import run_migrate
            return run_migrate(args)
    except KeyboardInterrupt:
        sys.stderr.write("已中断 / interrupted\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    parser.error(f"unknown command {args.command}")
    return EXIT_USAGE


def _version() -> int:
    from ..model.guideline import GuidelineError, shipped

    try:
        g = shipped()
        status = "草案 draft" if g.is_draft else f"发布 released {g.released}"
        print(f"nbscheck {__version__} (指南 guideline {g.id} {g.version}, {status})")
    except (GuidelineError, OSError):
        print(f"nbscheck {__version__} (指南无法加载，运行 nbscheck lint 查看原因 / "
              "the guideline cannot be loaded: run nbscheck lint to see why)")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
