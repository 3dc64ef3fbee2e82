"""Which module raises which finding code: the one registry of rules.

Every module that raises finding codes declares them once, at module level, as ``CODES``; this module
finds those declarations by walking the package, so a new rule module needs no list to be edited
here. ``tests/test_registry.py`` holds the registry to the message catalog: every declared code has a
message, every message is declared by some module, and every code is raised by at least one test.
The site package is left out: it renders pages and raises no findings (and its packages are an
optional extra).
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import nbscheck

_SKIP = ("nbscheck.site", "nbscheck.mkdocs_plugin", "nbscheck.__main__")


def rule_modules() -> list[ModuleType]:
    """Every module of the package that declares ``CODES``, in name order."""
    out = []
    for info in pkgutil.walk_packages(nbscheck.__path__, "nbscheck."):
        if info.name.startswith(_SKIP):
            continue
        module = importlib.import_module(info.name)
        if isinstance(getattr(module, "CODES", None), tuple):
            out.append(module)
    return out


def declared() -> dict[str, tuple[str, ...]]:
    """Each finding code and the modules that declare it (most codes have one; a few rules share one)."""
    out: dict[str, list[str]] = {}
    for module in rule_modules():
        for code in module.CODES:
            out.setdefault(code, []).append(module.__name__)
    return {code: tuple(mods) for code, mods in sorted(out.items())}
