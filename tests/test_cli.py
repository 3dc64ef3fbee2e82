"""The command line: conventions, exit codes, folders, hostile input, init and schema."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, MINI, ROOT
from nbscheck import __version__

EXAMPLES = ROOT / "examples"
BIN = Path(sys.executable).parent


def digest(folder: Path) -> dict[str, tuple[str, int]]:
    return {str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def reviews(tmp_path: Path) -> Path:
    """A reviewer's folder: two townships' submissions and a broken file."""
    root = tmp_path / "reviews"
    for name in ("qualifying", "with-mistakes"):
        shutil.copytree(EXAMPLES / name, root / name)
    (root / "broken").mkdir()
    (root / "broken" / "submission.yaml").write_text("guideline: {id: bft-nbs\nanswers: [\n", encoding="utf-8")
    return root


def test_version_names_the_guideline(cli):
    code, out, _ = cli("--version")
    assert code == 0
    assert out.strip() == f"nbscheck {__version__} (指南 guideline bft-nbs 2.0.0, 草案 draft)"


def test_help_and_usage_errors(cli):
    code, out, _ = cli("--help")
    assert code == 0 and "nbscheck init" in out and "check" in out
    code, _, err = cli("--format", "pdf", "x.yaml")
    assert code == 2 and "用法错误 / usage error" in err
    code, _, err = cli()
    assert code == 2
    code, _, err = cli("check", "--jobs", "-1", "x.yaml")
    assert code == 2


def test_missing_file_is_an_io_error(cli, tmp_path: Path):
    code, out, _ = cli(str(tmp_path / "nope.yaml"), "--lang", "en")
    assert code == 2 and "NBS001" in out


def test_single_file_exit_codes(cli):
    code, out, _ = cli(str(EXAMPLES / "qualifying" / "submission.yaml"), "--lang", "en")
    assert code == 0 and "Outcome: qualifies" in out
    code, out, _ = cli(str(EXAMPLES / "with-mistakes" / "submission.yaml"))
    assert code == 1 and "结论: 未达到认定条件" in out and "7 个错误，0 个警告" in out


def test_fail_unqualified(cli, tmp_path: Path):
    folder = tmp_path / "s"
    shutil.copytree(FIXTURES / "subs", folder)
    text = (folder / "good.yaml").read_text(encoding="utf-8").replace(
        '"2.2.1":\n    status: met\n    value: quarterly', '"2.2.1":\n    status: partial\n    value: yearly')
    (folder / "good.yaml").write_text(text, encoding="utf-8")
    args = [str(folder / "good.yaml"), "--guideline", str(MINI), "--lang", "en"]
    code, out, _ = cli(*args)
    assert code == 0 and "Outcome: does not qualify" in out and "these shall clauses are not met: 2.2.1" in out
    code, _, _ = cli(*args, "--fail-unqualified")
    assert code == 1


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_folder_run_with_a_broken_file(cli, reviews: Path, jobs: str):
    before = digest(reviews)
    code, out, _ = cli(str(reviews), "--jobs", jobs, "--format", "json", "--lang", "en")
    assert code == 1
    doc = json.loads(out)
    files = {Path(f["file"]).parent.name: f for f in doc["files"]}
    assert set(files) == {"qualifying", "with-mistakes", "broken"}
    assert files["qualifying"]["qualified"] is True
    assert files["with-mistakes"]["errors"] == 7
    assert files["broken"]["parsed"] is False
    # both unclosed brackets of the broken file are told in one run, each on its own line
    assert [(f["code"], f["line"]) for f in files["broken"]["findings"]] == [("NBS004", 1), ("NBS004", 2)]
    assert doc["summary"] == {"files": 3, "valid": 1, "qualified": 1, "errors": 9, "warnings": 0}
    assert digest(reviews) == before  # nothing the user gave us is touched


def test_folder_run_text_summary_and_output_file(cli, reviews: Path, tmp_path: Path):
    report = tmp_path / "report.md"
    code, out, _ = cli(str(reviews), "--jobs", "2", "--format", "markdown", "-o", str(report), "--lang", "en")
    assert code == 1 and out == ""
    md = report.read_text(encoding="utf-8")
    assert md.count("| no |") >= 2 and "Qingxi Township (fictional)" in md
    assert not list(tmp_path.glob(".report.md.*.tmp"))  # the atomic write left nothing behind


def _bomb() -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]")
    return "\n".join(lines) + "\n"


HOSTILE = {
    "billion-laughs.yaml": ("NBS012", lambda p: p.write_text(_bomb())),
    "deep.yaml": ("NBS011", lambda p: p.write_text("a: " + "[" * 10000 + "]" * 10000 + "\n")),
    "huge.yaml": ("NBS010", lambda p: p.open("wb").truncate(200 * 1024 * 1024)),
    "binary.yaml": ("NBS013", lambda p: p.write_bytes(bytes(range(256)) * 64)),
    "gbk.yaml": ("NBS002", lambda p: p.write_bytes("乡镇: 龙观\n".encode("gbk"))),
}
ALSO_CHECKED = {"gbk.yaml"}  # refused as not UTF-8, and read as GBK so that the rest is checked too


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_refused_cleanly(tmp_path: Path, name: str):
    code_expected, make = HOSTILE[name]
    p = tmp_path / name
    make(p)
    proc = subprocess.run([str(BIN / "nbscheck"), str(p), "--lang", "en", "--format", "json"],
                          capture_output=True, text=True, timeout=30)  # a hang guard; speed is in benchmarks/hostile.py
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    doc = json.loads(proc.stdout)
    f, *rest = doc["files"][0]["findings"]
    assert not rest or name in ALSO_CHECKED
    assert f["code"] == code_expected and f["line"] >= 1 and f["column"] >= 1


def test_init_writes_a_template_and_never_overwrites(cli, tmp_path: Path):
    out = tmp_path / "mine.yaml"
    from nbscheck.model.guideline import shipped

    g = shipped()
    draft = ("--guideline-version", g.version)  # the working draft; the default, the newest release, is in test_editor.py
    code, _, _ = cli("init", "-o", str(out), *draft)
    assert code == 0
    text = out.read_text(encoding="utf-8")
    for c in g.assessable:
        assert f'"{c.id}":' in text
    assert "# 7.7.4 [宜/should] 新建和改造的公共建筑中" in text
    assert "nbscheck mine.yaml" in text
    before = out.read_bytes()
    code, _, err = cli("init", "-o", str(out))
    assert code == 2 and "不会覆盖" in err and out.read_bytes() == before
    code, _, _ = cli("init", "-o", str(out), "--lang", "en", "--force", *draft)
    assert code == 0 and "# 7.7.4 [宜/should] In new and renovated public buildings" in out.read_text(encoding="utf-8")
    # the blank template is a checkable file: every problem is a finding, never a crash
    code, report, _ = cli(str(out), "--format", "json")
    doc = json.loads(report)
    assert code == 1 and doc["files"][0]["parsed"] is True
    # unfilled is not wrong (issue 12): the blank answers are one summary after the real mistakes,
    # the header's blank fields one more (exact findings in test_template.py)
    found = doc["files"][0]["findings"]
    assert found[-1]["code"] == "NBS260" and [f["code"] for f in found].count("NBS260") == 1
    assert found[-1]["message_en"].startswith(f"0 of {len(g.assessable)} answers are filled in; {len(g.assessable)} are not yet")
    assert [f["code"] for f in found] == ["NBS222", "NBS410", "NBS260"]


def test_schema_validates_the_examples_like_the_checker(cli, tmp_path: Path):
    schema_file = tmp_path / "schema.json"
    code, _, _ = cli("schema", "--guideline-version", "1.0.0", "-o", str(schema_file))
    assert code == 0
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert schema["$id"].endswith("submission-bft-nbs-1.0.0.schema.json")
    assert len(schema["properties"]["answers"]["properties"]) == 101
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema)
    ok = subprocess.run([str(BIN / "check-jsonschema"), "--schemafile", str(schema_file),
                         str(EXAMPLES / "qualifying" / "submission.yaml")], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = subprocess.run([str(BIN / "check-jsonschema"), "--schemafile", str(schema_file),
                          str(EXAMPLES / "with-mistakes" / "submission.yaml")], capture_output=True, text=True)
    assert bad.returncode == 1 and "7.1.30" in bad.stdout
    code, out, _ = cli("schema", "--guideline-version", "2.0.0")  # the draft; the default is the newest release
    assert json.loads(out)["$id"].endswith("submission-bft-nbs-2.0.0.schema.json")
    code, _, err = cli("schema", "--guideline-version", "0.9.0")
    assert code == 2 and "0.9.0" in err


def test_language_from_the_environment(cli, monkeypatch):
    monkeypatch.setenv("NBSCHECK_LANG", "en")
    code, out, _ = cli(str(EXAMPLES / "with-mistakes" / "submission.yaml"))
    assert code == 1 and "Outcome: does not qualify" in out


def test_python_dash_m():
    proc = subprocess.run([sys.executable, "-m", "nbscheck", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("nbscheck ")


def test_version_with_a_broken_guideline_says_what_to_do(cli, monkeypatch, tmp_path: Path):
    from nbscheck import resources
    from nbscheck.model.guideline import shipped

    broken = tmp_path / "data"
    (broken / "guideline").mkdir(parents=True)
    (broken / "guideline" / "guideline.yaml").write_text("id: [\n", encoding="utf-8")
    monkeypatch.setattr(resources, "data_root", lambda: broken)
    shipped.cache_clear()
    try:
        code, out, _ = cli("--version")
    finally:
        shipped.cache_clear()
    assert code == 0
    assert out.strip() == (f"nbscheck {__version__} (指南无法加载，运行 nbscheck lint 查看原因 / "
                           "the guideline cannot be loaded: run nbscheck lint to see why)")


def test_options_before_the_files(cli):
    code, out, _ = cli("--lang", "en", "--format", "json", str(EXAMPLES / "qualifying" / "submission.yaml"))
    assert code == 0 and json.loads(out)["files"][0]["qualified"] is True
    code, out, _ = cli("-j", "1", str(EXAMPLES / "with-mistakes" / "submission.yaml"), "--lang", "en")
    assert code == 1 and "Outcome: does not qualify" in out
