"""The ``nbscheck`` command: a thin layer that parses arguments and calls the library.

``nbscheck FILE...`` checks submissions; other jobs are sub-commands (``lint``, ``schema``,
``init``, ``convert``, ``diff``, ``migrate``, ``compare``, ``site``). Exit codes: 0 passes, 1 findings, 2 usage or I/O error,
3 an internal error of nbscheck (a bug to report; never a traceback unless NBSCHECK_DEBUG is set).
Imports are lazy so that ``--version`` and ``--help`` start instantly.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from typing import Sequence

from .. import __version__
from . import check, compare, completion, convert, diff, init, lint, migrate, schema, site
from .common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, OutputError

COMMANDS = (check, lint, schema, init, convert, diff, migrate, compare, site, completion)
"""One module per command, each with ``register(subparsers)`` and ``run(args) -> exit code``."""
NAMES = tuple(c.__name__.rsplit(".", 1)[1] for c in COMMANDS)  # a module is named for its command


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in both languages and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        from .conventions import option_hint

        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: 用法错误 / usage error: {message}\n" + option_hint(self, message) +
                         f"运行 `{self.prog} --help` 查看用法。 / Run `{self.prog} --help` for help.\n")
        sys.exit(EXIT_USAGE)


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
    for command in COMMANDS:
        command.register(sub)
    return p


def _with_default_command(argv: list[str]) -> list[str]:
    """``nbscheck [OPTIONS] FILE...`` means ``nbscheck check [OPTIONS] FILE...``.

    Unless the line starts with a sub-command or a top-level flag, all of it belongs to ``check``,
    so options may come before or after the files (``nbscheck --lang en a.yaml`` works).
    """
    if not argv or argv[0] in NAMES or argv[0] in ("-h", "--help", "--version"):
        return argv
    from .conventions import mistyped_command

    meant = mistyped_command(argv[0], NAMES)
    if meant:  # `nbscheck lnit` is a mistyped command, not a file named lnit
        zh, en = " 或 ".join(meant), " or ".join(meant)
        sys.stderr.write(f"nbscheck: 没有命令“{argv[0]}”，是否想写 {zh}？ / no command '{argv[0]}'; did you mean {en}?\n"
                         "运行 `nbscheck --help` 查看命令。 / Run `nbscheck --help` for the commands.\n")
        raise SystemExit(EXIT_USAGE)
    return ["check"] + argv


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(_with_default_command(args_list))
    args.lang_given = "NBSCHECK_LANG" in os.environ or any(a == "--lang" or a.startswith("--lang=") for a in args_list)
    if args.version:
        return _version()
    if not args.command:
        parser.print_help()
        return EXIT_USAGE
    previous = signal.signal(signal.SIGTERM, _terminated)  # as CI cancellation sends: stop like Ctrl-C
    try:
        return args.run(args)
    except KeyboardInterrupt:
        sys.stderr.write("已中断 / interrupted\n")
        return 130
    except Terminated:
        sys.stderr.write("已终止 / terminated\n")
        return 143
    except BrokenPipeError:
        return EXIT_OK
    except OutputError as e:
        return e.report(getattr(args, "lang", "zh"))
    except Exception as e:  # noqa: BLE001 - the last guard: never a traceback for the user
        if os.environ.get("NBSCHECK_DEBUG"):
            raise
        sys.stderr.write(f"nbscheck: 内部错误，请报告此问题 / internal error, please report it "
                         f"(nbscheck {__version__}): {type(e).__name__}: {str(e)[:300]}\n")
        return EXIT_INTERNAL
    finally:
        signal.signal(signal.SIGTERM, previous)


class Terminated(BaseException):
    """SIGTERM arrived: unwinds like KeyboardInterrupt, so temporary files are removed and workers end."""


def _terminated(signum: int, frame: object) -> None:
    raise Terminated()


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
