"""`nbscheck check`: every check on a small real submission, with the exact code, line and column."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI, col_of, line_of
from nbscheck.check.checker import check_file

GOOD = (FIXTURES / "subs" / "good.yaml").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    dst = tmp_path / "sub"
    shutil.copytree(FIXTURES / "subs", dst)
    return dst


def run(folder: Path, text: str):
    p = folder / "s.yaml"
    p.write_text(text, encoding="utf-8")
    return check_file(p, guideline_root=str(MINI), name="s.yaml")


def got(result) -> list[tuple[str, int, int, str | None]]:
    return [(f.code, f.line, f.column, f.clause) for f in result.findings]


def at(text: str, marker: str, nth: int = 1) -> tuple[int, int]:
    return line_of(text, marker, nth), col_of(text, marker, nth)


def test_good_submission_is_valid_and_qualifies(folder: Path):
    r = run(folder, GOOD)
    assert got(r) == []
    assert r.valid and r.qualified
    s = r.score
    assert [(d.id, d.earned, d.available, d.percent, d.band.id) for d in s.dimensions] == [
        ("nature", 8.0, 9.0, 88.9, "good"), ("people", 2.0, 2.0, 100.0, "good")]
    assert (s.earned, s.available, s.percent, s.band.id) == (10.0, 11.0, 90.9, "good")
    assert [(c.clause, c.status, c.earned, c.counted) for c in s.clauses] == [
        ("2.1.1", "met", 3, True), ("2.1.2", "partial", 1.0, True), ("2.1.3", "met", 4, True),
        ("2.2.1", "met", 2, True), ("2.2.2", "not_applicable", 0.0, False)]


def test_unknown_clause_id_suggests_the_nearest(folder: Path):
    text = GOOD.replace('  "2.2.2":\n', '  "2.11":\n    status: met\n    value: 1\n  "2.2.2":\n')
    r = run(folder, text)
    assert got(r) == [("NBS201", *at(text, '"2.11"'), None)]
    assert r.findings[0].message("en") == "the guideline has no clause 2.11; did you mean 2.1.1?"
    assert r.findings[0].message("zh") == "指南中没有条款 2.11，是否想写 2.1.1？"


def test_answer_to_a_clause_that_is_not_assessed(folder: Path):
    text = GOOD.replace('  "2.2.2":\n', '  "1.2":\n    status: met\n  "2.2.2":\n')
    assert got(run(folder, text)) == [("NBS202", *at(text, '"1.2"'), "1.2")]


def test_missing_shall_answer_is_an_error_and_missing_should_a_warning(folder: Path):
    start = GOOD.index('  "2.2.1":')
    end = GOOD.index('  "2.2.2":')
    text = GOOD[:start] + GOOD[end:]
    start = text.index('  "2.1.2":')
    end = text.index('  "2.1.3":')
    text = text[:start] + text[end:]
    r = run(folder, text)
    line = line_of(text, "answers:")
    assert got(r) == [("NBS203", line, 1, "2.2.1"), ("NBS204", line, 1, "2.1.2")]
    assert [f.severity.value for f in r.findings] == ["error", "warning"]
    assert not r.qualified
    assert [x.code for x in r.score.reasons] == ["NBS250", "NBS252", "NBS253"]
    assert r.score.reasons[2].message("en") == "these shall clauses are not met: 2.2.1"


def test_not_applicable_where_forbidden(folder: Path):
    text = GOOD.replace('"2.1.1":\n    status: met', '"2.1.1":\n    status: not_applicable\n    justification: 无')
    assert got(run(folder, text)) == [("NBS205", line_of(text, "justification: 无") - 1, 13, "2.1.1")]


def test_not_applicable_needs_a_justification(folder: Path):
    text = GOOD.replace("    justification: 本乡镇已由县里统一编写读本。\n", "")
    marker = "status: not_applicable"
    assert got(run(folder, text)) == [("NBS206", line_of(text, marker), col_of(text, marker) + 8, "2.2.2")]


def test_value_of_the_wrong_type(folder: Path):
    text = GOOD.replace("value: 60", "value: 八十")
    r = run(folder, text)
    assert got(r) == [("NBS207", *at(text, "八十"), "2.1.2")]
    assert r.findings[0].message("en") == "the value has the wrong type: expected a percentage from 0 to 100, found text"


def test_unit_that_differs_from_the_clause(folder: Path):
    text = GOOD.replace("unit: ha", "unit: species")
    assert got(run(folder, text)) == [("NBS208", *at(text, "species"), "2.1.3")]
    text = GOOD.replace("unit: ha", "unit: acre")
    r = run(folder, text)
    assert got(r) == [("NBS208", *at(text, "acre"), "2.1.3")]
    assert r.findings[0].message("en") == "the unit must be ha, not acre"


def test_value_out_of_range(folder: Path):
    text = GOOD.replace("value: 60", "value: 120")
    r = run(folder, text)
    assert got(r) == [("NBS209", *at(text, "120"), "2.1.2")]
    assert "[0, 100]" in r.findings[0].message("en")
    text = GOOD.replace("value: 7.5", "value: -2")
    assert got(run(folder, text)) == [("NBS209", *at(text, "-2"), "2.1.3")]


def test_status_that_contradicts_the_value(folder: Path):
    text = GOOD.replace("value: 7.5", "value: 3")
    r = run(folder, text)
    assert got(r) == [("NBS210", line_of(text, "value: 3"), col_of(text, "value: 3") + 7, "2.1.3")]
    assert r.findings[0].message("en") == "status is met, but the value 3 does not reach the target (≥ 5 ha)"
    text = GOOD.replace("status: partial\n    value: 60", "status: not_met\n    value: 90")
    r = run(folder, text)
    assert got(r) == [("NBS223", line_of(text, "value: 90"), col_of(text, "value: 90") + 7, "2.1.2")]
    assert r.findings[0].severity.value == "warning"
    text = GOOD.replace("value: quarterly", "value: yearly")
    assert [f[0] for f in got(run(folder, text))] == ["NBS210"]
    text = GOOD.replace("value: true", "value: false")
    assert [f[0] for f in got(run(folder, text))] == ["NBS210"]


def test_met_without_a_value(folder: Path):
    text = GOOD.replace("    value: 7.5\n", "")
    marker = "status: met\n    unit: ha"
    assert got(run(folder, text)) == [("NBS211", line_of(text, "unit: ha") - 1, 13, "2.1.3")]
    assert marker in text


def test_required_evidence_missing(folder: Path):
    text = GOOD.replace("      - {path: evidence/photo.txt, kind: photo}\n", "")
    r = run(folder, text)
    assert got(r) == [("NBS212", line_of(text, "evidence:", 3) + 1, 7, "2.1.3")]
    assert r.findings[0].message("en") == "required evidence is missing: Photo"
    assert r.findings[0].message("zh") == "缺少必需的证据：照片"
    # an answer with an error earns nothing
    assert [c.earned for c in r.score.clauses if c.clause == "2.1.3"] == [0.0]


def test_evidence_file_that_does_not_exist(folder: Path):
    text = GOOD.replace("evidence/map.txt", "evidence/missing-map.pdf")
    assert got(run(folder, text)) == [("NBS213", *at(text, "evidence/missing-map.pdf"), "2.1.2")]


@pytest.mark.parametrize("path,why", [("../outside.txt", "goes up"), ("/etc/passwd", "absolute"),
                                      ("C:/docs/map.pdf", "absolute"), ("https://example.org/map.pdf", "web address"),
                                      ("evidence/../../x.txt", "goes up")])
def test_evidence_that_escapes_the_folder(folder: Path, path: str, why: str):
    (folder.parent / "outside.txt").write_text("x")
    text = GOOD.replace("evidence/map.txt", f'"{path}"')
    r = run(folder, text)
    assert got(r) == [("NBS214", *at(text, f'"{path}"'), "2.1.2")]
    assert why in r.findings[0].message("en")


def test_evidence_through_a_symbolic_link(folder: Path, tmp_path: Path):
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "map.txt").write_text("x")
    os.symlink(outside, folder / "linked")
    text = GOOD.replace("evidence/map.txt", "linked/map.txt")
    r = run(folder, text)
    assert got(r) == [("NBS214", *at(text, "linked/map.txt"), "2.1.2")]
    assert "symbolic link" in r.findings[0].message("en")


def test_evidence_file_that_is_a_symbolic_link(folder: Path, tmp_path: Path):
    (tmp_path / "secret.txt").write_text("x")
    os.symlink(tmp_path / "secret.txt", folder / "evidence" / "linked.txt")
    text = GOOD.replace("evidence/map.txt", "evidence/linked.txt")
    r = run(folder, text)
    assert got(r) == [("NBS214", *at(text, "evidence/linked.txt"), "2.1.2")]
    assert "symbolic link" in r.findings[0].message("en")


@pytest.mark.parametrize("path, code", [("evidence", "NBS093"), ("evidence/", "NBS093"), ("evidence/map.txt/x.pdf", "NBS213"),
                                        ("nowhere/map.txt", "NBS213"), (".", "NBS213")])
def test_evidence_path_that_is_not_a_file(folder: Path, path: str, code: str):
    """A folder is named as a folder (NBS093); a path that leads nowhere does not exist (NBS213)."""
    text = GOOD.replace("evidence/map.txt", f'"{path}"')
    r = run(folder, text)
    assert got(r) == [(code, *at(text, f'"{path}"'), "2.1.2")]
    if code == "NBS093":
        assert r.findings[0].message("en") == f"evidence path {path} is not a regular file (it is a folder)"


def test_the_same_missing_file_cited_twice_gives_two_findings(folder: Path):
    text = GOOD.replace("evidence/survey.txt", "evidence/gone.txt")
    r = run(folder, text)
    assert got(r) == [("NBS213", *at(text, "evidence/gone.txt", n), c) for n, c in ((1, "2.1.1"), (2, "2.1.3"), (3, "2.2.1"))]


def test_evidence_added_between_two_checks_is_found(folder: Path):
    """Folder listings are reused within a run only while the folder is unchanged."""
    text = GOOD.replace("evidence/map.txt", "evidence/late.txt")
    assert [f[0] for f in got(run(folder, text))] == ["NBS213"]
    (folder / "evidence" / "late.txt").write_text("x")
    assert got(run(folder, text)) == []
    (folder / "evidence" / "late.txt").unlink()
    assert [f[0] for f in got(run(folder, text))] == ["NBS213"]


def test_status_of_the_wrong_type_is_a_finding_not_a_crash(folder: Path):
    text = GOOD.replace("status: partial", "status: [partial]", 1)
    r = run(folder, text)
    assert got(r) == [("NBS200", *at(text, "[partial]"), "2.1.2")]
    assert [(c.clause, c.status, c.earned) for c in r.score.clauses if c.clause == "2.1.2"] == [("2.1.2", "missing", 0.0)]


def test_windows_separators_are_accepted(folder: Path):
    text = GOOD.replace("evidence/map.txt", "evidence\\\\map.txt")
    assert "evidence\\\\map.txt" in text
    assert got(run(folder, text)) == []


def test_sha256_that_does_not_match(folder: Path):
    good_hash = GOOD.split("sha256: ")[1].split()[0]
    bad = "ab" * 32
    text = GOOD.replace(good_hash, bad)
    assert got(run(folder, text)) == [("NBS215", *at(text, bad), "2.1.1")]


def test_unknown_guideline_version(folder: Path):
    text = GOOD.replace("version: 1.0.0", "version: 9.9.9")
    r = run(folder, text)
    assert got(r) == [("NBS216", *at(text, "9.9.9"), None)]
    assert r.findings[0].message("en") == "unknown guideline version 9.9.9 (known: 1.0.0)"
    assert r.score is None


def test_another_guideline(folder: Path):
    text = GOOD.replace("id: mini", "id: other")
    assert got(run(folder, text)) == [("NBS217", *at(text, "other"), None)]


def test_unknown_evidence_kind(folder: Path):
    text = GOOD.replace("kind: map}", "kind: maps}")
    r = run(folder, text)
    assert got(r) == [("NBS218", *at(text, "maps}"), "2.1.2")]
    assert r.findings[0].message("en") == "unknown evidence kind maps; did you mean map?"


def test_choice_that_is_not_an_option(folder: Path):
    text = GOOD.replace("value: quarterly", "value: weekly")
    r = run(folder, text)
    assert got(r) == [("NBS219", *at(text, "weekly"), "2.2.1")]
    assert r.findings[0].message("en") == "option weekly is not one of: monthly, quarterly, yearly"


def test_division_code_with_no_province(folder: Path):
    text = GOOD.replace('"330203101"', '"990203101"')
    r = run(folder, text)
    assert got(r) == [("NBS220", *at(text, '"990203101"'), None)]
    assert r.valid  # a warning only


def test_period(folder: Path):
    text = GOOD.replace("end: 2025-12-31", "end: 2024-12-31")
    assert got(run(folder, text)) == [("NBS221", *at(text, "2024-12-31"), None)]
    text = GOOD.replace("end: 2025-12-31", "end: 2025-02-30")
    r = run(folder, text)
    assert got(r) == [("NBS221", *at(text, "2025-02-30"), None)]
    assert "not a real date" in r.findings[0].message("en")


def test_schema_errors_keep_their_path_and_position(folder: Path):
    text = GOOD.replace("status: partial", "status: done")
    r = run(folder, text)
    assert got(r) == [("NBS262", *at(text, "done"), "2.1.2")]
    assert r.findings[0].path == "/answers/2.1.2/status"
    assert r.findings[0].message("en") == "status 'done' is not one of the statuses"
    text = GOOD.replace("contact:\n  name: 张三\n", "")
    r = run(folder, text)
    assert got(r) == [("NBS200", 2, 1, None)]
    assert r.findings[0].message("en") == "the top level lacks the required key contact"
    assert r.findings[0].message("zh") == "顶层缺少必填项 contact"


def test_unquoted_division_code(folder: Path):
    text = GOOD.replace('"330203101"', "330203101")
    r = run(folder, text)
    assert got(r) == [("NBS200", *at(text, "330203101"), None)]
    assert r.findings[0].message("en") == "the code (division code) of the township must be text, found a whole number"
    assert r.findings[0].message("zh") == "乡镇信息（township）的 code（行政区划代码）应为文本，实际是整数"
    assert r.findings[0].hint("zh") == '乡级行政区划代码是 9 位数字，写在引号里，如 "330212001"'


def test_not_a_submission_at_all(folder: Path):
    r = run(folder, "- just\n- a list\n")
    assert got(r) == [("NBS009", 1, 1, None)]
    assert not r.parsed and r.score is None


def test_the_input_file_is_never_modified(folder: Path):
    p = folder / "good.yaml"
    before = (p.read_bytes(), p.stat().st_mtime_ns)
    check_file(p, guideline_root=str(MINI))
    assert (p.read_bytes(), p.stat().st_mtime_ns) == before


def test_a_newer_release_is_pointed_out(tmp_path: Path):
    """NBS224: a file answering 1.0.0 is told when a newer release exists (here: the draft, released in a copy)."""
    from conftest import ROOT
    from nbscheck.change.release import release
    from nbscheck.model.guideline import load_guideline

    root = tmp_path / "guideline"
    shutil.copytree(ROOT / "guideline", root)
    draft = load_guideline(root).guideline.version
    release(root, draft, "2026-12-02")
    sub = ROOT / "examples" / "qualifying" / "submission.yaml"
    text = sub.read_text(encoding="utf-8")
    r = check_file(sub, guideline_root=str(root), name="q.yaml")
    notes = [(f.code, f.line, f.column, f.args.get("latest")) for f in r.findings if f.code == "NBS224"]
    assert notes == [("NBS224", *at(text, '"1.0.0"'), draft)]
    assert r.qualified  # a note, not an error


def test_every_reason_for_not_qualifying_is_given():
    """NBS250-NBS253: errors, overall score, each dimension below its band, shall clauses not met."""
    from nbscheck.model.guideline import shipped
    from nbscheck.score import score

    g = shipped("1.0.0")
    answers = {c.id: {"status": "not_met"} for c in g.assessable}
    s = score(g, answers, set(), 3)
    codes = [r.code for r in s.reasons]
    assert codes == ["NBS250", "NBS251"] + ["NBS252"] * len(g.rules.dimensions) + ["NBS253"]
    assert not s.qualified and s.percent == 0
    assert s.reasons[0].message("en") == "the submission has 3 errors to fix before it can qualify"
    assert s.reasons[1].message("en") == f"the overall score 0.0% is below the required {g.rules.qualification.min_overall_percent:g}%"


def test_only_the_first_fifty_unknown_answers_get_a_suggestion(folder: Path):
    """A typo gets its nearest clause id; a file with thousands of unknown keys is not a typo, and
    suggesting for each would cost quadratic time."""
    text = 'guideline: {id: mini, version: "1.0.0"}\nanswers:\n' + "".join(f'  "2.1.{i}9": {{status: met}}\n' for i in range(60))
    r = run(folder, text)
    unknown = [f for f in r.findings if f.code == "NBS201"]
    assert len(unknown) == 60
    assert [bool(f.args.get("suggest")) for f in unknown] == [True] * 50 + [False] * 10



def test_evidence_that_is_a_named_pipe_is_refused_without_blocking(folder: Path):
    """A FIFO cited as evidence (with a checksum, so it would be read) is named as a pipe; opening it
    must not hang the run (O_NONBLOCK, then fstat)."""
    os.mkfifo(folder / "evidence" / "pipe.pdf")
    text = GOOD.replace("evidence/map.txt, kind: map}", "evidence/pipe.pdf, kind: map, sha256: " + "ab" * 32 + "}")
    r = run(folder, text)
    assert [(f.code, f.clause) for f in r.findings] == [("NBS093", "2.1.2")]
    assert r.findings[0].message("en") == "evidence path evidence/pipe.pdf is not a regular file (it is a named pipe)"


def test_evidence_the_file_system_refuses_is_a_finding(folder: Path):
    """A name too long for the file system (over 255 bytes) is a finding about that path, not a crash."""
    long = "evidence/" + "长" * 100 + ".pdf"
    text = GOOD.replace("evidence/map.txt", long)
    r = run(folder, text)
    assert [(f.code, f.clause) for f in r.findings] == [("NBS091", "2.1.2")]
    assert r.findings[0].args["reason"] == "File name too long"


def test_a_checksum_is_not_computed_past_the_limit(folder: Path, monkeypatch):
    import nbscheck.check.evidence as evidence

    monkeypatch.setattr(evidence, "MAX_HASH_BYTES", 10)
    r = run(folder, GOOD)  # 2.1.1 gives the checksum of a file of more than 10 bytes
    assert [(f.code, f.clause, f.path) for f in r.findings] == [("NBS092", "2.1.1", "/answers/2.1.1/evidence/0/sha256")]
    assert r.findings[0].args["limit"] == 10
