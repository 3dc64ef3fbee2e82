""""Did you mean ...?" for mistyped commands and options, and shell completion scripts.

``nbscheck lnit`` would otherwise be read as ``nbscheck check lnit`` and report that the file ``lnit``
cannot be read; a word that is no file, has no file extension and is close to a command name is taken
for a mistyped command instead. Completion scripts come from the parser itself through shtab, so they
never fall behind the options.
"""

from __future__ import annotations

import argparse
import difflib
import re
from pathlib import Path

from ..suggest import closest

SHELLS = ("bash", "zsh", "tcsh")


def mistyped_command(word: str, commands: tuple[str, ...]) -> list[str]:
    """The commands ``word`` was probably meant to be, as close as each other (``lnit``: init, lint);
    none when it may well be a file name."""
    if word.startswith("-") or "." in word or "/" in word or "\\" in word or Path(word).exists():
        return []
    scored = [(difflib.SequenceMatcher(None, word, c).ratio(), c) for c in commands]
    best = max(score for score, _ in scored)
    return sorted(c for score, c in scored if score == best and score >= 0.6)


def option_hint(parser: argparse.ArgumentParser, message: str) -> str:
    """A "did you mean" line for argparse's message about an unknown option or a bad choice ('' if none)."""
    m = re.search(r"unrecognized arguments: (\S+)", message)
    if m and m.group(1).startswith("-"):
        word = m.group(1).split("=")[0]
        best = closest(word, [o for a in _all_actions(parser) for o in a.option_strings if o.startswith("--")])
        if best:
            return f"是否想写 {best}？ / Did you mean {best}?\n"
    m = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if m:
        best = closest(m.group(1), re.findall(r"'([^']*)'", m.group(2)) or [c.strip() for c in m.group(2).split(",")])
        if best:
            return f"是否想写 {best}？ / Did you mean {best}?\n"
    return ""


def _all_actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The options of ``parser`` and of its sub-commands (the top level reports their leftovers)."""
    out = list(parser._actions)
    for a in parser._actions:
        if isinstance(a, argparse._SubParsersAction):
            for sub in a.choices.values():
                out += _all_actions(sub)
    return out


def completion_script(parser: argparse.ArgumentParser, shell: str) -> str:
    import shtab

    return shtab.complete(parser, shell=shell)
