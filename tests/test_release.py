"""`make release` (python -m nbscheck.change.release): freeze the working version, open the next draft."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, edit
from nbscheck.model.guideline import load_guideline, versions
from nbscheck.change.release import main

GUIDELINE = FIXTURES / "diff" / "guideline"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    dst = tmp_path / "guideline"
    shutil.copytree(GUIDELINE, dst)
    return dst


def test_release_freezes_and_opens_the_next_draft(root: Path, capsys):
    before_meta = (root / "guideline.yaml").read_text(encoding="utf-8")
    before_ch = (root / "chapters" / "02-measures.yaml").read_text(encoding="utf-8")
    assert main(["1.1.0", "--date", "2025-06-01", "--guideline", str(root)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "检查通过；下一步：提交，并给提交打标签 v1.1.0 / all checks pass; next: commit, and tag the commit v1.1.0"
    assert sorted(versions(root)) == ["1.0.0", "1.1.0", "1.2.0"]
    frozen = root / "releases" / "1.1.0"
    # the frozen copy: only status and the date differ from the draft it was made from
    assert (frozen / "guideline.yaml").read_text(encoding="utf-8") == before_meta.replace(
        "status: draft\n", 'status: released\nreleased: "2025-06-01"\n')
    assert (frozen / "chapters" / "02-measures.yaml").read_text(encoding="utf-8") == before_ch
    assert (frozen / "terms.yaml").read_bytes() == (GUIDELINE / "terms.yaml").read_bytes()
    # the working copy: the next version, and previous: lines gone, nothing else touched
    assert (root / "guideline.yaml").read_text(encoding="utf-8") == before_meta.replace(
        "version: 1.1.0\nstatus: draft\n", "version: 1.2.0\nstatus: draft\nreleased: null\n")
    assert (root / "chapters" / "02-measures.yaml").read_text(encoding="utf-8") == before_ch.replace(
        '        previous: "2.1.2"\n', "").replace('        previous: "2.1.3"\n', "")
    g = load_guideline(frozen).guideline
    assert (g.version, g.status, g.released) == ("1.1.0", "released", "2025-06-01")
    assert [p.name for p in (root / "releases").iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("args,message", [
    (["1.0.0"], "says 1.1.0 (draft), not draft 1.0.0"),
    (["1.1"], "version 1.1 is not of the form X.Y.Z"),
    (["1.1.0", "--next", "1.0.5"], "the next version 1.0.5 must be above 1.1.0"),
    (["1.1.0", "--date", "2025-13-01"], "the release date 2025-13-01 is not YYYY-MM-DD"),
])
def test_refusals_change_nothing(root: Path, capsys, args, message):
    assert main(args + ["--guideline", str(root)]) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in (root / "releases").iterdir()) == ["1.0.0"]
    assert (root / "guideline.yaml").read_bytes() == (GUIDELINE / "guideline.yaml").read_bytes()


def test_a_guideline_that_does_not_lint_is_not_released(root: Path, capsys):
    edit(root / "chapters" / "01-general.yaml", "zh: 本文件适用于乡镇。", "zh: ''")
    assert main(["1.1.0", "--guideline", str(root)]) == 2
    assert "does not lint clean" in capsys.readouterr().err
    assert not (root / "releases" / "1.1.0").exists()


def test_an_existing_release_is_never_overwritten(root: Path, capsys):
    (root / "releases" / "1.1.0").mkdir()
    assert main(["1.1.0", "--guideline", str(root)]) == 2
    assert "releases/1.1.0 exists; a release is never overwritten" in capsys.readouterr().err
