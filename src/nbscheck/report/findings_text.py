"""Findings rendered like a compiler's diagnostics: location, code, message, source line, caret, hint."""

from __future__ import annotations

import unicodedata
from typing import Callable, Iterable

from ..findings import Finding, Severity
from .safe import printable
from .style import Style

SEVERITY = {"zh": {"error": "错误", "warning": "警告", "note": "提示"},
            "en": {"error": "error", "warning": "warning", "note": "note"}}
COLOUR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}
HINT = {"zh": "提示", "en": "hint"}


def width(s: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


SHOWN_COLUMNS = 100
"""How much of a source line is shown under a finding, around its column: a 5 MB line is cut, never printed."""


def excerpt(text: str, column: int, columns: int = SHOWN_COLUMNS) -> tuple[str, int]:
    """The part of ``text`` around 1-based ``column`` that fits in ``columns`` characters, with ``…``
    where it was cut, and the column of the same character in the excerpt."""
    if len(text) <= columns:
        return text, column
    start = max(0, min(column - 1 - columns // 3, len(text) - columns))
    piece = text[start:start + columns]
    head = "…" if start > 0 else ""
    tail = "…" if start + columns < len(text) else ""
    return head + piece + tail, column - start + len(head)


def render_finding(f: Finding, lang: str, style: Style, source: Callable[[str, int], str] | None) -> str:
    sev = SEVERITY[lang][f.severity.value]
    loc = printable(str(f.position))
    clause = f" [{printable(f.clause)}]" if f.clause else ""
    head = f"{style(loc, 'bold')}: {style(sev, COLOUR[f.severity], 'bold')} {style(f.code, 'bold')}{clause} {printable(f.message(lang))}"
    lines = [head]
    text = source(f.file, f.line) if (source and f.line and f.sheet is None) else ""  # a cell has no source line
    if text:
        gutter = f"{f.line:>5} | "
        cut, column = excerpt(text.replace("\t", " "), f.column)
        before = printable(cut[: max(column - 1, 0)])
        lines.append(style(gutter, "dim") + before + printable(cut[max(column - 1, 0):]))
        lines.append(style(" " * 5 + " | ", "dim") + " " * width(before) + style("^", COLOUR[f.severity], "bold"))
    hint = f.hint(lang)
    if hint:
        lines.append(f"      {style(HINT[lang] + ':', 'cyan')} {printable(hint)}")
    return "\n".join(lines)


def render_findings(findings: Iterable[Finding], lang: str, style: Style,
                    source: Callable[[str, int], str] | None) -> str:
    return "\n".join(render_finding(f, lang, style, source) for f in findings)


def summary_counts(findings: list[Finding], lang: str) -> str:
    e = sum(f.severity is Severity.ERROR for f in findings)
    w = sum(f.severity is Severity.WARNING for f in findings)
    return summary_counts_from(e, w, lang)


def summary_counts_from(e: int, w: int, lang: str) -> str:
    if lang == "en":
        return f"{e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}"
    return f"{e} 个错误，{w} 个警告"


class SourceLines:
    """Reads a file's lines on demand for showing them under findings (cached, never fails)."""

    def __init__(self, texts: dict[str, str] | None = None):
        self._lines: dict[str, list[str]] = {k: v.splitlines() for k, v in (texts or {}).items()}

    def add(self, name: str, text: str) -> None:
        self._lines[name] = text.splitlines()

    def __call__(self, file: str, line: int) -> str:
        if file not in self._lines:
            try:
                with open(file, encoding="utf-8", errors="replace") as fh:
                    self._lines[file] = fh.read(4 * 1024 * 1024).splitlines()
            except OSError:
                self._lines[file] = []
        lines = self._lines[file]
        return lines[line - 1] if 0 < line <= len(lines) else ""
