"""The ``nbscheck`` command: argument parsing (:mod:`.main`) and one module per command.

``nbscheck.cli:main`` is the console script named in ``pyproject.toml``.
"""

from .main import main

__all__ = ["main"]
