"""`nbscheck migrate`: a real submission carried from 1.0.0 to 1.1.0 of the fixture guideline.

The input (tests/fixtures/diff/subs/town-1.0.0.yaml) has comments everywhere: above answers, after
values, inside a literal block that looks like a comment, at the end of the file. Every line that
nothing needed to change must come out byte for byte.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, line_of
from nbscheck.check.checker import check_file
from nbscheck.model.guideline import load_guideline
from nbscheck.yaml.load import load_text
from nbscheck.change.migrate import MigrateError, migrate_text
from nbscheck.change.plan import make_plan

GUIDELINE = FIXTURES / "diff" / "guideline"
SUB = FIXTURES / "diff" / "subs" / "town-1.0.0.yaml"
EXPECTED = FIXTURES / "diff" / "expected" / "town-1.1.0.yaml"
SOURCE = SUB.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def plan():
    old = load_guideline(GUIDELINE / "releases" / "1.0.0").guideline
    new = load_guideline(GUIDELINE).guideline
    return make_plan(old, new)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the submission in its own folder; the CLI sees the fixture guideline's versions."""
    monkeypatch.setattr("nbscheck.cli.diff.guideline_dir", lambda: GUIDELINE)
    d = tmp_path / "reviews"
    d.mkdir()
    shutil.copy(SUB, d / "town.yaml")
    monkeypatch.chdir(d)
    return d


def test_plan(plan):
    assert plan.renames == {"2.1.2": "2.1.3", "2.1.3": "2.1.4"}
    assert plan.dropped == {"2.2.4": "not-assessed", "2.3.2": "removed"}
    assert plan.new_clauses == ["2.1.2", "2.2.3"]
    assert plan.now_shall == ["2.2.2"]
    assert {k: [(c.kind, c.field) for c in v] for k, v in plan.flags.items()} == {
        "2.1.1": [("evidence", None)], "2.1.3": [("target", "tightened")],
        "2.1.4": [("indicator", "range"), ("not_applicable", None)], "2.2.1": [("indicator", "choices")],
        "2.3.1": [("indicator", "type"), ("indicator", "unit"), ("target", "tightened")]}


def test_the_migrated_file_exactly(plan):
    result = migrate_text(SOURCE, "town.yaml", plan, "zh")
    assert result.method == "lines"
    assert result.output == EXPECTED.read_text(encoding="utf-8")


def _embed(lines: list[str], out: list[str]) -> list[int]:
    """Where each of ``lines`` is found, in order, in ``out``; fails if one is missing."""
    where, cursor = [], 0
    for line in lines:
        cursor = out.index(line, cursor)
        where.append(cursor)
        cursor += 1
    return where


def test_every_line_that_needs_no_change_is_kept_byte_for_byte(plan):
    out = migrate_text(SOURCE, "town.yaml", plan, "zh").output
    s = SOURCE
    before, after = s.split("\n"), out.split("\n")
    start_224, start_232 = line_of(s, '"2.2.4":'), line_of(s, '"2.3.2":')
    changed = ({line_of(s, "$schema="), line_of(s, 'version: "1.0.0"'), line_of(s, '"2.1.2":'), line_of(s, '"2.1.3":')}
               | set(range(start_224, line_of(s, "# 文字，不是注释") + 1))   # commented out
               | set(range(start_232, line_of(s, "note: 明年公开") + 1)))
    assert len(changed) == 16
    kept = [ln for i, ln in enumerate(before, 1) if i not in changed]
    _embed(kept, after)  # all 51 other lines, comments included, are there byte for byte and in order
    assert len(kept) == 51  # (the 66 lines and the empty piece after the last newline, less 16)
    assert len(after) == len(before) + 52  # migrate only added lines besides: comments and the blank answers
    for i in sorted(changed):
        old = before[i - 1]
        new = {'  version: "1.0.0"   # 所答的版本 / the version answered': '  version: "1.1.0"   # 所答的版本 / the version answered',
               '  "2.1.2":': '  "2.1.3":', '  "2.1.3":    # 湿地': '  "2.1.4":    # 湿地'}.get(old)
        if new is None and old.startswith("# yaml-language-server"):
            new = old.replace("mini-1.0.0", "mini-1.1.0")
        if new is None:
            new = "  #" if not old.strip() else "  # " + old[2:]
        assert new in after, (old, new)
    _embed(["  # " + before[i - 1][2:] for i in range(start_224, start_224 + 8)], after)
    _embed(["  # " + before[i - 1][2:] for i in range(start_232, start_232 + 4)], after)


