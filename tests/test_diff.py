"""`nbscheck diff`: pairing clauses through renumbering, every class of change, every output format.

The fixture guideline under tests/fixtures/diff/guideline is a working version 1.1.0 with its
release 1.0.0 under releases/; between them every kind of change appears at least once, including
clause 2.1.2 renumbered to 2.1.3 and reworded in Chinese. Rules the fixture cannot show without
clutter are shown on small edits of a copy of the mini guideline.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI, ROOT, edit, line_of
from nbscheck.change.diff import diff_guidelines
from nbscheck.model.guideline import load_guideline
from nbscheck.change.revisions import Resolver, SideError, compare, release_diffs

GUIDELINE = FIXTURES / "diff" / "guideline"
RELEASE = GUIDELINE / "releases" / "1.0.0"
EXPECTED = FIXTURES / "diff" / "expected"


def load(path: Path):
    loaded = load_guideline(path)
    assert loaded.guideline is not None and not loaded.findings, loaded.findings
    return loaded.guideline


def rows(d):
    return [(c.kind, c.cls, c.old_id, c.new_id, c.field, c.migrate) for c in d.changes]


@pytest.fixture
def base(monkeypatch) -> Path:
    """The CLI sees the fixture's versions (1.0.0 released, 1.1.0 working) and runs from the repo root."""
    monkeypatch.setattr("nbscheck.cli.diff.guideline_dir", lambda: GUIDELINE)
    monkeypatch.chdir(ROOT)
    return GUIDELINE


def test_fixture_guidelines_lint_clean(cli):
    for folder in (GUIDELINE, RELEASE):
        code, out, _ = cli("lint", str(folder))
        assert code == 0, out


# --- every change between the fixture's release and its working version -------------------------------

FIXTURE_CHANGES = [
    ("reworded", "editorial", "1.1", "1.1", "en", None),              # English only
    ("reworded", "editorial", "1.2", "1.2", "zh", None),              # Chinese, quotation marks only
    ("title", "editorial", "1.2", "1.2", "zh", None),
    ("title", "editorial", "1.2", "1.2", "en", None),
    ("not_assessable", "editorial", "1.2", "1.2", "en", None),
    ("removed", "substantive", "1.3", None, "statement", None),       # not assessed
    ("evidence", "breaking", "2.1.1", "2.1.1", None, "flag"),         # map now required
    ("examples", "editorial", "2.1.1", "2.1.1", "1/zh", None),
    ("examples", "editorial", "2.1.1", "2.1.1", "1/en", None),
    ("see", "editorial", "2.1.1", "2.1.1", None, None),
    ("maps", "editorial", "2.1.1", "2.1.1", None, None),
    ("added", "breaking", None, "2.1.2", "shall", "add"),             # assessed shall clause
    ("renumbered", "breaking", "2.1.2", "2.1.3", None, "rename"),
    ("reworded", "substantive", "2.1.2", "2.1.3", "zh", None),
    ("reworded", "editorial", "2.1.2", "2.1.3", "en", None),
    ("target", "breaking", "2.1.2", "2.1.3", "tightened", "flag"),
    ("notes", "editorial", "2.1.2", "2.1.3", "1/en", None),
    ("renumbered", "breaking", "2.1.3", "2.1.4", None, "rename"),
    ("indicator", "breaking", "2.1.3", "2.1.4", "range", "flag"),     # max 500 added
    ("points", "substantive", "2.1.3", "2.1.4", None, None),
    ("not_applicable", "breaking", "2.1.3", "2.1.4", None, "flag"),
    ("indicator", "editorial", "2.2.1", "2.2.1", "name-en", None),
    ("indicator", "breaking", "2.2.1", "2.2.1", "choices", "flag"),   # yearly removed
    ("indicator", "substantive", "2.2.1", "2.2.1", "choice-monthly-zh", None),
    ("reworded", "substantive", "2.2.2", "2.2.2", "zh", None),
    ("reworded", "editorial", "2.2.2", "2.2.2", "en", None),
    ("level", "breaking", "2.2.2", "2.2.2", None, "add"),             # may -> shall
    ("target", "substantive", "2.2.2", "2.2.2", "relaxed", None),
    ("dimension", "substantive", "2.2.2", "2.2.2", None, None),
    ("reworded", "substantive", "2.2.3", "2.2.3", "zh", None),
    ("reworded", "editorial", "2.2.3", "2.2.3", "en", None),
    ("level", "substantive", "2.2.3", "2.2.3", None, None),           # should -> may
    ("assessable", "substantive", "2.2.3", "2.2.3", "added", "add"),
    ("assessable", "breaking", "2.2.4", "2.2.4", "removed", "comment"),
    ("indicator", "substantive", "2.3.1", "2.3.1", "name-zh", None),
    ("indicator", "editorial", "2.3.1", "2.3.1", "name-en", None),
    ("indicator", "breaking", "2.3.1", "2.3.1", "type", "flag"),
    ("indicator", "breaking", "2.3.1", "2.3.1", "unit", "flag"),
    ("indicator", "substantive", "2.3.1", "2.3.1", "integer", None),  # no longer whole numbers
    ("target", "breaking", "2.3.1", "2.3.1", "tightened", "flag"),
    ("removed", "breaking", "2.3.2", None, "should", "comment"),     # assessed
]

