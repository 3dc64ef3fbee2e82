"""What the commands share: exit codes, the language and colour options, writing output and errors."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import IO, Iterable, Sequence

from ..findings import Finding, Position, Severity, make

CODES: tuple[str, ...] = ("NBS001",)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def default_lang() -> str:
    """The message language when ``--lang`` is not given: ``NBSCHECK_LANG``, else Chinese."""
    lang = os.environ.get("NBSCHECK_LANG", "zh")
    return lang if lang in ("zh", "en") else "zh"


def add_output_options(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    """``--format``, ``--lang`` and ``--color``, the options every reporting command takes."""
    # In a GitHub Actions job (GITHUB_ACTIONS=true) findings become annotations unless --format says otherwise
    actions = os.environ.get("GITHUB_ACTIONS") == "true" and "github" in formats
    p.add_argument("--format", choices=formats, default="github" if actions else formats[0],
                   help="输出格式 / output format (default: %(default)s; github when GITHUB_ACTIONS is set)")
    p.add_argument("--lang", choices=("zh", "en"), default=default_lang(),
                   help="消息语言，默认中文 / message language, Chinese by default")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="彩色输出 / colour output (default: auto, only on a terminal)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="只输出问题：不输出摘要、进度和“报告已写入”一行 / findings only: no summary, "
                        "no progress counter, no \"report written\" line")


def add_policy_options(p: argparse.ArgumentParser) -> None:
    """Which findings are reported, and how severe (see :mod:`nbscheck.cli.config`)."""
    p.add_argument("--ignore", action="append", metavar="CODES",
                   help="不报告这些代码或前缀，逗号分隔 / do not report these codes or prefixes (comma-separated)")
    p.add_argument("--select", action="append", metavar="CODES",
                   help="只报告这些代码或前缀 / report only these codes or prefixes")
    p.add_argument("--severity", action="append", metavar="CODE=LEVEL",
                   help="改变一个代码的级别（error、warning、note）/ change the severity of a code")
    p.add_argument("--config", metavar="FILE",
                   help="配置文件，默认为最近的 .nbscheck.toml 或 pyproject.toml / config file "
                        "(default: the nearest .nbscheck.toml or pyproject.toml with [tool.nbscheck])")


def policy(args: argparse.Namespace):
    """The run's :class:`~nbscheck.cli.config.Policy`, or exit 2 (as an int) when the config is bad.
    The config file's ``lang`` applies when neither ``--lang`` nor ``NBSCHECK_LANG`` chose one."""
    from .config import ConfigError, policy_from

    try:
        chosen = policy_from(args)
    except ConfigError as e:
        return errors(e.findings, args.lang)
    if chosen.lang and not getattr(args, "lang_given", True):
        args.lang = chosen.lang
    return chosen

