"""Check many submissions: expand folders, fan out over worker processes, keep going past failures.

Workers are forked after the parent has loaded the guideline, so each starts with it in memory;
files travel to workers in chunks to keep the per-file overhead small. Results come back in the
order of the input, so reports are stable from run to run.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import signal
import stat
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..findings import Position, make
from ..yaml.limits import DEFAULT_LIMITS, Limits
from ..yaml.load import display_name
from ..sheet.layout import is_submission
from .checker import CheckResult, check_file
from .evidence import what_it_is

CODES: tuple[str, ...] = ("NBS001", "NBS010", "NBS011", "NBS090", "NBS094", "NBS095")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

SUFFIXES = (".yaml", ".yml", ".xlsx")


def expand(paths: Iterable[str]) -> tuple[list[Path], list[CheckResult]]:
    """Files to check, and a result for every argument that names nothing checkable.

    Folders are walked without following symbolic links; a submission that is a link, or that sits
    below one, is refused (NBS094) as evidence is: what a reviewer signs must be the file in the
    folder, not whatever a link points at. Named pipes, sockets and devices are refused (NBS095)
    before anything opens them, so they cannot hang the run."""
    files: list[Path] = []
    refused: list[CheckResult] = []
    for raw in paths:
        p = Path(raw)
        try:
            st = p.lstat()
        except OSError:
            refused.append(_refused(raw, "NBS001", reason="没有这个文件或文件夹 / no such file or folder"))
            continue
        if stat.S_ISLNK(st.st_mode):
            refused.append(_refused(raw, "NBS094", file=raw))
        elif stat.S_ISDIR(st.st_mode):
            found, links = _walk(p)
            files.extend(found)
            refused.extend(_refused(display_name(f), "NBS094", file=display_name(f)) for f in links)
        elif stat.S_ISREG(st.st_mode):
            files.append(p)
        else:
            refused.append(_refused(raw, "NBS095", file=raw, **what_it_is(st)))
    return files, refused


def _walk(folder: Path) -> tuple[list[Path], list[Path]]:
    """The submissions below ``folder`` (hidden files and folders skipped), and the links met there
    that would have led to one."""
    found: list[Path] = []
    links: list[Path] = []
    for top, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(top)
        for d in list(dirs):
            if (here / d).is_symlink():
                dirs.remove(d)
                links.append(here / d)
        for name in sorted(names):
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in SUFFIXES:
                continue  # ~$: the lock file Excel keeps beside an open workbook
            f = here / name
            st = f.lstat()
            if stat.S_ISLNK(st.st_mode):
                links.append(f)
            elif stat.S_ISREG(st.st_mode) and (f.suffix.lower() != ".xlsx" or is_submission(f)):
                found.append(f)  # a workbook only if it is a self-assessment, not evidence such as data tables
    return sorted(found), links


def _refused(name: str, code: str, **args: object) -> CheckResult:
    r = CheckResult(file=name)
    r.findings = [make(code, Position(name), **args)]
    return r


_STATE: dict[str, object] = {}


def _init(root: str | None, limits: Limits, keep_text: bool) -> None:
    _STATE.update(root=root, limits=limits, keep_text=keep_text)


def _worker_init(root: str | None, limits: Limits, keep_text: bool) -> None:
    """A worker's set-up. Each file allocates tens of thousands of short-lived objects (YAML nodes),
    which would make the cyclic garbage collector walk the inherited guideline over and over: freeze
    what the parent loaded and collect the young generation less often (about 10 % faster)."""
    gc.freeze()
    gc.set_threshold(20_000, 50, 100)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the run and ends the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
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
    except Exception as e:  # noqa: BLE001 - a bug must cost one file its verdict, not the whole run
        if os.environ.get("NBSCHECK_DEBUG"):
            raise
        r = CheckResult(file=display_name(path))
        r.findings = [make("NBS090", Position(display_name(path)), error=f"{type(e).__name__}: {e}"[:300])]
        r.internal_error = True
    if not _STATE.get("keep_text"):
        r.text = None
    return r


def check_paths(paths: Iterable[str], *, jobs: int = 0, guideline_root: str | None = None,
                limits: Limits = DEFAULT_LIMITS, keep_text: bool = True,
                on_total: Callable[[int], None] | None = None) -> Iterator[CheckResult]:
    """Results for every file under ``paths``; ``on_total`` hears how many there will be, once the
    folders are listed (for a progress counter)."""
    files, missing = expand(paths)
    if on_total is not None:
        on_total(len(files) + len(missing))
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
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init,
                               initargs=(guideline_root, limits, keep_text))
    try:
        with _few_collections(True):
            yield from _in_order(pool, files, chunk, window=workers * 4)
    except BaseException:  # interrupted (SIGINT, SIGTERM) or the consumer failed: end the workers now
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _many(paths: list[Path]) -> list[CheckResult]:
    return [_one(p) for p in paths]


def _in_order(pool: ProcessPoolExecutor, files: list[Path], chunk: int, window: int) -> Iterator[CheckResult]:
    """Results in input order, with at most ``window`` chunks in flight, so memory stays flat however
    many files there are. Futures are never cancelled: on Python 3.11 a cancelled future that the
    pool later finds broken (its workers ended by :func:`_stop`) makes the pool's own thread fail with
    ``InvalidStateError`` and print a traceback. ``Executor.map`` cancels on close; this does not."""
    chunks = [files[i:i + chunk] for i in range(0, len(files), chunk)]
    flight: deque[Future[list[CheckResult]]] = deque()
    upcoming = iter(chunks)
    for part in islice(upcoming, window):
        flight.append(pool.submit(_many, part))
    while flight:
        done = flight.popleft().result()
        for part in islice(upcoming, 1):
            flight.append(pool.submit(_many, part))
        yield from done


def _stop(pool: ProcessPoolExecutor) -> None:
    """End a pool at once: terminate the workers rather than wait for every chunk in flight
    (``shutdown(wait=True)`` would); the pool then fails what was pending as broken, which nobody
    reads. Nothing is cancelled (see :func:`_in_order`)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False)
    for proc in processes:
        if proc.is_alive():
            proc.terminate()
    for proc in processes:
        proc.join(timeout=5)
