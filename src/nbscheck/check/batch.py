"""Check many submissions: expand folders, fan out over worker processes, keep going past failures.

Workers are forked after the parent has loaded the guideline, so each starts with it in memory;
files travel to workers in chunks to keep the per-file overhead small. Results come back in the
order of the input, so reports are stable from run to run.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from ..findings import Position, make
from ..yaml.load import DEFAULT_LIMITS, Limits, display_name
from .checker import CheckResult, check_file

CODES: tuple[str, ...] = ("NBS001", "NBS010", "NBS011")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

SUFFIXES = (".yaml", ".yml")


def expand(paths: Iterable[str]) -> tuple[list[Path], list[CheckResult]]:
    """Files to check, and a result for every argument that names nothing checkable."""
    files: list[Path] = []
    missing: list[CheckResult] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file()
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            r = CheckResult(file=raw)
            r.findings = [make("NBS001", Position(raw), reason="没有这个文件或文件夹 / no such file or folder")]
            missing.append(r)
    return files, missing


_STATE: dict[str, object] = {}


def _init(root: str | None, limits: Limits, keep_text: bool) -> None:
    _STATE.update(root=root, limits=limits, keep_text=keep_text)


def _worker_init(root: str | None, limits: Limits, keep_text: bool) -> None:
    """A worker's set-up. Each file allocates tens of thousands of short-lived objects (YAML nodes),
    which would make the cyclic garbage collector walk the inherited guideline over and over: freeze
    what the parent loaded and collect the young generation less often (about 10 % faster)."""
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)
    _init(root, limits, keep_text)


@contextmanager
def _few_collections(many: bool) -> Iterator[None]:
    """While many files are checked in this process, run the cyclic collector rarely: otherwise its
    full passes walk every result kept so far, and a long run slows down as it goes (restored after)."""
    if not many:
        yield
        return
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], 20_000), old[1], max(old[2], 100))
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _one(path: Path) -> CheckResult:
    try:
        r = check_file(path, guideline_root=_STATE.get("root"), limits=_STATE.get("limits", DEFAULT_LIMITS),  # type: ignore[arg-type]
                       name=display_name(path))
    except RecursionError:
        r = CheckResult(file=display_name(path))
        r.findings = [make("NBS011", Position(display_name(path), 1, 1), limit=_STATE.get("limits", DEFAULT_LIMITS).max_depth)]  # type: ignore[union-attr]
    except MemoryError:
        r = CheckResult(file=display_name(path))
        r.findings = [make("NBS010", Position(display_name(path), 1, 1), size="?", limit="memory")]
    if not _STATE.get("keep_text"):
        r.text = None
    return r


def check_paths(paths: Iterable[str], *, jobs: int = 0, guideline_root: str | None = None,
                limits: Limits = DEFAULT_LIMITS, keep_text: bool = True) -> Iterator[CheckResult]:
    files, missing = expand(paths)
    yield from missing
    _init(guideline_root, limits, keep_text)
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(files) < 4:
        with _few_collections(len(files) >= 50):
            for f in files:
                yield _one(f)
        return
    from ..model.guideline import shipped

    try:  # warm the cache before forking, so workers inherit the loaded guideline
        shipped(None, guideline_root)
    except Exception:  # noqa: BLE001 - each file will report the problem itself
        pass
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    chunk = max(1, min(64, len(files) // (workers * 8) or 1))
    with _few_collections(True), ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init,
                                                      initargs=(guideline_root, limits, keep_text)) as pool:
        yield from pool.map(_one, files, chunksize=chunk)
