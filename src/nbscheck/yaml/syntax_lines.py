"""Line helpers for :mod:`nbscheck.yaml.syntax`: indentation, quotes and brackets of one line,
and the mended copies of a text that the next look for a syntax error reads."""

from __future__ import annotations

import re


def indent(s: str) -> int:
    return len(s) - len(s.lstrip(" "))


def content(lines: list[str], i: int) -> bool:
    s = lines[i].strip() if 0 <= i < len(lines) else ""
    return bool(s) and not s.startswith("#")


def prev(lines: list[str], i: int) -> int:
    """The line with content before line ``i`` (0-based), or -1."""
    j = i - 1
    while j >= 0 and not content(lines, j):
        j -= 1
    return j


def key_column(s: str) -> int:
    """Where the key of a block line starts, after its indentation and any ``- `` (0-based)."""
    m = re.match(r" *(?:- +)*", s)
    return m.end() if m else 0


def open_quote(s: str) -> int | None:
    """The column of a quote that opens a value on line ``s`` and does not close on it, or None."""
    k, n = 0, len(s)
    can_start = True
    while k < n:
        c = s[k]
        if c in "\"'" and can_start:
            close = s.find(c, k + 1) if c == "'" else dq_close(s, k + 1)
            if c == "'":
                while close >= 0 and close + 1 < n and s[close + 1] == "'":
                    close = s.find("'", close + 2)
            if close < 0:
                return k
            k = close + 1
            can_start = False
            continue
        if c == "#" and (k == 0 or s[k - 1] in " \t"):
            return None
        can_start = c in " -[{,:" and (c != ":" or k + 1 >= n or s[k + 1] == " ") or (c == " " and can_start)
        if c == " ":
            can_start = k > 0 and (s[k - 1] in ":-,[{ ") and (s[k - 1] != " " or s[:k].strip() == "" or can_start)
        k += 1
    return None


def dq_close(s: str, k: int) -> int:
    while k < len(s):
        if s[k] == "\\":
            k += 2
            continue
        if s[k] == '"':
            return k
        k += 1
    return -1


def join(lines: list[str]) -> str:
    return "\n".join(lines)


def blank(lines: list[str], i: int) -> str:
    """The text with line ``i`` and the lines under it (more indented) blanked out."""
    out = list(lines)
    ind = indent(lines[i])
    out[i] = ""
    j = i + 1
    while j < len(out) and (not content(out, j) or indent(out[j]) > ind):
        out[j] = ""
        j += 1
    return join(out)


def with_line(lines: list[str], i: int, new: str) -> str:
    out = list(lines)
    out[i] = new
    return join(out)


def step(lines: list[str]) -> int:
    """How many spaces the file indents a block by, mostly (2 when it cannot tell)."""
    steps: dict[int, int] = {}
    for i in range(len(lines) - 1):
        if lines[i].split(" #")[0].rstrip().endswith(":") and content(lines, i + 1):
            d = indent(lines[i + 1]) - indent(lines[i])
            if d > 0:
                steps[d] = steps.get(d, 0) + 1
    return max(steps, key=lambda d: (steps[d], -d)) if steps else 2


def columns_open(lines: list[str], p: int) -> list[tuple[int, int]]:
    """The key columns a line ``p`` could line up with: each enclosing block's, nearest first."""
    out: list[tuple[int, int]] = []
    limit = 10 ** 9
    j = p - 1
    while j >= 0 and limit > 0:
        if content(lines, j) and indent(lines[j]) < limit:
            out.append((key_column(lines[j]), j))
            if key_column(lines[j]) != indent(lines[j]):
                out.append((indent(lines[j]), j))
            limit = indent(lines[j])
        j -= 1
    return out


def unclosed(lines: list[str], p: int) -> tuple[int, int] | None:
    """The last ``[`` or ``{`` on lines up to ``p`` that its own line does not close (quotes skipped)."""
    for i in range(p, max(-1, p - 50), -1):
        s = lines[i] if i < len(lines) else ""
        stack: list[int] = []
        quote = ""
        for k, ch in enumerate(s):
            if quote:
                quote = "" if ch == quote else quote
            elif ch in "\"'" and (k == 0 or s[k - 1] in " [{,:"):
                quote = ch
            elif ch == "#" and (k == 0 or s[k - 1] == " "):
                break
            elif ch in "[{":
                stack.append(k)
            elif ch in "]}" and stack:
                stack.pop()
        if stack:
            return i, stack[-1]
    return None


def dash_moved(lines: list[str], p: int) -> tuple[int, int, int] | None:
    """When line ``p`` is the first key under a ``- key: ...`` row that is out of line, not ``p``:
    ``- path: x`` moved a space or two while its ``kind:`` stayed where the list's other rows put
    theirs. Returns (the dash row, the column it belongs at, the row that shows it, or -1)."""
    q = prev(lines, p)
    if q < 0 or not lines[q].lstrip().startswith("- ") or lines[q].lstrip().startswith("- -"):
        return None
    ip, dq = indent(lines[p]), indent(lines[q])
    want = dq + ip - key_column(lines[q])
    if ip == key_column(lines[q]) or want < 0 or lines[p].lstrip().startswith(("-", "#")):
        return None
    for rng in (range(q - 1, max(q - 80, -1), -1), range(p + 1, min(p + 80, len(lines)))):
        for j in rng:
            if not content(lines, j):
                continue
            if indent(lines[j]) < min(want, dq):  # left the list
                break
            if indent(lines[j]) == want and lines[j].lstrip().startswith("- "):
                return q, want, j
    r = q - 1  # a list of one row: the file's usual step under its key says where the dash goes
    while r >= 0 and (not content(lines, r) or indent(lines[r]) >= dq):
        r -= 1
    if r >= 0 and lines[r].split(" #")[0].rstrip().endswith(":") and want - indent(lines[r]) == step(lines) \
            and dq - indent(lines[r]) not in (0, step(lines)):
        return q, want, -1
    return None


def dipped(lines: list[str], p: int) -> tuple[int, int] | None:
    """When a line above ``p`` is the one moved left out of its block, not ``p``: the nearest line
    above ``p`` that is shallower (a ``key: value`` just above, or a ``key:`` with its block under
    it) sits between two keys at ``p``'s column. Returns (the moved line, the sibling above it)."""
    ip = indent(lines[p])
    q = prev(lines, p)
    while q >= 0 and indent(lines[q]) > ip:
        q = prev(lines, q)
    if q < 0 or indent(lines[q]) >= ip or lines[q].lstrip().startswith("-"):
        return None
    complete = re.match(r" *[^ :#][^:#]*: +\S", lines[q]) and not re.search(r":\s*[|>][0-9+\-]*\s*(#.*)?$", lines[q])
    header = re.match(r" *[^ :#\-][^:#]*:\s*(#.*)?$", lines[q])
    below = q + 1
    while below < p and not content(lines, below):
        below += 1
    # a header's block must sit where it would under p's column: one usual step further in
    if not (complete and q == prev(lines, p) or header and q != prev(lines, p) and indent(lines[below]) - ip == step(lines)):
        return None
    j = prev(lines, q)
    if j >= 0 and complete and indent(lines[j]) == indent(lines[q]) and re.match(r" *[^ :#\-][^:#]*:\s*(#.*)?$", lines[j]):
        return q, p  # ``period:`` / ``start: x`` at period's column / ``  end: y``: start was period's first key
    while j >= 0 and indent(lines[j]) > ip:
        j = prev(lines, j)
    if j >= 0 and indent(lines[j]) == ip and not lines[j].lstrip().startswith("-") and ":" in lines[j]:
        return q, j
    return None
