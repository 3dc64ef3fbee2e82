"""One reading of YAML: the fast road yields exactly the libyaml reference's data, or declines.

A seeded corpus of a few thousand generated documents (tests/yaml_corpus.py) goes through both roads;
the LF and CRLF copies of each go through the whole of ``load_text`` and must agree too.
"""

from __future__ import annotations

import math
import os
from typing import Any

import pytest

import nbscheck.yaml.compose as compose
import nbscheck.yaml.load as load
from nbscheck.yaml.errors import LoadError
from nbscheck.yaml.fastroad import available, fast_data
from nbscheck.yaml.load import load_text
from yaml_corpus import corpus

COUNT = int(os.environ.get("NBSCHECK_DIFF_DOCS", "6000"))


def same(a: Any, b: Any) -> bool:
    """Equal data, types included (``1``, ``1.0`` and ``True`` differ) and NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def reference(text: str) -> Any:
    """The libyaml road's reading: data, or the findings (code, line, column) that refuse it."""
    saved = load._fast_ok
    load._fast_ok = False
    try:
        return load_text(text, "x.yaml").data
    except LoadError as e:
        return [(f.code, f.line, f.column) for f in e.findings]
    finally:
        load._fast_ok = saved


def loaded(text: str) -> Any:
    try:
        return load_text(text, "x.yaml").data
    except LoadError as e:
        return [(f.code, f.line, f.column) for f in e.findings]


@pytest.mark.skipif(not available(), reason="rapidyaml has no wheel on this platform")
def test_fast_road_yields_the_reference_data_or_declines():
    accepted = 0
    for i, text in enumerate(corpus(20261202, COUNT)):
        ref = reference(text)
        assert same(loaded(text), ref) or loaded(text) == ref, (i, text, ref)  # the road load_text takes
        fast = fast_data(text, compose.plain_tag, 64, compose.TYPED_ASCII, max_nodes=500_000)
        if fast is not None and isinstance(ref, dict):  # (text the reference refuses never reaches it)
            accepted += 1
            assert same(fast, ref), (i, text, ref, fast)
    assert accepted > COUNT // 5, "the corpus should also hold plenty of YAML the fast road reads"


def test_lf_and_crlf_copies_read_alike():
    for i, text in enumerate(corpus(7, COUNT // 3)):
        lf = loaded(text)
        crlf = loaded(text.replace("\n", "\r\n"))
        assert same(lf, crlf) or lf == crlf, (i, text, lf, crlf)


def test_every_character_that_starts_a_typed_scalar_is_a_candidate():
    """The fast road looks again at JSON strings whose first character can start a typed scalar; the
    set must cover ruamel.yaml's whole typing table (``=`` for !!value was missing once)."""
    from nbscheck.yaml.fastroad import FIRST_CHARS, _CANDIDATE

    firsts = {c for c in compose._IMPLICIT if c} - set("!&*<")  # these the byte screens decline (tags, merge keys)
    assert firsts, "ruamel.yaml's typing table is empty: the fast road would judge nothing"
    for c in firsts:
        assert _CANDIDATE.fullmatch(f'"{c}"'), c
        assert c in FIRST_CHARS or (c.isdigit() and "0-9" in FIRST_CHARS), c


# Near misses around the fast road's byte screens: brackets with comments, colons and question
# marks before or after them on the line, dots after indicators, document markers and directives
# inside text, empty keys. Each must read as the reference reads it, or decline.
SCREENS = [
    "a: x # see {b}\n", "a: '{b}' # c\n", "a: {b: c} # d\n", "a: {b: c}\nd: e # f\n", "a: [1, 2] x\n",
    "a: x [1, 2]\n", "a: {b: c}, d\n", "# {a: b\nc: d\n", "a: x {b\n", "a: [b\nc: d\n", "a: '[' \nb: ']'\n",
    "a: {b: 14:30}\n", "a: [http://x.org]\n", "a: [?b]\n", "a: {b: c#d}\n", "a: {b: c #d}\n", "a: [b, : c]\n",
    "a: { : b}\n", "a: [ : b]\n", "a: b, : c\n", "a: [.5]\n", "a: {b: .5}\n", "a: [-.5, +.5]\n", "a: b .5\n",
    "a: '.5'\n", "a: \".5\"\n", "a: x.5\n", "a:\n  - .5\n", "a:\n  - -.5\n", "a: 1.5\n", "a: -1.5\n",
    "a: x\n--- \n", "a: x\n---\n", "a: x\n...\n", "a: x\n%YAML 1.2\n", "a: 50%\nb: '%x'\n", "a: x ---\n",
    "a: 1\n: x\n", "a:\n  - : x\n", "\"\": 1\n", "'': 1\n", "a: '\"\": 1'\n", "a: 1\n:\n", "a: b : c\n",
    "a: [b]\nc: {d: [e, f]}\n", "a: [b] # {\n", "a: \"{\"\n", "a: [b, 'c]d']\n", "a: [b, \"c}\"]\n",
    # flow collections over several lines, brackets out of order
    "k: {a: {b: c}, \n  t: 14:30}\n", "k: [a, [b], \n  http://x]\n", "k: {a {b} c,\n  t: 14:30}\n", "k: a } {\n",
    "k: {a: b}} {\n", "k: [a]] [\n", "k: {a: [b}]\n", "k: [\n  a, b]\n", "k: {a: b,\n  c: d}\n", "k: a ] [ b\n",
]
# Many inline collections, as generated submissions write names: the screens then search the whole file.
MANY = "".join(f"n{i}: {{zh: 名{i}, en: Name {i}}}\n" for i in range(30))


@pytest.mark.skipif(not available(), reason="rapidyaml has no wheel on this platform")
@pytest.mark.parametrize("text", SCREENS + [MANY + t for t in SCREENS] + [t + MANY for t in SCREENS])
def test_near_misses_around_the_byte_screens_read_as_the_reference(text: str):
    ref = reference(text)
    got = loaded(text)
    assert same(got, ref) or got == ref, (text, ref, got)
    fast = fast_data(text, compose.plain_tag, 64, compose.TYPED_ASCII, max_nodes=500_000)
    if fast is not None:
        assert isinstance(ref, dict) and same(fast, ref), (text, ref, fast)
