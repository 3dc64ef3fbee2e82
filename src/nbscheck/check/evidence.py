"""Evidence files: each cited path judged once, without trusting links, ``..`` or absolute paths.

One folder listing answers for every file in a folder; SHA-256 checksums are cached by path, size
modification time and inode. A reviewer must be able to trust that the evidence travels with the submission.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import time
from functools import lru_cache
from typing import Any

CODES: tuple[str, ...] = ("NBS091", "NBS092", "NBS093", "NBS213", "NBS214", "NBS215")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

_DRIVE = re.compile(r"^[A-Za-z]:")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_REGULAR, _LINK, _OTHER = 1, 2, 0
_LINKED = {"why": "经过符号链接", "why_en": "it goes through a symbolic link"}


def _problem(base: str, raw: str, sha256: str | None,
             seen: dict[Any, Any]) -> tuple[str, dict[str, Any], str] | None:
    """:func:`evidence_problem`, letting errors of the file system through to it."""
    norm = raw.replace("\\", "/") if "\\" in raw else raw
    if ":" in norm:
        if _URL.match(norm):
            return "NBS214", {"file": raw, "why": "是网址", "why_en": "a web address"}, "path"
        if _DRIVE.match(norm):
            return "NBS214", {"file": raw, "why": "是绝对路径", "why_en": "an absolute path"}, "path"
    if norm.startswith("/"):
        return "NBS214", {"file": raw, "why": "是绝对路径", "why_en": "an absolute path"}, "path"
    parts = norm.split("/")
    if "" in parts or "." in parts:  # as PurePosixPath(norm).parts, for a relative path
        parts = [x for x in parts if x not in ("", ".")]
    if ".." in parts:
        return "NBS214", {"file": raw, "why": "含有 ..", "why_en": "it goes up with .."}, "path"
    if not parts:
        return "NBS213", {"file": raw}, "path"
    name = parts.pop()
    folder = base + os.sep + os.sep.join(parts) if parts else base
    listing = seen.get(folder)
    if listing is None:
        listing = seen[folder] = _folder(base, parts, seen)
    if type(listing) is str:  # the way to the file is broken
        return ("NBS214", {"file": raw, **_LINKED}, "path") if listing == "link" else ("NBS213", {"file": raw}, "path")
    leaf = folder + os.sep + name
    entry = listing.get(name)
    kind = None
    if entry is not None:
        try:  # from the listing's file types, without a system call where the file system gives them
            kind = _LINK if entry.is_symlink() else _REGULAR if entry.is_file(follow_symlinks=False) else _OTHER
        except OSError:
            kind = None
    if kind is None:  # not listed under that exact name: ask the file system (it may ignore case)
        st = _lstat(leaf)
        kind = None if st is None else _LINK if stat.S_ISLNK(st.st_mode) else _REGULAR if stat.S_ISREG(st.st_mode) else _OTHER
    if kind == _LINK:
        return "NBS214", {"file": raw, **_LINKED}, "path"
    if kind == _OTHER:
        return "NBS093", {"file": raw, **what_it_is(_lstat(leaf))}, "path"
    if kind != _REGULAR:
        return "NBS213", {"file": raw}, "path"
    if sha256 and isinstance(sha256, str):
        return _checksum_problem(leaf, raw, sha256.lower())
    return None


def evidence_problem(base: str, raw: str, sha256: str | None,
                     seen: dict[Any, Any]) -> tuple[str, dict[str, Any], str] | None:
    """What is wrong with one evidence path, if anything: escaping, missing, unreadable, not a
    regular file, too large to hash, or a bad checksum.

    Paths are taken relative to the submission's folder ``base``, with ``\\`` accepted as a
    separator (townships often write Windows paths). Absolute paths, ``..``, web addresses and
    symbolic links are refused: a reviewer must be able to trust that the evidence travels with the
    submission. ``seen`` holds what this submission has already asked of the file system (each
    folder's ``lstat`` and listing); the caller keeps each path's answer there too, since answers
    often cite the same file twice. An error of the file system (no permission, a name too long, an
    I/O error) is a finding about that file, never a crash.
    """
    try:
        return _problem(base, raw, sha256, seen)
    except OSError as e:
        return "NBS091", {"file": raw, "reason": e.strerror or type(e).__name__}, "path"


MAX_HASH_BYTES = 2 * 1024 ** 3
"""The largest evidence file whose SHA-256 is computed (2 GiB): a checksum of more would take minutes."""

_KINDS = ((stat.S_ISDIR, "文件夹", "a folder"), (stat.S_ISFIFO, "命名管道", "a named pipe"),
          (stat.S_ISSOCK, "套接字", "a socket"), (stat.S_ISCHR, "字符设备", "a character device"),
          (stat.S_ISBLK, "块设备", "a block device"))


def what_it_is(st: os.stat_result | None) -> dict[str, str]:
    """What a path that is not a regular file is, in both languages."""
    for test, zh, en in _KINDS:
        if st is not None and test(st.st_mode):
            return {"what": zh, "what_en": en}
    return {"what": "特殊文件", "what_en": "a special file"}


_SUMS: dict[tuple[str, int, int, int], str] = {}


def _checksum_problem(leaf: str, raw: str, expected: str) -> tuple[str, dict[str, Any], str] | None:
    """Compare a file's SHA-256 with ``expected``. The file is opened without following a link and
    without blocking (a named pipe swapped in after the listing cannot hang the run), then judged by
    ``fstat`` of what was opened, so there is no gap between looking and reading."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(leaf, flags)
    except FileNotFoundError:
        return "NBS213", {"file": raw}, "path"
    except OSError as e:
        if e.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            return "NBS214", {"file": raw, **_LINKED}, "path"
        raise
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return "NBS093", {"file": raw, **what_it_is(st)}, "path"
        if st.st_size > MAX_HASH_BYTES:
            return "NBS092", {"file": raw, "size": st.st_size, "limit": MAX_HASH_BYTES}, "sha256"
        key = (leaf, st.st_size, st.st_mtime_ns, st.st_ino)
        digest = _SUMS.get(key)
        if digest is None:
            h = hashlib.sha256()
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
            digest = h.hexdigest()
            if len(_SUMS) > 4096:
                _SUMS.clear()
            _SUMS[key] = digest
    return ("NBS215", {"file": raw}, "sha256") if digest != expected else None


def _folder(base: str, parts: list[str], seen: dict[Any, Any]) -> dict[str, os.DirEntry[str]] | str:
    """The listing of ``base/parts...``, or ``"link"`` / ``"missing"`` when the way there goes
    through a symbolic link or something that is not a folder. Every step is asked with ``lstat``
    (once per submission), so a link anywhere on the way is refused."""
    folder = base
    st = None
    for part in parts:
        folder = folder + os.sep + part
        st = seen.get((folder,), _UNSEEN)
        if st is _UNSEEN:
            st = seen[(folder,)] = _lstat(folder)
        if st is None:
            return "missing"
        if stat.S_ISLNK(st.st_mode):
            return "link"
        if not stat.S_ISDIR(st.st_mode):
            return "missing"
    if st is None:  # the submission's own folder
        st = _lstat(folder)
        if st is None or not stat.S_ISDIR(st.st_mode):
            return {}
    if time.time_ns() - st.st_mtime_ns < 2_000_000_000:
        return _listing.__wrapped__(folder, st.st_dev, st.st_ino, st.st_mtime_ns)
    return _listing(folder, st.st_dev, st.st_ino, st.st_mtime_ns)


_UNSEEN: Any = object()


_GONE = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)  # what pathlib's is_file treats as "no"


def _lstat(path: str) -> os.stat_result | None:
    """``os.lstat``, or None when there is nothing there (as pathlib's ``is_symlink`` judges)."""
    try:
        return os.lstat(path)
    except ValueError:  # a NUL in the path
        return None
    except OSError as e:
        if e.errno in _GONE or getattr(e, "winerror", None) in (21, 123, 1921):
            return None
        raise


@lru_cache(maxsize=64)
def _listing(folder: str, dev: int, ino: int, mtime_ns: int) -> dict[str, os.DirEntry[str]]:
    """What ``folder`` holds, name by name (each entry knows whether it is a file or a link).

    One directory listing answers for every evidence file in a folder, where one ``lstat`` each
    would cost a system call apiece (a submission cites a hundred or more). Listings are kept for
    the run, keyed by the folder's identity and modification time, which change whenever an entry
    is added, removed or renamed. A folder changed in the last two seconds is listed afresh each
    time (as git treats "racy" files), since a change within the clock's granularity keeps the time.
    """
    try:
        with os.scandir(folder) as it:
            return {e.name: e for e in it}
    except OSError:
        return {}


