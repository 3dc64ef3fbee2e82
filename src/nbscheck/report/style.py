"""Terminal colour, only when writing to a terminal and NO_COLOR is not set."""

from __future__ import annotations

import os
import sys
from typing import TextIO

_CODES = {"red": "31", "yellow": "33", "green": "32", "cyan": "36", "bold": "1", "dim": "2", "magenta": "35"}


class Style:
    def __init__(self, enabled: bool):
        self.enabled = enabled

    @classmethod
    def for_stream(cls, stream: TextIO, force: bool | None = None) -> "Style":
        if force is not None:
            return cls(force)
        if os.environ.get("NO_COLOR"):
            return cls(False)
        return cls(bool(getattr(stream, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb")

    def __call__(self, text: str, *names: str) -> str:
        if not self.enabled or not names:
            return text
        return "".join(f"\x1b[{_CODES[n]}m" for n in names) + text + "\x1b[0m"


def plain() -> Style:
    return Style(False)


def stdout_style(force: bool | None = None) -> Style:
    return Style.for_stream(sys.stdout, force)
