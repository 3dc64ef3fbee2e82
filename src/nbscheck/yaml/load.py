"""Read YAML files into plain Python data while keeping a way back to file:line:column.

Why this layer exists: every finding must point at the exact place in the user's file, and the
checker must read thousands of files quickly. So the file is composed once into a node tree by
libyaml (C, through ruamel.yaml's ``CSafeLoader``); this module turns the nodes into plain dicts,
lists and scalars itself (enforcing limits, refusing unsafe tags and duplicate keys on the way) and
keeps the node tree, so :meth:`Document.where` can answer "where is this value?" for any JSON path
lazily: positions cost nothing until a finding needs one.

Round-trip parsing (which keeps comments) is a different job with a different cost; it lives in
:mod:`nbscheck.migrate`, the only place that rewrites YAML.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # libyaml through ruamel.yaml.clib: about ten times faster than the pure-Python parser.
    from ruamel.yaml.cyaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only on platforms without a clib wheel
    from ruamel.yaml.loader import SafeLoader as _Loader  # type: ignore[assignment]

from .fastroad import available as fast_available
from .fastroad import fast_data
from ..findings import Finding, Position, make

CODES: tuple[str, ...] = (
    "NBS001", "NBS002", "NBS003", "NBS004", "NBS005", "NBS006", "NBS007", "NBS008", "NBS009", "NBS010", "NBS011", "NBS012", "NBS013", "NBS014", "NBS015",
)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

YAML_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {YAML_TAG + t for t in ("str", "null", "bool", "int", "float", "timestamp", "map", "seq")}
_STR, _NULL, _BOOL, _INT, _FLOAT, _TIMESTAMP, _MERGE = (
    YAML_TAG + t for t in ("str", "null", "bool", "int", "float", "timestamp", "merge"))


def _shared_tags() -> dict[str, Any]:
    """One ruamel ``Tag`` object per implicit tag, so nodes share them and their names are found by identity."""
    try:
        from ruamel.yaml.tag import Tag
    except ImportError:  # pragma: no cover - ruamel.yaml before Tag objects
        return {}
    tags = {t: Tag(suffix=t) for t in _ALLOWED_TAGS | {_MERGE}}
    for t in ("DEFAULT_SCALAR_TAG", "DEFAULT_SEQUENCE_TAG", "DEFAULT_MAPPING_TAG"):
        obj = getattr(_Loader, t, None)
        if obj is not None and not isinstance(obj, str):
            tags[str(obj)] = obj
    return tags


_TAG_OBJECTS = _shared_tags()
_TAG_NAMES = {id(obj): name for name, obj in _TAG_OBJECTS.items()}  # these objects live as long as the module


def _plain_pattern(regexp: Any) -> Any:
    """The compiled pattern inside ruamel's lazily compiled one (whose every use costs a Python call)."""
    inner = getattr(getattr(regexp, "match", None), "__self__", None)
    return inner if isinstance(inner, re.Pattern) else regexp


_IMPLICIT_SOURCE = getattr(_Loader, "yaml_implicit_resolvers", None)
_IMPLICIT: dict[Any, list[tuple[str, Any]]] = {
    first: [(tag, _plain_pattern(rx)) for tag, rx in rules] for first, rules in (_IMPLICIT_SOURCE or {}).items()}


def _tag_of(node: Node) -> str:
    """``node.tag`` without building a string each time (ruamel makes one per access)."""
    name = _TAG_NAMES.get(id(getattr(node, "ctag", None)))
    return name if name is not None else node.tag


class _FastLoader(_Loader):  # type: ignore[misc, valid-type]
    """The same loader, with ruamel's tag resolution made cheap.

    ruamel resolves every node in Python, through lazily compiled patterns, and makes a new ``Tag``
    for each scalar that is not text. Here text that cannot be anything else (its first character
    starts no implicit pattern) returns at once, matches return one shared ``Tag`` per tag, and the
    path-resolver hooks (never used by the safe loader) do nothing. Same tags, half the cost.
    """

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[0] if value else "", ()):
                    if regexp.match(value):
                        return _TAG_OBJECTS.get(tag) or super().resolve(kind, value, implicit)
            return self.DEFAULT_SCALAR_TAG
        if kind is MappingNode:
            return self.DEFAULT_MAPPING_TAG
        if kind is SequenceNode:
            return self.DEFAULT_SEQUENCE_TAG
        return super().resolve(kind, value, implicit)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


