"""A loaded YAML file and the way back from any value to its file:line:column.

Positions cost nothing until a finding needs one: a file that came the fast road has no node tree,
and :meth:`Document.where` composes only the lines that hold the value it is asked about (or, when
that cannot be proved right, the whole file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..findings import Finding, Position
from .builder import Builder, pos
from .compose import compose
from .limits import DEFAULT_LIMITS
from .lookalike import original_column


@dataclass
class Document:
    """A loaded YAML file: its data, its text, and the node tree that knows every position."""

    file: str
    data: Any
    text: str
    root: Node | None = field(repr=False, default=None)
    warnings: list[Finding] = field(default_factory=list)
    original: str | None = field(repr=False, default=None)
    """The text as written, when :mod:`nbscheck.yaml.lookalike` corrected it into ``text``."""
    columns: dict[int, list[int]] = field(repr=False, default_factory=dict)
    """For each corrected line, the column as written of each of its characters (see ``original``)."""
    _regions: dict[tuple[int, int], Node | None] = field(repr=False, compare=False, default_factory=dict)
    _spans: dict[tuple[int, int, int, str], tuple[int, int] | None] = field(repr=False, compare=False, default_factory=dict)
    _indents: dict[int, int | None] = field(repr=False, compare=False, default_factory=dict)
    _keys: dict[int, dict[str, tuple[Node, Node]]] = field(repr=False, compare=False, default_factory=dict)
    _key_lines: dict[tuple[int, int, int], dict[str, list[int]]] = field(repr=False, compare=False, default_factory=dict)

    def tree(self) -> Node | None:
        """The libyaml node tree, composed on first use when the data came the fast road."""
        if self.root is None and self.text:
            try:
                self.root = compose(self.text)
            except (YAMLError, RecursionError):  # pragma: no cover - the fast road declines such text
                return None  # a position must never cost a traceback: the findings fall back to line 1
        return self.root

    def node_at(self, path: Sequence[str | int], key: bool = False) -> Node | None:
        """The deepest node on ``path``; with ``key``, the key node of the last mapping step."""
        node = self.tree()
        return None if node is None else _walk(node, path, key, self._keys)

    def where(self, path: Sequence[str | int] = (), key: bool = False) -> Position:
        """Position (1-based line and column, as written) of the value at ``path``, or of the nearest parent."""
        found = self._where(path, key)
        if self.columns and found.line in self.columns:
            return Position(found.file, found.line, original_column(self.columns, found.line, found.column))
        return found

    def _where(self, path: Sequence[str | int], key: bool) -> Position:
        if self.root is None and path and self.text:
            found = self._where_in_region(path, key)
            if found is not None:
                return found
        node = self.node_at(path, key=key)
        if node is None:
            return Position(self.file, 1, 1)
        return pos(self.file, node)

    def _where_in_region(self, path: Sequence[str | int], key: bool) -> Position | None:
        """The position of ``path`` from composing only the lines that hold it, or None.

        A file with findings came the fast road, so it has no node tree yet; composing all of it
        costs about 4 ms, most of checking such a file. The value of one top-level key, or of one
        entry of a large top-level mapping (an answer), is a run of lines found by its indentation;
        composed alone, it gives the same positions (lines shifted by where the run starts). The run
        is used only if its key occurs once at that indentation and its data equals the file's data
        there; otherwise the whole file is composed, as before.
        """
        top = path[0]
        data = self.data
        if not isinstance(top, str) or not isinstance(data, dict) or top not in data:
            return None
        span = self._span(0, len(self.text), 0, top)
        if span is None:
            return None
        value = data[top]
        nxt = path[1] if len(path) > 1 else None
        if nxt is None and key and isinstance(value, dict) and value:
            nxt = next(iter(value))  # the key alone: check the run by its first entry
        if isinstance(nxt, str) and isinstance(value, dict) and nxt in value and span[1] - span[0] > 2000:
            if span[0] not in self._indents:
                self._indents[span[0]] = _child_indent(self.text, span[0], span[1])
            indent = self._indents[span[0]]
            inner = self._span(span[0], span[1], indent, nxt) if indent else None
            if inner is None:
                return None
            node = self._region(inner, {nxt: value[nxt]})
            if node is None:
                return None
            if len(path) == 1:  # the top-level key itself: its line is the run's first line
                return Position(self.file, self.text.count("\n", 0, span[0]) + 1, 1)
            return self._found_in(node, inner, path[1:], key)
        node = self._region(span, {top: value})
        return None if node is None else self._found_in(node, span, path, key)

    def _span(self, start: int, end: int, indent: int, key: str) -> tuple[int, int] | None:
        """The lines holding ``key:`` at ``indent`` spaces and its value, within ``text[start:end]``;
        None unless the key starts exactly one line there. Remembered, since a file with findings asks
        the same keys again and again; the keys at one indentation are found in one pass over ``text[start:end]`` and kept, so
        asking for each of thousands of answers costs linear time, not a search of the block apiece."""
        memo = (start, end, indent, key)
        if memo not in self._spans:
            where = (start, end, indent)
            if where not in self._key_lines:
                self._key_lines[where] = _key_starts(self.text, start, end, indent)
            starts = self._key_lines[where].get(key, ())
            self._spans[memo] = _value_span(self.text, starts[0], end, indent) if len(starts) == 1 else None
        return self._spans[memo]

    def _region(self, span: tuple[int, int], expected: dict[str, Any]) -> Node | None:
        """The node tree of ``text[span]``, if its data is ``expected``; None otherwise."""
        if span not in self._regions:
            self._regions[span] = None
            try:
                root = compose(self.text[span[0]:span[1]])
            except (YAMLError, RecursionError):
                return None
            built = Builder(self.file, DEFAULT_LIMITS).build(root, 0) if root is not None else None
            if built == expected and isinstance(root, MappingNode) and len(root.value) == 1:
                self._regions[span] = root
        return self._regions[span]

    def _found_in(self, root: Node, span: tuple[int, int], path: Sequence[str | int], key: bool) -> Position:
        node = _walk(root, path, key, self._keys)
        first_line = self.text.count("\n", 0, span[0])
        return Position(self.file, node.start_mark.line + first_line + 1, node.start_mark.column + 1)

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` (for showing the source under a finding)."""
        lines = (self.original if self.original is not None else self.text).splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else ""