def test_crlf_line_endings_and_a_byte_order_mark_are_kept(plan):
    source = "\ufeff" + SOURCE.replace("\n", "\r\n")
    result = migrate_text(source, "town.yaml", plan, "zh")
    assert result.method == "lines"
    assert result.output == "\ufeff" + EXPECTED.read_text(encoding="utf-8").replace("\n", "\r\n")


def test_the_migrated_file_checks_and_its_errors_are_the_flagged_answers(plan, folder: Path):
    out = migrate_text(SOURCE, "town.yaml", plan, "zh").output
    (folder / "migrated.yaml").write_text(out, encoding="utf-8")
    for name in ("survey", "map", "minutes", "birds"):
        (folder / "evidence").mkdir(exist_ok=True)
        (folder / "evidence" / f"{name}.txt").write_text("x", encoding="utf-8")
    r = check_file(folder / "migrated.yaml", guideline_root=str(GUIDELINE), name="migrated.yaml")
    assert r.parsed and r.guideline_version == "1.1.0"
    got = [(f.code, f.clause) for f in r.findings if f.code != "NBS222"]
    assert got == [
        ("NBS212", "2.1.1"),                        # flagged: map now required
        ("NBS210", "2.1.3"),                        # flagged: 85 no longer reaches the raised target
        ("NBS205", "2.1.4"),                        # flagged: not_applicable no longer allowed
        ("NBS219", "2.2.1"),                        # flagged: option yearly is gone
        ("NBS208", "2.3.1"),                        # flagged: the unit went with the type change
        ("NBS260", None),                           # after the mistakes, the blank answers to fill in (issue 12)
    ]
    # the blank answers: new (2.1.2, 2.2.3) and now a shall clause (2.2.2)
    assert r.findings[-1].args["ids"] == "2.1.2,2.2.2,2.2.3"


def test_summary_of_what_was_done(plan):
    result = migrate_text(SOURCE, "town.yaml", plan, "en")
    s = SOURCE
    got = [(f.code, f.line, f.clause, f.message("en")) for f in result.findings]
    assert got == [
        ("NBS222", line_of(s, 'version: "1.0.0"'), None, "guideline version 1.1.0 is a draft and may change before release"),
        ("NBS316", line_of(s, 'version: "1.0.0"'), None, "the guideline version answered was changed from 1.0.0 to 1.1.0"),
        ("NBS311", line_of(s, "answers:"), "2.1.2", "new clause 2.1.2: a blank answer was added for you to fill in"),
        ("NBS311", line_of(s, "answers:"), "2.2.3", "new clause 2.2.3: a blank answer was added for you to fill in"),
        ("NBS312", line_of(s, "answers:"), "2.2.2",
         "clause 2.2.2 is now a shall clause and had no answer: a blank answer was added for you to fill in"),
        ("NBS315", line_of(s, '"2.1.1":'), "2.1.1", "the answer to clause 2.1.1 needs checking: evidence required: adds map"),
        ("NBS310", line_of(s, '"2.1.2":'), "2.1.3", "clause 2.1.2 is now 2.1.3; the answer's key was changed to match"),
        ("NBS315", line_of(s, '"2.1.2":'), "2.1.3",
         "the answer to clause 2.1.3 needs checking: target: ≥ 80% → ≥ 90% (tightened)"),
        ("NBS310", line_of(s, '"2.1.3":'), "2.1.4", "clause 2.1.3 is now 2.1.4; the answer's key was changed to match"),
        ("NBS315", line_of(s, '"2.1.3":'), "2.1.4", "the answer to clause 2.1.4 needs checking: not_applicable no longer allowed"),
        ("NBS315", line_of(s, '"2.2.1":'), "2.2.1",
         "the answer to clause 2.2.1 needs checking: options: adds half-yearly; drops yearly"),
        ("NBS314", line_of(s, '"2.2.4":'), "2.2.4", "clause 2.2.4 is no longer assessed in 1.1.0: its answer is kept as a comment"),
        ("NBS315", line_of(s, '"2.3.1":'), "2.3.1", "the answer to clause 2.3.1 needs checking: indicator type: number → percentage"),
        ("NBS315", line_of(s, '"2.3.1":'), "2.3.1", "the answer to clause 2.3.1 needs checking: unit: species → none"),
        ("NBS313", line_of(s, '"2.3.2":'), "2.3.2", "clause 2.3.2 was removed in 1.1.0: its answer is kept as a comment"),
    ]
    # the range flag on 2.1.4 and the target flag on 2.3.1 do not apply to these answers, so they are not raised
    assert "2.1.4: please check: allowed range" not in result.text


