"""SARIF 2.1.0, so code-scanning services show findings on the right lines of the submission."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Sequence

from .. import __version__
from ..check import CheckResult
from ..messages import CATALOG

LEVEL = {"error": "error", "warning": "warning", "note": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(file: str) -> str:
    return Path(file).as_posix()


def render(results: Sequence[CheckResult], lang: str) -> str:
    used = sorted({f.code for r in results for f in r.findings})
    rules = []
    index = {}
    for i, code in enumerate(used):
        m = CATALOG[code]
        index[code] = i
        rule: dict[str, Any] = {
            "id": code,
            "shortDescription": {"text": (m.en if lang == "en" else m.zh).split("{")[0].strip(" ：:，,") or code},
            "defaultConfiguration": {"level": LEVEL[m.severity.value]},
        }
        hint = m.hint_en if lang == "en" else m.hint_zh
        if hint:
            rule["help"] = {"text": hint}
        rules.append(rule)
    out = []
    for r in results:
        for f in r.findings:
            res: dict[str, Any] = {
                "ruleId": f.code, "ruleIndex": index[f.code], "level": LEVEL[f.severity.value],
                "message": {"text": f.message(lang)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.file)}}}],
            }
            if f.line:
                res["locations"][0]["physicalLocation"]["region"] = {"startLine": f.line, "startColumn": max(f.column, 1)}
            props: dict[str, Any] = {}
            if f.clause:
                props["clause"] = f.clause
            if f.path:
                props["jsonPath"] = f.path
            if props:
                res["properties"] = props
            out.append(res)
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "nbscheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": "https://nbscheck.example.org/", "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": out,
        }],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
