"""The one registry of rules (nbscheck.registry) against the message catalog.

The third promise, that every catalog code is raised by at least one test, is kept by
``pytest_sessionfinish`` in conftest.py: it records each Finding built during a whole-suite run.
"""

from __future__ import annotations

import inspect
import re

from nbscheck.messages import CATALOG
from nbscheck.registry import declared, rule_modules


def test_declared_codes_are_exactly_the_catalog():
    codes = declared()
    assert set(codes) - set(CATALOG) == set(), "declared in CODES but no message"
    assert set(CATALOG) - set(codes) == set(), "a message that no module declares"


def test_each_module_declares_only_codes_it_names():
    """A declaration is not a promise on paper: the module's own source must name every code it declares."""
    for module in rule_modules():
        source = inspect.getsource(module)
        body = source.split("CODES: tuple[str, ...] =", 1)
        rest = body[0] + body[1].split(")", 1)[1] if len(body) == 2 else source
        named = set(re.findall(r'"(NBS\d{3})"', rest))
        assert set(module.CODES) <= named, f"{module.__name__} declares {sorted(set(module.CODES) - named)} without raising them"
        assert len(set(module.CODES)) == len(module.CODES), f"{module.__name__} declares a code twice"


def test_modules_raising_codes_declare_them():
    """Every code a rule module names in its source is declared there (nothing raised in secret)."""
    for module in rule_modules():
        source = inspect.getsource(module)
        head, _, tail = source.partition("CODES: tuple[str, ...] =")
        rest = head + tail.split(")", 1)[1]
        named = set(re.findall(r'make\(\s*"(NBS\d{3})"|return \(?"(NBS\d{3})"', rest))
        named = {a or b for a, b in named}
        assert named <= set(module.CODES), f"{module.__name__} raises {sorted(named - set(module.CODES))} without declaring them"


def test_lint_rules_are_one_module_per_concern():
    from nbscheck.lint import runner

    seen: set[str] = set()
    for rule in runner.RULES:
        assert callable(rule.check) and rule.CODES
        assert not seen & set(rule.CODES), f"{rule.__name__} shares codes with another lint rule"
        seen |= set(rule.CODES)


def test_no_code_is_written_twice_in_the_catalog():
    """A dict literal keeps the last of two equal keys silently: a second entry for a code would
    replace the first message without any test noticing."""
    import ast
    import collections
    from pathlib import Path

    import nbscheck.messages as messages

    tree = ast.parse(Path(messages.__file__).read_text(encoding="utf-8"))
    twice = [k for node in ast.walk(tree) if isinstance(node, ast.Dict)
             for k, n in collections.Counter(key.value for key in node.keys if isinstance(key, ast.Constant)).items()
             if n > 1]
    assert twice == []
