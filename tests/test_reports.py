"""The four report formats, on the example with mistakes: stable shapes, right places, both languages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import ROOT
from nbscheck.check.checker import check_file
from nbscheck.report import json_report, markdown, sarif, text
from nbscheck.report.findings_text import width
from nbscheck.report.style import Style

MISTAKES = ROOT / "examples" / "with-mistakes" / "submission.yaml"
QUALIFYING = ROOT / "examples" / "qualifying" / "submission.yaml"
SARIF_SCHEMA = ROOT / ".venv" / "share" / "sarif-2.1.0.json"


@pytest.fixture(scope="module")
def results():
    return [check_file(MISTAKES, name="examples/with-mistakes/submission.yaml"),
            check_file(QUALIFYING, name="examples/qualifying/submission.yaml")]


def test_json_report_shape(results):
    doc = json.loads(json_report.render(results, "en"))
    assert (doc["tool"], doc["format_version"], doc["kind"]) == ("nbscheck", 1, "check")
    assert doc["summary"] == {"files": 2, "valid": 1, "qualified": 1, "errors": 7, "warnings": 0}
    bad, good = doc["files"]
    assert (bad["valid"], bad["qualified"], good["valid"], good["qualified"]) == (False, False, True, True)
    assert bad["guideline"] == {"id": "bft-nbs", "version": "1.0.0"}
    assert bad["township"]["code"] == "339901102"
    note, f = bad["findings"][:2]
    assert (note["code"], note["severity"], note["path"]) == ("NBS224", "note", "/guideline/version")
    assert note["message_en"] == "a newer guideline version 1.1.0 exists; nbscheck migrate can carry this file to it"
    assert set(f) == {"code", "severity", "file", "line", "column", "clause", "path", "message", "message_zh", "message_en", "hint"}
    assert (f["code"], f["clause"], f["path"]) == ("NBS203", "6.1.1", "/answers/6.1.1")
    assert f["message"] == f["message_en"] == "no answer to shall clause 6.1.1"
    assert f["message_zh"] == "缺少“应”条款 6.1.1 的答复"
    assert bad["score"]["percent"] == 87.8 and bad["score"]["qualified"] is False
    assert [r["code"] for r in bad["score"]["reasons"]] == ["NBS250", "NBS253"]
    assert len(good["score"]["clauses"]) == 101
    assert {d["id"] for d in good["score"]["dimensions"]} == {"baseline-planning", "ecosystems", "living", "industry-finance", "governance"}


def test_json_report_lines_are_the_result_objects_exactly(results):
    """Each file's line is json.dumps of its whole object, though the clause rows are spliced in."""
    lines = json_report.render(results + results, "zh").splitlines()
    bodies = [json.loads(x.strip().rstrip(",")) for x in lines if x.startswith("    {")]
    assert bodies == [json_report.result_dict(r, "zh") for r in results + results]
    assert [b["score"]["clauses"][0]["clause"] for b in bodies] == ["5.1.1"] * 4
    assert bodies[0]["score"]["clauses"][0] == {"clause": "5.1.1", "level": "shall", "dimension": "baseline-planning",
                                                "status": "met", "points": 5, "earned": 0.0, "counted": True, "valid": False,
                                                "value": True}


@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason="the official SARIF 2.1.0 schema is absent: `make test` fetches it")
def test_sarif_validates_against_the_official_schema(results):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    for lang in ("zh", "en"):
        doc = json.loads(sarif.render(results, lang))
        errors = list(Draft202012Validator(schema).iter_errors(doc))
        assert errors == [], [e.message for e in errors[:3]]
    doc = json.loads(sarif.render(results, "en"))
    run = doc["runs"][0]
    assert run["tool"]["driver"]["name"] == "nbscheck" and run["columnKind"] == "unicodeCodePoints"
    got = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in run["results"]]
    expected = [(f.code, r.file, f.line, f.column) for r in results for f in r.findings]
    assert [r.file for r in results] == ["examples/with-mistakes/submission.yaml", "examples/qualifying/submission.yaml"]
    assert got == expected and [f.code for f in results[1].findings] == ["NBS224"]
    rules = run["tool"]["driver"]["rules"]
    first_seen = list(dict.fromkeys(f.code for r in results for f in r.findings))
    assert [r["id"] for r in rules] == first_seen  # each rule listed once, in order of first use
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]


def test_markdown_report(results):
    md = markdown.render(results, "en")
    assert md.startswith("# Self-assessment check report\n")
    assert "| File | Township | Valid | Errors | Score | Band | qualifies |" in md
    assert "| `examples/with-mistakes/submission.yaml` | Baisha Town (fictional) (339901102) | no | 7 | 87.8% | Excellent | no |" in md
    assert "| 347:3 | NBS201 (error) |  | the guideline has no clause 7.1.30; did you mean 7.1.3? |" in md
    assert "Outcome: **does not qualify**" in md and "Outcome: **qualifies**" in md
    zh = markdown.render(results[:1], "zh")
    assert "# 自评估检查报告" in zh and "结论: **未达到认定条件**" in zh and "## " in zh


def test_text_report_points_a_caret_under_the_column_even_after_chinese(results):
    out = text.render(results[:1], "zh", Style(False))
    lines = out.splitlines()
    i = next(n for n, l in enumerate(lines) if "NBS210" in l)
    assert lines[i].startswith("examples/with-mistakes/submission.yaml:329:12: 错误 NBS210 [7.1.1] 状态为“符合”")
    src, caret = lines[i + 1], lines[i + 2]
    assert src.endswith("    value: 72")
    assert caret.index("^") == src.index("72")
    # a line with Chinese before the column: the caret moves by display width, not characters
    j = next(n for n, l in enumerate(lines) if "NBS206" in l)
    assert "提示" in lines[j + 3]
    assert width("中文") == 4 and width("ab") == 2
    assert "\x1b[" not in out
    assert "\x1b[31" in text.render(results[:1], "en", Style(True))


def test_text_report_summary_for_many_files(results):
    out = text.render(results, "en", Style(False))
    assert "2 files: 1 valid, 1 qualify; 7 errors, 0 warnings" in out
    row = next(l for l in out.splitlines() if l.startswith("examples/qualifying/submission.yaml "))
    assert re.split(r" {2,}", row) == [
        "examples/qualifying/submission.yaml", "Qingxi Township (fictional)", "339901101", "Example County (fictional)",
        "yes", "0", "0", "96.4%", "Excellent", "yes", "-"]


def test_caret_display_width_on_a_chinese_line(tmp_path: Path):
    from nbscheck.findings import Finding, Severity
    from nbscheck.report.findings_text import render_finding

    f = Finding("NBS207", Severity.ERROR, "x.yaml", 1, 5)
    out = render_finding(f, "en", Style(False), lambda file, line: "名称: 值")
    src, caret = out.splitlines()[1:3]
    assert caret.index("^") - src.index("名") == width("名称: ")
