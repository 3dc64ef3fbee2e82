"""A fast yes/no for the submission schema, compiled from the schema into Python source.

jsonschema walks a schema as data and builds an error object for every problem, about 12 ms for a
40 KB submission. Almost every file a reviewer checks is valid, so the checker first asks this gate,
which only says whether a file is valid: the schema's keywords become plain ``if`` statements in
generated functions, one per ``$defs`` entry and one per clause (about 0.3 ms a file). jsonschema
runs, and positions every error, only when the gate says no.

The gate covers the keywords the generated submission schema uses (type, enum, const, required,
properties, additionalProperties true/false, items, allOf, local ``$ref`` into ``$defs``, pattern,
minLength, minimum, maximum); :func:`compile_gate` returns None for a schema with anything else,
and the checker then uses jsonschema alone. The gate may say no to a valid file (jsonschema then
finds nothing, as for a NaN), but never yes to an invalid one: a test compares the two on thousands
of mutated submissions. Types are tested exactly (``type(x) is dict``), as the loaders build only
plain ``dict``, ``list``, ``str``, ``int``, ``float``, ``bool`` and ``None``; anything else is a no.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from ..yaml.patterns import ecma

_ANNOTATIONS = frozenset({"title", "description", "$schema", "$id", "$defs", "$comment", "examples", "default",
                          # editor annotations (yaml-language-server): no part in validation
                          "errorMessage", "markdownDescription", "defaultSnippets"})
_TYPE_TESTS = {
    "string": "type({v}) is str", "object": "type({v}) is dict", "array": "type({v}) is list",
    "boolean": "({v} is True or {v} is False)", "null": "{v} is None",
    "number": "type({v}) is int or type({v}) is float",
    "integer": "type({v}) is int or (type({v}) is float and {v}.is_integer())"}
_INLINE_DISPATCH = 6  # objects with more properties than this look each key up in a table


class _Unsupported(Exception):
    pass


def _same_any(x: Any, options: tuple[Any, ...]) -> bool:
    """Whether ``x`` equals one of ``options`` as JSON Schema's enum and const judge it:
    true is not 1, but 1 is 1.0."""
    for o in options:
        if isinstance(x, bool) or isinstance(o, bool):
            if type(x) is type(o) and x == o:
                return True
        elif isinstance(x, (int, float)) and isinstance(o, (int, float)):
            if x == o:
                return True
        elif type(x) is type(o) and x == o:
            return True
    return False


class _Writer:
    """Turns one schema into the source of a module of check functions."""

    def __init__(self, root: dict[str, Any]):
        self.root = root
        self.functions: list[str] = []
        self.tables: list[str] = []
        self.names: dict[str, Any] = {"_same_any": _same_any}
        self.defs: dict[str, str] = {}
        self.count = 0
        self.table_of: dict[int, str] = {}  # id of a properties mapping -> its table's name

    def constant(self, value: Any) -> str:
        name = f"_k{len(self.names)}"
        self.names[name] = value
        return name

    def fresh(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def function(self, schema: Any, name: str | None = None) -> str:
        """The name of a function ``f(x) -> bool`` that says whether ``x`` is valid against ``schema``."""
        name = name or self.fresh("_f")
        body: list[str] = []
        self.statements(schema, "x", body, 1)
        self.functions.append("\n".join([f"def {name}(x):", *body, "    return True"]))
        return name

    def ref(self, ref: str) -> str:
        key = ref[len("#/$defs/"):]
        if not ref.startswith("#/$defs/") or key not in self.root.get("$defs", {}):
            raise _Unsupported(ref)
        if key not in self.defs:
            self.defs[key] = name = self.fresh("_d")  # named before compiling: a def may refer to itself
            self.function(self.root["$defs"][key], name)
        return self.defs[key]

    def statements(self, s: Any, v: str, out: list[str], depth: int) -> None:
        """Append statements that ``return False`` when ``v`` breaks ``s``."""
        pad = "    " * depth
        if s is True or s == {}:
            return
        if not isinstance(s, dict):
            raise _Unsupported(s)
        extra = s.get("additionalProperties", True)
        if extra is not True and extra is not False:
            raise _Unsupported("additionalProperties")
        for kw, arg in s.items():
            if kw in _ANNOTATIONS or kw == "additionalProperties":
                continue
            if kw == "type":
                names = [arg] if isinstance(arg, str) else list(arg)
                if not names or any(n not in _TYPE_TESTS for n in names):
                    raise _Unsupported(names)
                out.append(f"{pad}if not ({' or '.join('(' + _TYPE_TESTS[n].format(v=v) + ')' for n in names)}): return False")
            elif kw in ("enum", "const"):
                options = list(arg) if kw == "enum" else [arg]
                if any(not isinstance(o, (str, int, float, type(None))) for o in options):
                    raise _Unsupported(kw)
                strs = self.constant(frozenset(o for o in options if type(o) is str))
                rest = tuple(o for o in options if type(o) is not str)
                if rest:
                    out.append(f"{pad}if not ({v} in {strs} if type({v}) is str else _same_any({v}, {self.constant(rest)})): return False")
                else:
                    out.append(f"{pad}if type({v}) is not str or {v} not in {strs}: return False")
            elif kw == "required":
                if not isinstance(arg, list) or not all(isinstance(k, str) for k in arg):
                    raise _Unsupported(kw)
                if arg:
                    present = " and ".join(f"{k!r} in {v}" for k in arg)
                    out.append(f"{pad}if type({v}) is dict and not ({present}): return False")
            elif kw == "properties":
                self.properties(arg, extra is False, v, out, depth)
            elif kw == "$ref":
                if not isinstance(arg, str):
                    raise _Unsupported(kw)
                out.append(f"{pad}if not {self.ref(arg)}({v}): return False")
            elif kw == "allOf":
                for sub in arg:
                    self.statements(sub, v, out, depth)
            elif kw == "items" and isinstance(arg, dict):
                item = self.fresh("i")
                inner: list[str] = []
                self.statements(arg, item, inner, depth + 2)
                if inner:
                    out.append(f"{pad}if type({v}) is list:")
                    out.append(f"{pad}    for {item} in {v}:")
                    out.extend(inner)
            elif kw == "pattern":
                rx = self.constant(ecma(arg))  # the validator's own reading of the pattern
                out.append(f"{pad}if type({v}) is str and {rx}.search({v}) is None: return False")
            elif kw == "minLength" and isinstance(arg, int) and not isinstance(arg, bool):
                out.append(f"{pad}if type({v}) is str and len({v}) < {arg!r}: return False")
            elif kw in ("minimum", "maximum") and isinstance(arg, (int, float)) and not isinstance(arg, bool):
                op = "<" if kw == "minimum" else ">"
                out.append(f"{pad}if (type({v}) is int or type({v}) is float) and {v} {op} {self.constant(arg)}: return False")
            else:
                raise _Unsupported(kw)
        if extra is False and "properties" not in s:
            out.append(f"{pad}if type({v}) is dict and {v}: return False")

    def properties(self, props: dict[str, Any], closed: bool, v: str, out: list[str], depth: int) -> None:
        pad = "    " * depth
        if not isinstance(props, dict):
            raise _Unsupported("properties")
        key, val = self.fresh("k"), self.fresh("v")
        if len(props) > _INLINE_DISPATCH:  # a table of functions, one per key (the answers, by clause id)
            table = self.constant({})
            self.table_of[id(props)] = table
            self.tables.append(f"{table}.update({{{', '.join(f'{k!r}: {self.function(sub)}' for k, sub in props.items())}}})")
            fn = self.fresh("p")
            out.append(f"{pad}if type({v}) is dict:")
            out.append(f"{pad}    for {key}, {val} in {v}.items():")
            out.append(f"{pad}        {fn} = {table}.get({key})")
            out.append(f"{pad}        if {fn} is None:")
            out.append(f"{pad}            {'return False' if closed else 'continue'}")
            out.append(f"{pad}        if not {fn}({val}): return False")
            return
        if not closed:  # look up the few named keys; others are allowed
            branches: list[str] = []
            for k, sub in props.items():
                inner: list[str] = []
                self.statements(sub, val, inner, depth + 2)
                if inner:
                    branches += [f"{pad}    if {k!r} in {v}:", f"{pad}        {val} = {v}[{k!r}]", *inner]
            if branches:
                out.append(f"{pad}if type({v}) is dict:")
                out.extend(branches)
            return
        out.append(f"{pad}if type({v}) is dict:")
        out.append(f"{pad}    for {key}, {val} in {v}.items():")
        first = True
        for k, sub in props.items():
            inner = []
            self.statements(sub, val, inner, depth + 3)
            out.append(f"{pad}        {'if' if first else 'elif'} {key} == {k!r}:")
            out.extend(inner or [f"{pad}            pass"])
            first = False
        if first:
            out.append(f"{pad}        return False")
        else:
            out.append(f"{pad}        else:")
            out.append(f"{pad}            return False")

    def module(self) -> str:
        return "\n\n".join(self.functions) + "\n\n" + "\n".join(self.tables) + "\n"


class Gate:
    """``gate(instance)`` says whether ``instance`` is valid; :meth:`failing` keeps only the parts
    jsonschema must look at to say why not."""

    def __init__(self, check: Callable[[Any], bool], split: str | None, parts: dict[str, Callable[[Any], bool]]):
        self._check = check
        self.split = split
        self.parts = parts

    def __call__(self, instance: Any) -> bool:
        return self._check(instance)

    def failing(self, instance: Any) -> Any:
        """``instance`` with only the entries of the ``split`` property that the gate refuses (and
        keys the schema does not know). jsonschema finds the same errors in it as in the whole, at
        the same paths, without walking a hundred valid answers to get there."""
        if self.split is None or type(instance) is not dict or type(instance.get(self.split)) is not dict:
            return instance
        parts = self.parts
        kept = {k: v for k, v in instance[self.split].items() if (f := parts.get(k)) is None or not f(v)}
        return {**instance, self.split: kept}


# Keywords that, on the split property, let its entries be validated one by one.
_SPLITTABLE = _ANNOTATIONS | {"type", "properties", "additionalProperties"}


def compile_gate(schema: dict[str, Any], split: str | None = None) -> Gate | None:
    """Compile ``schema`` into a :class:`Gate` (None when the schema uses a keyword the gate does
    not know). ``split`` names a top-level property, an object of many entries each with its own
    schema (the answers), whose entries :meth:`Gate.failing` can single out."""
    writer = _Writer(schema)
    try:
        entry = writer.function(schema)
        source = writer.module()
        namespace = dict(writer.names)
        exec(compile(source, "<nbscheck submission gate>", "exec"), namespace)  # noqa: S102 - our own generated code
    except (_Unsupported, re.error, TypeError, ValueError, SyntaxError, RecursionError):
        return None
    parts: dict[str, Callable[[Any], bool]] = {}
    sub = schema.get("properties", {}).get(split) if split else None
    if isinstance(sub, dict) and set(sub) <= _SPLITTABLE and id(sub.get("properties")) in writer.table_of:
        parts = namespace[writer.table_of[id(sub["properties"])]]
    else:
        split = None
    return Gate(namespace[entry], split, parts)


def gate_source(schema: dict[str, Any]) -> str:
    """The generated source, for reading and debugging (``python -c`` and print it)."""
    writer = _Writer(schema)
    writer.function(schema)
    return writer.module()
