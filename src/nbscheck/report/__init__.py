"""Output formats, one table per command, so a command picks its renderer by name and a new format
is one small function and one entry (never another branch in the command).

``nbscheck check``'s formats are small classes that write a report file by file (``add`` each result,
then ``close``), so a folder of any size streams; each module's ``render`` is the same report
collected into a string, for tests and small jobs. ``diff``, ``compare`` and ``lint`` have one
result each, so their formats are functions from that result to the text.

Not in a table: ``init`` and ``schema`` (one shape each) and ``migrate`` (a file, not a report)."""

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
    quiet: bool = False  # --quiet: the findings or changes without the closing summary
    folder: str = ""  # lint: the guideline folder, the name of a clean guideline's test case


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


# --- nbscheck diff OLD NEW: a GuidelineDiff to text -------------------------------------------------

def _diff_text(d: Any, o: Options) -> str:
    from .diff_text import render

    return render(d, o.lang, o.style)


def _diff_markdown(d: Any, o: Options) -> str:
    from .diff_markdown import render

    return render(d, o.lang)


def _diff_json(d: Any, o: Options) -> str:
    from .diff_json import render

    return render(d, o.lang)


def _diff_github(d: Any, o: Options) -> str:
    from .diff_ci import render_github

    return render_github(d, o.lang, o.quiet)


def _diff_junit(d: Any, o: Options) -> str:
    from .diff_ci import render_junit

    return render_junit(d, o.lang)


DIFF_REPORTS: dict[str, Callable[[Any, Options], str]] = {
    "text": _diff_text, "markdown": _diff_markdown, "json": _diff_json, "github": _diff_github, "junit": _diff_junit,
}
"""Each output format of ``nbscheck diff``, by name (text first: the default)."""


# --- nbscheck compare OLD NEW: a Comparison to text --------------------------------------------------

def _compare_text(c: Any, o: Options) -> str:
    from .compare_text import render

    return render(c, o.lang, o.style)


def _compare_markdown(c: Any, o: Options) -> str:
    from .compare_markdown import render

    return render(c, o.lang)


def _compare_json(c: Any, o: Options) -> str:
    from .compare_json import render

    return render(c, o.lang)


COMPARE_REPORTS: dict[str, Callable[[Any, Options], str]] = {
    "text": _compare_text, "markdown": _compare_markdown, "json": _compare_json,
}
"""Each output format of ``nbscheck compare``, by name (text first: the default)."""


# --- nbscheck lint [DIR]: a guideline's findings to text ---------------------------------------------

def _lint_text(findings: list, o: Options) -> str:
    from .findings_text import SourceLines, render_findings, summary_counts
    from .style import plain

    out = [render_findings(findings, o.lang, o.style or plain(), SourceLines())] if findings else []
    if not o.quiet:
        ok = "指南检查通过" if o.lang == "zh" else "the guideline lints clean"
        out.append(summary_counts(findings, o.lang) + ("" if findings else f" — {ok}"))
    return "".join(part + "\n" for part in out)


def _lint_json(findings: list, o: Options) -> str:
    import json

    from .findings_json import lint_document

    return json.dumps(lint_document(findings, o.lang), ensure_ascii=False, indent=2) + "\n"


def _lint_sarif(findings: list, o: Options) -> str:
    from .sarif import render_findings

    text = render_findings(findings, o.lang)
    return text if text.endswith("\n") else text + "\n"


def _lint_github(findings: list, o: Options) -> str:
    from .github import GithubReport

    out = io.StringIO()
    gh = GithubReport(out, o.lang)
    gh.add_findings(findings)
    if not o.quiet:
        gh.close()
    return out.getvalue()


def _lint_junit(findings: list, o: Options) -> str:
    from .junit import render_lint

    return render_lint(findings, o.lang, o.folder)


LINT_REPORTS: dict[str, Callable[[list, Options], str]] = {
    "text": _lint_text, "json": _lint_json, "sarif": _lint_sarif, "github": _lint_github, "junit": _lint_junit,
}
"""Each output format of ``nbscheck lint``, by name (text first: the default)."""
