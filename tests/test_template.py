"""The template ``nbscheck init`` writes (issue 12, item 5): what it answers, what it says, its shape,
and how its untouched and partly filled states check.

Each test runs ``init`` for real and checks what it wrote, so the expected lines and findings are
derived from the template's own text (``line_of``), never typed in by hand.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, line_of
from nbscheck.cli.editor import default_version
from nbscheck.model.guideline import shipped
from nbscheck.yaml.load import load_text

SLOTS = ["status", "value", "evidence", "justification", "note"]


def _init(cli, tmp_path: Path, *extra: str, name: str = "submission.yaml") -> tuple[Path, str]:
    out = tmp_path / name
    code, stdout, err = cli("init", "-o", str(out), *extra)
    assert code == 0 and stdout == ""
    return out, err


def _findings(cli, path: Path) -> list[tuple]:
    code, out, _ = cli(str(path), "--format", "json", "--lang", "en")
    assert code in (0, 1)
    return [(f["code"], f["line"], f["column"], f["message_en"]) for f in json.loads(out)["files"][0]["findings"]]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_init_says_what_it_wrote_and_what_to_do_next(cli, tmp_path: Path, lang: str):
    g = shipped(default_version())
    out, err = _init(cli, tmp_path, "--lang", lang)
    n = len(g.assessable)
    if lang == "zh":
        assert err == (f"nbscheck：已写入 {out}：指南 bft-nbs {g.version}，共 {n} 条待答条款。\n"
                       "下一步：填好乡镇信息、评估期和联系人，再逐条填写 status、value 和 evidence（留空的答复算作“尚未填写”），"
                       f"然后运行：nbscheck {out}\n")
    else:
        assert err == (f"nbscheck: wrote {out}: guideline bft-nbs {g.version}, {n} clauses to answer.\n"
                       "Next: fill in the township, period and contact, then status, value and evidence for each "
                       f"clause (an answer left blank counts as not answered yet), then run: nbscheck {out}\n")


def test_the_note_goes_to_stderr_so_standard_output_stays_the_file(cli):
    code, out, err = cli("init", "--lang", "en")
    assert code == 0 and out.startswith("# yaml-language-server: $schema=")
    assert err.startswith("nbscheck: wrote standard output: guideline bft-nbs") and "nbscheck FILE" in err
    code, out2, err = cli("init", "--lang", "en", "--quiet")
    assert (code, out2, err) == (0, out, "")


def test_the_draft_only_on_request_and_said_to_be_one(cli, tmp_path: Path):
    draft = shipped()
    assert draft.is_draft and default_version() != draft.version
    out, err = _init(cli, tmp_path, "--lang", "en", "--guideline-version", draft.version)
    assert f'version: "{draft.version}"' in out.read_text(encoding="utf-8")
    assert f"guideline bft-nbs {draft.version} (a draft: it may change before release), {len(draft.assessable)} clauses" in err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_editor_line_is_the_first_line_exactly(cli, tmp_path: Path, lang: str):
    out, _ = _init(cli, tmp_path, "--lang", lang)
    first = out.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == (f"# yaml-language-server: $schema=https://nbscheck.github.io/nbscheck/schemas/"
                     f"submission-bft-nbs-{default_version()}.schema.json")


@pytest.mark.parametrize("version", ["1.0.0", "1.1.0", None])
def test_every_answer_has_the_slots_a_clerk_fills_with_the_clause_in_comments(cli, tmp_path: Path, version):
    g = shipped(version)
    out, _ = _init(cli, tmp_path, "--lang", "zh", "--guideline-version", g.version)
    text = out.read_text(encoding="utf-8")
    data = load_text(text, "t.yaml").data
    assert list(data["answers"]) == [c.id for c in g.assessable]
    lines = text.split("\n")
    for c in g.assessable:
        ans = data["answers"][c.id]
        assert [k for k in ans if k != "baseline"] == SLOTS, c.id
        assert ans["justification"] == "" and ans["note"] == "" and ans["status"] is None and ans["value"] is None
        at = line_of(text, f'  "{c.id}":')
        above = "\n".join(lines[line_of(text, f"  # {c.id} [") - 1:at - 1])
        ind = c.assessment.indicator
        assert f"# {c.id} [" in above and c.text.zh in above and "目标:" in above, c.id
        if ind.unit:  # the unit by name beside the value, and in the comment above
            assert f"单位: {ind.unit}" in above
            value_line = next(ln for ln in lines[at:] if ln.startswith("    value:"))
            assert f"({ind.unit})" in value_line and g.units[ind.unit].zh in value_line, c.id
    assert "{path" not in text  # evidence rows are block style


def test_an_untouched_template_gives_only_the_not_filled_summaries(cli, tmp_path: Path):
    g = shipped(default_version())
    out, _ = _init(cli, tmp_path)
    text = out.read_text(encoding="utf-8")
    n, shall = len(g.assessable), sum(c.level == "shall" for c in g.assessable)
    ids = [c.id for c in g.assessable]
    name, answers = line_of(text, "  name: {zh:"), line_of(text, "answers:")
    fields = [("the township's name", name), ("the township's division code", line_of(text, "  code:")),
              ("the county", line_of(text, "  county:")), ("the province", line_of(text, "  province:")),
              ("the period's start date", line_of(text, "  start:")), ("the period's end date", line_of(text, "  end:")),
              ("the contact's name", line_of(text, "contact:") + 1)]
    assert _findings(cli, out) == [
        ("NBS410", name, text.split("\n")[name - 1].index('""') + 1,
         "7 fields of the township's details are not filled in yet: " + ", ".join(f"{w} (line {ln})" for w, ln in fields)),
        ("NBS260", answers, 1, f"0 of {n} answers are filled in; {n} are not yet: " + ", ".join(ids[:12]) + f" … ({n} in all)"),
    ]
    assert shall > 0


def test_an_untouched_draft_template_with_a_stage_slot_gives_no_stage_errors(cli, tmp_path: Path):
    """The draft declares stages: ``stage:`` left blank is not given (it used to be NBS200 and NBS228)."""
    draft = shipped()
    assert draft.rules.stages
    out, _ = _init(cli, tmp_path, "--guideline-version", draft.version)
    text = out.read_text(encoding="utf-8")
    assert line_of(text, "stage:") > 0
    assert [(c, ln) for c, ln, _, _ in _findings(cli, out)] == [
        ("NBS222", line_of(text, "  version:")), ("NBS410", line_of(text, "  name: {zh:")), ("NBS260", line_of(text, "answers:"))]


def _fill_header(text: str) -> str:
    return (text.replace('name: {zh: "", en: ""}', 'name: {zh: "白沙镇", en: ""}', 1)
                .replace('code: ""', 'code: "330212001"', 1)
                .replace('county: {zh: "", en: ""}', 'county: {zh: "某县", en: ""}', 1)
                .replace('province: {zh: "", en: ""}', 'province: {zh: "浙江省", en: ""}', 1)
                .replace('start: ""', 'start: "2025-01-01"', 1).replace('end: ""', 'end: "2025-12-31"', 1)
                .replace('contact:\n  name: ""', 'contact:\n  name: "张三"', 1))


def _answer(text: str, cid: str, edit) -> str:
    """``text`` with the block of answer ``cid`` passed through ``edit``."""
    start = text.index(f'  "{cid}":')
    end = text.find('\n  "', start + 1)
    end = text.find("\n  # ", start) if end < 0 else min(end, text.find("\n  # ", start))
    return text[:start] + edit(text[start:end]) + text[end:]


def test_one_filled_answer_is_scored_and_the_others_stay_unfilled(cli, tmp_path: Path):
    g = shipped(default_version())
    out, _ = _init(cli, tmp_path)
    c = g.assessable[0]
    assert c.assessment.indicator.type == "boolean" and len(c.assessment.evidence) == 3
    files = []
    for i, kind in enumerate(c.assessment.evidence):
        files.append(f"证据 {i}.pdf")
        (tmp_path / files[-1]).write_text("x", encoding="utf-8")

    def fill(block: str) -> str:
        block = block.replace("status:          #", "status: met      #", 1).replace("value:           #", "value: true      #", 1)
        for f in files:  # a blank justification and note stay as the template wrote them
            block = block.replace('- path: ""', f"- path: {f}", 1)
        return block

    text = _answer(_fill_header(out.read_text(encoding="utf-8")), c.id, fill)
    filled = tmp_path / "filled.yaml"
    filled.write_text(text, encoding="utf-8")
    n, ids = len(g.assessable), [x.id for x in g.assessable[1:]]
    assert _findings(cli, filled) == [
        ("NBS260", line_of(text, "answers:"), 1,
         f"1 of {n} answers are filled in; {n - 1} are not yet: " + ", ".join(ids[:12]) + f" … ({n - 1} in all)")]
    score = json.loads(cli(str(filled), "--format", "json")[1])["files"][0]["score"]
    first = score["clauses"][0]
    assert (first["clause"], first["status"], first["earned"], first["valid"]) == (c.id, "met", c.assessment.points, True)
    assert {x["status"] for x in score["clauses"][1:]} == {"missing"} and score["earned"] == c.assessment.points


def test_blank_slots_in_a_filled_answer_are_not_given(cli, tmp_path: Path):
    """A not_applicable answer with its justification left blank is asked for one (NBS206), not told
    that a blank is not text; a met answer with its value left blank is asked for the value (NBS211)."""
    g = shipped(default_version())
    out, _ = _init(cli, tmp_path)
    na = next(c for c in g.assessable if c.assessment.not_applicable)
    met = next(c for c in g.assessable if c.assessment.evidence and c is not na)
    text = _fill_header(out.read_text(encoding="utf-8"))
    text = _answer(text, na.id, lambda b: b.replace("status:          #", "status: not_applicable #", 1)
                   .replace('justification: ""', "justification:", 1))
    text = _answer(text, met.id, lambda b: b.replace("status:          #", "status: met      #", 1))
    p = tmp_path / "blanks.yaml"
    p.write_text(text, encoding="utf-8")
    codes = [(code, ln) for code, ln, _, _ in _findings(cli, p) if code != "NBS260"]
    at_na, at_met = line_of(text, f'  "{na.id}":'), line_of(text, f'  "{met.id}":')
    # NBS212 on its first evidence row: the rows are still blank, so no evidence is given
    assert sorted(codes, key=lambda x: x[1]) == sorted([("NBS206", at_na + 1), ("NBS211", at_met + 1), ("NBS212", at_met + 4)],
                                                       key=lambda x: x[1])


def test_one_blank_header_field_keeps_its_own_finding(cli, tmp_path: Path):
    """NBS410 gathers two or more blank header fields; a list of one would only say less than NBS200."""
    out, _ = _init(cli, tmp_path)
    text = _fill_header(out.read_text(encoding="utf-8")).replace('contact:\n  name: "张三"', 'contact:\n  name: ""', 1)
    p = tmp_path / "one.yaml"
    p.write_text(text, encoding="utf-8")
    line = line_of(text, "contact:") + 1
    assert [f[:3] for f in _findings(cli, p)] == [("NBS200", line, 9), ("NBS260", line_of(text, "answers:"), 1)]
    text = text.replace('code: "330212001"', 'code: ""', 1)
    p.write_text(text, encoding="utf-8")
    (f410, *_rest) = _findings(cli, p)
    code_line = line_of(text, "  code:")
    assert f410 == ("NBS410", code_line, 9, "2 fields of the township's details are not filled in yet: "
                    f"the township's division code (line {code_line}), the contact's name (line {line})")


def test_a_blank_baseline_slot_and_a_blank_stage_are_not_given(mini: Path, tmp_path: Path):
    """A filled answer to a baseline indicator with the template's baseline slot still blank is
    asked for its baseline (NBS226), not told that a blank year is not a whole number; ``stage:``
    left blank means no stage named (every clause assessed), not an unknown stage."""
    from conftest import FIXTURES, col_of, edit
    from nbscheck.check.checker import check_file
    from nbscheck.model.blank import blank_lines
    from nbscheck.model.guideline import load_guideline

    edit(mini / "guideline.yaml", "  qualification:", "  stages:\n    - {id: entry, name: {zh: 入门认定, en: Entry}}\n"
                                                      "  qualification:")
    edit(mini / "chapters/02-measures.yaml", "            min: 0\n            target: {at_least: 5}",
         "            min: 0\n            target: {at_least: 2}\n            baseline: change")
    g = load_guideline(mini).guideline
    lines = blank_lines(g, g.clause("2.1.3"), "en")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("    baseline:"))
    slot = lines[at + 1:lines.index("    evidence:")]  # the template's baseline slot, as it writes it
    assert slot == ["      value:", "      year:", "      evidence:", '        - path: ""', "          kind: survey-report",
                    '          description: ""']
    good = (FIXTURES / "subs" / "good.yaml").read_text(encoding="utf-8")
    body = good.replace("    unit: ha\n", "    unit: ha\n    baseline:\n" + "\n".join(slot) + "\n", 1)
    body = body.replace("answers:\n", "stage:\nanswers:\n", 1)
    folder = tmp_path / "sub"
    shutil.copytree(FIXTURES / "subs", folder)
    (folder / "s.yaml").write_text(body, encoding="utf-8")
    r = check_file(folder / "s.yaml", guideline_root=str(mini), name="s.yaml")
    assert [(f.code, f.line, f.column, f.clause) for f in r.findings] == [
        ("NBS226", line_of(body, "value: 7.5"), col_of(body, "7.5"), "2.1.3")]
