"""Output formats. Each format is a small class that writes a report file by file (``add`` each
result, then ``close``), so a folder of any size streams; each module's ``render`` is the same report
collected into a string, for tests and small jobs."""

from __future__ import annotations

import io
from typing import Callable, Iterable, Protocol, TextIO


class Report(Protocol):
    def add(self, result: object) -> None: ...

    def close(self) -> None: ...


def render_with(make: Callable[[TextIO], Report], results: Iterable[object]) -> str:
    """Write ``results`` with the report ``make(out)`` builds, and return what it wrote."""
    out = io.StringIO()
    report = make(out)
    for r in results:
        report.add(r)
    report.close()
    return out.getvalue()