if not isinstance(_IMPLICIT_SOURCE, dict) or None in _IMPLICIT_SOURCE or not _TAG_OBJECTS \
        or getattr(_Loader, "yaml_path_resolvers", None) \
        or not all(hasattr(_Loader, t) for t in ("DEFAULT_SCALAR_TAG", "DEFAULT_MAPPING_TAG", "DEFAULT_SEQUENCE_TAG")):
    _FastLoader = _Loader  # type: ignore[misc]  # pragma: no cover - a ruamel.yaml that works differently


def _plain_tag(value: str) -> str:
    """The tag libyaml gives ``value`` as a plain scalar: ``str``, ``int``, ``float``, ``bool`` ..."""
    for tag, regexp in _IMPLICIT.get(value[0] if value else "", ()):
        if regexp.match(value):
            return str(tag).rsplit(":", 1)[-1]
    return "str"


# The fast road looks only at printable-ASCII strings for values libyaml would have typed, which holds
# for the typing patterns of ruamel.yaml checked by hand (none but the timestamp's, whose values the
# checks accept as text, can match a space or a non-ASCII character). Other patterns: look at all.
_TYPED_PATTERNS = hashlib.sha256("\n".join(sorted({f"{tag}={rx.pattern}" for rules in _IMPLICIT.values()
                                                   for tag, rx in rules})).encode()).hexdigest()
_TYPED_ASCII = _TYPED_PATTERNS == "f96161f21d09300c8e77744e1cb56909c4f23932b7f78ab9e981d152b6acbdd4"
# The fast road needs libyaml's typing table to know which strings it cannot judge.
_fast_ok = fast_available() and bool(_IMPLICIT)


@dataclass(frozen=True)
class Limits:
    """Bounds that keep hostile input cheap to refuse. All adjustable from the CLI."""

    max_bytes: int = 20 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 500_000


DEFAULT_LIMITS = Limits()


class LoadError(Exception):
    """Raised when a file cannot be turned into data; carries the findings that say why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.message("en") for f in findings))
        self.findings = findings


@dataclass
class Document:
    """A loaded YAML file: its data, its text, and the node tree that knows every position."""

    file: str
    data: Any
    text: str
    root: Node | None = field(repr=False, default=None)
    warnings: list[Finding] = field(default_factory=list)
    _regions: dict[tuple[int, int], Node | None] = field(repr=False, compare=False, default_factory=dict)
    _spans: dict[tuple[int, int, int, str], tuple[int, int] | None] = field(repr=False, compare=False, default_factory=dict)
    _indents: dict[int, int | None] = field(repr=False, compare=False, default_factory=dict)
    _keys: dict[int, dict[str, tuple[Node, Node]]] = field(repr=False, compare=False, default_factory=dict)
    _key_lines: dict[tuple[int, int, int], dict[str, list[int]]] = field(repr=False, compare=False, default_factory=dict)

    def tree(self) -> Node | None:
        """The libyaml node tree, composed on first use when the data came the fast road."""
        if self.root is None and self.text:
            self.root = _compose(self.text)
        return self.root

    def node_at(self, path: Sequence[str | int], key: bool = False) -> Node | None:
        """The deepest node on ``path``; with ``key``, the key node of the last mapping step."""
        node = self.tree()
        return None if node is None else _walk(node, path, key, self._keys)

    def where(self, path: Sequence[str | int] = (), key: bool = False) -> Position:
        """Position (1-based line and column) of the value at ``path``, or of the nearest parent."""
        if self.root is None and path and self.text:
            found = self._where_in_region(path, key)
            if found is not None:
                return found
        node = self.node_at(path, key=key)
        if node is None:
            return Position(self.file, 1, 1)
        return _pos(self.file, node)

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
                root = _compose(self.text[span[0]:span[1]])
            except (YAMLError, RecursionError):
                return None
            built = _Builder(self.file, DEFAULT_LIMITS).build(root, 0) if root is not None else None
            if built == expected and isinstance(root, MappingNode) and len(root.value) == 1:
                self._regions[span] = root
        return self._regions[span]

    def _found_in(self, root: Node, span: tuple[int, int], path: Sequence[str | int], key: bool) -> Position:
        node = _walk(root, path, key, self._keys)
        first_line = self.text.count("\n", 0, span[0])
        return Position(self.file, node.start_mark.line + first_line + 1, node.start_mark.column + 1)

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` (for showing the source under a finding)."""
        lines = self.text.splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else ""


def _compose(text: str) -> Node | None:
    """The libyaml node tree of ``text`` (None for an empty document); YAML errors propagate."""
    loader = _FastLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


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


def _pos(file: str, node: Node) -> Position:
    m = node.start_mark
    return Position(file, m.line + 1, m.column + 1)


