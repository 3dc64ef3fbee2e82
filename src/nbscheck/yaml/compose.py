"""libyaml composition with ruamel.yaml's tag resolution made cheap: the reference reader's first half.

The reference reading of YAML in nbscheck is libyaml (through ruamel.yaml's ``CSafeLoader``) composing
a node tree, typed by ruamel's YAML 1.2 implicit resolvers, which :mod:`nbscheck.yaml.builder` then turns
into plain data. Everything here serves that: the loader, the shared tag objects, and
:func:`plain_tag`, which the fast road asks to learn how the reference would type a plain scalar.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # libyaml through ruamel.yaml.clib: about ten times faster than the pure-Python parser.
    from ruamel.yaml.cyaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only on platforms without a clib wheel
    from ruamel.yaml.loader import SafeLoader as _Loader  # type: ignore[assignment]

YAML_TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = {YAML_TAG + t for t in ("str", "null", "bool", "int", "float", "timestamp", "map", "seq")}
STR, NULL, BOOL, INT, FLOAT, TIMESTAMP, MERGE = (
    YAML_TAG + t for t in ("str", "null", "bool", "int", "float", "timestamp", "merge"))


def _shared_tags() -> dict[str, Any]:
    """One ruamel ``Tag`` object per implicit tag, so nodes share them and their names are found by identity."""
    try:
        from ruamel.yaml.tag import Tag
    except ImportError:  # pragma: no cover - ruamel.yaml before Tag objects
        return {}
    tags = {t: Tag(suffix=t) for t in ALLOWED_TAGS | {MERGE}}
    for t in ("DEFAULT_SCALAR_TAG", "DEFAULT_SEQUENCE_TAG", "DEFAULT_MAPPING_TAG"):
        obj = getattr(_Loader, t, None)
        if obj is not None and not isinstance(obj, str):
            tags[str(obj)] = obj
    return tags


_TAG_OBJECTS = _shared_tags()
TAG_NAMES = {id(obj): name for name, obj in _TAG_OBJECTS.items()}  # these objects live as long as the module


def _plain_pattern(regexp: Any) -> Any:
    """The compiled pattern inside ruamel's lazily compiled one (whose every use costs a Python call)."""
    inner = getattr(getattr(regexp, "match", None), "__self__", None)
    return inner if isinstance(inner, re.Pattern) else regexp


_IMPLICIT_SOURCE = getattr(_Loader, "yaml_implicit_resolvers", None)
_IMPLICIT: dict[Any, list[tuple[str, Any]]] = {
    first: [(tag, _plain_pattern(rx)) for tag, rx in rules] for first, rules in (_IMPLICIT_SOURCE or {}).items()}


TYPING = bool(_IMPLICIT)
"""Whether ruamel.yaml exposes its implicit typing table (the fast road cannot judge strings without it)."""


def tag_of(node: Node) -> str:
    """``node.tag`` without building a string each time (ruamel makes one per access)."""
    name = TAG_NAMES.get(id(getattr(node, "ctag", None)))
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


def plain_tag(value: str) -> str:
    """The tag libyaml gives ``value`` as a plain scalar: ``str``, ``int``, ``float``, ``bool`` ..."""
    for tag, regexp in _IMPLICIT.get(value[0] if value else "", ()):
        if regexp.match(value):
            return str(tag).rsplit(":", 1)[-1]
    return "str"


# The fast road looks only at printable-ASCII strings for values libyaml would have typed, which holds
# for the typing patterns of ruamel.yaml checked by hand (none but the timestamp's, whose values the
# checks accept as text, can match a space or a non-ASCII character). Other patterns: look at all.
TYPED_PATTERNS = hashlib.sha256("\n".join(sorted({f"{tag}={rx.pattern}" for rules in _IMPLICIT.values()
                                                   for tag, rx in rules})).encode()).hexdigest()
TYPED_ASCII = TYPED_PATTERNS == "f96161f21d09300c8e77744e1cb56909c4f23932b7f78ab9e981d152b6acbdd4"


def compose(text: str) -> Node | None:
    """The libyaml node tree of ``text`` (None for an empty document); YAML errors propagate."""
    loader = _FastLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()
