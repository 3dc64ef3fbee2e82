"""Schema patterns anchor at the true end of the string, in jsonschema and in the compiled gate alike.

Python's ``$`` also matches before a final line break; a YAML block scalar (``code: |``) gives
exactly such a value, so ``"330212001\\n"`` passed ``^[0-9]{9}$`` before.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from nbscheck.check.checker import check_file
from nbscheck.check.schema_rules import gate_for, validator_for
from nbscheck.yaml.load import load_file
from nbscheck.yaml.patterns import Validator, ecma

QUALIFYING = ROOT / "examples" / "qualifying" / "submission.yaml"


@pytest.mark.parametrize("pattern, text, matches", [
    ("^[0-9]{9}$", "330212001", True),
    ("^[0-9]{9}$", "330212001\n", False),
    ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "2025-01-01\n", False),
    (r"^a\$$", "a$", True),          # an escaped dollar stays a dollar
    ("^[$]$", "$", True),            # so does one in a class
    ("^[]$]$", "$", True),
    ("^a|b$", "b\n", False),
])
def test_dollar_is_the_end_of_the_string(pattern, text, matches):
    assert (ecma(pattern).search(text) is not None) is matches
    assert Validator({"pattern": pattern}).is_valid(text) is matches


def _with_block_scalars(tmp_path, **replace: tuple[str, str]):
    """The qualifying example with some values rewritten as ``|`` block scalars (a final line break)."""
    text = QUALIFYING.read_text(encoding="utf-8")
    for old, new in replace.values():
        assert old in text
        text = text.replace(old, new, 1)
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "evidence").symlink_to(QUALIFYING.parent / "evidence")
    p = folder / "submission.yaml"
    p.write_text(text, encoding="utf-8")
    return p, text


def test_a_trailing_line_break_in_the_division_code_and_a_date_is_a_finding(tmp_path):
    p, text = _with_block_scalars(tmp_path, code=('  code: "339901101"\n', '  code: |\n    339901101\n'),
                                  start=("  start: 2025-01-01\n", "  start: |\n    2025-01-01\n"))
    data = load_file(p).data
    assert data["township"]["code"] == "339901101\n" and data["period"]["start"] == "2025-01-01\n"
    gate = gate_for(None, data["guideline"]["version"])
    validator = validator_for(None, data["guideline"]["version"])
    assert gate is not None and gate(data) is False  # the gate refuses it, so jsonschema looks
    failing = sorted("/".join(map(str, e.absolute_path)) for e in validator.iter_errors(data))
    assert failing == ["period/start", "township/code"]
    lines = text.splitlines()
    found = [(f.code, f.line, f.column, f.path) for f in check_file(p).findings if f.code == "NBS200"]
    assert found == [("NBS200", lines.index("  code: |") + 1, 9, "/township/code"),
                     ("NBS200", lines.index("  start: |") + 1, 10, "/period/start")]


def test_the_same_values_without_the_line_break_pass(tmp_path):
    p, _ = _with_block_scalars(tmp_path, code=('  code: "339901101"\n', '  code: |-\n    339901101\n'))
    result = check_file(p)
    assert [f.code for f in result.findings if f.code == "NBS200"] == []
