"""A seeded generator of small YAML documents that probe where two YAML readers may differ.

Used by the differential test (the fast road against the libyaml reference) and the LF/CRLF test.
Every document is a block mapping at the top (what nbscheck reads); inside it come scalars of every
YAML 1.1/1.2 type in plain, single-quoted, double-quoted, literal and folded styles, block and flow
collections, keys that look like numbers, booleans, null, inf or nan, unicode and control
characters, and block scalars at the end of a file without a final line break.
"""

from __future__ import annotations

import json
import random
from typing import Iterator

PLAIN = [
    # integers as YAML 1.1 and 1.2 write them
    "0", "1", "-1", "+1", "-0", "007", "0999", "0x1F", "0X1f", "0o17", "0b101", "1_000", "12345678901234567890",
    # floats, including forms rapidyaml rewrites or types otherwise
    "1.5", "-1.5", ".5", "-.5", "+.5", "1.", "0.", "0e5", "0E5", "1e3", "1E3", "1e+3", "1.0e-3", "0.0e+0", ".5e2",
    "01.5", "12e03", "1e400", "1_0.5", "6.8523015e+5",
    # infinities and not-a-number in every spelling
    ".inf", "-.inf", "+.inf", ".Inf", ".INF", "inf", "-inf", "Inf", "INF", "infinity", ".nan", ".NaN", ".NAN", "nan", "NaN",
    # booleans and null, 1.1 and 1.2
    "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "on", "On", "off", "OFF",
    "y", "Y", "n", "N", "~", "null", "Null", "NULL",
    # dates and times
    "2025-01-01", "2025-1-1", "2025-01-01T10:00:00Z", "2025-01-01 10:00:00.5 +8", "2001-12-14t21:59:43.10-05:00",
    "14:30", "1:20", "190:20:30",
    # text that starts with an indicator or holds one
    "=", "-x", "-", ".", "..", "x.", "a:b", "a :b", "http://x.org/a", "C:\\Users\\a.pdf", "a#b", "a,b", "a]b", "a}b",
    "?x", ":x", "x?", "%x", "a'b", 'a"b', "a\\b", "<<x", "0e4d4691fcba",
    # ordinary text, unicode
    "abc", "a b c", "青溪乡", "中文 text", "é", "ǅ", "😀", "a\u00a0b", "a\u3000b", "全角：冒号", "a\u200bb",
]
# What submissions are mostly made of: the fast road reads these, so near misses around them are tested.
MILD = ["abc", "a b c", "青溪乡", "中文 text", "1", "-1", "0", "1.5", "-1.5", "1e3", "0.0e+0", "true", "false", "null",
        "2025-01-01", "0e4d4691fcba", "a#b", "x.", "é", "😀", "12345678901234567890", "a,b", "-x", "survey-report",
        "evidence/2023-清单.xlsx", "a'b"]
CONTROL = ["\x01", "\x07", "\x0b", "\x1b", "\x7f", "\x80", "\x85", "\x9f", "\u2028", "\ufeff", "\ufffe"]
KEYS = ["a", "b", "key", "1", "0x1F", "1.5", ".5", "1.", "inf", "nan", ".inf", ".nan", "-.inf", "true", "yes", "no",
        "on", "null", "~", "2025-01-01", "7.10", "=", "0e5", "青", "a b", "a:b", "-x", ""]


def _single(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _double(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


class Generator:
    """Documents from one seed: the same seed gives the same corpus on every machine."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.mild = False

    def text(self) -> str:
        r = self.r
        if self.mild and r.random() < 0.97:
            return r.choice(MILD)
        s = r.choice(PLAIN)
        if r.random() < 0.08:
            s = s[: r.randrange(len(s) + 1)] + r.choice(CONTROL) + s[r.randrange(len(s) + 1):] if s else r.choice(CONTROL)
        return s

    def scalar(self, flow: bool, indent: int) -> str:
        """A scalar in some style, as it is written after ``key: `` or ``- ``."""
        r = self.r
        s = self.text()
        style = r.random()
        if style < 0.55:
            return s
        if style < 0.7:
            return _single(s)
        if style < 0.85 or flow:
            return _double(s)
        head = r.choice(["|", ">", "|-", ">-", "|+", ">+"])
        pad = " " * (indent + 2)
        lines = [s, self.text()] if r.random() < 0.5 else [s]
        body = "".join(f"{pad}{x}\n" for x in lines)
        if r.random() < 0.3:
            body += "\n"
        return head + "\n" + body.rstrip("\n")

    def key(self) -> str:
        k = self.r.choice(KEYS[:3] if self.mild and self.r.random() < 0.9 else KEYS)
        return k if self.r.random() < 0.7 else _double(k)

    def flow(self, depth: int) -> str:
        r = self.r
        if depth > 2 or r.random() < 0.4:
            return self.scalar(True, 0)
        if r.random() < 0.5:
            return "[" + ", ".join(self.flow(depth + 1) for _ in range(r.randrange(4))) + "]"
        items = []
        for _ in range(r.randrange(4)):
            items.append(f"{self.key()}: {self.flow(depth + 1)}" if r.random() < 0.9 else f"{self.key()}:")
        return "{" + ", ".join(items) + "}"

    def block(self, indent: int, depth: int) -> list[str]:
        """Lines of a block mapping at ``indent`` spaces."""
        r = self.r
        pad = " " * indent
        lines: list[str] = []
        used: set[str] = set()
        for _ in range(r.randrange(1, 5)):
            k = self.key()
            if k in used:
                continue
            used.add(k)
            kind = r.random()
            if kind < 0.5 or depth > 3:
                lines.append(f"{pad}{k}: {self.scalar(False, indent)}")
            elif kind < 0.65:
                lines.append(f"{pad}{k}: {self.flow(0)}")
            elif kind < 0.8:
                lines.append(f"{pad}{k}:")
                lines.extend(self.block(indent + 2, depth + 1))
            else:
                lines.append(f"{pad}{k}:")
                seq_pad = pad if r.random() < 0.5 else pad + "  "
                for _ in range(r.randrange(1, 4)):
                    if r.random() < 0.3 and depth < 3:
                        sub = self.block(len(seq_pad) + 2, depth + 1)
                        lines.append(seq_pad + "- " + sub[0].lstrip(" "))
                        lines.extend(sub[1:])
                    else:
                        lines.append(f"{seq_pad}- {self.scalar(False, len(seq_pad))}")
            if r.random() < 0.1:
                lines.append(f"{pad}# {self.text()}")
        return lines

    def document(self) -> str:
        r = self.r
        self.mild = r.random() < 0.5  # half the documents are near what submissions hold
        text = "\n".join(self.block(0, 0)) + "\n"
        if r.random() < (0.03 if self.mild else 0.15):
            text = text.rstrip("\n")  # the last line has no line break (block scalars at EOF)
        if r.random() < 0.05:
            text = "# " + self.text() + "\n" + text
        return text


def corpus(seed: int, count: int) -> Iterator[str]:
    """``count`` documents from ``seed``."""
    g = Generator(seed)
    for _ in range(count):
        yield g.document()
