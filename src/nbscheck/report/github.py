"""GitHub Actions workflow commands: each finding an annotation on its file and line in the pull request.

``::error file=a.yaml,line=3,col=5,title=NBS207 [6.2.1]::message`` (see GitHub's "Workflow commands
for GitHub Actions"). Chosen by default when ``GITHUB_ACTIONS`` is set. Values are escaped as the
runner expects (``%``, CR and LF everywhere; ``:`` and ``,`` in properties too); file names are
relative to the working folder, which in a workflow is the checked-out repository. A summary line
per run follows, as plain text for the log.
"""

from __future__ import annotations

from typing import Iterable, Sequence, TextIO

from ..check.result import CheckResult
from ..findings import Finding
from . import render_with
from .findings_text import summary_counts_from

COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding, lang: str) -> str:
    """One workflow command for ``f``: message and hint in the body, code and clause as its title."""
    props = [f"file={_prop(f.file)}"]
    if f.line:
        props += [f"line={f.line}", f"col={max(f.column, 1)}"]
    props.append("title=" + _prop(f.code + (f" [{f.clause}]" if f.clause else "")))
    hint = f.hint(lang)
    body = f.message(lang) + (f"\n{hint}" if hint else "")
    return f"::{COMMAND[f.severity.value]} {','.join(props)}::{_data(body)}"


class GithubReport:
    """Annotations as results arrive; the counts at the end."""

    def __init__(self, out: TextIO, lang: str):
        self.out, self.lang = out, lang
        self.errors = self.warnings = self.files = 0

    def add(self, r: CheckResult) -> None:
        self.files += 1
        self.add_findings(r.findings)

    def add_findings(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            self.errors += f.severity.value == "error"
            self.warnings += f.severity.value == "warning"
            self.out.write(annotation(f, self.lang) + "\n")

    def close(self) -> None:
        counts = summary_counts_from(self.errors, self.warnings, self.lang)
        files = (f"{self.files} files: " if self.lang == "en" else f"共 {self.files} 个文件：") if self.files > 1 else ""
        self.out.write(f"nbscheck: {files}{counts}\n")


def render(results: Sequence[CheckResult], lang: str) -> str:
    return render_with(lambda out: GithubReport(out, lang), results)
