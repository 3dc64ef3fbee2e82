"""What the commands share: exit codes, the language and colour options, writing output and errors."""

from __future__ import annotations

import argparse
import os
import sys
from typing import IO, Iterable, Sequence

from ..findings import Finding, Position, Severity, make

CODES: tuple[str, ...] = ("NBS001",)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def default_lang() -> str:
    """The message language when ``--lang`` is not given: ``NBSCHECK_LANG``, else Chinese."""
    lang = os.environ.get("NBSCHECK_LANG", "zh")
    return lang if lang in ("zh", "en") else "zh"


def add_output_options(p: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    """``--format``, ``--lang`` and ``--color``, the options every reporting command takes."""
    p.add_argument("--format", choices=formats, default=formats[0],
                   help="输出格式 / output format (default: %(default)s)")
    p.add_argument("--lang", choices=("zh", "en"), default=default_lang(),
                   help="消息语言，默认中文 / message language, Chinese by default")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="彩色输出 / colour output (default: auto, only on a terminal)")


def style(args: argparse.Namespace, to_file: bool = False):
    """Colours for standard output as ``--color`` asks; none when the output goes to a file."""
    from ..report.style import plain, stdout_style

    if to_file:
        return plain()
    color = getattr(args, "color", "auto")
    return stdout_style(None if color == "auto" else color == "always")


def emit(text: str, output: str | None) -> None:
    """Write ``text`` to ``output`` atomically, or to standard output, ending it with a newline."""
    if output:
        from ..atomic import write_text

        write_text(output, text if text.endswith("\n") else text + "\n")
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
    """The shipped guideline of ``version`` (default: the working version); exit 2 if unknown."""
    from ..model.guideline import shipped, versions

    if version is not None and version not in versions():
        known = ", ".join(sorted(versions()))
        raise SystemExit(io_error(f"不认识的指南版本 {version}（已知：{known}）",
                                  f"unknown guideline version {version} (known: {known})", lang))
    return shipped(version)
