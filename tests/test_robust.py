"""Verdicts a reviewer can sign (issue 11): no traceback, no lost file, no hang, nothing written over.

Each test drives the real command (in-process through the ``cli`` fixture, or as a subprocess where a
signal or a terminal matters) with real files, and checks the exit code and what is left on disk."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "qualifying"
BIN = Path(sys.executable).parent / "nbscheck"


@pytest.fixture
def reviews(tmp_path: Path) -> Path:
    """A reviewer's folder with three copies of the qualifying example and its evidence."""
    d = tmp_path / "reviews"
    for i in range(3):
        shutil.copytree(EXAMPLE, d / f"town{i}")
    return d


def test_an_internal_error_costs_one_file_its_verdict_not_the_run(reviews: Path, cli, monkeypatch):
    import nbscheck.check.batch as batch

    real = batch.check_file

    def flaky(path, **kw):
        if "town1" in str(path):
            raise ZeroDivisionError("a bug")
        return real(path, **kw)

    monkeypatch.setattr(batch, "check_file", flaky)
    code, out, err = cli(str(reviews), "--jobs", "1", "--format", "json", "--lang", "en")
    assert code == 3 and "Traceback" not in err
    import json

    files = json.loads(out)["files"]
    assert [f["file"].split("/")[-2] for f in files] == ["town0", "town1", "town2"]
    assert [x["code"] for x in files[1]["findings"]] == ["NBS090"]
    assert "ZeroDivisionError: a bug" in files[1]["findings"][0]["message"]
    assert files[0]["qualified"] and files[2]["qualified"]


def test_the_last_guard_turns_a_bug_into_one_line_and_exit_3(cli, monkeypatch, tmp_path: Path):
    import nbscheck.cli.lint as lint_cmd

    monkeypatch.setattr(lint_cmd, "run", lambda args: 1 / 0)
    code, out, err = cli("lint")
    assert code == 3
    assert err.count("\n") == 1 and "internal error, please report it" in err and "ZeroDivisionError" in err
    assert "Traceback" not in err


def test_output_over_an_input_file_is_refused_and_the_input_kept(reviews: Path, cli):
    sub = reviews / "town0" / "submission.yaml"
    before = sub.read_bytes()
    code, out, err = cli(str(sub), "-o", str(sub), "--lang", "en")
    assert code == 2 and "is an input file" in err
    assert sub.read_bytes() == before


def test_output_into_the_folder_being_checked_is_refused(reviews: Path, cli):
    code, out, err = cli(str(reviews), "-o", str(reviews / "town0" / "report.yaml"), "--lang", "en")
    assert code == 2 and "inside the folder being checked" in err
    assert not (reviews / "town0" / "report.yaml").exists()


@pytest.mark.parametrize("where, says", [("a-folder", "is a folder"), ("missing/report.json", "does not exist"),
                                         ("/dev/full", "not a regular file")])
def test_output_that_cannot_be_a_file_is_refused(reviews: Path, cli, tmp_path: Path, where: str, says: str):
    (tmp_path / "a-folder").mkdir()
    target = where if where.startswith("/") else str(tmp_path / where)
    code, out, err = cli(str(reviews / "town0" / "submission.yaml"), "-o", target, "--lang", "en")
    assert code == 2 and says in err and "Traceback" not in err


