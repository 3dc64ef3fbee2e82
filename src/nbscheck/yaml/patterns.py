r"""JSON Schema ``pattern`` with the meaning the schema's authors wrote it in (ECMA-262), in Python.

A schema's ``^[0-9]{9}$`` means nine digits and nothing else. Python's ``$`` also matches just before
a final line break, so with ``re.search`` (what jsonschema uses) ``"330212001\n"`` passes it; a YAML
block scalar (``code: |``) writes exactly such a value. Here every ``$`` that is an anchor (not
escaped, not in a character class) becomes ``\Z``, the true end of the string, and both the
validator below and the compiled gate (:mod:`nbscheck.check.gate`) compile patterns through
:func:`ecma`, so the two agree on every string.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError


def _translate(pattern: str) -> str:
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":  # "[]...]": a "]" first in a class is literal in Python
                out.append("[]")
                i += 2
                continue
        elif c == "$":
            c = r"\Z"
        out.append(c)
        i += 1
    return "".join(out)


@lru_cache(maxsize=None)
def ecma(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled so that ``$`` matches only at the very end, as in ECMA-262."""
    return re.compile(_translate(pattern))


def _pattern(validator: Any, patrn: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not ecma(patrn).search(instance):
        yield ValidationError(f"{instance!r} does not match {patrn!r}")


Validator = validators.extend(Draft202012Validator, {"pattern": _pattern})
"""Draft 2020-12 with ECMA-262 anchors in ``pattern``: the validator for every schema nbscheck checks."""
