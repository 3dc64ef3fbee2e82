"""Bytes to text, UTF-8 only, with a positioned finding for every way that goes wrong.

A file that is whole GBK/GB18030 (what Notepad or WPS saves as "ANSI" on a Chinese Windows) is an
error too, but it is read as such so that the clerk sees every other mistake in the same run."""

from __future__ import annotations

from ..findings import Finding, Position, make
from .errors import LoadError

CODES: tuple[str, ...] = ("NBS002", "NBS003", "NBS013")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


def decode(raw: bytes, name: str, *, gbk: bool = False) -> tuple[str, list[Finding]]:
    """Bytes to text, strictly UTF-8, with a positioned finding for every way that goes wrong;
    with ``gbk`` (the checker), a whole-GBK file is read with its NBS002 among the warnings."""
    warnings: list[Finding] = []
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError([make("NBS002", Position(name, 1, 1), byte=1, guess="，看起来是 UTF-16 编码",
                              guess_en=", it looks like UTF-16")])
    if raw.startswith(b"\xef\xbb\xbf"):
        warnings.append(make("NBS003", Position(name, 1, 1)))
        raw = raw[3:]
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise LoadError([make("NBS013", _byte_pos(raw, nul, name))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        try:  # Notepad's "ANSI" on a Chinese Windows: still an error, but every other finding is told too
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise LoadError([make("NBS002", _byte_pos(raw, e.start, name), byte=e.start + 1,
                                  guess="", guess_en="")]) from None
        if not gbk:
            raise LoadError([make("NBS002", _byte_pos(raw, e.start, name), byte=e.start + 1,
                                  guess="，看起来是 GBK/GB18030 编码", guess_en=", it looks like GBK/GB18030")]) from None
        warnings.append(make("NBS002", _byte_pos(raw, e.start, name), byte=e.start + 1,
                             guess="，看起来是 GBK/GB18030 编码（已按 GBK 读取并检查其余内容）",
                             guess_en=", it looks like GBK/GB18030 (read as such to check the rest)"))
    return text, warnings


def _byte_pos(raw: bytes, offset: int, name: str) -> Position:
    start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[start:offset].decode("utf-8", "replace")) + 1
    return Position(name, line, column)
