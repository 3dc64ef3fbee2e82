"""User text made safe for the medium it is shown in: a terminal, Markdown, HTML.

Submissions and guidelines come from outside. A terminal obeys escape sequences (an ``ESC [ 2 J``
in a township's name would clear the reviewer's screen; bidirectional overrides can make a line read
differently from what it holds), and Markdown and HTML obey markup. Every string that reaches a report
from a file passes through one of these functions.
"""

from __future__ import annotations

import html
import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(m: re.Match[str]) -> str:
    ch = m.group(0)
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def printable(text: str) -> str:
    """``text`` for a terminal: control characters and direction overrides shown as escapes (``\\x1b``),
    so nothing in a file can move the cursor, change colours or reorder what a reviewer reads."""
    return _CONTROL.sub(_visible, text) if _CONTROL.search(text) else text


_MD_SPECIAL = re.compile(r"([\\`*{}\[\]<>|~]|(?<!\w)_|_(?!\w))")  # an underscore inside a word is no emphasis


def markdown_text(text: str) -> str:
    """``text`` as literal Markdown inline text (also inside a table cell): markup characters escaped,
    line breaks folded into spaces, control characters shown as escapes, HTML left inert."""
    flat = " ".join(printable(text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def html_text(text: str) -> str:
    """``text`` for HTML element content or a quoted attribute."""
    return html.escape(printable(text), quote=True)


_SAFE_URL = re.compile(r"^(?:https?://|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)


def safe_url(url: str) -> str | None:
    """``url`` if it is http(s) or relative; None for ``javascript:``, ``data:`` and every other scheme."""
    u = url.strip()
    return u if u and not _CONTROL.search(u) and _SAFE_URL.match(u) else None