FIXTURE_OTHER = [
    ("evidence-kind", "editorial", "photo", "name-en"),
    ("evidence-kind", "substantive", "survey", "added"),
    ("unit", "breaking", "species", "removed"),
    ("unit", "editorial", "mu", "added"),
    ("term", "substantive", "corridor", "definition-zh"),
    ("term", "substantive", "habitat-patch", "added"),
    ("rules", "substantive", "nature", "dimension-points"),
    ("rules", "substantive", "people", "dimension-points"),
    ("rules", "substantive", "bands", "bands"),
    ("rules", "substantive", "qualification", "min_overall_percent"),
    ("heading", "editorial", "1", "chapter-en"),
    ("heading", "editorial", "2.2", "section-en"),
]


def test_every_change_between_the_release_and_the_working_version():
    d = diff_guidelines(load(RELEASE), load(GUIDELINE))
    assert rows(d) == FIXTURE_CHANGES
    assert [(o.kind, o.cls, o.subject, o.field) for o in d.other] == FIXTURE_OTHER
    assert d.counts() == {"breaking": 15, "substantive": 19, "editorial": 19}
    assert d.problems == ()
    assert dict(d.matches) == {"1.1": "1.1", "1.2": "1.2", "2.1.1": "2.1.1", "2.1.2": "2.1.3", "2.1.3": "2.1.4",
                               "2.2.1": "2.2.1", "2.2.2": "2.2.2", "2.2.3": "2.2.3", "2.2.4": "2.2.4", "2.3.1": "2.3.1"}


def test_the_renumbered_and_reworded_chinese_clause():
    d = diff_guidelines(load(RELEASE), load(GUIDELINE))
    cd = next(cd for cd in d.clauses if cd.new_id == "2.1.3")
    assert cd.old_id == "2.1.2"
    zh = next(c for c in cd.changes if c.kind == "reworded" and c.field == "zh")
    assert (zh.old, zh.new) == ("新增绿化宜使用本地物种。", "新增绿化宜优先选用本地物种。")
    assert zh.words == (("equal", "新增绿化宜"), ("delete", "使用"), ("insert", "优先选用"), ("equal", "本地物种。"))
    text = (GUIDELINE / "chapters" / "02-measures.yaml").read_text(encoding="utf-8")
    assert (zh.new_pos.line, zh.new_pos.column) == (line_of(text, "新增绿化宜优先选用本地物种"), 15)
    renumbered = cd.changes[0]
    assert (renumbered.kind, renumbered.old, renumbered.new) == ("renumbered", "2.1.2", "2.1.3")


def test_removed_clauses_are_listed_where_they_used_to_be():
    d = diff_guidelines(load(RELEASE), load(GUIDELINE))
    assert [(cd.old_id, cd.new_id) for cd in d.clauses] == [
        ("1.1", "1.1"), ("1.2", "1.2"), ("1.3", None), ("2.1.1", "2.1.1"), (None, "2.1.2"), ("2.1.2", "2.1.3"),
        ("2.1.3", "2.1.4"), ("2.2.1", "2.2.1"), ("2.2.2", "2.2.2"), ("2.2.3", "2.2.3"), ("2.2.4", "2.2.4"),
        ("2.3.1", "2.3.1"), ("2.3.2", None)]
    assert [cd.heading.en for cd in d.clauses][:3] == ["1 General provisions"] * 3