def style(args: argparse.Namespace, to_file: bool = False):
    """Colours for standard output as ``--color`` asks; none when the output goes to a file."""
    from ..report.style import plain, stdout_style

    if to_file:
        return plain()
    color = getattr(args, "color", "auto")
    return stdout_style(None if color == "auto" else color == "always")


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` atomically, or to standard output, ending it with a newline.

    A file that cannot be written (a folder, a missing folder, a full disk) raises :class:`OutputError`."""
    if output:
        from ..atomic import write_text

        try:
            write_text(output, text if text.endswith("\n") else text + "\n")
        except OSError as e:
            raise OutputError(output, e) from None
    else:
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")


def io_error(message_zh: str, message_en: str, lang: str) -> int:
    """A usage or I/O problem that is not about a file's content: one line on stderr, exit 2."""
    sys.stderr.write(f"nbscheck: {message_en if lang == 'en' else message_zh}\n")
    return EXIT_USAGE


def write_findings(findings: Iterable[Finding], lang: str, stream: IO[str]) -> int:
    """Findings one per line on ``stream``; exit 2 if any is an error (for diff and migrate), else 0."""
    from ..report.findings_text import render_finding
    from ..report.style import Style

    style_ = Style.for_stream(stream)
    failed = False
    for f in findings:
        stream.write(render_finding(f, lang, style_, None) + "\n")
        failed |= f.severity is Severity.ERROR
    return EXIT_USAGE if failed else EXIT_OK


def errors(findings: Iterable[Finding], lang: str) -> int:
    """Findings that stop a command, on stderr; always exit 2."""
    write_findings(findings, lang, sys.stderr)
    return EXIT_USAGE


def write_file(path: str, text: str, lang: str) -> int | None:
    """Write ``text`` to ``path`` atomically; on failure report NBS001 and return exit 2, else None."""
    from ..atomic import write_text

    try:
        write_text(path, text)
    except OSError as e:
        return errors([make("NBS001", Position(path), reason=e.strerror or str(e))], lang)
    return None


def guideline_for(version: str | None, lang: str):
    """The shipped guideline of ``version`` (default: the newest release, see :mod:`.editor`); exit 2 if unknown."""
    from ..model.guideline import shipped, versions
    from .editor import default_version

    if version is not None and version not in versions():
        known = ", ".join(sorted(versions()))
        raise SystemExit(io_error(f"不认识的指南版本 {version}（已知：{known}）",
                                  f"unknown guideline version {version} (known: {known})", lang))
    return shipped(version or default_version())


class OutputError(Exception):
    """The output file cannot be written; commands turn it into one message and exit 2."""

    def __init__(self, path: str, error: OSError):
        super().__init__(path)
        self.path, self.reason = path, error.strerror or type(error).__name__

    def report(self, lang: str) -> int:
        return io_error(f"无法写入 {self.path}：{self.reason}", f"cannot write {self.path}: {self.reason}", lang)


def written(path: str, lang: str) -> str:
    """The line that says where ``-o`` put the report."""
    return f"report written to {path}\n" if lang == "en" else f"报告已写入 {path}\n"


def deliver(args: argparse.Namespace, text: str, inputs: Iterable[str] = (), folders: bool = False) -> int | None:
    """Write a command's whole report where ``-o`` says, the one way every reporting command does:
    refused (exit 2) when it would replace an input file (or, with ``folders``, land in a folder
    being checked); written atomically, a failure being NBS001 and exit 2; then, unless
    ``--quiet``, "report written to" on standard error. Without ``-o`` (or with ``-o -``) the text
    goes to standard output. Returns an exit code on failure, else None."""
    output = getattr(args, "output", None)
    if not output or output == "-":
        sys.stdout.write(text)
        return None
    refused = unsafe_output(output, inputs, args.lang, folders)
    if refused is not None:
        return refused
    failed = write_file(output, text, args.lang)
    if failed is not None:
        return failed
    if not getattr(args, "quiet", False):
        sys.stderr.write(written(output, args.lang))
    return None


def open_output(args: argparse.Namespace, inputs: Iterable[str]):
    """For a report written as results arrive (``nbscheck check``): an :class:`~nbscheck.atomic.AtomicWriter`
    for ``-o`` under the same rules as :func:`deliver` (the folders being checked included), None
    for standard output, or an exit code when ``-o`` is refused or cannot be opened. The caller
    commits it and then calls :func:`said_written`."""
    if not args.output:
        return None
    from ..atomic import AtomicWriter

    refused = unsafe_output(args.output, inputs, args.lang, True)
    if refused is not None:
        return refused
    try:
        return AtomicWriter(args.output)
    except OSError as e:
        return io_error(f"无法写入 {args.output}：{e.strerror}", f"cannot write {args.output}: {e.strerror}", args.lang)


def said_written(args: argparse.Namespace) -> None:
    """After a streamed ``-o`` report is committed: the "report written to" line, unless ``--quiet``."""
    if args.output and not getattr(args, "quiet", False):
        sys.stderr.write(written(args.output, args.lang))


def unsafe_output(output: str, inputs: Iterable[str], lang: str, folders: bool = True) -> int | None:
    """Exit 2 with a message when ``-o`` would write over an input file or (with ``folders``) into a
    folder being checked (the report would replace a submission, or be read as one next time); else
    None. ``diff`` and ``lint`` read guideline folders, where a report does no harm, so they pass
    ``folders=False``."""
    out = Path(output)
    if out.is_dir():
        return io_error(f"-o {output} 是一个文件夹，请给出文件名", f"-o {output} is a folder: give a file name", lang)
    if out.exists() and not out.is_file():
        return io_error(f"-o {output} 不是普通文件", f"-o {output} is not a regular file", lang)
    target = Path(os.path.realpath(out))
    if not target.parent.is_dir():
        return io_error(f"-o {output} 所在的文件夹不存在", f"the folder of -o {output} does not exist", lang)
    for raw in inputs:
        p = Path(os.path.realpath(raw))
        if p == target or (out.exists() and p.exists() and os.path.samefile(p, out)):
            return io_error(f"-o {output} 就是输入文件，报告会覆盖它；请换一个文件名",
                            f"-o {output} is an input file: the report would replace it; choose another name", lang)
        if folders and p.is_dir() and (p == target.parent or p in target.parents):
            return io_error(f"-o {output} 在正在检查的文件夹 {raw} 中；请写到别处",
                            f"-o {output} is inside the folder being checked ({raw}): write it elsewhere", lang)
    return None
