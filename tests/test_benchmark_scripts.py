"""The benchmark scripts work end to end, and the fast paths they measure give the same answers.

Speed targets are measured by ``benchmarks/run.py``, never asserted here: these tests only prove
that the generated submissions are what the benchmark claims (valid, about 40 KB, every clause
answered; the files with mistakes have findings) and that the scripts run. The fast paths they
measure are compared with the slow ones in test_gate.py and test_load.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from nbscheck.check.checker import check_file
from nbscheck.model.guideline import shipped

BENCH = ROOT / "benchmarks"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("bench") / "submissions"
    manifest = generate.generate(out, 24, seed=7, mistakes=0.25, jobs=1, quiet=True)
    return out, manifest


def test_generated_files_are_valid_about_40_kb_and_answer_every_clause(generated):
    out, manifest = generated
    from nbscheck.model.guideline import versions

    newest_release = max((v for v, p in versions().items() if p.parent.name == "releases"),
                         key=lambda v: tuple(map(int, v.split("."))))
    g = shipped(newest_release)  # townships answer a released version, not the working draft
    assert manifest["guideline"] == {"id": g.id, "version": g.version}
    valid = [f for f in sorted(out.glob("*.yaml")) if f.name not in manifest["mistakes"]]
    assert len(valid) >= 8
    statuses: set[str] = set()
    sizes = []
    for f in valid:
        r = check_file(f)
        assert r.parsed and r.errors == 0, [(x.code, x.line, x.message("en")) for x in r.findings]
        assert r.score is not None
        assert {c.clause for c in r.score.clauses if c.status != "missing"} == {c.id for c in g.assessable}
        statuses |= {c.status for c in r.score.clauses}
        sizes.append(f.stat().st_size)
    assert statuses >= {"met", "partial", "not_applicable"}
    assert 30_000 < sum(sizes) / len(sizes) < 50_000
    assert all(20_000 < s < 65_000 for s in sizes)
    text = "".join(f.read_text(encoding="utf-8") for f in valid)
    assert "evidence/" in text and "sha256:" in text and "note:" in text and "description:" in text
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in text) > len(text) / 10  # mostly Chinese prose


def test_evidence_files_exist_once_in_a_shared_folder(generated):
    out, _ = generated
    evidence = list((out / "evidence").iterdir())
    assert 50 < len(evidence) < 500
    assert all(f.is_file() and f.stat().st_size < 10_000 for f in evidence)


def test_files_with_mistakes_have_findings_with_positions(generated):
    out, manifest = generated
    assert manifest["mistakes"], "the generator made no mistakes at 25 %"
    for name, mistakes in manifest["mistakes"].items():
        r = check_file(out / name)
        found = [f for f in r.findings if f.code not in ("NBS222", "NBS224")]
        assert found, (name, mistakes)
        assert all(f.line > 0 and f.column > 0 for f in found), (name, mistakes)
        if not set(mistakes) <= generate.WARNING_ONLY:
            assert r.errors > 0, (name, mistakes)


def test_generation_is_deterministic(tmp_path: Path):
    a = generate.generate(tmp_path / "a", 3, seed=11, jobs=1, quiet=True)
    b = generate.generate(tmp_path / "b", 3, seed=11, jobs=1, quiet=True)
    assert a["mistakes"] == b["mistakes"]
    for f in sorted((tmp_path / "a").glob("*.yaml")):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes()


def test_small_file_is_valid(tmp_path: Path):
    p = generate.write_small(tmp_path / "single" / "small.yaml")
    r = check_file(p)
    assert r.parsed and r.errors == 0 and p.stat().st_size < 30_000


def test_run_script_end_to_end(tmp_path: Path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--files", "6", "--cj-files", "3", "--repeat", "1",
         "--out", str(out), "--json", str(tmp_path / "r.json")],
        capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    for label in ("(a) one small file", "(c) folder, 6 files", "(d) check-jsonschema", "ratio", "38,600"):
        assert label in proc.stdout
    res = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert res["folder"]["summary"]["files"] == 6
    assert res["folder"]["files_per_s"] > 0 and res["check_jsonschema"]["files_per_s"] > 0
    assert res["small"]["rc"] == 0 and res["big"]["rc"] == 0


def test_hotspots_script_runs(tmp_path: Path):
    generate.generate(tmp_path / "s", 3, seed=3, mistakes=0.0, jobs=1, quiet=True)
    proc = subprocess.run([sys.executable, str(BENCH / "hotspots.py"), "--dir", str(tmp_path / "s"),
                           "--files", "3", "--top", "5"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "YAML compose" in proc.stdout and "cProfile" in proc.stdout


def test_run_reuses_generated_files_and_refuses_a_second_run_in_the_same_folder(tmp_path: Path):
    import fcntl

    import run

    out = tmp_path / "out"
    first = run.ensure_files(out / "submissions", 3, 11, 1)
    stamp = {f.name: f.stat().st_mtime_ns for f in (out / "submissions").glob("*.yaml")}
    again = run.ensure_files(out / "submissions", 3, 11, 1)  # same count, seed and guideline: no new files
    assert again == first and {f.name: f.stat().st_mtime_ns for f in (out / "submissions").glob("*.yaml")} == stamp
    assert first["guideline"]["version"] == generate.answered_guideline().version
    with open(out / ".lock", "w") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        proc = subprocess.run([sys.executable, str(BENCH / "run.py"), "--files", "3", "--out", str(out)],
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "another benchmark is running" in proc.stderr


def test_findings_are_positioned_alike_with_and_without_regions(generated, monkeypatch):
    """Positions from composing only the lines of an answer equal those from the whole file."""
    from nbscheck.yaml.document import Document

    out, manifest = generated
    files = [out / name for name in sorted(manifest["mistakes"])]
    assert len(files) >= 4
    got = [[(f.code, f.line, f.column, f.path) for f in check_file(p).findings] for p in files]
    monkeypatch.setattr(Document, "_where_in_region", lambda self, path, key: None)
    assert got == [[(f.code, f.line, f.column, f.path) for f in check_file(p).findings] for p in files]
    assert sum(map(len, got)) >= len(files)


# --- files answering the 2.0.0 working draft (assessment model 2) ----------------------------------

DRAFT = "2.0.0"


@pytest.fixture(scope="module")
def generated_draft(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("bench20") / "submissions"
    manifest = generate.generate(out, 40, seed=20, mistakes=0.3, jobs=1, quiet=True, version=DRAFT)
    return out, manifest


def _problems(path: Path) -> tuple[set[str], object]:
    r = check_file(path)
    return {f.code for f in r.findings if f.severity.name != "NOTE"}, r


def test_draft_files_are_clean_or_carry_exactly_the_manifest_codes(generated_draft):
    out, manifest = generated_draft
    assert manifest["guideline"]["version"] == DRAFT
    files = sorted(out.glob("*.yaml"))
    clean = [f for f in files if f.name not in manifest["mistakes"]]
    assert len(clean) >= 20 and len(manifest["mistakes"]) >= 6
    for f in clean:
        codes, r = _problems(f)
        assert r.parsed and r.errors == 0 and codes == set(), (f.name, [(x.code, x.line) for x in r.findings])
        assert r.score is not None
    for name, mistakes in manifest["mistakes"].items():
        codes, _ = _problems(out / name)
        assert codes == set().union(*(generate.CODES[m] for m in mistakes)), (name, mistakes, codes)


def test_draft_files_mix_stages_graded_answers_and_a_share_qualifies(generated_draft):
    import yaml

    out, manifest = generated_draft
    g = shipped(DRAFT)
    stages = {s.id for s in g.rules.stages}
    graded = {c.id for c in g.assessable if c.assessment.indicator.grading is not None}
    against = {c.id for c in g.assessable if c.assessment.indicator.baseline is not None}
    assert graded and against and stages  # the draft has all three, or this test proves nothing
    clean = [f for f in sorted(out.glob("*.yaml")) if f.name not in manifest["mistakes"]]
    seen_stages: set[str | None] = set()
    stated = unstated = baselines = 0
    for f in clean:
        data = yaml.safe_load(f.read_text(encoding="utf-8"))
        stage = data.get("stage")
        seen_stages.add(stage)
        for cid, ans in data["answers"].items():
            c = g.clause(cid)
            assert c.assessment.at_stage(stage), (f.name, cid, stage)  # no answer of another stage
            if cid in graded:
                stated += "status" in ans
                unstated += "status" not in ans
            if cid in against:  # every outcome clause with a baseline rule carries its baseline
                base = ans.get("baseline")
                assert base and isinstance(base["value"], (int, float)) and base["evidence"], (f.name, cid)
                assert base["year"] <= int(str(data["period"]["end"])[:4]), (f.name, cid)
                baselines += 1
    assert seen_stages >= stages | {None}
    assert stated > 0 and unstated > 0 and baselines > 0
    qualified = [check_file(f).score.qualified for f in clean]
    assert 0.2 <= sum(qualified) / len(qualified) <= 0.8, sum(qualified)


def test_generator_refuses_an_unknown_guideline_version(tmp_path: Path):
    proc = subprocess.run([sys.executable, str(BENCH / "generate.py"), "--files", "1", "--out", str(tmp_path),
                           "--guideline-version", "9.9.9"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "9.9.9" in proc.stderr
