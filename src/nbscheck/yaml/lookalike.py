"""Full-width and invisible look-alike characters a clerk's input method or a pasted web page leaves
in the YAML punctuation, found before parsing and, where the meaning is certain, corrected.

Why: a township clerk types in a Chinese input method; ``status：met`` (full-width colon),
``　　value: 5`` (ideographic spaces as indentation), ``version: “1.0.0”`` or an invisible no-break
space before a key look right on screen, but YAML reads them as text or fails on a line further down,
one mistake per run. This pre-scan finds all of them in one pass, each on its own line and column,
and hands the parser a corrected copy of the text, so the clerk sees every other finding in the same
run. The same characters inside free text (a note, a Chinese title, guideline prose) are legitimate
and are left alone: only the places where YAML expects punctuation are looked at, and only keys made
of ASCII (the keys of a submission) count as keys.

Corrections keep lines where they are; a column may shift (``：`` becomes ``: ``, a zero-width
character goes), so every corrected line keeps a map from its corrected columns back to the columns
of the file as written, which :class:`nbscheck.yaml.document.Document` applies to every position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..findings import Finding, Position, make

CODES: tuple[str, ...] = ("NBS020", "NBS021", "NBS022", "NBS023")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

# Any of these anywhere: only then does the pre-scan look further (one regex search, at C speed).
SUSPECT = re.compile("[\uff1a\uff0c\u3000\u201c\u201d\u2018\u2019\uff10-\uff19\uff05\u200b-\u200d\ufeff\u00a0]")

_INVISIBLE = {
    "\u3000": ("全角空格", "a full-width space"),
    "\u00a0": ("不换行空格", "a no-break space"),
    "\u200b": ("零宽空格", "a zero-width space"),
    "\u200c": ("零宽非连接符", "a zero-width non-joiner"),
    "\u200d": ("零宽连接符", "a zero-width joiner"),
    "\ufeff": ("零宽不换行空格（BOM）", "a zero-width no-break space (BOM)"),
}
_SPACELIKE = "".join(_INVISIBLE)
_ZERO = "\u200b\u200c\u200d\ufeff"  # no width at all: these are deleted, not made spaces
_FULL_DIGITS = {chr(0xFF10 + i): str(i) for i in range(10)} | {"\uff0e": ".", "\uff0d": "-", "\uff0b": "+",
                                                                "\uff05": "%", "\uff0c": ","}
_NUMBER = re.compile("[0-9\uff10-\uff19.\uff0e,\uff0c+\uff0b\\-\uff0d]*[0-9\uff10-\uff19][0-9\uff10-\uff19.\uff0e,\uff0c%\uff05]*")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*|\"[!#-~ ]*\"|'[ -&(-~]*'|\u201c[!#-~ ]*\u201d|\u2018[ -&(-~]*\u2019")
_BLOCK_HEADER = re.compile(r"(?:^|[:\-]\s)[|>][0-9+\-]*\s*(?:#.*)?$")
_ASCII_WORD = re.compile(r"[!-~]+(?: [!-~]+)*")
# What a clerk puts in quotes to delimit it: a code, a number, a date, a path, one word (ASCII, no
# space). Quotes around Chinese or around several words are the text's own quotation marks.
_CODE_WORD = re.compile(r"[!#-&(-~]+")


@dataclass
class Scan:
    """What the pre-scan found: the findings, the corrected text, and the column maps."""

    findings: list[Finding]
    text: str
    columns: dict[int, list[int]] = field(default_factory=dict)
    """Line number -> for each character of the corrected line, its 0-based column as written."""


def original_column(columns: dict[int, list[int]], line: int, column: int) -> int:
    """The 1-based column as written of 1-based ``column`` of corrected ``line``."""
    cmap = columns.get(line)
    if not cmap or column < 1:
        return column
    if column <= len(cmap):
        return cmap[column - 1] + 1
    return cmap[-1] + 1 + column - len(cmap)


def remap(columns: dict[int, list[int]], f: Finding) -> Finding:
    """``f`` with its column as written (findings made from the corrected text)."""
    if not columns or f.line not in columns or f.sheet is not None:
        return f
    col = original_column(columns, f.line, f.column)
    return f if col == f.column else make(f.code, Position(f.file, f.line, col), clause=f.clause, path=f.path,
                                          severity=f.severity, **f.args)


def scan(text: str, name: str) -> Scan | None:
    """Look-alike characters in YAML punctuation; None when there are none.

    Cheap on purpose, since it runs on every file: an ASCII file costs one ``isascii``; otherwise only
    the lines holding a suspect character are visited (found by a search at C speed), and of those only
    the ones where it stands in a place YAML gives meaning to (:func:`_triggered`) are looked at closely.
    """
    if text.isascii():
        return None
    m = SUSPECT.search(text)
    if m is None:
        return None
    findings: list[Finding] = []
    columns: dict[int, list[int]] = {}
    fixed_lines: dict[int, str] = {}
    spans: dict[int, tuple[int, int]] = {}
    blocks: set[int] | None = None
    line_no, counted = 1, 0
    while m is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        if _triggered(text, start, end):
            line = text[start:end]
            line_no += text.count("\n", counted, start)
            counted = start
            if blocks is None:
                blocks = _block_lines(text.split("\n"), text)
            if line_no - 1 not in blocks:
                cr = "\r" if line.endswith("\r") else ""  # a CRLF file: the line break is not part of the line
                edits = _Line(line[:len(line) - len(cr)], line_no, name)
                edits.run()
                findings += edits.findings
                if edits.edits:
                    fixed, cmap = edits.apply()
                    fixed_lines[line_no], columns[line_no] = fixed + cr, cmap + [len(line) - 1] * len(cr)
                    spans[line_no] = (start, end)
        m = SUSPECT.search(text, end)
    if not findings:
        return None
    out, k = [], 0
    for n in sorted(spans):
        a, b = spans[n]
        out += [text[k:a], fixed_lines[n]]
        k = b
    out.append(text[k:])
    return Scan(findings, "".join(out), columns)


_SP = r"\u3000\u00a0\u200b-\u200d\ufeff"
_KEYISH = r"[A-Za-z_][A-Za-z0-9_.\-]*"
_START = re.compile("|".join((
    rf"[ {_SP}]*[{_SP}]",
    rf" *(?:-[ {_SP}]+)*-[{_SP}\u201c\u2018]",
    rf" *(?:-[ {_SP}]+)*(?:[\u201c\u2018]|{_KEYISH}[ {_SP}]*[{_SP}\uff1a]|\"[^\"]*\" *\uff1a|'[^']*' *\uff1a)",
    rf" *(?:-[ {_SP}]+)*(?:{_KEYISH}|\"[^\"]*\"|'[^']*') *: *(?:[{_SP}\u201c\u2018]|[0-9.+\-]*[\uff10-\uff19\uff05])",
)))
_FLOW = re.compile(r"[{\[][^}\]\n]*[\uff0c\uff1a\u201c\u2018]")
_END = re.compile(rf"[{_SP}] *(?:#.*)?\r?$")
_SPACES = frozenset("\u3000\u00a0\u200b\u200c\u200d\ufeff")


def _triggered(text: str, a: int, b: int) -> bool:
    """Whether a suspect character on the line ``text[a:b]`` stands where YAML's punctuation is: in the
    indentation, next to a list dash, a key's full-width colon or quotes, right after a colon, a value in
    full-width quotes, a number typed full-width (:data:`_START`, tried at the line's start only);
    inside a flow row; or at the end of the line. Other lines (prose) are not looked at."""
    if _START.match(text, a, b):
        return True
    if (text.find("{", a, b) >= 0 or text.find("[", a, b) >= 0) and _FLOW.search(text, a, b):
        return True
    e = b
    while e > a and text[e - 1] in " \r":
        e -= 1
    return e > a and (text[e - 1] in _SPACES or (text.find("#", a, e) >= 0 and _END.search(text, a, b) is not None))


_HEADER_LINE = re.compile(r"(?:^|[:\-] )[ ]*[|>][0-9+\-]*[ ]*(?:#.*)?$", re.M)


def _block_lines(lines: list[str], text: str) -> set[int]:
    """The lines inside ``|`` or ``>`` blocks of text (all free text); one pass, and only when the
    text has a block header at all (submissions seldom do)."""
    if not _HEADER_LINE.search(text):
        return set()
    inside: set[int] = set()
    parent = -1  # the indentation of the open block's header line, or -1
    for i, s in enumerate(lines):
        s = s.rstrip("\r")
        body = s.lstrip(" " + _SPACELIKE)
        if not body:
            if parent >= 0:
                inside.add(i)
            continue
        ind = len(s) - len(body)
        if parent >= 0 and ind > parent:
            inside.add(i)
            continue
        parent = -1
        if _HEADER_LINE.search(s.split(" #", 1)[0].rstrip()):
            parent = ind
    return inside


class _Line:
    """One line's look-alikes: findings and the edits (column, end, replacement) that correct them."""

    def __init__(self, line: str, number: int, name: str):
        self.s = line
        self.n = number
        self.name = name
        self.findings: list[Finding] = []
        self.edits: list[tuple[int, int, str]] = []

    def _find(self, code: str, col: int, **args: object) -> None:
        self.findings.append(make(code, Position(self.name, self.n, col + 1), line=self.n, **args))

    def _space(self, at: int, end: int, where: tuple[str, str]) -> None:
        """A run ``s[at:end]`` of full-width, no-break or zero-width spaces where YAML wants spaces."""
        k = at
        while k < end:
            ch = self.s[k]
            run = k
            while run < end and self.s[run] == ch:
                run += 1
            zh, en = _INVISIBLE[ch]
            gone = ch in _ZERO
            self._find("NBS021", k, where=where[0], where_en=where[1], name=zh, name_en=en, codepoint=f"U+{ord(ch):04X}",
                       fix="删除这个字符。" if gone else "改成普通的半角空格。",
                       fix_en="Delete it." if gone else "Make it an ordinary space.")
            self.edits.append((k, run, "" if gone else " " * (run - k)))
            k = run

    def _punct(self, at: int, char: str, name: tuple[str, str], fix: tuple[str, str], new: str) -> None:
        self._find("NBS020", at, char=char, name=name[0], name_en=name[1], fix=fix[0], fix_en=fix[1],
                   after="本文件其余内容已按改正后的写法检查。", after_en="The rest of the file was checked as if it were corrected.")
        self.edits.append((at, at + 1, new))

    def run(self) -> None:
        s = self.s
        k = 0
        while k < len(s) and s[k] in " " + _SPACELIKE:
            k += 1
        if k == len(s) or s[k] == "#":
            return  # a blank line or a comment: anything goes there
        start = k
        # the structure of a block line: list dashes, then perhaps a key and its colon
        while k < len(s) and s[k] == "-" and (k + 1 == len(s) or s[k + 1] in " " + _SPACELIKE):
            k += 1
            while k < len(s) and s[k] in " " + _SPACELIKE:
                k += 1
        m = _KEY.match(s, k)
        sep = None
        if m:
            j = m.end()
            while j < len(s) and s[j] in " " + _SPACELIKE:
                j += 1
            if j < len(s) and s[j] in ":\uff1a" and (j + 1 == len(s) or s[j + 1] in " #" + _SPACELIKE
                                                      or s[j] == "\uff1a"):
                sep = j
        structural = sep is not None or k > start  # a key line or a list item: YAML's punctuation is here
        if not structural:
            return  # text continued from the line above, or not a line a clerk writes: leave it
        if any(ch in _SPACELIKE for ch in s[:start]):
            self._space_runs(0, start, ("的缩进里", "in the indentation"))
        if k > start:
            self._space_runs(start, k, ("的“-”旁", "next to the '-'"))
        if sep is None:
            self._value(k)
            return
        self._quoted_key(m.start(), m.end())
        if m.end() < sep:
            self._space_runs(m.end(), sep, ("的键后面", "after the key"))
        v = sep + 1
        if s[sep] == "\uff1a":
            need_space = v < len(s) and s[v] not in " #" + _SPACELIKE
            self._punct(sep, "\uff1a", ("全角冒号", "full-width colon"),
                        ("半角冒号加空格“: ”" if need_space else "半角冒号“:”", "': ' (a half-width colon and a space)"
                         if need_space else "':' (a half-width colon)"), ": " if need_space else ":")
        w = v
        while w < len(s) and s[w] in " " + _SPACELIKE:
            w += 1
        if w > v:
            self._space_runs(v, w, ("的冒号后面", "after the colon"))
        self._value(w)

    def _space_runs(self, a: int, b: int, where: tuple[str, str]) -> None:
        k = a
        while k < b:
            if self.s[k] in _SPACELIKE:
                e = k
                while e < b and self.s[e] in _SPACELIKE:
                    e += 1
                self._space(k, e, where)
                k = e
            else:
                k += 1

    def _quoted_key(self, a: int, b: int) -> None:
        if self.s[a] in "\u201c\u2018":
            self._quotes(a, b - 1)

    def _quotes(self, a: int, b: int) -> None:
        """Full-width quotes at ``a`` and ``b`` delimiting ASCII text: YAML's quotes meant."""
        double = self.s[a] == "\u201c"
        inner = self.s[a + 1:b]
        new = '"' if double and "\\" not in inner and '"' not in inner else "'"
        if new == "'" and "'" in inner:
            return  # no quote fits without changing the text: leave it to the parser
        names = (("全角双引号", "full-width double quote"), ("半角双引号“\"”", "'\"' (a half-width double quote)")) if double \
            else (("全角单引号", "full-width single quote"), ("半角单引号“'”", "\"'\" (a half-width single quote)"))
        self._punct(a, self.s[a], *names, new)
        self._punct(b, self.s[b], *names, new)

    def _value(self, a: int) -> None:
        """The value from ``a``: quoted in full-width quotes, a flow row, a number, or trailing spaces."""
        s = self.s
        end = _value_end(s, a)
        body = s[a:end]
        if not body:
            return
        if body[0] in "\u201c\u2018":
            stripped = body.rstrip(" " + _SPACELIKE)
            close = "\u201d" if body[0] == "\u201c" else "\u2019"
            if len(stripped) >= 2 and stripped[-1] in close + ('"' if close == "\u201d" else "'") \
                    and _CODE_WORD.fullmatch(stripped[1:-1]):
                if stripped[-1] == close:
                    self._quotes(a, a + len(stripped) - 1)
                else:
                    self._half_close(a, stripped)
                self._trailing(a + len(stripped), end)
            return
        if body[0] in "{[":
            self._flow(a, end)
            return
        stripped = body.rstrip(" " + _SPACELIKE)
        if _NUMBER.fullmatch(stripped) and any(c in _FULL_DIGITS for c in stripped):
            fixed = "".join(_FULL_DIGITS.get(c, c) for c in stripped)
            self._find("NBS023", a, written=stripped, fixed=fixed)
            for k, c in enumerate(stripped):
                if c in _FULL_DIGITS:
                    self.edits.append((a + k, a + k + 1, _FULL_DIGITS[c]))
        if body[0] not in "\"'":
            self._trailing(a + len(stripped), end)

    def _half_close(self, a: int, stripped: str) -> None:
        """``“met"``: a full-width opening quote closed by an ASCII one."""
        double = stripped[0] == "\u201c"
        names = (("全角双引号", "full-width double quote"), ("半角双引号“\"”", "'\"' (a half-width double quote)")) if double \
            else (("全角单引号", "full-width single quote"), ("半角单引号“'”", "\"'\" (a half-width single quote)"))
        self._punct(a, stripped[0], *names, stripped[-1])

    def _trailing(self, a: int, end: int) -> None:
        """Full-width, no-break or zero-width spaces at the end of a value (before a comment or the end)."""
        s = self.s
        k = a
        while k < end:
            ch = s[k]
            if ch in _SPACELIKE:
                zh, en = _INVISIBLE[ch]
                self._find("NBS022", k, name=zh, name_en=en, codepoint=f"U+{ord(ch):04X}")
                e = k
                while e < end and s[e] == ch:
                    e += 1
                self.edits.append((k, e, "" if ch in _ZERO else " " * (e - k)))
                k = e
            else:
                k += 1

    def _flow(self, a: int, end: int) -> None:
        """A one-line flow row ``{path： a，kind： map}``: its separators, keys and values."""
        s = self.s
        k = a + 1
        opener = s[a]
        while k < end:
            while k < end and s[k] in " " + _SPACELIKE:
                k += 1
            m = _KEY.match(s, k) if opener == "{" else None
            if m:
                j = m.end()
                while j < end and s[j] in " " + _SPACELIKE:
                    j += 1
                if j < end and s[j] == "\uff1a":
                    need = j + 1 < end and s[j + 1] not in " " + _SPACELIKE
                    self._quoted_key(m.start(), m.end())
                    self._punct(j, "\uff1a", ("全角冒号", "full-width colon"),
                                ("半角冒号加空格“: ”" if need else "半角冒号“:”", "': ' (a half-width colon and a space)"
                                 if need else "':' (a half-width colon)"), ": " if need else ":")
                    k = j + 1
                elif j < end and s[j] == ":":
                    k = j + 1
            # the item's value runs to the next separator
            q = k
            while q < end and s[q] in " " + _SPACELIKE:
                q += 1
            stop = q
            while stop < end and s[stop] not in ",\uff0c}]":
                stop += 1
            item = s[q:stop].rstrip(" " + _SPACELIKE)
            if item[:1] in ("\u201c", "\u2018") and len(item) >= 2 and item[-1] in "\u201d\u2019" \
                    and _CODE_WORD.fullmatch(item[1:-1]):
                self._quotes(q, q + len(item) - 1)
            if stop < end and s[stop] == "\uff0c":
                nxt = stop + 1
                while nxt < end and s[nxt] in " " + _SPACELIKE:
                    nxt += 1
                after = _KEY.match(s, nxt)
                key_next = opener == "{" and after is not None and re.match(r"[ \u3000]*[:\uff1a]", s[after.end():end])
                ascii_items = opener == "[" and _ASCII_WORD.fullmatch(item or "x") is not None \
                    and re.match(r"[!-~]", s[nxt:nxt + 1] or "") is not None
                if key_next or ascii_items:
                    self._punct(stop, "\uff0c", ("全角逗号", "full-width comma"), ("半角逗号“,”", "',' (a half-width comma)"), ",")
            k = stop + 1

    def apply(self) -> tuple[str, list[int]]:
        """The corrected line and, for each of its characters, the column it came from."""
        out: list[str] = []
        cmap: list[int] = []
        k = 0
        for a, b, new in sorted(self.edits):
            if a < k:
                continue  # overlapping edits: the first wins
            out.append(self.s[k:a])
            cmap.extend(range(k, a))
            out.append(new)
            cmap.extend([a] * len(new))
            k = b
        out.append(self.s[k:])
        cmap.extend(range(k, len(self.s)))
        return "".join(out), cmap


def _value_end(s: str, a: int) -> int:
    """Where the value starting at ``a`` ends: at a comment (`` #`` outside quotes) or the line's end."""
    quote = ""
    for k in range(a, len(s)):
        c = s[k]
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'" and (k == a or s[k - 1] in " {[,:"):
            quote = c
        elif c == "#" and k > a and s[k - 1] in " \t" + _SPACELIKE:
            return k - 1
    return len(s)