def test_answers_that_a_change_does_not_touch_are_not_flagged(plan):
    text = (SOURCE.replace("    value: 85\n", "    value: 95\n")
                  .replace("    value: yearly   # 每年一次\n", "    value: quarterly   # 每季度一次\n"))
    result = migrate_text(text, "town.yaml", plan, "en")
    flagged = [f.clause for f in result.findings if f.code == "NBS315"]
    assert flagged == ["2.1.1", "2.1.4", "2.3.1", "2.3.1"]


def test_flow_style_answers_fall_back_to_a_round_trip(plan):
    text = ('# 流式写法\nguideline: {id: mini, version: 1.0.0}\n'
            'answers: {"2.1.1": {status: met, value: true, evidence: [{path: a.txt, kind: report, map: x}]},'
            ' "2.1.2": {status: met, value: 95}, "2.3.2": {status: not_met, value: false}}\n')
    text = text.replace(", map: x", "")
    result = migrate_text(text, "flow.yaml", plan, "en")
    assert result.method == "round-trip"
    data = load_text(result.text, "flow.yaml").data
    assert data["guideline"] == {"id": "mini", "version": "1.1.0"}
    assert list(data["answers"]) == ["2.1.1", "2.1.2", "2.1.3", "2.2.2", "2.2.3"]
    assert data["answers"]["2.1.3"] == {"status": "met", "value": 95}
    from nbscheck.model.blank import blank_data  # the same blank answer as init and the line edit write

    assert data["answers"]["2.2.3"] == blank_data(plan.target.clause("2.2.3"))
    assert result.text.startswith("# 流式写法\n")
    assert "  # nbscheck migrate 1.0.0 → 1.1.0: clause 2.1.2 is now 2.1.3\n  \"2.1.3\": {status: met, value: 95}\n" in result.text
    assert "# 2.3.2: {status: not_met, value: false}" in result.text


def test_two_answers_that_would_end_up_on_one_clause(plan):
    text = SOURCE.replace('  "2.2.1":\n', '  "2.1.4":\n    status: met\n  "2.2.1":\n')
    with pytest.raises(MigrateError) as e:
        migrate_text(text, "town.yaml", plan, "en")
    f = e.value.findings[0]
    assert (f.code, f.line, f.message("en")) == (
        "NBS324", line_of(text, '"2.1.4":'), "after migration clause 2.1.4 would be answered twice (by 2.1.3 and 2.1.4)")


# --- the command -------------------------------------------------------------------------------------------

def test_writes_a_new_file_next_to_the_input_and_leaves_the_input_alone(folder: Path, cli):
    before = (folder / "town.yaml").read_bytes()
    stat = os.stat(folder / "town.yaml")
    code, out, err = cli("migrate", "town.yaml", "--to", "1.1.0", "--lang", "en")
    assert (code, err) == (0, "")
    written = (folder / "town-1.1.0.yaml").read_text(encoding="utf-8")
    assert load_text(written, "x").data["guideline"] == {"id": "mini", "version": "1.1.0"}
    assert "  # nbscheck migrate 1.0.0 → 1.1.0: clause 2.1.2 is now 2.1.3\n" in written
    assert (folder / "town.yaml").read_bytes() == before
    assert os.stat(folder / "town.yaml").st_mtime_ns == stat.st_mtime_ns
    assert sorted(p.name for p in folder.iterdir()) == ["town-1.1.0.yaml", "town.yaml"]  # no temporary files left
    assert out.splitlines()[-1] == "town-1.1.0.yaml: note NBS327 written to town-1.1.0.yaml"
    assert "town.yaml:27:3: note NBS310 [2.1.3] clause 2.1.2 is now 2.1.3; the answer's key was changed to match" in out


