"""Write files atomically: a reader never sees half a file, and a crash leaves the old one intact.

A target that is a symbolic link is written through (the file it points at is replaced), never
replaced by a plain file: the link the user made stays a link.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def _target(path: str | Path) -> Path:
    """Where the bytes go: the file a symbolic link points at, or the path itself. Anything there
    that is not a regular file (a folder, a device such as /dev/full, a pipe) is refused, since
    replacing it with a file would destroy it."""
    p = Path(path)
    if p.is_symlink():
        p = Path(os.path.realpath(p))
    if p.exists() and not p.is_file():
        raise OSError(errno.EISDIR if p.is_dir() else errno.EINVAL,
                      "是文件夹 / is a folder" if p.is_dir() else "不是普通文件 / not a regular file", str(p))
    return p


def write_text(path: str | Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in full or not at all (a workbook, or text already encoded)."""
    p = _target(path)
    directory = p.parent if str(p.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if p.exists():
            os.chmod(tmp, p.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class AtomicWriter:
    """A text file written in full or not at all: a temporary file beside the target, then rename.

    For reports too large to build in memory: write as results arrive, ``commit()`` at the end.
    """

    def __init__(self, path: str | Path):
        self.path = _target(path)
        directory = self.path.parent if str(self.path.parent) else Path(".")
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=directory)
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> int:
        return self.fh.write(text)

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        mode = self.path.stat().st_mode & 0o777 if self.path.exists() else 0o644
        os.chmod(self.tmp, mode)
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        if not self.fh.closed:
            self.fh.close()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass
