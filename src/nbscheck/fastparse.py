"""A fast road to the data of a plain YAML file, for checking thousands of submissions.

rapidyaml (C++) parses the file and writes it out as JSON, which ``json.loads`` reads: about
fifteen times faster than composing libyaml nodes in Python (0.7 ms against 11 ms for a 40 KB
submission). It only answers for the plain YAML that submissions are made of. For anything else
it declines and :mod:`nbscheck.load` takes the libyaml road, which also owns every error message:

- tags, anchors, aliases, merge keys, directives, several documents, tabs or carriage returns;
- a file rapidyaml cannot parse, or whose JSON has repeated keys or does not read back;
- a string that libyaml would have typed (``~``, ``0x1F``, ``1_000``, ``TRUE``, ``.inf``, ``012`` ...),
  since the JSON cannot say whether it was quoted;
- block nesting deeper than the limit, a file over 4 MiB, or a top level that is not a mapping.

Positions never come from here: :class:`nbscheck.load.Document` composes the libyaml node tree
the first time a finding asks where something is, so only files with findings pay for it.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any, Callable

try:
    import ryml  # rapidyaml
except ImportError:  # pragma: no cover - platforms without a wheel: the libyaml road only
    ryml = None

# Looked for in the UTF-8 bytes, where searching is several times cheaper than in Chinese text.
_NEVER = tuple(x.encode("utf-8") for x in ("\t", "\r", "\x85", "\u2028", "\u2029", "\ufeff", "<<", "\n---", "\n...", "\n%"))
_SPECIAL = re.compile(rb"[!&*@`]")
_BEFORE_INDICATOR = frozenset(b" \n,[{")
_JSON_LITERAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")


class _Decline(Exception):
    pass


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        raise _Decline  # a repeated key: the libyaml road reports it with both positions
    return d


def available() -> bool:
    return ryml is not None


_buffer = bytearray(1 << 20)


def _emit_json(raw: bytes) -> str:
    """Parse with rapidyaml and write JSON into a buffer this module owns and reuses.

    (``emit_json_malloc`` is not used: its buffer is never freed, about 70 KB lost per file.)
    rapidyaml prints parse errors on stderr, so stderr is quietened while it parses.
    """
    global _buffer
    saved = os.dup(2)
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 2)
        finally:
            os.close(null)
        try:
            tree = ryml.parse_in_arena(raw)
        finally:
            os.dup2(saved, 2)
    finally:
        os.close(saved)
    root = tree.root_id()
    try:
        view = ryml.emit_json_in_place(tree, _buffer, root)
    except IndexError:  # a file bigger than any before: grow the buffer once
        _buffer = bytearray(max(2 * len(_buffer), ryml.compute_json_length(tree, root) + 1024))
        view = ryml.emit_json_in_place(tree, _buffer, root)
    return bytes(view).decode("utf-8")


def _declines(raw: bytes) -> bool:
    """Whether the file uses YAML this road leaves to libyaml (substring tests run at C speed)."""
    if raw.startswith((b"---", b"...", b"%")) or any(x in raw for x in _NEVER):
        return True
    # a tag, anchor, alias or reserved character where a token starts (not inside ordinary text)
    return any(m.start() == 0 or raw[m.start() - 1] in _BEFORE_INDICATOR for m in _SPECIAL.finditer(raw))


# A JSON string value (not a key) whose first character could start a typed scalar; strings with
# escapes are never typed, so they need no look.
_CANDIDATE = re.compile(r'"([~+\-.0-9TFNtfn][^"\\\n]*)"(?!\s*:)')
_LARGE = 4 * 1024 * 1024  # bigger files take the libyaml road, which counts every value


def _no_constants(name: str) -> Any:
    raise _Decline  # NaN / Infinity: JSON extensions libyaml would read as text


def fast_data(text: str, plain_tag: Callable[[str], str], max_depth: int,
              typed_starts: frozenset[str] = frozenset()) -> dict[str, Any] | None:
    """The data of ``text`` when it is plain YAML both parsers read alike; None to decline.

    ``plain_tag(s)`` names the tag libyaml gives a plain scalar ``s`` (``str``, ``int`` ...).
    Nesting is bounded by the indentation rapidyaml writes (block style) and by json's own
    recursion guard (flow style, whose deepest runs load.py refuses before parsing).
    """
    raw = text.encode("utf-8")
    if ryml is None or not raw or len(raw) > _LARGE or _declines(raw):
        return None
    try:
        emitted = _emit_json(raw)
        if "\n" + " " * (2 * max_depth + 2) in emitted:
            return None
        for m in _CANDIDATE.finditer(emitted):
            value = m.group(1)
            if plain_tag(value) not in ("str", "timestamp") and not _JSON_LITERAL.fullmatch(value):
                return None  # libyaml would have typed it if it was plain, and JSON cannot tell
        data = json.loads(emitted, object_pairs_hook=_object, parse_constant=_no_constants)
    except (_Decline, ValueError, RecursionError, Exception):  # noqa: BLE001 - any doubt: decline
        return None
    return data if isinstance(data, dict) else None