def test_no_changes_between_identical_versions():
    d = diff_guidelines(load(RELEASE), load(RELEASE))
    assert (d.total, d.clauses, d.other, d.breaking) == (0, (), (), False)


# --- the rules the fixture does not show, on small edits of the mini guideline -----------------------------

def _mini_pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(MINI, old)
    shutil.copytree(MINI, new)
    edit(new / "guideline.yaml", "version: 1.0.0\nstatus: released\nreleased: \"2025-01-01\"",
         "version: 1.1.0\nstatus: draft")
    return old, new


def _diff(tmp_path: Path, *edits: tuple[str, str, str]):
    old, new = _mini_pair(tmp_path)
    for file, a, b in edits:
        edit(new / file, a, b)
    return diff_guidelines(load(old), load(new))


M = "chapters/02-measures.yaml"


def test_relaxed_widened_and_dropped_are_substantive(tmp_path: Path):
    d = _diff(tmp_path,
              (M, "target: {at_least: 80}", "target: {at_least: 70}"),
              (M, "unit: ha\n            min: 0\n", "unit: ha\n"),
              (M, "evidence: [report, photo]", "evidence: [report]"),
              (M, "          dimension: nature\n          not_applicable: false\n", "          dimension: nature\n"),
              (M, "              - {id: yearly, name: {zh: 每年, en: Yearly}}\n",
               "              - {id: yearly, name: {zh: 每年, en: Yearly}}\n"
               "              - {id: never, name: {zh: 从不, en: Never}}\n"))
    assert rows(d) == [
        ("not_applicable", "substantive", "2.1.1", "2.1.1", None, None),
        ("target", "substantive", "2.1.2", "2.1.2", "relaxed", None),
        ("indicator", "substantive", "2.1.3", "2.1.3", "range", None),
        ("evidence", "substantive", "2.1.3", "2.1.3", None, None),
        ("indicator", "substantive", "2.2.1", "2.2.1", "choices", None),
    ]
    assert [c.old for c in d.changes][1:3] == ["≥ 80%", "[0, ∞]"]
    assert [c.new for c in d.changes][1:3] == ["≥ 70%", "[-∞, ∞]"]


def test_whole_numbers_and_a_changed_boolean_target_are_breaking(tmp_path: Path):
    d = _diff(tmp_path,
              (M, "unit: ha\n            min: 0\n", "unit: ha\n            integer: true\n            min: 0\n"),
              (M, "target: {equals: true}", "target: {equals: false}"))
    assert rows(d) == [
        ("target", "breaking", "2.1.1", "2.1.1", "tightened", "flag"),
        ("indicator", "breaking", "2.1.3", "2.1.3", "integer", "flag"),
    ]


def test_new_assessed_should_clause_and_renumbered_unassessed_clause(tmp_path: Path):
    d = _diff(tmp_path,
              ("chapters/01-general.yaml", '  - id: "1.2"\n', '  - id: "1.3"\n    previous: "1.2"\n'),
              ("chapters/01-general.yaml", "  - id: \"1.1\"\n    level: statement\n    text:\n"
                                           "      zh: 本文件适用于乡镇。\n      en: This document applies to townships.\n",
               "  - id: \"1.1\"\n    level: statement\n    text:\n      zh: 本文件适用于乡镇。\n"
               "      en: This document applies to townships.\n  - id: \"1.2\"\n    level: statement\n    text:\n"
               "      zh: 本文件不适用于城市。\n      en: This document does not apply to cities.\n"),
              (M, "        level: should\n        text:\n          zh: 乡镇宜与高校合作开展研究。\n"
                  "          en: The township should work with universities on research.\n",
               "        level: should\n        text:\n          zh: 乡镇宜与高校合作开展研究。\n"
               "          en: The township should work with universities on research.\n"
               "        assessment:\n          indicator:\n            name: {zh: 合作, en: Cooperation}\n"
               "            type: boolean\n            target: {equals: true}\n          evidence: []\n"
               "          points: 1\n          dimension: people\n"))
    assert rows(d) == [
        ("added", "substantive", None, "1.2", "statement", None),
        ("renumbered", "editorial", "1.2", "1.3", None, None),
        ("assessable", "substantive", "2.2.3", "2.2.3", "added", "add"),
    ]