def display_name(path: Path) -> str:
    """How a file is named in findings: relative to the working directory when it is below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


def load_file(path: str | Path, limits: Limits = DEFAULT_LIMITS, *, name: str | None = None,
              expect_mapping: bool = True) -> Document:
    """Load one YAML file. Raises :class:`LoadError` with positioned findings when it cannot."""
    p = Path(path)
    shown = name or str(path)
    try:
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise LoadError([make("NBS010", Position(shown, 1, 1), size=size, limit=limits.max_bytes)])
        with open(p, "rb") as fh:
            raw = fh.read(limits.max_bytes + 1)
    except LoadError:
        raise
    except OSError as e:
        raise LoadError([make("NBS001", Position(shown), reason=e.strerror or str(e))]) from None
    if len(raw) > limits.max_bytes:  # grew while we looked, or a special file
        raise LoadError([make("NBS010", Position(shown, 1, 1), size=len(raw), limit=limits.max_bytes)])
    return load_bytes(raw, shown, limits, expect_mapping=expect_mapping)


def decode(raw: bytes, name: str) -> tuple[str, list[Finding]]:
    """Bytes to text, strictly UTF-8, with a positioned finding for every way that goes wrong."""
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
        guess = guess_en = ""
        try:
            raw.decode("gb18030")
            guess, guess_en = "，看起来是 GBK/GB18030 编码", ", it looks like GBK/GB18030"
        except UnicodeDecodeError:
            pass
        raise LoadError([make("NBS002", _byte_pos(raw, e.start, name), byte=e.start + 1,
                              guess=guess, guess_en=guess_en)]) from None
    return text, warnings


def _byte_pos(raw: bytes, offset: int, name: str) -> Position:
    start = raw.rfind(b"\n", 0, offset) + 1
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[start:offset].decode("utf-8", "replace")) + 1
    return Position(name, line, column)


def load_bytes(raw: bytes, name: str, limits: Limits = DEFAULT_LIMITS, *,
               expect_mapping: bool = True) -> Document:
    text, warnings = decode(raw, name)
    doc = load_text(text, name, limits, expect_mapping=expect_mapping, raw=None if warnings else raw)
    doc.warnings[:0] = warnings
    return doc


def _deep_flow(text: str, depth: int) -> re.Match[str] | None:
    return re.search(r"[\[{](?:[ \t\r\n]*[\[{]){%d}" % depth, text)


def load_text(text: str, name: str, limits: Limits = DEFAULT_LIMITS, *,
              expect_mapping: bool = True, raw: bytes | None = None) -> Document:
    """Compose ``text`` with libyaml and build plain data from the nodes (``raw``, when given, is
    ``text`` in UTF-8, which spares the fast road encoding it again)."""
    if text.count("[") + text.count("{") > limits.max_depth:  # only then can brackets nest too deep
        m = _deep_flow(text, limits.max_depth)
        if m:  # refuse before the parser spends time (and stack) on it
            raise LoadError([make("NBS011", _char_pos(text, m.start(), name), limit=limits.max_depth)])
    if expect_mapping and _fast_ok:
        data = fast_data(text, _plain_tag, limits.max_depth, _TYPED_ASCII, raw=raw)
        if data is not None:  # plain YAML read by rapidyaml; positions are composed only if asked for
            return Document(file=name, data=data, text=text, root=None, warnings=[])
    try:
        root = _compose(text)
    except MarkedYAMLError as e:
        raise LoadError([_syntax_finding(e, text, name)]) from None
    except YAMLError as e:
        raise LoadError([make("NBS004", Position(name, 1, 1), problem=str(e))]) from None
    except RecursionError:
        raise LoadError([make("NBS011", Position(name, 1, 1), limit=limits.max_depth)]) from None
    if root is None or (isinstance(root, ScalarNode) and root.tag == YAML_TAG + "null" and not root.value):
        raise LoadError([make("NBS008", Position(name, 1, 1))])
    if expect_mapping and not isinstance(root, MappingNode):
        found = ("列表", "a list") if isinstance(root, SequenceNode) else ("单个值", "a single value")
        raise LoadError([make("NBS009", _pos(name, root), found=found[0], found_en=found[1])])
    builder = _Builder(name, limits, aliases="&" in text)  # no anchor, no alias: every node is new
    data = builder.build(root, 0)
    if builder.errors:
        raise LoadError(builder.errors)
    return Document(file=name, data=data, text=text, root=root, warnings=[])


def _char_pos(text: str, offset: int, name: str) -> Position:
    line = text.count("\n", 0, offset) + 1
    return Position(name, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _syntax_finding(e: MarkedYAMLError, text: str, name: str) -> Finding:
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (e.problem or e.context or "").strip()
    lines = text.splitlines()
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    tab = src.find("\t")
    if tab >= 0 and src[:tab].strip() == "":
        return make("NBS007", Position(name, line, tab + 1))
    if "expected a single document" in str(e):
        return make("NBS015", Position(name, line, col))
    return make("NBS004", Position(name, line, col), problem=problem)


_INT_RE = re.compile(r"^[-+]?(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*)$")


def _int(value: str) -> int | str:
    v = value.replace("_", "")
    sign = -1 if v.startswith("-") else 1
    v = v.lstrip("+-")
    try:
        if v.startswith(("0x", "0X")):
            return sign * int(v[2:], 16)
        if v.startswith(("0o", "0O")):
            return sign * int(v[2:], 8)
        if v.startswith(("0b", "0B")):
            return sign * int(v[2:], 2)
        return sign * int(v, 10)
    except ValueError:
        return value


def _float(value: str) -> float | str:
    v = value.replace("_", "").lower()
    if v in (".inf", "+.inf"):
        return float("inf")
    if v == "-.inf":
        return float("-inf")
    if v == ".nan":
        return float("nan")
    try:
        return float(v)
    except ValueError:
        return value


class _Builder:
    """Turns a node tree into plain data, counting every value and refusing what is unsafe."""

    def __init__(self, name: str, limits: Limits, aliases: bool = True):
        self.name = name
        self.limits = limits
        self.aliases = aliases  # False when the text has no anchors: then no node is met twice
        self.count = 0
        self.errors: list[Finding] = []
        self.done: dict[int, tuple[Any, int]] = {}
        self.active: set[int] = set()

    def fail(self, code: str, node: Node, **args: Any) -> None:
        self.errors.append(make(code, _pos(self.name, node), **args))
        raise _Stop

    def build(self, node: Node, depth: int) -> Any:
        try:
            return self._build(node, depth)
        except _Stop:
            return None

    def _build(self, node: Node, depth: int) -> Any:
        key = id(node)
        if self.aliases:
            cached = self.done.get(key)
            if cached is not None:  # an alias: count its whole expansion, but build it once
                self.count += cached[1]
                if self.count > self.limits.max_nodes:
                    self.fail("NBS012", node, limit=self.limits.max_nodes)
                return cached[0]
            if key in self.active:
                self.fail("NBS012", node, limit=self.limits.max_nodes)
        if depth > self.limits.max_depth:
            self.fail("NBS011", node, limit=self.limits.max_depth)
        before = self.count
        self.count += 1
        if self.count > self.limits.max_nodes:
            self.fail("NBS012", node, limit=self.limits.max_nodes)
        tag = _TAG_NAMES.get(id(getattr(node, "ctag", None))) or node.tag  # _tag_of, inlined: the hot path
        if isinstance(node, ScalarNode):
            if tag == _STR:
                value = node.value
            else:
                value = self._scalar(node, tag)
        else:
            if tag not in _ALLOWED_TAGS:
                self.fail("NBS006", node, tag=_short_tag(tag))
            if self.aliases:
                self.active.add(key)
            if isinstance(node, SequenceNode):
                value = [self._build(n, depth + 1) for n in node.value]
            else:
                value = self._mapping(node, depth)
            if self.aliases:
                self.active.discard(key)
        if self.aliases:
            self.done[key] = (value, self.count - before)
        return value

    def _scalar(self, node: ScalarNode, tag: str) -> Any:
        v = node.value
        if tag == _STR:
            return v
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return v.lower() in ("true", "yes", "on", "y")
        if tag == _INT:
            return _int(v)
        if tag == _FLOAT:
            return _float(v)
        if tag == _TIMESTAMP:
            return v  # dates stay text: schemas check their format, and JSON has no date type
        self.fail("NBS006", node, tag=_short_tag(tag))

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first: dict[str, Node] = {}
        merged: dict[str, Any] = {}
        for k, v in node.value:
            ktag = _tag_of(k)
            if ktag == _MERGE:
                src = self._build(v, depth + 1)
                for m in src if isinstance(src, list) else [src]:
                    if isinstance(m, dict):
                        merged.update({a: b for a, b in m.items() if a not in merged})
                continue
            if not isinstance(k, ScalarNode):
                self.fail("NBS014", k)
            if ktag not in _ALLOWED_TAGS:
                self.fail("NBS006", k, tag=_short_tag(ktag))
            text = k.value  # keys stay as written: "7.10" must not become the number 7.1
            if text in first:
                self.errors.append(make("NBS005", _pos(self.name, k), key=text,
                                        first=first[text].start_mark.line + 1))
            else:
                first[text] = k
            out[text] = self._build(v, depth + 1)
        for a, b in merged.items():
            out.setdefault(a, b)
        return out


class _Stop(Exception):
    pass


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag
