"""SARIF 2.1.0, so code-scanning services show findings on the right lines of the submission.

Written for GitHub code scanning and checked with Microsoft's SARIF multitool and its GitHub rules
(tests/test_sarif_multitool.py): every location is a relative, percent-encoded URI against the
``SRCROOT`` base (the folder nbscheck ran in), so ``审核 2025/白沙 镇.yaml`` becomes
``%E5%AE%A1%E6%A0%B8%202025/...``; a file outside that folder gets an absolute ``file:`` URI. Every
result has a region (line 1 for findings about a whole file) and a ``partialFingerprints`` entry that
stays the same when lines move (code, file, JSON pointer, clause and message), so GitHub keeps an
alert's history. Each rule has the whole message as its short description, the hint in its full
description and a ``helpUri`` to the code's page on the site (:mod:`nbscheck.codes`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any, Iterable, Sequence, TextIO
from urllib.parse import quote

from .. import __version__
from ..check.result import CheckResult
from ..codes import SITE_URL, description, help_url, hint, title
from ..findings import Finding
from ..messages import CATALOG
from . import render_with

LEVEL = {"error": "error", "warning": "warning", "note": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
BASE = "SRCROOT"
FINGERPRINT = "nbscheckFinding/v1"


def location(file: str, cwd: Path | None = None) -> dict[str, Any]:
    """The ``artifactLocation`` of ``file``: relative to ``BASE`` when it is inside the working folder."""
    path = Path(file)
    here = cwd or Path.cwd()
    if path.is_absolute():
        try:
            path = path.relative_to(here)
        except ValueError:
            return {"uri": path.as_uri()}
    rel = path.as_posix()
    if rel.startswith("../") or rel == "..":
        return {"uri": (here / path).resolve().as_uri()}
    return {"uri": quote(rel, safe="/"), "uriBaseId": BASE}


def _rule(code: str, lang: str) -> dict[str, Any]:
    m = CATALOG[code]
    rule: dict[str, Any] = {
        "id": code,
        "shortDescription": {"text": title(code, lang)},
        "fullDescription": {"text": description(code, lang)},
        "defaultConfiguration": {"level": LEVEL[m.severity.value]},
        "helpUri": help_url(code, lang),
        "help": {"text": hint(code, lang) or description(code, lang)},
        "properties": {"tags": ["nbscheck", f"nbscheck-{code[:4]}xx"]},
    }
    return rule


def fingerprint(f: Finding, lang: str) -> str:
    """Stable across edits that move lines: what the finding is about, not where it now sits."""
    key = "\x1f".join((f.code, Path(f.file).as_posix(), f.path, f.clause or "", f.message("en")))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


class SarifReport:
    """Writes results as they arrive; the rules they use follow at the end (key order is free in JSON)."""

    def __init__(self, out: TextIO, lang: str):
        self.out, self.lang = out, lang
        self.index: dict[str, int] = {}
        self.n = 0
        self.cwd = Path(os.getcwd())
        self.out.write('{\n  "$schema": "' + SCHEMA + '",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [')

    def add(self, r: CheckResult) -> None:
        self.add_findings(r.findings)

    def add_findings(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            if f.code not in self.index:
                self.index[f.code] = len(self.index)
            region = {"startLine": f.line or 1, "startColumn": max(f.column, 1) if f.line else 1}
            res: dict[str, Any] = {
                "ruleId": f.code, "ruleIndex": self.index[f.code], "level": LEVEL[f.severity.value],
                "message": {"text": f.message(self.lang)},
                "locations": [{"physicalLocation": {"artifactLocation": location(f.file, self.cwd), "region": region}}],
                "partialFingerprints": {FINGERPRINT: fingerprint(f, self.lang)},
            }
            if f.sheet is not None:  # a workbook is no text file: the sheet and cell are a logical location
                name = f"{f.sheet}!{f.cell}" if f.cell else f.sheet
                del res["locations"][0]["physicalLocation"]["region"]
                res["locations"][0]["logicalLocations"] = [{"name": f.cell or f.sheet, "fullyQualifiedName": name}]
            props: dict[str, Any] = {}
            if f.clause:
                props["clause"] = f.clause
            if f.path:
                props["jsonPath"] = f.path
            if props:
                res["properties"] = props
            self.out.write(("," if self.n else "") + "\n        " + json.dumps(res, ensure_ascii=False))
            self.n += 1

    def close(self) -> None:
        rules = [_rule(code, self.lang) for code in self.index]
        tool = {"driver": {"name": "nbscheck", "version": __version__, "semanticVersion": __version__,
                           "informationUri": SITE_URL, "rules": rules}}
        base = {BASE: {"uri": self.cwd.as_uri() + "/",
                       "description": {"text": "nbscheck 运行时所在的文件夹 / the folder nbscheck ran in"}}}
        self.out.write(("\n      " if self.n else "") + '],\n      "columnKind": "unicodeCodePoints",\n' +
                       '      "originalUriBaseIds": ' + json.dumps(base, ensure_ascii=False) + ",\n" +
                       '      "invocations": [{"executionSuccessful": true}],\n      "tool": ' +
                       json.dumps(tool, ensure_ascii=False, indent=2).replace("\n", "\n      ") + "\n    }\n  ]\n}\n")


def render(results: Sequence[CheckResult], lang: str) -> str:
    return render_with(lambda out: SarifReport(out, lang), results)


def render_findings(findings: Sequence[Finding], lang: str) -> str:
    """A report of findings that belong to no submission (``nbscheck lint``)."""
    out = io.StringIO()
    report = SarifReport(out, lang)
    report.add_findings(findings)
    report.close()
    return out.getvalue()
