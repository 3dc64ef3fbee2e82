"""Plain data from a libyaml node tree: the reference reader's second half.

The builder walks the nodes :func:`nbscheck.yaml.compose.compose` made and turns them into dicts,
lists and scalars itself, because that is where the rules of the dialect are kept: only the core
tags, no duplicate keys, keys kept as written, dates kept as text, and every limit counted (an alias
counts its whole expansion, so a billion-laughs file is refused, not expanded).
"""

from __future__ import annotations

import re

from typing import Any

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..findings import Finding, Position, make
from .compose import (ALLOWED_TAGS, BOOL, FLOAT, INT, MERGE, NULL, STR, TAG_NAMES, TIMESTAMP, YAML_TAG,
                      tag_of)
from .limits import Limits, too_deep, too_many

CODES: tuple[str, ...] = ("NBS005", "NBS006", "NBS014", "NBS030")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""


_NUMBERED = re.compile(r"[0-9]+(?:\.[0-9]+)+")
"""A key like a clause id: when one is left empty and the keys after it repeat the ones before it,
it was moved right into the block above (``  "5.1.2":`` typed as ``    "5.1.2":``) - one finding there."""


def pos(file: str, node: Node) -> Position:
    """Where ``node`` starts, 1-based."""
    m = node.start_mark
    return Position(file, m.line + 1, m.column + 1)


_MAX_INT_BITS = 14_000
"""Integers bigger than this stay text, as a decimal over Python's 4300-digit limit does (``int()``
refuses it): Python could not print them, and no answer means such a number."""


def _int(value: str) -> int | str:
    """An int as the YAML 1.2 core schema reads it; text when it is too long to be a number anyone means."""
    v = value.replace("_", "")
    sign = -1 if v.startswith("-") else 1
    v = v.lstrip("+-")
    try:
        if v.startswith(("0x", "0X")):
            n = int(v[2:], 16)
        elif v.startswith(("0o", "0O")):
            n = int(v[2:], 8)
        elif v.startswith(("0b", "0B")):
            n = int(v[2:], 2)
        else:
            return sign * int(v, 10)
    except ValueError:
        return value
    return value if n.bit_length() > _MAX_INT_BITS else sign * n


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


class Builder:
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
        self.stop(make(code, pos(self.name, node), **args))

    def stop(self, finding: Finding) -> None:
        self.errors.append(finding)
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
                    self.stop(too_many(pos(self.name, node), self.limits))
                return cached[0]
            if key in self.active:
                self.stop(too_many(pos(self.name, node), self.limits))
        if depth > self.limits.max_depth:
            self.stop(too_deep(pos(self.name, node), self.limits))
        before = self.count
        self.count += 1
        if self.count > self.limits.max_nodes:
            self.stop(too_many(pos(self.name, node), self.limits))
        tag = TAG_NAMES.get(id(getattr(node, "ctag", None))) or node.tag  # tag_of, inlined: the hot path
        if isinstance(node, ScalarNode):
            if tag == STR:
                value = node.value
            else:
                value = self._scalar(node, tag)
        else:
            if tag not in ALLOWED_TAGS:
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
        if tag == STR:
            return v
        if tag == NULL:
            return None
        if tag == BOOL:
            return v.lower() in ("true", "yes", "on", "y")
        if tag == INT:
            return _int(v)
        if tag == FLOAT:
            return _float(v)
        if tag == TIMESTAMP:
            return v  # dates stay text: schemas check their format, and JSON has no date type
        self.fail("NBS006", node, tag=_short_tag(tag))

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first: dict[str, Node] = {}
        merged: dict[str, Any] = {}
        hollow: Node | None = None  # the last numbered key with nothing after its colon ("5.1.2":)
        moved = False
        for k, v in node.value:
            ktag = tag_of(k)
            if ktag == MERGE:
                src = self._build(v, depth + 1)
                for m in src if isinstance(src, list) else [src]:
                    if isinstance(m, dict):
                        merged.update({a: b for a, b in m.items() if a not in merged})
                continue
            if not isinstance(k, ScalarNode):
                self.fail("NBS014", k)
            if ktag not in ALLOWED_TAGS:
                self.fail("NBS006", k, tag=_short_tag(ktag))
            text = k.value  # keys stay as written: "7.10" must not become the number 7.1
            if text in first:
                if hollow is not None and hollow.start_mark.line > first[text].start_mark.line:
                    if not moved:  # the keys repeat because a numbered key above them moved right
                        moved = True
                        self.errors.append(make("NBS030", pos(self.name, hollow), key=hollow.value,
                                                line=hollow.start_mark.line + 1, below=k.start_mark.line + 1))
                else:
                    self.errors.append(make("NBS005", pos(self.name, k), key=text,
                                            first=first[text].start_mark.line + 1))
            else:
                first[text] = k
            if isinstance(v, ScalarNode) and tag_of(v) == NULL and not v.value and _NUMBERED.match(text):
                hollow = k
            out[text] = self._build(v, depth + 1)
        for a, b in merged.items():
            out.setdefault(a, b)
        return out


class _Stop(Exception):
    pass


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(YAML_TAG):] if tag.startswith(YAML_TAG) else tag
