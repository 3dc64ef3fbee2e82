"""SARIF 2.1.0, so code-scanning services show findings on the right lines of the submission."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence, TextIO

from .. import __version__
from ..check.result import CheckResult
from ..messages import CATALOG
from . import render_with

LEVEL = {"error": "error", "warning": "warning", "note": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(file: str) -> str:
    return Path(file).as_posix()


def _rule(code: str, lang: str) -> dict[str, Any]:
    m = CATALOG[code]
    rule: dict[str, Any] = {
        "id": code,
        "shortDescription": {"text": (m.en if lang == "en" else m.zh).split("{")[0].strip(" ：:，,") or code},
        "defaultConfiguration": {"level": LEVEL[m.severity.value]},
    }
    hint = m.hint_en if lang == "en" else m.hint_zh
    if hint:
        rule["help"] = {"text": hint}
    return rule


class SarifReport:
    """Writes results as they arrive; the rules they use follow at the end (key order is free in JSON)."""

    def __init__(self, out: TextIO, lang: str):
        self.out, self.lang = out, lang
        self.index: dict[str, int] = {}
        self.n = 0
        self.out.write('{\n  "$schema": "' + SCHEMA + '",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [')

    def add(self, r: CheckResult) -> None:
        for f in r.findings:
            if f.code not in self.index:
                self.index[f.code] = len(self.index)
            res: dict[str, Any] = {
                "ruleId": f.code, "ruleIndex": self.index[f.code], "level": LEVEL[f.severity.value],
                "message": {"text": f.message(self.lang)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.file)}}}],
            }
            if f.sheet is not None:  # a workbook is no text file: the sheet and cell are a logical location
                name = f"{f.sheet}!{f.cell}" if f.cell else f.sheet
                res["locations"][0]["logicalLocations"] = [{"name": f.cell or f.sheet, "fullyQualifiedName": name}]
            elif f.line:
                res["locations"][0]["physicalLocation"]["region"] = {"startLine": f.line, "startColumn": max(f.column, 1)}
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
                           "informationUri": "https://nbscheck.example.org/", "rules": rules}}
        self.out.write(("\n      " if self.n else "") + '],\n      "columnKind": "unicodeCodePoints",\n      "tool": ' +
                       json.dumps(tool, ensure_ascii=False, indent=2).replace("\n", "\n      ") + "\n    }\n  ]\n}\n")


def render(results: Sequence[CheckResult], lang: str) -> str:
    return render_with(lambda out: SarifReport(out, lang), results)
