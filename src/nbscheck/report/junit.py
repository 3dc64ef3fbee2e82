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


def findings_case(name: str, findings: list[Finding], lang: str, extra: list[str] | None = None,
                  classname: str = "nbscheck") -> tuple[str, bool]:
    """One test case as XML text, failed when ``findings`` has an error; and whether it failed.
    Errors go into the failure, other findings and ``extra`` lines into ``system-out``."""
    w = _WORDS[lang]
    case = ET.Element("testcase", {"classname": classname, "name": name, "file": name})
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        head = f"{len(errors)} {w['errors']}"
        fail = ET.SubElement(case, "failure", {"message": f"{head}: {errors[0].code} {errors[0].message(lang)}",
                                               "type": errors[0].code})
        fail.text = "\n".join(_line(f, lang) for f in errors)
    rest = [_line(f, lang) for f in findings if f.severity is not Severity.ERROR] + (extra or [])
    if rest:
        ET.SubElement(case, "system-out").text = "\n".join(rest)
    return ET.tostring(case, encoding="unicode"), bool(errors)


def suite_xml(name: str, cases: list[str], failures: int) -> str:
    """The whole document: one suite of ``cases`` (XML text each), its counts first."""
    n = len(cases)
    attr = _attr(name)
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name={attr} tests="{n}" failures="{failures}" errors="0">\n'
            f'  <testsuite name={attr} tests="{n}" failures="{failures}" errors="0" skipped="0">\n')
    return head + "".join("    " + c + "\n" for c in cases) + "  </testsuite>\n</testsuites>\n"


def _attr(value: str) -> str:
    """An XML attribute value, quoted and escaped."""
    from xml.sax.saxutils import quoteattr

    return quoteattr(value)


class JunitReport:
    def __init__(self, out: TextIO, lang: str):
        self.out, self.lang = out, lang
        self.cases: list[str] = []
        self.failures = 0

    def add(self, r: CheckResult) -> None:
        w = _WORDS[self.lang]
        extra = []
        if r.score:
            verdict = w["qualified"] if r.qualified else w["not"]
            extra.append(f"{w['score']}: {r.score.percent}% — {verdict}")
        case, failed = findings_case(r.file, r.findings, self.lang, extra)
        self.cases.append(case)
        self.failures += failed

    def close(self) -> None:
        self.out.write(suite_xml("nbscheck", self.cases, self.failures))


def render(results: Sequence[CheckResult], lang: str) -> str:
    return render_with(lambda out: JunitReport(out, lang), results)


def render_lint(findings: list[Finding], lang: str, folder: str) -> str:
    """``nbscheck lint --format junit``: one test case per guideline file with findings, failed when it
    has errors; a clean guideline is one passing case named after its folder."""
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        by_file.setdefault(f.file, []).append(f)
    cases, failures = [], 0
    for name, found in by_file.items():
        case, failed = findings_case(name, found, lang, classname="nbscheck.lint")
        cases.append(case)
        failures += failed
    if not cases:
        cases.append(findings_case(folder, [], lang, classname="nbscheck.lint")[0])
    return suite_xml("nbscheck lint", cases, failures)