def test_guideline_level_changes(tmp_path: Path):
    d = _diff(tmp_path,
              ("guideline.yaml", "id: mini\n", "id: mini2\n"),
              ("guideline.yaml", "  - id: photo\n    name: {zh: 照片, en: Photo}\n", ""),
              ("guideline.yaml", "partial: {factor: 0.5,", "partial: {factor: 0.6,"),
              ("guideline.yaml", "all_shall_met: true", "all_shall_met: false"),
              ("terms.yaml", "en: A species that occurs naturally in the area.", "en: A species native to the area."),
              ("chapters/02-measures.yaml", "evidence: [report, photo]", "evidence: [report]"))
    assert [(o.kind, o.cls, o.subject, o.field, o.old, o.new) for o in d.other] == [
        ("guideline-id", "breaking", "mini2", None, "mini", "mini2"),
        ("evidence-kind", "breaking", "photo", "removed", {"zh": "照片", "en": "Photo"}, None),
        ("term", "editorial", "native-species", "definition-en", "A species that occurs naturally in the area.",
         "A species native to the area."),
        ("rules", "substantive", "partial", "status-factor", 0.5, 0.6),
        ("rules", "substantive", "qualification", "all_shall_met", True, False),
    ]


# --- contradictions in previous: ------------------------------------------------------------------------------

def test_previous_that_does_not_exist_or_is_claimed_twice(tmp_path: Path):
    d = _diff(tmp_path,
              (M, '      - id: "2.1.2"\n', '      - id: "2.1.2"\n        previous: "2.1.9"\n'),
              (M, '      - id: "2.2.2"\n', '      - id: "2.2.2"\n        previous: "2.2.1"\n'),
              (M, '      - id: "2.2.3"\n', '      - id: "2.2.3"\n        previous: "2.2.1"\n'))
    text = (tmp_path / "new" / M).read_text(encoding="utf-8")
    got = [(f.code, f.line, f.column, f.clause, f.message("en")) for f in d.problems]
    assert got == [
        ("NBS304", line_of(text, 'previous: "2.1.9"'), 19, "2.1.2",
         "clause 2.1.2 says previous: 2.1.9, but version 1.0.0 has no such clause"),
        ("NBS305", line_of(text, 'previous: "2.2.1"', 2), 19, "2.2.3", "clauses 2.2.3 and 2.2.2 both say previous: 2.2.1"),
    ]
    assert d.problems[1].message("zh") == "条款 2.2.3 和条款 2.2.2 都写了 previous: 2.2.1"
    # a previous that points nowhere or is taken pairs with nothing: those clauses count as new
    # (a removed clause is listed right after the clause that came before it in the old version)
    assert [(c.kind, c.old_id, c.new_id) for c in d.changes if c.kind in ("added", "removed", "renumbered")] == [
        ("removed", "2.1.2", None), ("added", None, "2.1.2"), ("added", None, "2.2.1"),
        ("renumbered", "2.2.1", "2.2.2"), ("removed", "2.2.2", None), ("removed", "2.2.3", None), ("added", None, "2.2.3")]


def test_renumbering_without_previous_is_pointed_out(tmp_path: Path):
    d = _diff(tmp_path, (M, '      - id: "2.2.3"\n', '      - id: "2.2.4"\n'))
    assert [(c.kind, c.old_id, c.new_id) for c in d.changes] == [("removed", "2.2.3", None), ("added", None, "2.2.4")]
    assert [(f.code, f.message("en")) for f in d.problems] == [
        ("NBS306", 'added clause 2.2.4 has the same text as removed clause 2.2.3: is previous: "2.2.3" missing?')]


# --- versions further apart, and two drafts of one version ----------------------------------------------------