def test_the_default_language_writes_chinese_comments(folder: Path, cli):
    code, _, _ = cli("migrate", "town.yaml", "--to", "v1.1.0", "-o", "out.yaml")
    assert code == 0
    assert (folder / "out.yaml").read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")


def test_never_overwrites_an_existing_output_or_the_input(folder: Path, cli):
    (folder / "out.yaml").write_text("mine\n", encoding="utf-8")
    code, out, err = cli("migrate", "town.yaml", "--to", "1.1.0", "-o", "out.yaml", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == ("out.yaml: error NBS321 out.yaml exists; nbscheck migrate will not overwrite it\n"
                   "      hint: Choose another name with -o or remove that file; to change the input itself, use --in-place.\n")
    assert (folder / "out.yaml").read_text(encoding="utf-8") == "mine\n"
    code, _, err = cli("migrate", "town.yaml", "--to", "1.1.0", "-o", "./town.yaml")
    assert code == 2 and "NBS322 输出文件就是输入文件 ./town.yaml" in err
    code, _, err = cli("migrate", "town.yaml", "--to", "1.1.0", "-o", "x.yaml", "--in-place")
    assert code == 2 and "NBS323 --in-place 与 -o 不能同时使用" in err
    assert (folder / "town.yaml").read_text(encoding="utf-8") == SOURCE
    assert not (folder / "x.yaml").exists()


def test_in_place(folder: Path, cli):
    code, _, _ = cli("migrate", "town.yaml", "--to", "1.1.0", "--in-place")
    assert code == 0
    assert (folder / "town.yaml").read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == ["town.yaml"]


def test_standard_output(folder: Path, cli):
    code, out, err = cli("migrate", "town.yaml", "--to", "1.1.0", "-o", "-")
    assert code == 0
    assert out == EXPECTED.read_text(encoding="utf-8")
    assert "NBS316 所答的指南版本已从 1.0.0 改为 1.1.0" in err


@pytest.mark.parametrize("edit,args,message", [
    (None, ("--to", "2.0.0"), "town.yaml: error NBS318 target version 2.0.0 is not a known guideline version (known: 1.0.0, 1.1.0)"),
    (('version: "1.0.0"', 'version: "0.9.0"'), ("--to", "1.1.0"),
     "town.yaml:5:12: error NBS216 unknown guideline version 0.9.0 (known: 1.0.0, 1.1.0)"),
    (('  version: "1.0.0"   # 所答的版本 / the version answered\n', ""), ("--to", "1.1.0"),
     "town.yaml:4:3: error NBS317 the submission does not say which guideline version it answers (guideline: version), "
     "so there is nothing to migrate from"),
    (('version: "1.0.0"', 'version: "1.1.0"'), ("--to", "1.0.0"),
     "town.yaml:5:12: error NBS319 cannot migrate from 1.1.0 back to the older version 1.0.0"),
    (("id: mini", "id: other"), ("--to", "1.1.0"), "town.yaml:4:7: error NBS217 the submission answers guideline other, not mini"),
    (("  end: 2025-12-31\n", "  end: [2025-12-31\n"), ("--to", "1.1.0"), "town.yaml:13:8: error NBS004 line 13: the bracket"),
])
def test_errors_write_nothing(folder: Path, cli, edit, args, message):
    if edit:
        text = SOURCE.replace(*edit)
        assert text != SOURCE
        (folder / "town.yaml").write_text(text, encoding="utf-8")
    code, out, err = cli("migrate", "town.yaml", *args, "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith(message), err
    assert sorted(p.name for p in folder.iterdir()) == ["town.yaml"]


def test_nothing_to_migrate(folder: Path, cli):
    (folder / "town.yaml").write_text(SOURCE.replace('version: "1.0.0"', 'version: "1.1.0"'), encoding="utf-8")
    code, out, _ = cli("migrate", "town.yaml", "--to", "1.1.0", "--lang", "en")
    assert code == 0
    assert out == "town.yaml:5:12: note NBS320 the submission already answers 1.1.0; there is nothing to migrate\n"
    assert sorted(p.name for p in folder.iterdir()) == ["town.yaml"]


def test_migrating_across_two_releases_follows_both_renumberings(tmp_path: Path, monkeypatch, cli):
    from test_diff import _three_versions

    root = _three_versions(tmp_path)
    monkeypatch.setattr("nbscheck.cli.diff.guideline_dir", lambda: root)
    shutil.copy(SUB, tmp_path / "town.yaml")
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("migrate", "town.yaml", "--to", "1.2.0", "--lang", "en")
    assert code == 0, out
    data = load_text((tmp_path / "town-1.2.0.yaml").read_text(encoding="utf-8"), "x").data
    assert data["guideline"]["version"] == "1.2.0"
    assert list(data["answers"]) == ["2.1.1", "2.1.2", "2.1.3", "2.1.5", "2.2.1", "2.2.2", "2.2.3", "2.3.1"]
    assert data["answers"]["2.1.5"]["justification"] == "本乡没有湿地。\n# 这一行是文字，不是注释\n"
    assert "clause 2.1.3 is now 2.1.5" in out


def test_the_real_example_carries_to_the_working_version(tmp_path: Path, cli, monkeypatch):
    """The shipped example answering the first release migrates: what is left to do is the blank answers
    of the new clauses, and the answers migrate flagged for checking (a breaking change of unit or target)."""
    from nbscheck.model.guideline import versions

    known = versions()
    example = ROOT / "examples" / "qualifying" / "submission.yaml"
    if len(known) < 2 or not example.is_file():
        pytest.skip("needs a release and a newer working version")
    latest = max(known, key=lambda v: tuple(int(x) for x in v.split(".")))
    dst = tmp_path / "qualifying"
    shutil.copytree(example.parent, dst)
    monkeypatch.chdir(dst)
    code, out, err = cli("migrate", "submission.yaml", "--to", latest, "-o", "migrated.yaml")
    assert code == 0, err
    r = check_file(dst / "migrated.yaml")
    def flagged(code):
        return {line.split("[")[1].split("]")[0] for line in out.splitlines() if f" {code} " in line}

    new_ids, to_check = flagged("NBS311"), flagged("NBS315")
    errors = {(f.code, f.clause) for f in r.findings if f.severity.value == "error"}
    assert new_ids, out
    blank = next(f for f in r.findings if f.code == "NBS260")
    assert set(blank.args["ids"].split(",")) == new_ids  # every new clause, and only those, is left blank
    others = {c for code, c in errors}
    assert others <= to_check, (others, to_check)  # every other error sits on an answer migrate flagged


def test_plain_and_single_quoted_keys_keep_their_style_and_a_missing_final_newline_stays_missing(plan):
    text = ("guideline:\n  id: mini\n  version: '1.0.0'\nanswers:\n"
            "  '2.1.2': {status: met, value: 95, evidence: [{path: m.txt, kind: map}]}   # 本地物种\n"
            "  2.2.1:\n    status: met\n    value: quarterly")
    result = migrate_text(text, "t.yaml", plan, "en")
    assert result.method == "lines"
    lines = result.text.split("\n")
    assert lines[2] == "  version: '1.1.0'"
    assert "  '2.1.3': {status: met, value: 95, evidence: [{path: m.txt, kind: map}]}   # 本地物种" in lines
    # new answers take the style of the first answer's key
    assert [ln for ln in lines if ln.startswith("  '") or ln.startswith("  2")] == [
        "  '2.1.2':", "  '2.1.3': {status: met, value: 95, evidence: [{path: m.txt, kind: map}]}   # 本地物种",
        "  2.2.1:", "  '2.2.2':", "  '2.2.3':"]
    assert lines[lines.index("  2.2.1:") + 2] == "    value: quarterly"
    assert not result.text.endswith("\n")
    data = load_text(result.text, "t.yaml").data
    assert list(data["answers"]) == ["2.1.2", "2.1.3", "2.2.1", "2.2.2", "2.2.3"]


def test_a_migration_that_would_not_read_back_as_planned_writes_nothing(plan, monkeypatch):
    """The safety net: if both editing methods produced a file whose data is not the planned data,
    migrate stops with NBS326 instead of handing over a file that says something else."""
    import nbscheck.change.migrate as migrate

    monkeypatch.setattr(migrate, "edit_lines", lambda *a, **k: None)
    monkeypatch.setattr(migrate, "edit_round_trip", lambda text, *a, **k: text.replace("status: met", "status: not_met"))
    with pytest.raises(MigrateError) as e:
        migrate_text(SOURCE, "town.yaml", plan, "en")
    f = e.value.findings[0]
    assert (f.code, f.file) == ("NBS326", "town.yaml")
    assert "migration failed" in f.message("en")
