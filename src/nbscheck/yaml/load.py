"""Read YAML files into plain Python data while keeping a way back to file:line:column.

Why this layer exists: every finding must point at the exact place in the user's file, and the
checker must read thousands of files quickly. The reference reading is libyaml's node tree
(:mod:`nbscheck.yaml.compose`) turned into data by :mod:`nbscheck.yaml.builder`; the rapidyaml fast
road (:mod:`nbscheck.yaml.fastroad`) is a cache of it that yields the same data or declines. This
module decides which road a file takes and turns every failure into positioned findings.

Round-trip parsing (which keeps comments) is a different job with a different cost; it lives in
:mod:`nbscheck.change.migrate`, the only place that rewrites YAML.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import BinaryIO

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..findings import Finding, Position, make
from .builder import Builder, pos
from .compose import TYPED_ASCII, TYPING, YAML_TAG, compose, plain_tag
from .decode import decode
from .document import Document
from .errors import LoadError
from .fastroad import available as fast_available
from .fastroad import fast_data
from .limits import DEFAULT_LIMITS, Limits, too_big, too_deep
from .lookalike import remap, scan
from .syntax import syntax_findings

CODES: tuple[str, ...] = ("NBS001", "NBS004", "NBS008", "NBS009", "NBS016")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

# The fast road needs libyaml's typing table to know which strings it cannot judge.
_fast_ok = fast_available() and TYPING


def display_name(path: Path) -> str:
    """How a file is named in findings: relative to the working directory when it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def load_file(path: str | Path, limits: Limits = DEFAULT_LIMITS, *, name: str | None = None,
              expect_mapping: bool = True, gbk: bool = False) -> Document:
    """Load one YAML file. Raises :class:`LoadError` with positioned findings when it cannot
    (``gbk``: a whole-GBK file is read, its NBS002 among the warnings; see :func:`.decode.decode`)."""
    p = Path(path)
    shown = name or str(path)
    try:
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise LoadError([too_big(Position(shown, 1, 1), size, limits)])
        with open(p, "rb") as fh:
            raw = _read_bounded(fh, size, limits.max_bytes)
    except LoadError:
        raise
    except OSError as e:
        raise LoadError([make("NBS001", Position(shown), reason=e.strerror or str(e))]) from None
    if len(raw) > limits.max_bytes:  # grew while we looked, or a special file
        raise LoadError([too_big(Position(shown, 1, 1), len(raw), limits)])
    return load_bytes(raw, shown, limits, expect_mapping=expect_mapping, gbk=gbk)


def _read_bounded(fh: BinaryIO, size: int, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of ``fh``, in reads no bigger than the file (or 1 MiB when its
    size is unknown): a ``--max-bytes`` of 10**30 must neither overflow nor allocate that much."""
    chunks: list[bytes] = []
    total = 0
    step = max(size + 1, 1 << 20)
    while total <= limit:
        chunk = fh.read(min(step, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def load_bytes(raw: bytes, name: str, limits: Limits = DEFAULT_LIMITS, *,
               expect_mapping: bool = True, gbk: bool = False) -> Document:
    """Decode, correct look-alike characters where their meaning is certain, and load.

    The look-alike findings (:mod:`nbscheck.yaml.lookalike`) come with the document's other
    findings, or with the syntax errors that remain; every position is the one in the file as written.
    """
    text, warnings = decode(raw, name, gbk=gbk)
    if "\r" in text and text.count("\r") != text.count("\r\n"):  # lone CRs: one for one, positions stay
        text = _LONE_CR.sub("\n", text)
        raw = None if raw is None else text.encode("utf-8")
    found = scan(text, name)
    if found is None:
        doc = load_text(text, name, limits, expect_mapping=expect_mapping, raw=None if warnings else raw)
        doc.warnings[:0] = warnings
        return doc
    try:
        doc = load_text(found.text, name, limits, expect_mapping=expect_mapping)
    except LoadError as e:
        raise LoadError(warnings + found.findings + [remap(found.columns, f) for f in e.findings]) from None
    doc.original, doc.columns = text, found.columns
    doc.warnings[:0] = warnings + found.findings
    return doc


_LONE_CR = re.compile("\r(?!\n)")
"""A line break that is a carriage return alone: libyaml counts it as a line, and so must the
look-alike pre-scan and the syntax helpers, which read lines at ``\n``."""


def _deep_flow(text: str, depth: int) -> re.Match[str] | None:
    return re.search(r"[\[{](?:[ \t\r\n]*[\[{]){%d}" % depth, text)


def load_text(text: str, name: str, limits: Limits = DEFAULT_LIMITS, *,
              expect_mapping: bool = True, raw: bytes | None = None) -> Document:
    """Compose ``text`` with libyaml and build plain data from the nodes (``raw``, when given, is
    ``text`` in UTF-8, which spares the fast road encoding it again)."""
    bad = _NOT_YAML_CHAR.search(text)
    if bad:  # libyaml refuses these anywhere, even in a comment; say which and where, on every road
        raise LoadError([_control_finding(text, bad.start(), name)])
    if text.count("[") + text.count("{") > limits.max_depth:  # only then can brackets nest too deep
        m = _deep_flow(text, limits.max_depth)
        if m:  # refuse before the parser spends time (and stack) on it
            raise LoadError([too_deep(_char_pos(text, m.start(), name), limits)])
    if expect_mapping and _fast_ok:
        data = fast_data(text, plain_tag, limits.max_depth, TYPED_ASCII, raw=raw, max_nodes=limits.max_nodes)
        if data is not None:  # plain YAML read by rapidyaml; positions are composed only if asked for
            return Document(file=name, data=data, text=text, root=None, warnings=[])
    try:
        root = compose(text)
    except MarkedYAMLError as e:
        raise LoadError(syntax_findings(e, text, name)) from None
    except YAMLError:
        raise LoadError([make("NBS004", Position(name, 1, 1), line=1, problem="的写法无法读取",
                              problem_en="cannot be read as YAML", fix="检查文件的缩进、冒号和引号。",
                              fix_en="Check the file's indentation, colons and quotes.")]) from None
    except RecursionError:
        raise LoadError([too_deep(Position(name, 1, 1), limits)]) from None
    if root is None or (isinstance(root, ScalarNode) and root.tag == YAML_TAG + "null" and not root.value):
        raise LoadError([make("NBS008", Position(name, 1, 1))])
    if expect_mapping and not isinstance(root, MappingNode):
        found = ("列表", "a list") if isinstance(root, SequenceNode) else ("单个值", "a single value")
        raise LoadError([make("NBS009", pos(name, root), found=found[0], found_en=found[1])])
    builder = Builder(name, limits, aliases="&" in text)  # no anchor, no alias: every node is new
    data = builder.build(root, 0)
    if builder.errors:
        raise LoadError(builder.errors)
    return Document(file=name, data=data, text=text, root=root, warnings=[])


def _char_pos(text: str, offset: int, name: str) -> Position:
    line = text.count("\n", 0, offset) + 1
    return Position(name, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


# What YAML (and libyaml) refuses to read anywhere in a file: C0 controls but tab, line feed and
# carriage return; DEL; C1 controls but NEL; the noncharacters U+FFFE and U+FFFF; lone surrogates.
_NOT_YAML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _control_finding(text: str, offset: int, name: str) -> Finding:
    code = ord(text[offset])
    escape = f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"
    return make("NBS016", _char_pos(text, offset, name), char=f"U+{code:04X}", escape=escape)
