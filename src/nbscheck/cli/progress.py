"""A counter on the terminal while a long run checks files: ``已检查 1200/5000 个文件``.

Shown only when standard error is a terminal, ``--quiet`` is not given and there is more than one
file, so logs, pipes and single checks stay clean; redrawn in place at most ten times a second, so it costs nothing next to checking a file.
When the report itself goes to the same terminal, the counter is wiped before each file's output
and comes back at the next tick.
"""

from __future__ import annotations

import time
from typing import TextIO

INTERVAL = 0.1  # seconds between redraws
CLEAR = "\r\x1b[K"


class Progress:
    def __init__(self, stream: TextIO, lang: str, enabled: bool, clock=time.monotonic):
        self.stream, self.lang, self.enabled, self.clock = stream, lang, enabled, clock
        self.total: int | None = None
        self.done = 0
        self.last = 0.0
        self.shown = False

    @classmethod
    def for_stream(cls, stream: TextIO, lang: str, quiet: bool) -> "Progress":
        tty = bool(getattr(stream, "isatty", lambda: False)())
        return cls(stream, lang, tty and not quiet)

    def set_total(self, n: int) -> None:
        """How many files the run has; one file is over before a counter could help, so none shows."""
        self.total = n
        if n <= 1:
            self.enabled = False

    def line(self) -> str:
        total = "?" if self.total is None else str(self.total)
        if self.lang == "en":
            return f"checked {self.done}/{total} files"
        return f"已检查 {self.done}/{total} 个文件"

    def step(self) -> None:
        """One more file checked; redraw if the last drawing is old enough."""
        self.done += 1
        if not self.enabled:
            return
        now = self.clock()
        if now - self.last >= INTERVAL:
            self.last = now
            self.stream.write(CLEAR + self.line())
            self.stream.flush()
            self.shown = True

    def clear(self) -> None:
        """Wipe the counter, so what comes next starts on a clean line."""
        if self.shown:
            self.stream.write(CLEAR)
            self.stream.flush()
            self.shown = False
            self.last = 0.0

    def finish(self) -> None:
        """The last count, left on its own line, then nothing more."""
        if self.enabled and self.done:
            self.stream.write(CLEAR + self.line() + "\n")
            self.stream.flush()
            self.shown = False

