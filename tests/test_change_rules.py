"""The rules table is the classification: the diff takes every class from it, and CONTRIBUTING shows it.

Three checks keep ``nbscheck.change.rules.RULES`` honest: the modules that compare never name a
class themselves (so every class comes through ``rule(kind, case)``); diffs that between them show
every kind of change use every row of the table, each change getting the class of the row it came
from (so no row is dead and none is bypassed); and the table in CONTRIBUTING.md is the one
generated from the data.
"""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI, ROOT, edit
from nbscheck.change import classify, outside, rules
from nbscheck.change.diff import diff_guidelines
from nbscheck.model.guideline import load_guideline

SRC = ROOT / "src" / "nbscheck" / "change"
CLASS_WORDS = {"BREAKING", "SUBSTANTIVE", "EDITORIAL", "breaking", "substantive", "editorial"}


def load(path: Path):
    loaded = load_guideline(path)
    assert loaded.guideline is not None and not loaded.findings, loaded.findings
    return loaded.guideline


@pytest.mark.parametrize("module", ["classify.py", "outside.py", "diff.py", "pairing.py"])
def test_the_comparing_modules_never_pick_a_class_themselves(module: str):
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    names |= {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
    strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert not names & CLASS_WORDS
    assert not strings & CLASS_WORDS


def _mini_edits(tmp_path: Path) -> tuple[Path, Path]:
    """The cases the diff fixture and the real guideline do not show, on one edited copy of mini."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(MINI, old)
    shutil.copytree(MINI, new)
    g, general, measures = new / "guideline.yaml", new / "chapters" / "01-general.yaml", new / "chapters" / "02-measures.yaml"
    edit(g, "version: 1.0.0\nstatus: released\nreleased: \"2025-01-01\"", "version: 1.1.0\nstatus: draft")
    edit(g, "id: mini\n", "id: mini-two\n")                                           # guideline-id
    edit(measures, "            target: {at_least: 5}\n          evidence: [report, photo]\n",
         "            target: {at_least: 5}\n            baseline: change\n          evidence: [report, photo]\n"
         "          stages: [reassessment]\n")                                        # baseline; stages of a clause
    edit(g, "ha: {zh: 公顷, en: ha}", "ha: {zh: 公顷, en: hectare}")                   # unit renamed
    edit(new / "terms.yaml", "en: native species}", "en: indigenous species}")        # term, English
    edit(general, '  - id: "1.1"\n', '  - id: "1.9"\n    previous: "1.1"\n')          # statement renumbered
    edit(general, """    not_assessable:
      zh: 由第2章的条款评估。
      en: Assessed through the clauses of chapter 2.
""", """    assessment:
      indicator:
        name: {zh: 是否应用, en: Applied}
        type: boolean
        target: {equals: true}
      evidence: [report]
      points: 1
      dimension: people
""")                                                                                  # shall, now assessed
    edit(measures, "              - {id: yearly, name: {zh: 每年, en: Yearly}}\n",
         "              - {id: yearly, name: {zh: 每年, en: Yearly}}\n"
         "              - {id: never, name: {zh: 从不, en: Never}}\n")                  # option added
    return old, new


def test_every_row_is_used_and_every_change_takes_its_rows_class(tmp_path: Path, monkeypatch):
    calls: list[tuple[str, str, str]] = []

    def recording(kind: str, case: str) -> str:
        cls = rules.rule(kind, case)
        calls.append((kind, case, cls))
        return cls

    monkeypatch.setattr(classify, "rule", recording)
    monkeypatch.setattr(outside, "rule", recording)
    fixture = FIXTURES / "diff" / "guideline"
    pairs = [(fixture / "releases" / "1.0.0", fixture), (ROOT / "guideline" / "releases" / "1.0.0", ROOT / "guideline"),
             _mini_edits(tmp_path)]
    made: set[str] = set()
    used: set[tuple[str, str]] = set()
    for a, b in pairs:
        for old, new in ((a, b), (b, a)):
            calls.clear()
            d = diff_guidelines(load(old), load(new))
            # one rule call per change, and each change carries the class of its rule
            produced = [(c.kind, c.cls) for c in d.changes] + [(o.kind, o.cls) for o in d.other]
            assert sorted(produced) == sorted((kind, cls) for kind, _, cls in calls)
            used |= {(kind, case) for kind, case, _ in calls}
            made |= {cls for _, cls in produced}
    assert {(r.kind, r.case) for r in rules.RULES} - used == set()
    assert made == {"breaking", "substantive", "editorial"}


def test_contributing_shows_the_table_the_code_uses():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    begin = text.index("<!-- rules:begin")
    start = text.index("\n", begin) + 1
    end = text.index("<!-- rules:end -->")
    assert text[start:end] == rules.markdown_table()


def test_a_case_missing_from_the_table_is_an_error_not_a_default():
    with pytest.raises(KeyError):
        rules.rule("target", "sideways")
    assert rules.rule("target", "tightened") == "breaking"
    assert rules.rule("notes", "any") == "editorial"
