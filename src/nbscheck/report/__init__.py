"""Output formats. Each format is a small class that writes a report file by file (``add`` each
result, then ``close``), so a folder of any size streams; each module's ``render`` is the same report
collected into a string, for tests and small jobs."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Protocol, TextIO


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


@dataclass(frozen=True)
class Options:
    """What a check report may be asked for besides its format: the language, colours, source lines."""

    lang: str = "zh"
    style: Any = None  # a report.style.Style; None means plain
    show_source: bool = True
    guideline_root: str | None = None  # --guideline, for clause titles
    output: str | None = None  # the -o path: formats with side files (csv) or bytes (xlsx) need it


def _text(out: TextIO, o: Options) -> Report:
    from .style import plain
    from .text import TextReport

    return TextReport(out, o.lang, o.style or plain(), o.show_source)


def _json(out: TextIO, o: Options) -> Report:
    from .json_report import JsonReport

    return JsonReport(out, o.lang)


def _sarif(out: TextIO, o: Options) -> Report:
    from .sarif import SarifReport

    return SarifReport(out, o.lang)


def _markdown(out: TextIO, o: Options) -> Report:
    from .markdown import MarkdownReport

    return MarkdownReport(out, o.lang, o.guideline_root)


def _csv(out: TextIO, o: Options) -> Report:
    from .csv_report import CsvReport

    return CsvReport(out, o.lang, o.output, o.guideline_root)


def _xlsx(out: TextIO, o: Options) -> Report:
    from .xlsx_report import XlsxReport

    return XlsxReport(out, o.lang, o.output, o.guideline_root)


def _html(out: TextIO, o: Options) -> Report:
    from .html_report import HtmlReport

    return HtmlReport(out, o.lang, o.guideline_root)


def _github(out: TextIO, o: Options) -> Report:
    from .github import GithubReport

    return GithubReport(out, o.lang)


def _junit(out: TextIO, o: Options) -> Report:
    from .junit import JunitReport

    return JunitReport(out, o.lang)


CHECK_REPORTS: dict[str, Callable[[TextIO, Options], Report]] = {
    "text": _text, "json": _json, "sarif": _sarif, "markdown": _markdown,
    "csv": _csv, "xlsx": _xlsx, "html": _html, "github": _github, "junit": _junit,
}
"""Each output format of ``nbscheck check``, by name: a new format is one small class and one entry here.
The modules are imported only when their format is chosen, so start-up stays quick."""
