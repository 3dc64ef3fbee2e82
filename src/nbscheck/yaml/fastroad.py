"""A fast road to the data of a plain YAML file, for checking thousands of submissions.

rapidyaml (C++) parses the file and writes it out as JSON, which ``json.loads`` reads: about
fifteen times faster than composing libyaml nodes in Python (0.7 ms against 11 ms for a 40 KB
submission). It only answers for the plain YAML that submissions are made of. For anything else
it declines and :mod:`nbscheck.yaml.load` takes the libyaml road, which also owns every error message:

- tags, anchors, aliases, merge keys, directives, several documents, tabs or carriage returns;
- a line with a flow collection (``[a, b]``, ``{k: v}``) holding a ``:`` not followed by a space,
  a ``?`` or a ``#``, or whose brackets do not close on that line: libyaml reads ``{path: C:\\x}``,
  ``[http://x]``, ``{t: 14:30}`` and ``[?a]`` differently from rapidyaml (or not at all);
- scalars rapidyaml rewrites when it writes JSON: ``inf``/``nan`` in any case (it writes ``.inf``,
  even for keys), numbers with a leading or trailing dot (``.5e2`` becomes ``0.5e2``), ``0e5``;
- a last line without a line break in a file with ``|`` or ``>`` (a block scalar there keeps a
  line break in rapidyaml only);
- a file rapidyaml cannot parse, or whose JSON has repeated keys or does not read back;
- more possible values than ``max_nodes`` (counted from the JSON's separators, an upper bound);
- a string that libyaml would have typed (``~``, ``0x1F``, ``1_000``, ``TRUE``, ``.inf``, ``012``, ``=`` ...),
  unless every occurrence of it in the file is quoted, since the JSON cannot say whether it was;
- block nesting deeper than the limit, a file over 4 MiB, or a top level that is not a mapping.

Positions never come from here: :class:`nbscheck.yaml.document.Document` composes the libyaml node tree
the first time a finding asks where something is, so only files with findings pay for it.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any, Callable

try:
    import ryml  # rapidyaml
except (ImportError, OSError):  # no wheel for this platform, or a broken one: the libyaml road only
    ryml = None

# Characters YAML treats as line breaks or a byte-order mark, looked for in the text (a one-character
# search there is a memchr; the same search in UTF-8 bytes is a slower multi-byte one).
_NEVER_CHARS = ("\x85", "\u2028", "\u2029", "\ufeff")
# Looked for in the UTF-8 bytes; every one starts with a byte that is rare in submissions, which is
# searched for first (a single-byte search runs at memory speed).
_NEVER_BYTES = (b"\t", b"\r", b"<<")
_MARKERS = re.compile(rb"\n(?:---|\.\.\.|%)")  # a document start or end, a directive
_SPECIAL = b"!&*@`%"
_BEFORE_INDICATOR = frozenset(b" \n,[{")
# What rapidyaml writes unquoted when it was plain; so such a string in its JSON was quoted in the YAML.
# Not "0e5": rapidyaml quotes that though libyaml reads it as a float.
_JSON_LITERAL = re.compile(r"(?!-?0[eE])-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")
# What makes the two readers differ inside a flow collection: a ":" not followed by a space, a "?",
# a "#". Each is searched from its literal first byte; a hit counts only on a line with a bracket.
# (Every pattern starts with a literal byte: Python's re then skips ahead at memory speed.)
_FLOW_COLON = re.compile(rb":[^ \n]")
_FLOW_OPEN_COLON = re.compile(rb"[\[{] *: ")
# The same, for a whole file (patterns that start with a literal byte: a search at memory speed).
_FLOW_WHOLE = (re.compile(rb"\{ *: "), re.compile(rb"\[ *: "))
_FLOW_COMMA = re.compile(rb", *: ")
# Scalars rapidyaml reads or writes unlike libyaml: a number with a leading dot after a scalar start
# ("-.5" is text for libyaml, -0.5 for rapidyaml), the key "=" (libyaml: !!value) and an empty key
# (": x", refused by libyaml). inf/nan in any spelling are caught in the JSON, where rapidyaml writes
# them as ".inf"/".nan". Each is found from literal bytes first (a search at memory speed).
# One pattern, which starts at the literal "." (a search at memory speed) and looks behind it.
_DOT_START = re.compile(rb"\.(?:(?<=[ \n\[{,'\"]\.)|(?<=[ \n\[{,][-+]\.))[0-9]")


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


def _flow_doubt(raw: bytes) -> bool:
    """Whether some flow collection may read differently in libyaml (see the module's list).

    A flow collection must close on the line it opens on, or the file declines, so everything libyaml
    could read differently sits on a line with a bracket, after its first bracket. A file with a few
    such lines (a block-style submission) has each of them looked at; one with many (inline
    ``{zh: ..., en: ...}`` names) is searched as a whole, which then costs less."""
    if _unpaired_brackets(raw) or _FLOW_COMMA.search(raw):
        return True
    if raw.count(b"[") + raw.count(b"{") > _FEW_BRACKETS:
        return _flow_doubt_whole(raw)
    seen: set[int] = set()
    for bracket in (b"[", b"{"):
        at = raw.find(bracket)
        while at >= 0:
            start = raw.rfind(b"\n", 0, at) + 1
            if start not in seen:
                seen.add(start)
                end = raw.find(b"\n", at)
                if _line_doubt(raw[at:len(raw) if end < 0 else end], raw[start:at]):
                    return True
            at = raw.find(bracket, at + 1)
    return False


_FEW_BRACKETS = 24
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}\n")


def _unpaired_brackets(raw: bytes) -> bool:
    """Whether some bracket does not close, in order, on the line it opens on: the file's brackets
    and line breaks alone (one C pass), with innermost pairs taken away until none is left. Deeper
    nesting than any submission has (load.py refuses deep flow runs before parsing) counts too."""
    marks = raw.translate(None, _NOT_BRACKETS)
    for _ in range(72):
        fewer = marks.replace(b"{}", b"").replace(b"[]", b"")
        if fewer == marks:
            return any(c in marks for c in (b"[", b"]", b"{", b"}"))
        marks = fewer
    return True


def _flow_doubt_whole(raw: bytes) -> bool:
    """:func:`_flow_doubt` for a file with many brackets: each search runs over the whole file."""
    hits = [m.start() for m in _FLOW_COLON.finditer(raw)]
    for c in (b"#", b"?"):
        at = raw.find(c)
        while at >= 0:
            hits.append(at)
            at = raw.find(c, at + 1)
    for at in hits:
        start = raw.rfind(b"\n", 0, at) + 1
        if raw.find(b"[", start, at) >= 0 or raw.find(b"{", start, at) >= 0:
            return True
    return any(rx.search(raw) for rx in _FLOW_WHOLE)


def _line_doubt(rest: bytes, before: bytes) -> bool:
    """``rest``: a line from its first bracket on; ``before``: the line up to there."""
    first = min(i for i in (before.find(b"["), before.find(b"{"), len(before)) if i >= 0)
    tail = before[first:] + rest if first < len(before) else rest
    return b"#" in tail or b"?" in tail or _FLOW_COLON.search(tail) is not None \
        or _FLOW_OPEN_COLON.search(tail) is not None


_BEFORE_EQUALS = frozenset(b"\n:-?[{,")
_AFTER_EQUALS = frozenset(b"\r\n:,]}#")


def _lone_equals(raw: bytes) -> bool:
    """Whether a plain ``=`` stands alone as a key or a value (libyaml types it as ``!!value``).
    An ``=`` inside text, or a comment's ``=====`` rule, is not one. A loop over the few ``=`` a file
    has: a regular expression trying every position costs more than the whole parse."""
    n = len(raw)
    at = raw.find(b"=")
    while at >= 0:
        end = at + 1
        while end < n and raw[end] == 61:  # a run of '='
            end += 1
        if end - at == 1:
            i = at - 1
            while i >= 0 and raw[i] in (32, 9):
                i -= 1
            j = end
            while j < n and raw[j] in (32, 9):
                j += 1
            before_ok = i < 0 or raw[i] in _BEFORE_EQUALS
            after_ok = j >= n or raw[j] in _AFTER_EQUALS
            if before_ok and after_ok and (i < 0 or raw[i] in b"\n[{," or i < at - 1):
                return True
        at = raw.find(b"=", end)
    return False


def _declines(text: str, raw: bytes) -> bool:
    """Whether the file uses YAML this road leaves to libyaml (every test is a search at C speed)."""
    if raw.startswith((b"---", b"...", b"%")):
        return True
    if any(c in text for c in _NEVER_CHARS) or any(c in raw for c in _NEVER_BYTES) or _MARKERS.search(raw):
        return True
    if not raw.endswith(b"\n") and (b"|" in raw or b">" in raw):  # perhaps a block scalar at the end
        return True
    if (b"[" in raw or b"{" in raw) and _flow_doubt(raw):
        return True
    if (raw.startswith(b".") and raw[1:2].isdigit()) or _DOT_START.search(raw):
        return True
    if b"=" in raw and _lone_equals(raw):
        return True
    # a tag, anchor, alias or reserved character where a token starts (not inside ordinary text,
    # such as the @ of an e-mail address)
    for c in _SPECIAL:
        at = raw.find(c)
        while at >= 0:
            if at == 0 or raw[at - 1] in _BEFORE_INDICATOR:
                return True
            at = raw.find(c, at + 1)
    return False


# A JSON string value (not a key) that libyaml might have typed had it been plain: it starts with a
# character that opens a typed scalar and holds only printable ASCII without escapes. Every typed
# pattern but the timestamp (which the checks accept as text) is made of such characters; load.py
# checks that for the installed ruamel.yaml and passes ``ascii_only=False`` when it is not so.
FIRST_CHARS = "~+-.0-9=TFNtfn"
"""Every character that can start a scalar libyaml types (a test holds it to ruamel's table)."""
_CANDIDATE = re.compile(r'"([~+\-.0-9=TFNtfn][!#-\[\]-~]*)"(?!\s*:)')
_CANDIDATE_ANY = re.compile(r'"([~+\-.0-9=TFNtfn][^"\\\n]*)"(?!\s*:)')
_tags: dict[str, str] = {}  # plain_tag's answers: the same few values (kinds, statuses, dates) recur in every file
_LARGE = 4 * 1024 * 1024  # bigger files take the libyaml road, which counts every value


def _no_constants(name: str) -> Any:
    raise _Decline  # NaN / Infinity: JSON extensions libyaml would read as text


def _quoted_everywhere(text: str, value: str) -> bool:
    """Whether ``value`` occurs in ``text``, each time as a whole quoted scalar (then it is text)."""
    n = text.count(value)
    return n > 0 and n == text.count(f'"{value}"') + text.count(f"'{value}'")


def fast_data(text: str, plain_tag: Callable[[str], str], max_depth: int,
              ascii_only: bool = True, raw: bytes | None = None,
              max_nodes: int | None = None) -> dict[str, Any] | None:
    """The data of ``text`` when it is plain YAML both parsers read alike; None to decline.

    ``plain_tag(s)`` names the tag libyaml gives a plain scalar ``s`` (``str``, ``int`` ...).
    Nesting is bounded by the indentation rapidyaml writes (block style) and by json's own
    recursion guard (flow style, whose deepest runs load.py refuses before parsing).
    """
    if raw is None:
        raw = text.encode("utf-8")
    if ryml is None or not raw or len(raw) > _LARGE or _declines(text, raw):
        return None
    try:
        emitted = _emit_json(raw)
        if '.inf"' in emitted or '.nan"' in emitted:
            return None  # rapidyaml writes inf, Infinity, nan ... so, keys and quoted text too
        if '"":' in emitted:
            return None  # an empty key, which libyaml refuses unless quoted (rapidyaml reads ": x" as one)
        if 2 * max_depth + 2 <= len(emitted) and "\n" + " " * (2 * max_depth + 2) in emitted:
            return None
        if max_nodes is not None and emitted.count(":") + emitted.count(",") + emitted.count("[") \
                + emitted.count("{") + 1 > max_nodes:
            return None  # perhaps over the limit: the libyaml road counts exactly
        for m in (_CANDIDATE if ascii_only else _CANDIDATE_ANY).finditer(emitted):
            value = m.group(1)
            tag = _tags.get(value)
            if tag is None:
                if len(_tags) > 4096:
                    _tags.clear()
                tag = _tags[value] = plain_tag(value)
            if tag not in ("str", "timestamp") and not _JSON_LITERAL.fullmatch(value) \
                    and not _quoted_everywhere(text, value):
                return None  # libyaml would have typed it if it was plain, and JSON cannot tell
        data = json.loads(emitted, object_pairs_hook=_object, parse_constant=_no_constants)
    except (_Decline, ValueError, RecursionError, Exception):  # noqa: BLE001 - any doubt: decline
        return None
    return data if isinstance(data, dict) else None