def _three_versions(tmp_path: Path) -> Path:
    """releases 1.0.0 and 1.1.0 (the fixture's two) and a working 1.2.0 that renumbers 2.1.4 again."""
    root = tmp_path / "guideline"
    shutil.copytree(GUIDELINE, root)
    shutil.copytree(GUIDELINE, root / "releases" / "1.1.0", ignore=shutil.ignore_patterns("releases"))
    edit(root / "releases" / "1.1.0" / "guideline.yaml", "version: 1.1.0\nstatus: draft",
         'version: 1.1.0\nstatus: released\nreleased: "2025-06-01"')
    edit(root / "guideline.yaml", "version: 1.1.0", "version: 1.2.0")
    text = (root / M).read_text(encoding="utf-8")
    text = text.replace('        previous: "2.1.2"\n', "").replace('        previous: "2.1.3"\n', "")
    text = text.replace('      - id: "2.1.4"\n', '      - id: "2.1.5"\n        previous: "2.1.4"\n')
    insert = ('      - id: "2.1.4"\n        level: statement\n        text:\n          zh: 湿地恢复以自然恢复为主。\n'
              '          en: Wetland restoration relies mainly on natural recovery.\n')
    text = text.replace('      - id: "2.1.5"\n', insert + '      - id: "2.1.5"\n')
    (root / M).write_text(text, encoding="utf-8")
    return root


def test_renumbering_is_followed_across_several_releases(tmp_path: Path, cli):
    root = _three_versions(tmp_path)
    assert cli("lint", str(root))[0] == 0
    d = compare("1.0.0", "1.2.0", base=root)
    assert {o: n for o, n in d.matches if o != n} == {"2.1.2": "2.1.3", "2.1.3": "2.1.5"}
    assert [(c.kind, c.old_id, c.new_id) for c in d.changes if c.kind in ("renumbered", "added")] == [
        ("added", None, "2.1.2"), ("renumbered", "2.1.2", "2.1.3"), ("added", None, "2.1.4"),
        ("renumbered", "2.1.3", "2.1.5")]
    # without the release in between, 1.2.0's previous: "2.1.4" would point at nothing in 1.0.0
    direct = diff_guidelines(load(root / "releases" / "1.0.0"), load(root))
    assert [f.code for f in direct.problems] == ["NBS304"]
    steps = release_diffs(root)
    assert [(s.old.version, s.new.version) for s in steps] == [("1.0.0", "1.1.0"), ("1.1.0", "1.2.0")]
    assert {o: n for o, n in steps[1].matches if o != n} == {"2.1.4": "2.1.5"}


def test_two_drafts_of_the_same_version_pair_through_the_release_they_start_from(tmp_path: Path):
    """A pull request: both sides are 1.1.0 drafts whose previous: keys refer to 1.0.0."""
    draft = tmp_path / "draft"
    shutil.copytree(GUIDELINE, draft)
    text = (draft / M).read_text(encoding="utf-8")
    text = text.replace('      - id: "2.1.4"\n        previous: "2.1.3"\n', '      - id: "2.1.5"\n        previous: "2.1.3"\n')
    text = text.replace('      - id: "2.1.2"\n', '      - id: "2.1.4"\n', 1)  # the corridor clause, new in 1.1.0, ...
    text = text.replace('      - id: "2.1.3"\n        previous: "2.1.2"\n', '      - id: "2.1.2"\n        previous: "2.1.2"\n')
    text = text.replace('      - id: "2.1.4"\n        level: shall\n        text:\n          zh: 乡镇应划定',
                        '      - id: "2.1.3"\n        level: shall\n        text:\n          zh: 乡镇应划定')  # ... is now 2.1.3
    # (it has no id in 1.0.0 for previous: to name, so it pairs by its unchanged text)
    (draft / M).write_text(text, encoding="utf-8")
    d = diff_guidelines(load(GUIDELINE), load(draft))
    assert {o: n for o, n in d.matches if o != n} == {"2.1.2": "2.1.3", "2.1.3": "2.1.2", "2.1.4": "2.1.5"}
    assert [(c.kind, c.cls, c.old_id, c.new_id) for c in d.changes] == [
        ("renumbered", "breaking", "2.1.2", "2.1.3"), ("renumbered", "breaking", "2.1.3", "2.1.2"),
        ("renumbered", "breaking", "2.1.4", "2.1.5")]
    assert d.problems == ()


