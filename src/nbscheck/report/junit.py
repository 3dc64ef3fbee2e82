"""JUnit XML, the test-report format CI services read (GitLab, Jenkins, Azure Pipelines, test
reporters on GitHub): one test case per submission, failed when it has errors.

A failure lists the file's errors as ``file:line:column: code [clause] message``; warnings and notes,
the score and the verdict go into the case's ``system-out``. Only one short XML string per file is
kept until the end, since the suite's counts come first in the file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Sequence, TextIO

from ..check.result import CheckResult
from ..findings import Finding, Severity
from . import render_with
from .findings_text import SEVERITY

_WORDS = {"zh": {"errors": "个错误", "score": "得分", "qualified": "达到认定条件", "not": "未达到认定条件"},
          "en": {"errors": "errors", "score": "score", "qualified": "qualifies", "not": "does not qualify"}}


def _line(f: Finding, lang: str) -> str:
    loc = f"{f.file}:{f.line}:{f.column}" if f.line else f.file
    clause = f" [{f.clause}]" if f.clause else ""
    return f"{loc}: {SEVERITY[lang][f.severity.value]} {f.code}{clause} {f.message(lang)}"


class JunitReport:
    def __init__(self, out: TextIO, lang: str):
        self.out, self.lang = out, lang
        self.cases: list[str] = []
        self.failures = 0

    def add(self, r: CheckResult) -> None:
        w = _WORDS[self.lang]
        case = ET.Element("testcase", {"classname": "nbscheck", "name": r.file, "file": r.file})
        errors = [f for f in r.findings if f.severity is Severity.ERROR]
        if errors:
            self.failures += 1
            head = f"{len(errors)} {w['errors']}"
            fail = ET.SubElement(case, "failure", {"message": f"{head}: {errors[0].code} {errors[0].message(self.lang)}",
                                                   "type": errors[0].code})
            fail.text = "\n".join(_line(f, self.lang) for f in errors)
        rest = [_line(f, self.lang) for f in r.findings if f.severity is not Severity.ERROR]
        if r.score:
            verdict = w["qualified"] if r.qualified else w["not"]
            rest.append(f"{w['score']}: {r.score.percent}% — {verdict}")
        if rest:
            ET.SubElement(case, "system-out").text = "\n".join(rest)
        self.cases.append(ET.tostring(case, encoding="unicode"))

    def close(self) -> None:
        n = len(self.cases)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                       f'<testsuites name="nbscheck" tests="{n}" failures="{self.failures}" errors="0">\n'
                       f'  <testsuite name="nbscheck" tests="{n}" failures="{self.failures}" errors="0" skipped="0">\n')
        for c in self.cases:
            self.out.write("    " + c + "\n")
        self.out.write("  </testsuite>\n</testsuites>\n")


def render(results: Sequence[CheckResult], lang: str) -> str:
    return render_with(lambda out: JunitReport(out, lang), results)
