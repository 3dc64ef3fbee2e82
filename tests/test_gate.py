"""The compiled schema gate: it may refuse a valid file, never pass an invalid one, and what it
hands jsonschema for an invalid file gives the same errors as the whole file."""

from __future__ import annotations

import copy
import json
import random

import pytest
from jsonschema import Draft202012Validator

from conftest import ROOT
from nbscheck.check.schema_rules import gate_for, schema_for, validator_for
from nbscheck.check.gate import compile_gate, gate_source
from nbscheck.model.guideline import shipped
from nbscheck.yaml.load import load_file

EXAMPLES = [ROOT / "examples" / "qualifying" / "submission.yaml", ROOT / "examples" / "with-mistakes" / "submission.yaml"]


def _mutations(data: dict, rnd: random.Random, n: int):
    """Copies of ``data`` with one value replaced somewhere: wrong types, ranges, keys, enums."""
    odd = [None, True, False, 0, 1, -1, 1.0, 1.5, 100, 100.5, 101, -0.5, 1e9, float("nan"), "", "x", "85%",
           "met", "2025-13-01", "123456789", "12345678", "１２３４５６７８９", [], {}, [1], {"zh": ""}, {"zh": "x"},
           {"zh": "x", "fr": "y"}, "0" * 64, "g" * 64, "survey-report", "survey_report", "ha", "mu"]
    paths = []

    def walk(x, p):
        paths.append(p)
        if isinstance(x, dict):
            for k, v in x.items():
                walk(v, p + [k])
        elif isinstance(x, list):
            for i, v in enumerate(x):
                walk(v, p + [i])
    walk(data, [])
    for _ in range(n):
        d = copy.deepcopy(data)
        for _ in range(rnd.choice((1, 1, 1, 2, 3))):  # sometimes several mistakes at once
            p = rnd.choice(paths[1:])
            parent = d
            try:
                for k in p[:-1]:
                    parent = parent[k]
            except (KeyError, IndexError, TypeError):
                continue  # an earlier change removed the way there
            how = rnd.random()
            if how < 0.7:
                try:
                    parent[p[-1]] = copy.deepcopy(rnd.choice(odd))
                except (IndexError, TypeError):
                    continue
            elif how < 0.85 and isinstance(parent, dict):
                parent.pop(p[-1], None)
            elif isinstance(parent, dict):
                parent[rnd.choice(["extra", "5.1.10", "note", "value", "unit", "kind", "path"])] = rnd.choice(odd)
        yield d


def _has_nan(x) -> bool:
    if isinstance(x, dict):
        return any(_has_nan(v) for v in x.values())
    if isinstance(x, list):
        return any(_has_nan(v) for v in x)
    return isinstance(x, float) and x != x


def _errors(validator, data) -> list[tuple]:
    return sorted((list(map(str, e.absolute_path)), e.validator, e.message) for e in validator.iter_errors(data))


@pytest.mark.parametrize("version", ["1.0.0", None])
def test_gate_never_passes_what_jsonschema_refuses(version):
    """The gate decides alone only when it says yes, so a yes must always be jsonschema's answer too;
    and for a no, jsonschema finds the same errors in ``gate.failing(data)`` as in the whole."""
    g = shipped(version)
    gate, validator = gate_for(None, g.version), validator_for(None, g.version)
    assert gate is not None, "the submission schema uses a keyword the gate does not know"
    assert gate.split == "answers" and len(gate.parts) == len(g.assessable)
    rnd = random.Random(5)
    checked = refused = 0
    for f in EXAMPLES:
        data = load_file(f).data
        data["guideline"]["version"] = g.version
        for d in _mutations(data, rnd, 250):
            errors = _errors(validator, d)
            ok = not errors
            assert not (gate(d) and not ok), json.dumps(d, ensure_ascii=False, default=str)[:300]
            assert gate(d) == ok or _has_nan(d), "the gate refused a valid file"  # NaN aside, they agree
            if not ok:
                assert _errors(validator, gate.failing(d)) == errors
            checked += 1
            refused += not ok
    assert checked == 500 and refused > 150


SMALL = {
    "type": "object", "required": ["a"], "additionalProperties": False,
    "properties": {
        "a": {"type": "integer", "minimum": 1, "maximum": 5},
        "b": {"enum": ["x", 2, None, True]},
        "c": {"type": "array", "items": {"$ref": "#/$defs/item"}},
        "d": {"const": 1.0},
        "e": {"type": ["string", "null"], "minLength": 2, "pattern": "^[a-z]+$"},
        "f": {"allOf": [{"type": "number"}, {"maximum": 0.5}]},
        "g": {"type": "object", "properties": {"h": {"type": "boolean"}}},
        "i": {"type": "object", "additionalProperties": False},
    },
    "$defs": {"item": {"type": "object", "required": ["k"], "properties": {"k": {"type": "string"}}, "additionalProperties": False}},
}


@pytest.mark.parametrize("instance", [
    {"a": 1}, {"a": 5.0}, {"a": 2.5}, {"a": 0}, {"a": 6}, {"a": True}, {"a": "1"}, {}, {"a": 1, "z": 1},
    {"a": 1, "b": "x"}, {"a": 1, "b": 2.0}, {"a": 1, "b": 1}, {"a": 1, "b": None}, {"a": 1, "b": False}, {"a": 1, "b": True},
    {"a": 1, "c": []}, {"a": 1, "c": [{"k": "v"}]}, {"a": 1, "c": [{"k": 1}]}, {"a": 1, "c": [{}]}, {"a": 1, "c": [{"k": "v", "x": 1}]},
    {"a": 1, "c": {"k": "v"}}, {"a": 1, "d": 1}, {"a": 1, "d": True}, {"a": 1, "d": "1"},
    {"a": 1, "e": None}, {"a": 1, "e": "ab"}, {"a": 1, "e": "a"}, {"a": 1, "e": "AB"}, {"a": 1, "e": 3},
    {"a": 1, "f": 0.5}, {"a": 1, "f": 1}, {"a": 1, "f": False}, {"a": 1, "g": {}}, {"a": 1, "g": {"h": 1}}, {"a": 1, "g": {"x": 1}},
    {"a": 1, "i": {}}, {"a": 1, "i": {"x": 1}}, {"a": 1, "i": []}, [], "x", None,
])
def test_gate_agrees_with_jsonschema_keyword_by_keyword(instance):
    gate = compile_gate(SMALL)
    assert gate is not None
    assert gate(instance) == Draft202012Validator(SMALL).is_valid(instance)


@pytest.mark.parametrize("schema", [{"oneOf": [{}]}, {"additionalProperties": {"type": "string"}},
                                    {"$ref": "https://example.org/s.json"}, {"pattern": "("}, {"enum": [[1]]}])
def test_gate_declines_what_it_does_not_know(schema):
    assert compile_gate(schema) is None


def test_gate_source_is_readable_python():
    src = gate_source(schema_for(None, shipped().version))
    compile(src, "gate", "exec")
    assert "def _d" in src and "return False" in src