def test_output_through_a_symlink_writes_the_file_it_points_at(reviews: Path, cli, tmp_path: Path):
    real = tmp_path / "real-report.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.json"
    link.symlink_to(real)
    code, _, _ = cli(str(reviews / "town0" / "submission.yaml"), "--format", "json", "-o", str(link))
    assert code == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8").startswith("{")


def test_a_full_disk_is_a_message_and_exit_2_with_nothing_left_behind(reviews: Path, cli, tmp_path: Path, monkeypatch):
    import nbscheck.atomic as atomic

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = cli(str(reviews), "--jobs", "1", "-o", str(out / "report.txt"), "--lang", "en")
    assert code == 2 and "No space left on device" in err
    assert list(out.iterdir()) == []
    code, _, err = cli("init", "-o", str(out / "blank.yaml"), "--lang", "en")
    assert code == 2 and "No space left on device" in err and list(out.iterdir()) == []


def test_a_symlinked_submission_is_refused_like_evidence(reviews: Path, cli, tmp_path: Path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (reviews / "town0" / "linked.yaml").symlink_to(secret)
    (reviews / "linked-folder").symlink_to(tmp_path / "reviews" / "town1")
    code, out, err = cli(str(reviews), "--jobs", "1", "--lang", "en")
    assert "hunter2" not in out + err
    assert out.count("NBS094") == 2
    code, out, err = cli(str(reviews / "town0" / "linked.yaml"), "--lang", "en")
    assert code == 1 and "NBS094" in out and "hunter2" not in out


def test_a_named_pipe_on_the_command_line_is_refused_without_blocking(tmp_path: Path):
    fifo = tmp_path / "sub.yaml"
    os.mkfifo(fifo)
    proc = subprocess.run([str(BIN), str(fifo), "--lang", "en"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "NBS095" in proc.stdout and "a named pipe" in proc.stdout


def test_sigterm_stops_the_workers_and_leaves_no_temporary_file(tmp_path: Path):
    reviews = tmp_path / "many"
    reviews.mkdir()
    text = (EXAMPLE / "submission.yaml").read_text(encoding="utf-8")
    shutil.copytree(EXAMPLE / "evidence", reviews / "evidence")
    for i in range(400):
        (reviews / f"t{i:03}.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([str(BIN), str(reviews), "--jobs", "2", "--format", "json", "-o", str(out / "r.json")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    time.sleep(1.5)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    # 0, or killed by the default handler, only if it had already finished and was leaving
    assert proc.returncode in (143, 0, -signal.SIGTERM), err
    assert "Traceback" not in err.decode()
    assert [p.name for p in out.iterdir()] in ([], ["r.json"])
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-s", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert left == []  # no worker outlives the run


def test_nan_and_infinity_are_never_a_measure_nor_bare_tokens_in_json(tmp_path: Path, cli):
    """.nan passes every range test and .inf is no measure: both are a wrong value (NBS207), the
    answer earns nothing, and the JSON report stays strict JSON where a submission wrote them."""
    import json

    d = tmp_path / "t"
    shutil.copytree(EXAMPLE, d)
    sub = d / "submission.yaml"
    text = sub.read_text(encoding="utf-8").replace('  "7.1.1":\n    status: met\n    value: 94\n', '  "7.1.1":\n    status: met\n    value: .nan\n')
    text = text.replace("township:\n", "township:\n  population: .inf\n", 1)
    sub.write_text(text, encoding="utf-8")
    code, out, _ = cli(str(sub), "--format", "json", "--lang", "en")
    assert code == 1

    def no_constants(name: str):
        raise AssertionError(f"bare {name} in JSON output")

    doc = json.loads(out, parse_constant=no_constants)
    findings = doc["files"][0]["findings"]
    nan = [f for f in findings if f["clause"] == "7.1.1"]
    assert [(f["code"], f["line"]) for f in nan] == [("NBS207", text.splitlines().index("    value: .nan") + 1)]
    assert doc["files"][0]["township"]["population"] == "inf"
    row = next(c for c in doc["files"][0]["score"]["clauses"] if c["clause"] == "7.1.1")
    assert row["earned"] == 0


@pytest.mark.parametrize("value", ["1000000000000000000000000000", "0", "-5", "lots"])
def test_limit_options_out_of_range_are_usage_errors(cli, value: str):
    code, out, err = cli(str(EXAMPLE / "submission.yaml"), "--max-bytes", value)
    assert code == 2 and "--max-bytes" in err and "Traceback" not in err


def test_a_broken_guideline_folder_is_one_message_pointing_at_lint(tmp_path: Path, cli):
    g = tmp_path / "g"
    shutil.copytree(ROOT / "guideline", g, ignore=shutil.ignore_patterns("releases"))
    with (g / "guideline.yaml").open("a", encoding="utf-8") as fh:
        fh.write("chapters: [\n")
    code, out, err = cli(str(EXAMPLE / "submission.yaml"), "--guideline", str(g), "--lang", "en")
    assert code == 2 and out == ""
    assert err == f"nbscheck: the guideline in {g} cannot be loaded; run nbscheck lint {g} to see why\n"


def test_migrate_refuses_a_file_over_the_size_limit(tmp_path: Path, cli, monkeypatch):
    import nbscheck.yaml.load as load

    sub = tmp_path / "s.yaml"
    shutil.copy(EXAMPLE / "submission.yaml", sub)
    monkeypatch.setattr("nbscheck.change.migrate.DEFAULT_LIMITS", load.Limits(max_bytes=100))
    code, out, err = cli("migrate", str(sub), "--to", "1.1.0", "--lang", "en")
    assert code == 2 and "NBS010" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]


def _hostile_township(tmp_path: Path) -> Path:
    d = tmp_path / "t"
    shutil.copytree(EXAMPLE, d)
    sub = d / "submission.yaml"
    text = sub.read_text(encoding="utf-8")
    start = text.index("township:")
    line_end = text.index("\n", text.index("name:", start))
    bad = '  name: {zh: "青溪乡\\e[2J\\e]0;pwned\\a<script>alert(1)</script>", en: "Qingxi | **x** [l](javascript:alert(1))"}'
    text = text[:start] + "township:\n" + bad + text[line_end:]
    text = text.replace('  "7.1.1":\n    status: met\n    value: 94\n', '  "7.1.1":\n    status: met\n    value: "\\e[31m94"\n')
    sub.write_text(text, encoding="utf-8")
    return sub


def test_terminal_output_shows_control_characters_instead_of_obeying_them(tmp_path: Path, cli):
    sub = _hostile_township(tmp_path)
    code, out, _ = cli(str(sub), "--color", "never")
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out
    assert "青溪乡\\x1b[2J\\x1b]0;pwned\\x07<script>" in out  # shown, not obeyed
    assert 'value: "\\e[31m94"' in out  # the source line as written


def test_markdown_report_keeps_submission_text_inert(tmp_path: Path, cli):
    sub = _hostile_township(tmp_path)
    code, out, _ = cli(str(sub), "--format", "markdown", "--lang", "en")
    import re

    assert not re.search(r"(?<!\\)<script", out) and not re.search(r"(?<!\\)\]\(javascript:", out) and "\x1b" not in out
    assert "Qingxi \\| \\*\\*x\\*\\* \\[l\\](javascript:alert(1))" in out


def test_a_five_megabyte_line_is_cut_around_the_column(tmp_path: Path, cli):
    from nbscheck.report.findings_text import SHOWN_COLUMNS

    d = tmp_path / "t"
    shutil.copytree(EXAMPLE, d)
    sub = d / "submission.yaml"
    text = sub.read_text(encoding="utf-8").replace('  "7.1.1":\n    status: met\n', '  "7.1.1":\n    status: bogus' + " " * 5_000_000 + "\n", 1)
    sub.write_text(text, encoding="utf-8")
    code, out, _ = cli(str(sub), "--color", "never")
    assert code == 1 and len(out) < 20_000
    shown = [line for line in out.splitlines() if "status: bogus" in line]
    assert shown and all(len(line) <= SHOWN_COLUMNS + 12 for line in shown)


@pytest.mark.parametrize("url, kept", [("https://www.iucn.org/x", True), ("http://a.b/c?d#e", True), ("chapter-7/#7.7.4", True),
                                       ("../print/", True), ("javascript:alert(1)", False), ("JavaScript:alert(1)", False),
                                       ("data:text/html,x", False), ("vbscript:x", False), (" javascript:x", False),
                                       ("java\tscript:x", False), ("mailto:a@b", False)])
def test_only_http_and_relative_links_are_kept(url: str, kept: bool):
    from nbscheck.report.safe import safe_url

    assert (safe_url(url) is not None) is kept


def test_a_named_pipe_in_a_folder_is_refused_in_process(tmp_path: Path, cli):
    """The same refusal, in-process: nothing opens the pipe (which would block), the run reports it."""
    d = tmp_path / "reviews"
    shutil.copytree(EXAMPLE, d / "town")
    os.mkfifo(d / "town" / "pipe.yaml")
    code, out, _ = cli(str(d / "town" / "pipe.yaml"), "--lang", "en")
    assert code == 1 and "NBS095" in out and "a named pipe" in out