# --- sides: versions, folders, git revisions ----------------------------------------------------------------

def test_sides_by_version_with_or_without_v_and_by_folder():
    with Resolver(base=GUIDELINE) as r:
        assert r.resolve("v1.0.0").root == RELEASE
        assert r.resolve("1.1.0").root == GUIDELINE
        assert r.resolve(str(RELEASE)).kind == "folder"
        assert r.resolve(str(GUIDELINE.parent)).root == GUIDELINE  # a folder holding guideline/
        with pytest.raises(SideError) as e:
            r.resolve("9.9.9")
    assert e.value.findings[0].code == "NBS301"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                           *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose first commit holds the 1.0.0 guideline and whose second holds 1.1.0."""
    r = tmp_path / "repo"
    r.mkdir()
    _git(r, "init", "-q", "-b", "main")
    shutil.copytree(RELEASE, r / "guideline")
    _git(r, "add", "-A")
    _git(r, "commit", "-q", "-m", "1.0.0")
    _git(r, "tag", "first")
    shutil.rmtree(r / "guideline")
    shutil.copytree(GUIDELINE, r / "guideline", ignore=shutil.ignore_patterns("releases"))
    _git(r, "add", "-A")
    _git(r, "commit", "-q", "-m", "1.1.0")
    shutil.rmtree(r / "guideline")  # the working tree no longer matters: sides come from git
    return r


def test_git_revisions_as_sides(repo: Path, base: Path, cli, monkeypatch, tmp_path: Path):
    monkeypatch.chdir(repo)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(scratch))
    code, out, err = cli("diff", "first", "HEAD", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert [(c["kind"], c["class"], c["old_id"], c["new_id"], c["field"], c["migrate"]) for c in doc["changes"]] \
        == [tuple(r) for r in FIXTURE_CHANGES]
    assert doc["old"]["label"] == "first" and doc["new"]["label"] == "HEAD"
    first = doc["changes"][0]
    assert first["new_position"] == {"file": "HEAD:guideline/chapters/01-general.yaml", "line": 9, "column": 11}
    assert first["old_position"]["file"] == "first:guideline/chapters/01-general.yaml"
    code, out2, _ = cli("diff", "HEAD~1:guideline", "main", "--format", "json")
    assert code == 0 and json.loads(out2)["summary"] == doc["summary"]
    assert list(scratch.glob("nbscheck-diff-*")) == []  # the revisions' temporary folders are gone


def test_git_errors_are_reported_in_both_languages(repo: Path, base: Path, cli, monkeypatch):
    monkeypatch.chdir(repo)
    code, out, err = cli("diff", "no-such-rev", "HEAD", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == ("no-such-rev: error NBS301 'no-such-rev' is not a known guideline version, a folder or a git "
                   "revision (known versions: 1.0.0, 1.1.0)\n      hint: A version is 1.0.0 or v1.0.0; a folder holds "
                   "guideline.yaml; a git revision is HEAD, main, v1.0.0, or REV:PATH.\n")
    code, _, err = cli("diff", "HEAD:elsewhere", "HEAD")
    assert code == 2
    assert err.startswith("HEAD:elsewhere: 错误 NBS302 无法从 git 修订 HEAD 取出 elsewhere：")


def test_outside_a_git_repository(tmp_path: Path, base: Path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("diff", "HEAD", "1.0.0", "--lang", "en")
    assert code == 2
    assert "NBS301 'HEAD' is not a known guideline version, a folder or a git revision (the current folder is not in a git repository)" in err


def test_a_side_that_does_not_load(tmp_path: Path, base: Path, cli):
    broken = tmp_path / "broken"
    shutil.copytree(MINI, broken)
    edit(broken / "chapters" / "01-general.yaml", "level: statement", "level: sometimes")
    code, out, err = cli("diff", "1.0.0", str(broken), "--lang", "en")
    assert (code, out) == (2, "")
    assert "NBS303 the guideline of " in err and "01-general.yaml:6:12" in err


# --- the outputs -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,lang,name", [("text", "en", "diff.en.txt"), ("text", "zh", "diff.zh.txt"),
                                           ("markdown", "zh", "diff.zh.md"), ("markdown", "en", "diff.en.md")])
def test_reports_exactly(base: Path, cli, fmt: str, lang: str, name: str):
    code, out, err = cli("diff", "1.0.0", "1.1.0", "--format", fmt, "--lang", lang, "--color", "never")
    assert (code, err) == (0, "")
    assert out == (EXPECTED / name).read_text(encoding="utf-8")


def test_json_report(base: Path, cli):
    code, out, _ = cli("diff", "v1.0.0", "1.1.0", "--format", "json", "--lang", "en")
    assert code == 0
    doc = json.loads(out)
    assert doc["kind"] == "diff" and doc["format_version"] == 1
    assert doc["old"] == {"id": "mini", "version": "1.0.0", "status": "released", "released": "2025-01-01", "label": "v1.0.0"}
    assert doc["summary"] == {"breaking": 15, "substantive": 19, "editorial": 19, "total": 53}
    assert doc["renumbered"] == {"2.1.2": "2.1.3", "2.1.3": "2.1.4"}
    zh = next(c for c in doc["changes"] if c["kind"] == "reworded" and c["new_id"] == "2.1.3" and c["field"] == "zh")
    assert zh == {
        "kind": "reworded", "class": "substantive", "old_id": "2.1.2", "new_id": "2.1.3", "field": "zh",
        "old": "新增绿化宜使用本地物种。", "new": "新增绿化宜优先选用本地物种。",
        "words": [{"op": "equal", "text": "新增绿化宜"}, {"op": "delete", "text": "使用"},
                  {"op": "insert", "text": "优先选用"}, {"op": "equal", "text": "本地物种。"}],
        "migrate": None, "description": "text reworded (Chinese)", "description_zh": "正文改写（中文）",
        "description_en": "text reworded (Chinese)",
        "old_position": {"file": "tests/fixtures/diff/guideline/releases/1.0.0/chapters/02-measures.yaml", "line": 29, "column": 15},
        "new_position": {"file": "tests/fixtures/diff/guideline/chapters/02-measures.yaml", "line": 48, "column": 15}}
    target = next(c for c in doc["changes"] if c["kind"] == "target" and c["new_id"] == "2.1.3")
    assert (target["old"], target["new"], target["description_zh"]) == ("≥ 80%", "≥ 90%", "目标：≥ 80% → ≥ 90%（提高）")


def test_output_file_is_written_whole(base: Path, cli, tmp_path: Path):
    out_file = tmp_path / "changes.md"
    code, out, _ = cli("diff", "1.0.0", "1.1.0", "--format", "markdown", "-o", str(out_file))
    assert (code, out) == (0, "")
    assert out_file.read_text(encoding="utf-8") == (EXPECTED / "diff.zh.md").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["changes.md"]


def test_markdown_can_link_clauses_and_leave_out_its_heading():
    from nbscheck.report.diff_markdown import render

    d = compare("1.0.0", "1.1.0", base=GUIDELINE)
    md = render(d, "en", level=3, title=False, link=lambda cid: f"../chapter-{cid.split('.')[0]}/#{cid}")
    assert md.startswith("mini 1.0.0 (released 2025-01-01) → mini 1.1.0 (draft)\n")
    assert "\n#### 2 Measures\n" in md
    assert "- [**2.1.3**](../chapter-2/#2.1.3) (was 2.1.2)\n" in md
    assert "- **2.3.2** <del>The township should publish its monitoring data.</del>\n" in md  # removed: no link


def test_a_revision_too_large_to_be_a_guideline_is_refused_before_unpacking(repo: Path, base: Path, cli, monkeypatch):
    import nbscheck.change.revisions as revisions

    monkeypatch.chdir(repo)
    monkeypatch.setattr(revisions, "MAX_REVISION_BYTES", 1000)
    code, out, err = cli("diff", "first", "HEAD", "--lang", "en")
    assert (code, out) == (2, "")
    assert "NBS302" in err and "over the bounds for a guideline" in err
