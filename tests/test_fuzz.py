"""Fuzzing the example submissions and the guideline: no traceback, strict JSON, equal LF/CRLF verdicts.

Hypothesis mutates the bytes and lines of real files (it shrinks a failure to a small reproducer and
keeps it in its example database). Each mutated file goes through the real ``check_file`` and the CLI
in-process (``--format json``), as an LF copy and a CRLF copy. About a minute in the normal suite;
``NBSCHECK_FUZZ_EXAMPLES=5000`` runs longer. A file that takes over ``HANG_SECONDS`` fails as a hang
(a guard, not a speed test: speed is measured in benchmarks/).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is in the test extra")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conftest import ROOT  # noqa: E402
from nbscheck.check.checker import check_file  # noqa: E402

EXAMPLES = int(os.environ.get("NBSCHECK_FUZZ_EXAMPLES", "100"))
HANG_SECONDS = 5
SUBMISSIONS = {name: (ROOT / "examples" / name / "submission.yaml").read_bytes() for name in ("qualifying", "with-mistakes")}
CHAPTER = "chapters/07-measures.yaml"

# What people (and editors, and copy-paste) put into YAML files by mistake.
PIECES = [b": ", b":", b" ", b"  ", b"\t", b"\n", b"\r", b"\r\n", b"'", b'"', b"{", b"}", b"[", b"]", b",", b"- ", b"? ",
          b"#", b"&a ", b"*a", b"!!str ", b"<<: ", b"---\n", b"...", b"%YAML 1.1\n", b"|", b">-", b"\\", b"\x00", b"\x01",
          b"\x7f", b"\xc2\x85", b"\xe2\x80\xa8", b"\xef\xbb\xbf", b"\xff", b"\xe4\xb8", "：".encode(), "，".encode(),
          "\u3000".encode(), "“”".encode(), "１２".encode(), b"C:\\Users\\a.pdf", b"http://x", b"14:30", b".inf", b"nan",
          b"0x" + b"f" * 4000, b"1" + b"0" * 5000, b"1e400", b"0e5", b".5e2", b"~", b"yes", b"=", b"[" * 200, b"{a: " * 80]


@contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    """Fail (not wait forever) if a file takes longer than ``seconds``: an infinite loop, not speed."""
    def hung(signum: int, frame: Any) -> None:
        raise AssertionError(f"no answer within {seconds} s: a hang")
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@st.composite
def mutated(draw: Any, original: bytes) -> bytes:
    """``original`` with one to four mutations: bytes inserted, deleted, lines duplicated, moved,
    re-indented, or the file cut short."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "line", "indent", "cut", "byte"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "insert":
            data[at:at] = draw(st.sampled_from(PIECES))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif op == "byte" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:]
        else:
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            if op == "line":
                lines.insert(draw(st.integers(0, len(lines))), lines[i])
            else:
                lines[i] = b" " * draw(st.integers(0, 9)) + lines[i].lstrip(b" ")
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def strict_json(text: str) -> Any:
    return json.loads(text, parse_constant=_no_constants)


def verdict_of(cli: Any, path: Path) -> tuple[Any, ...]:
    """Check ``path`` both ways (the API and the CLI); what a reviewer signs: the outcome and findings."""
    with hang_guard(HANG_SECONDS):
        result = check_file(path)
        code, out, err = cli(str(path), "--format", "json", "--lang", "en")
    assert code in (0, 1), (code, err)
    assert "Traceback" not in err
    report = strict_json(out)
    entry = report["files"][0]
    findings = tuple((f.code, f.line, f.column) for f in result.findings)
    assert [(f["code"], f["line"], f["column"]) for f in entry["findings"]] == list(findings)
    score = result.score
    return (result.parsed, code, entry.get("qualified"), None if score is None else repr(score), findings)


def lf_and_crlf(raw: bytes) -> tuple[bytes, bytes] | None:
    """The LF and CRLF copies of ``raw``; None when it holds a lone CR (no CRLF copy is the same file)."""
    lf = raw.replace(b"\r\n", b"\n")
    return None if b"\r" in lf else (lf, lf.replace(b"\n", b"\r\n"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder beside the examples' evidence, so evidence paths resolve as in the examples."""
    d = tmp_path_factory.mktemp("fuzz")
    (d / "evidence").symlink_to(ROOT / "examples" / "qualifying" / "evidence")
    return d


@pytest.mark.parametrize("name", sorted(SUBMISSIONS))
def test_mutated_submissions(cli: Any, folder: Path, name: str) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 1000,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
    @given(mutated(SUBMISSIONS[name]))
    def run(raw: bytes) -> None:
        pair = lf_and_crlf(raw)
        if pair is None:
            (folder / "s.yaml").write_bytes(raw)
            verdict_of(cli, folder / "s.yaml")
            return
        (folder / "lf.yaml").write_bytes(pair[0])
        (folder / "crlf.yaml").write_bytes(pair[1])
        assert verdict_of(cli, folder / "lf.yaml") == verdict_of(cli, folder / "crlf.yaml")
    run()


def test_mutated_guideline_chapter(cli: Any, tmp_path: Path) -> None:
    tree = tmp_path / "guideline"
    shutil.copytree(ROOT / "guideline", tree, ignore=shutil.ignore_patterns("releases"))
    original = (tree / CHAPTER).read_bytes()

    def lint() -> tuple[int, Any]:
        with hang_guard(HANG_SECONDS * 4):  # the whole guideline, not one file
            code, out, err = cli("lint", str(tree), "--format", "json", "--lang", "en")
        assert code in (0, 1), (code, err)
        assert "Traceback" not in err
        report = strict_json(out)
        return code, [(f["code"], f.get("line"), f.get("column")) for f in report["findings"]]

    @settings(max_examples=max(EXAMPLES // 6, 10), deadline=None, derandomize=EXAMPLES <= 1000,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
    @given(mutated(original))
    def run(raw: bytes) -> None:
        pair = lf_and_crlf(raw)
        if pair is None:
            (tree / CHAPTER).write_bytes(raw)
            lint()
            return
        (tree / CHAPTER).write_bytes(pair[0])
        lf = lint()
        (tree / CHAPTER).write_bytes(pair[1])
        assert lint() == lf
    run()