def _walk(node: Node, path: Sequence[str | int], key: bool,
          index: dict[int, dict[str, tuple[Node, Node]]] | None = None) -> Node:
    """The deepest node on ``path`` from ``node``; with ``key``, the key node of the last mapping step.

    ``index`` remembers each mapping's keys the first time it is searched, so asking for every key of
    a mapping with thousands of entries costs linear time, not quadratic."""
    last_key: Node | None = None
    for part in path:
        if isinstance(node, MappingNode):
            if index is None or len(node.value) < 16:
                found = None
                for k, v in node.value:
                    if isinstance(k, ScalarNode) and k.value == str(part):
                        found = (k, v)  # the last one wins, as in the data
            else:
                keys = index.get(id(node))
                if keys is None:  # the last one wins, as in the data
                    keys = index[id(node)] = {k.value: (k, v) for k, v in node.value if isinstance(k, ScalarNode)}
                found = keys.get(str(part))
            if found is None:
                return node
            last_key, node = found
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            last_key, node = None, node.value[part]
        else:
            return node
    if key and last_key is not None:
        return last_key
    return node


_KEY_LINE = {}  # indentation -> compiled pattern of a key line at that indentation


def _key_starts(text: str, start: int, end: int, indent: int) -> dict[str, list[int]]:
    """Where each key at exactly ``indent`` spaces starts in ``text[start:end]`` (plain, or quoted
    without escapes). A key missing here is simply not found, and the caller composes the whole file."""
    rx = _KEY_LINE.get(indent)
    if rx is None:
        rx = _KEY_LINE[indent] = re.compile(
            r"^ {%d}(?:\"([^\"\\\n]*)\"|'([^'\n]*)'|([^\s\"'#:\-?!&*\[\]{}|>%%@`,][^:\n]*?)) *:(?: |$)" % indent, re.M)
    out: dict[str, list[int]] = {}
    for m in rx.finditer(text, start, end):
        k = m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)
        out.setdefault(k, []).append(m.start())
    return out


def _value_span(text: str, a: int, end: int, indent: int) -> tuple[int, int]:
    """From a key's line at offset ``a``: the offsets of the lines holding it and its value."""
    # the value runs until a line with content that is less indented, or as indented and not an
    # entry of a block sequence (which may sit at its key's own indentation)
    stop = r"^(?: {0,%d}[^ \n#]| {%d}(?!-(?: |$))[^ \n#])" % (indent - 1, indent) if indent else r"^(?!-(?: |$))[^ \n#]"
    nl = text.find("\n", a, end)
    if nl < 0:
        return a, end
    m = re.compile(stop, re.M).search(text, nl + 1, end)
    return a, (m.start() if m else end)


def _child_indent(text: str, start: int, end: int) -> int | None:
    """The indentation of the first line with content after the first line of ``text[start:end]``."""
    nl = text.find("\n", start, end)
    m = re.compile(r"^( *)[^ \n#]", re.M).search(text, nl + 1, end) if nl >= 0 else None
    return len(m.group(1)) if m else None
