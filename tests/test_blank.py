"""One blank answer for ``init`` and ``migrate``: the same comment lines and the same empty slots.

The real example is migrated to the working version, which adds blank answers for its new clauses;
each added block (from the clause line to ``note``) must appear verbatim in what ``nbscheck init``
writes for that version, in both languages.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from nbscheck.change.migrate import migrate_text
from nbscheck.change.plan import make_plan
from nbscheck.model.blank import blank_data, blank_lines, key_text
from nbscheck.model.guideline import load_guideline
from nbscheck.model.template import blank_submission
from nbscheck.yaml.load import load_text

EXAMPLE = ROOT / "examples" / "qualifying" / "submission.yaml"


def _guideline(path):
    loaded = load_guideline(path)
    assert loaded.guideline is not None
    return loaded.guideline


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_migrate_adds_exactly_the_blank_answer_init_writes(lang: str):
    old, new = _guideline(ROOT / "guideline" / "releases" / "1.0.0"), _guideline(ROOT / "guideline" / "releases" / "1.1.0")
    plan = make_plan(old, new)
    assert plan.new_clauses, "the working version adds clauses (else this test shows nothing)"
    migrated = migrate_text(EXAMPLE.read_text(encoding="utf-8"), str(EXAMPLE), plan, lang).text.split("\n")
    init = blank_submission(new, lang).split("\n")
    for cid in plan.new_clauses:
        start = migrated.index(next(line for line in migrated if line.startswith(f"  # {cid} [")))
        end = next(i for i in range(start, len(migrated)) if migrated[i].startswith('    note: ""'))
        block = migrated[start:end + 1]
        at = init.index(block[0])
        assert init[at:at + len(block)] == block


def test_the_blank_answer_at_the_files_indentation_with_options_and_no_not_applicable():
    g = _guideline(ROOT / "tests" / "fixtures" / "mini")
    choice, boolean = g.clause("2.2.1"), g.clause("2.1.1")
    assert choice is not None and boolean is not None
    lines = blank_lines(g, choice, "en", indent=4, step=4, key_style=None)
    assert lines == [
        "    # 2.2.1 [应/shall] The township shall hold villagers' meetings at regular intervals.",
        "    #   Indicator: Meeting frequency; Type: one option",
        "    #   Target: ∈ {monthly, quarterly}",
        "    #   Options: monthly (Monthly), quarterly (Quarterly), yearly (Yearly)",
        "    #   Evidence: report (Report); Points: 2; Dimension: People",
        "    2.2.1:",
        "        status:          # met | partial | not_met | not_applicable",
        "        value:           # the indicator's value: one option",
        "        evidence:",
        '            - path: ""          # the evidence file, relative to this file\'s folder',
        "              kind: report",
        '              description: ""',
        '        justification: ""   # why, when the answer is not_applicable',
        '        note: ""            # a note (optional)',
    ]
    assert load_text("\n".join(lines) + "\n", "t.yaml").data == {"2.2.1": blank_data(choice)}
    assert blank_lines(g, boolean, "zh")[:5] == [
        "  # 2.1.1 [应/shall] 乡镇应完成本底调查。",
        "  #   指标: 是否完成本底调查; 类型: 是/否 (true/false)",
        "  #   目标: = true",
        "  #   证据: report (报告); 分值: 3; 维度: 自然; 不允许答“不适用”",
        '  "2.1.1":',
    ]


@pytest.mark.parametrize("cid,style,shown", [("2.1", None, "2.1"), ("2.1", "'", "'2.1'"), ("2.1", '"', '"2.1"'),
                                             ("a b", None, '"a b"'), ("it's", "'", "'it''s'")])
def test_keys_keep_the_files_quoting(cid: str, style, shown: str):
    assert key_text(cid, style) == shown


def test_evidence_rows_are_block_style_so_a_windows_path_cannot_break_them():
    """Every blank row the template writes is ``- path:`` then ``kind:``, never ``{...}``: a clerk
    typing ``C:\\报告\\调查.pdf`` into ``path: ""`` changes one scalar, not a flow mapping's brackets."""
    g = _guideline(ROOT / "guideline" / "releases" / "1.1.0")
    text = blank_submission(g, "zh")
    assert "{path" not in text and "- path: \"\"" in text
    c = next(c for c in g.assessable if len(c.assessment.evidence) >= 2)
    lines = blank_lines(g, c, "zh")
    at = lines.index("    evidence:")
    assert lines[at + 1:at + 4] == ['      - path: ""          # 证据文件，相对于本文件所在的文件夹',
                                    f"        kind: {c.assessment.evidence[0]}", '        description: ""']
    assert lines[at + 4] == '      - path: ""'
    filled = "\n".join(lines).replace('- path: ""', "- path: C:\\报告\\调查.pdf", 1) + "\n"
    data = load_text(filled, "t.yaml").data[c.id]
    assert data["evidence"][0] == {"path": "C:\\报告\\调查.pdf", "kind": c.assessment.evidence[0], "description": ""}


@pytest.mark.parametrize("indent,step", [(2, 2), (4, 4), (2, 4), (4, 2)])
def test_the_blank_answer_reads_back_at_any_indentation(indent: int, step: int):
    """Sequence items keep their later keys two columns past the ``-`` whatever the file's step."""
    g = _guideline(ROOT / "guideline")
    for c in g.assessable:
        lines = blank_lines(g, c, "en", indent=indent, step=step, key_style=None)
        assert load_text("\n".join(lines) + "\n", "t.yaml").data == {c.id: blank_data(c)}, c.id
