"""YAML syntax errors in a clerk's words, on the line where the mistake is, all of them in one run.

Why: libyaml reports the place where it gave up, in English ("mapping values are not allowed in
this context"), which is often a line or more below the mistake (a quote opened on line 5 fails on
line 9), and it stops at the first. Here each of libyaml's problem classes, with its context mark
and the lines around it, is read back to the mistake a person makes (an unpaired quote, a key or a
``-`` at the wrong column, a missing space after a colon, a value holding ``: ``, an unclosed
bracket, a backslash in double quotes) and told in plain Chinese and English with a fix. The line
is then mended (or blanked together with the lines under it) and the text parsed again, so that up
to :data:`MAX_ERRORS` mistakes are reported in one run. The mended text is never used as data: a
file with a syntax error is not checked further.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..findings import Finding, Position, make
from .compose import compose
from .syntax_lines import (blank, columns_open, content, dash_moved, dipped, dq_close, indent, key_column,
                           open_quote, prev, step, unclosed, with_line)

CODES: tuple[str, ...] = ("NBS004", "NBS007", "NBS015", "NBS017", "NBS020", "NBS024", "NBS025", "NBS026",
                          "NBS027", "NBS028", "NBS029")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

MAX_ERRORS = 10
"""At most this many syntax errors are reported for one file (each costs one more parse)."""

_KEY_NO_SPACE = re.compile(r"^( *(?:- +)*)([A-Za-z_][A-Za-z0-9_.\-]*|\"[^\"\n]*\"|'[^'\n]*'):(?=[^ \n#/\\])")
_KEY_LINE = re.compile(r"^( *(?:- +)*)([^ #\-\"'][^:#\n]*?|\"[^\"\n]*\"|'[^'\n]*') *:(?: |$)")
_WIDE_KEY = re.compile(r"^ *(?:- +)*[^\s:#\"'{\[\-][^:#\n\uff1a]*\uff1a")
_BLOCK_HEADER = re.compile(r"[|>][0-9+\-]*\s*(?:#.*)?$")
_GENERIC = ("的写法无法读取", "cannot be read as YAML",
            "检查这一行和上一行：缩进是否与同级的键对齐，冒号后是否有空格，引号和括号是否成对。",
            "Check this line and the one above: that it lines up with the keys beside it, that each colon has a "
            "space after it and that quotes and brackets are paired.")


@dataclass
class _Told:
    """One explained mistake and the mended text to look for the next one in (None: stop)."""

    finding: Finding
    mended: str | None


def syntax_findings(error: MarkedYAMLError, text: str, name: str) -> list[Finding]:
    """Every syntax mistake found from libyaml's first ``error`` on, explained (at most MAX_ERRORS)."""
    out: list[Finding] = []
    seen: set[int] = set()
    for _ in range(MAX_ERRORS if len(text) < 1 << 20 else 2):  # each look costs a parse of the whole file
        try:
            told = _explain(error, text, name)
        except Exception:  # noqa: BLE001 - a wrong guess must not cost the clerk a traceback
            told = _Told(_generic(error, name), None)
        if told.finding.line in seen:
            break
        seen.add(told.finding.line)
        out.append(told.finding)
        if told.mended is None or told.mended == text:
            break
        text = told.mended
        try:
            compose(text)
            break
        except MarkedYAMLError as e:
            error = e
        except (YAMLError, RecursionError):
            break
    return sorted(out, key=lambda f: (f.line, f.column))


def _generic(e: MarkedYAMLError, name: str) -> Finding:
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return make("NBS004", Position(name, line, col), line=line, problem=_GENERIC[0], problem_en=_GENERIC[1],
                fix=_GENERIC[2], fix_en=_GENERIC[3])


def _at(code: str, file: str, i: int, col: int, /, **args: object) -> Finding:
    return make(code, Position(file, i + 1, col + 1), line=i + 1, **args)


# Where libyaml breaks lines (its marks count these), so the lines here are its lines.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _explain(e: MarkedYAMLError, text: str, name: str) -> _Told:
    lines = _BREAK.split(text)
    pm, cm = e.problem_mark, e.context_mark
    problem = (e.problem or "").strip()
    context = (e.context or "").strip()
    p = pm.line if pm else (cm.line if cm else 0)
    pc = pm.column if pm else (cm.column if cm else 0)
    c = cm.line if cm else p
    p = min(p, len(lines) - 1)
    src = lines[p] if 0 <= p < len(lines) else ""

    # a tab in the indentation (libyaml says "cannot start any token" or worse, sometimes a line later)
    for i in (p, prev(lines, p)):
        if 0 <= i < len(lines):
            body = lines[i].lstrip(" \t")
            if "\t" in lines[i][:len(lines[i]) - len(body)]:
                tab = lines[i].index("\t")
                return _Told(make("NBS007", Position(name, i + 1, tab + 1)),
                             with_line(lines, i, lines[i][:len(lines[i]) - len(body)].replace("\t", "  ") + body))
    if "expected a single document" in str(e):
        return _Told(make("NBS015", Position(name, p + 1, pc + 1)), None)
    if problem == "found unexpected ':'" and ("{" in src or "[" in src or "{" in text or "[" in text):
        return _Told(make("NBS017", Position(name, p + 1, pc + 1)), blank(lines, p))

    # a backslash in double quotes that is no escape YAML knows
    if context == "while parsing a quoted scalar" and ("escape" in problem or "hexdecimal" in problem) and cm:
        s = lines[c]
        close = dq_close(s, cm.column + 1)
        written = s[cm.column + 1: close if close > 0 else len(s)]
        mended = s[:cm.column] + "''" + (s[close + 1:] if close > 0 else "")
        return _Told(_at("NBS029", name, c, cm.column, written=written, forward=written.replace("\\", "/")),
                     with_line(lines, c, mended))

    # a quote that opens and does not close on its line: the mistake is where it opens
    first = max(min(c, p) if cm else p - 1, p - 50, 0)
    for i in range(first, p + 1):
        if not content(lines, i):
            continue
        at = open_quote(lines[i])
        if at is not None and not (i == p and at >= pc and context != "while scanning a quoted scalar"):
            q = lines[i][at]
            return _Told(_quote(name, i, at, q, "open"), with_line(lines, i, lines[i].rstrip() + q))
    if context == "while scanning a quoted scalar" and cm:
        q = lines[c][cm.column] if cm.column < len(lines[c]) else '"'
        return _Told(_quote(name, c, cm.column, q, "open"), with_line(lines, c, lines[c].rstrip() + q))

    if context.startswith("while parsing a flow"):
        opened = unclosed(lines, p)
        if opened is not None:
            return _flow(lines, opened[0], opened[1], name)
        if cm and problem.startswith("did not find expected ','"):
            return _flow(lines, c, cm.column, name)
    # text after a closing quote: 'name: "白沙" 镇'
    before = src[:pc].rstrip()
    if before.endswith(("\"", "'")) and problem.startswith("did not find expected"):
        q = before[-1]
        opener = before.rfind(q, 0, len(before) - 1)
        if opener >= 0:
            return _Told(_quote(name, p, opener, q, "after"), with_line(lines, p, src[:opener] + "''"))

    if problem == "could not find expected ':'" and context == "while scanning a simple key" and cm:
        return _no_colon(lines, c, name)
    if problem == "mapping values are not allowed in this context":
        return _mapping_here(lines, p, pc, name)
    if problem == "block sequence entries are not allowed in this context":
        return _Told(_at("NBS027", name, p, pc, fix="“-”不能和“键:”写在同一行：把列表项换到下一行，比键多缩进两个空格。",
                         fix_en="A '-' cannot follow 'key:' on its line: put the list item on the next line, two spaces "
                                "further in than the key."), with_line(lines, p, src[:pc].rstrip()))
    if problem.startswith(("did not find expected key", "did not find expected '-'", "expected <block end>",
                           "did not find expected <document start>")):
        return _misplaced(lines, p, name)
    if problem == "found character that cannot start any token" and pc < len(src):
        ch = src[pc]
        return _Told(_at("NBS004", name, p, pc, problem=f"的值不能以“{ch}”开头", problem_en=f"a value cannot start with '{ch}'",
                         fix=f"给整个值加上引号，如 \"{src[pc:].strip()}\"。", fix_en="Put the whole value in quotes."),
                     with_line(lines, p, src[:pc] + "''"))
    f = _generic(e, name)
    return _Told(f, blank(lines, f.line - 1) if 0 <= f.line - 1 < len(lines) else None)


_QUOTES = {'"': ("双引号“\"”", "double quote '\"'"), "'": ("单引号“'”", "single quote \"'\"")}


def _quote(name: str, i: int, col: int, q: str, kind: str) -> Finding:
    zh, en = _QUOTES.get(q, _QUOTES['"'])
    if kind == "open":
        return _at("NBS024", name, i, col, quote=zh, quote_en=en, what="没有配对：从这里开始，到行末还没有结束",
                   what_en="is not paired: it opens here and does not close on the line",
                   fix="在值的末尾补上同样的引号，或删去这个引号；值里本身要用引号时，外面改用另一种引号。",
                   fix_en="Close it at the end of the value, or remove it; if the value itself holds this quote, "
                          "enclose it in the other kind.")
    return _at("NBS024", name, i, col, quote=zh, quote_en=en, what="后面还有文字：引号结束后，这一行不能再写别的",
               what_en="is followed by more text: nothing may follow the closing quote on the line",
               fix="把整个值都放进引号里，或删去引号。", fix_en="Put the whole value inside the quotes, or remove them.")


def _no_space(lines: list[str], i: int, name: str) -> _Told | None:
    m = _KEY_NO_SPACE.match(lines[i])
    if not m:
        return None
    at = m.end() - 1  # the colon
    s = lines[i]
    written = s[len(m.group(1)):].split(" #")[0].strip()
    fixed = written.replace(":", ": ", 1)
    return _Told(_at("NBS026", name, i, at, written=written, fixed=fixed), with_line(lines, i, s[:at + 1] + " " + s[at + 1:]))


def _no_colon(lines: list[str], i: int, name: str) -> _Told:
    told = _no_space(lines, i, name)
    if told:
        return told
    s = lines[i]
    wide = s.find("\uff1a")
    if wide >= 0:
        return _Told(_at("NBS020", name, i, wide, char="\uff1a", name="全角冒号", name_en="full-width colon",
                         fix="半角冒号加空格“: ”", fix_en="': ' (a half-width colon and a space)", after="", after_en=""),
                     with_line(lines, i, s[:wide] + ": " + s[wide + 1:].lstrip(" \u3000")))
    return _Told(_at("NBS004", name, i, indent(s), problem="既不是“键: 值”，也不是以“-”开头的列表项",
                     problem_en="is neither 'key: value' nor a list item starting with '-'",
                     fix="写成“键: 值”（冒号后有空格）；若这是上一行文字的延续，把它们并成一行，或给整段文字加上引号。",
                     fix_en="Write 'key: value' (a space after the colon); if it continues the text of the line above, "
                            "join the two lines or put the whole text in quotes."), blank(lines, i))


def _odd_first(lines: list[str], p: int) -> _Told | None:
    """When the first key of a block is the one out of line, not ``p`` where libyaml stumbled:
    ``a:`` / ``   x: 1`` / ``  y: 2`` / ``  z: 3`` - the lines after agree with ``p``, so ``x`` moved."""
    ip = indent(lines[p])
    q = prev(lines, p)
    if q >= 0 and indent(lines[q]) < ip:  # p deeper than the first child above it ("mapping values ...")
        r = prev(lines, q)
        if r < 0 or not lines[r].split(" #")[0].rstrip().endswith(":") or indent(lines[r]) >= indent(lines[q]):
            return None
    else:  # p shallower than the block it ends: the block's first line set a column nothing else uses
        r = p - 1
        while r >= 0 and (not content(lines, r) or indent(lines[r]) >= ip):
            r -= 1
        q = r + 1
        while q < p and not content(lines, q):
            q += 1
        if q >= p or any(content(lines, j) and indent(lines[j]) == indent(lines[q]) for j in range(q + 1, p)):
            return None
    if not _KEY_LINE.match(lines[q]) or lines[q].lstrip().startswith("-"):
        return None
    iq = indent(lines[q])
    parent = indent(lines[r]) if r >= 0 else -1
    if iq == ip or ip <= parent:
        return None
    n = p + 1  # the next line at p's column or shallower: at p's column, the file agrees with p
    while n < len(lines) and (not content(lines, n) or indent(lines[n]) > ip):
        n += 1
    agree = n < len(lines) and indent(lines[n]) == ip
    if not agree:
        usual = step(lines)  # two lines, two columns: the one the rest of the file uses is right
        if not (ip - max(parent, 0) == usual and iq - max(parent, 0) != usual) and not (parent < 0 and ip == 0):
            return None
    key = lines[q].strip().split(":")[0]
    return _Told(_at("NBS025", "", q, iq, key=key,
                     fix=f"与第 {p + 1} 行的“{lines[p].strip().split(':')[0]}”对齐：行首留 {ip} 个空格。",
                     fix_en=f"Line it up with the key on line {p + 1}: {ip} spaces at the start of the line."),
                 with_line(lines, q, " " * ip + lines[q].lstrip(" ")))


def _mapping_here(lines: list[str], p: int, pc: int, name: str) -> _Told:
    """libyaml: "mapping values are not allowed in this context" at a ':' on line ``p``."""
    s = lines[p]
    q = prev(lines, p)
    if q >= 0:
        told = _no_space(lines, q, name)
        if told and indent(lines[q]) == indent(s) or (told and key_column(lines[q]) == indent(s)):
            return told
    if q >= 0 and indent(lines[q]) == indent(s) and ":" not in lines[q] and not lines[q].lstrip().startswith(("-", "#")):
        return _no_colon(lines, q, name)  # the line above has no colon: it ran on into this one
    if q >= 0 and indent(s) > indent(lines[q]) and _WIDE_KEY.match(lines[q]):
        return _no_colon(lines, q, name)  # '- 文件：x' above: its key has a full-width colon, so x ran on
    odd = _odd_first(lines, p)
    if odd is not None:
        return _named(odd, name)
    moved = _moved_row(lines, p, name)
    if moved is not None:
        return moved
    first = s.find(": ", key_column(s))
    if 0 <= first < pc and _KEY_LINE.match(s):
        m = _KEY_LINE.match(s)
        key = m.group(2).strip()
        value = s[m.end():].split(" #")[0].strip()
        quoted = "'" + value.replace("'", "''") + "'"
        return _Told(_at("NBS028", name, p, m.end(), key=key, value=value.replace('"', "'")),
                     with_line(lines, p, s[:m.end()] + quoted))
    if q >= 0 and indent(s) > key_column(lines[q]):
        r = prev(lines, q)
        if r >= 0 and lines[r].split(" #")[0].rstrip().endswith(":") and indent(lines[q]) <= indent(lines[r]) \
                and indent(s) > indent(lines[r]) and _KEY_LINE.match(lines[q]):
            # the line above was moved left out of the block its key opens: it is the mistaken one
            key = lines[q].strip().split(":")[0]
            return _Told(_at("NBS025", name, q, indent(lines[q]), key=key,
                             fix=f"与第 {p + 1} 行的“{s.strip().split(':')[0]}”对齐：行首留 {indent(s)} 个空格。",
                             fix_en=f"Line it up with the key on line {p + 1}: {indent(s)} spaces at the start of the line."), with_line(lines, q, " " * indent(s) + lines[q].lstrip(" ")))
        prev_body = lines[q].split(" #")[0].rstrip()
        complete = (re.search(r": +\S", prev_body) and not _BLOCK_HEADER.search(prev_body)) or \
            re.match(r" *- +[^ :][^:]*$", prev_body)
        if complete:
            return _wrong_column(lines, p, q, name)
    return _Told(_at("NBS004", name, p, pc, problem=_GENERIC[0], problem_en=_GENERIC[1],
                     fix=_GENERIC[2], fix_en=_GENERIC[3]), blank(lines, p))


def _moved_row(lines: list[str], p: int, name: str) -> _Told | None:
    """The line above ``p`` is the one out of line: a ``-`` row whose key no longer lines up with the
    keys under it, or a ``key: value`` moved left out of its block between two siblings."""
    dash = dash_moved(lines, p)
    if dash is not None:
        q, want, j = dash
        where = (f"与第 {j + 1} 行的“-”对齐：行首留 {want} 个空格。", f"Line it up with the '-' on line {j + 1}: {want} "
                 "spaces at the start of the line.") if j >= 0 else (
            f"行首留 {want} 个空格，使“-”后的键与下一行的键对齐。",
            f"{want} spaces at the start of the line, so that the key after '-' lines up with the key below it.")
        return _Told(_at("NBS027", name, q, indent(lines[q]), fix=where[0], fix_en=where[1]),
                     with_line(lines, q, " " * want + lines[q].lstrip(" ")))
    dip = dipped(lines, p)
    if dip is not None:
        q, j = dip
        want = indent(lines[j])
        key, sib = (lines[k].strip().split(":")[0].strip("\"'") for k in (q, j))
        return _Told(_at("NBS025", name, q, indent(lines[q]), key=key,
                         fix=f"与第 {j + 1} 行的“{sib}”对齐：行首留 {want} 个空格。",
                         fix_en=f"Line it up with the key on line {j + 1}: {want} spaces at the start of the line."),
                     with_line(lines, q, " " * want + lines[q].lstrip(" ")))
    return None


def _named(told: _Told, name: str) -> _Told:
    f = told.finding
    return _Told(make(f.code, Position(name, f.line, f.column), **f.args), told.mended)


def _wrong_column(lines: list[str], p: int, q: int, name: str) -> _Told:
    s = lines[p]
    want = key_column(lines[q])
    key = s.strip().split(":")[0].strip()
    return _Told(_at("NBS025", name, p, indent(s), key=key,
                     fix=f"与第 {q + 1} 行的“{lines[q].strip().split(':')[0].lstrip('- ')}”对齐：行首留 {want} 个空格。",
                     fix_en=f"Line it up with the key on line {q + 1}: {want} spaces at the start of the line."),
                 with_line(lines, p, " " * want + s.lstrip(" ")))


def _misplaced(lines: list[str], p: int, name: str) -> _Told:
    """A key or a ``-`` that lines up with nothing: libyaml's "did not find expected key"."""
    s = lines[p]
    ind = indent(s)
    options = columns_open(lines, p)
    if s.lstrip().startswith("-"):
        dashes = [next(((indent(lines[j]), j) for j in range(p - 1, -1, -1) if lines[j].lstrip().startswith("- ")), None)]
        dashes = [d for d in dashes if d is not None]
        want, j = dashes[0] if dashes else (min(options, key=lambda o: abs(o[0] - ind))[0] if options else 0, -1)
        where = (f"与第 {j + 1} 行的“-”对齐：行首留 {want} 个空格。", f"Line it up with the '-' on line {j + 1}: {want} spaces "
                 f"at the start of the line.") if j >= 0 else ("同一列表的各项要对齐。", "Line up the items of one list.")
        return _Told(_at("NBS027", name, p, ind, fix=where[0], fix_en=where[1]), with_line(lines, p, " " * want + s.lstrip(" ")))
    odd = _odd_first(lines, p) if _KEY_LINE.match(s) else None
    if odd is not None:
        return _named(odd, name)
    moved = _moved_row(lines, p, name) if _KEY_LINE.match(s) else None
    if moved is not None:
        return moved
    if not _KEY_LINE.match(s) or not options:
        return _Told(_at("NBS004", name, p, ind, problem=_GENERIC[0], problem_en=_GENERIC[1], fix=_GENERIC[2],
                         fix_en=_GENERIC[3]), blank(lines, p))
    want, j = min(options, key=lambda o: (abs(o[0] - ind), -o[0]))
    return _wrong_column(lines, p, j, name) if want == key_column(lines[j]) else _Told(
        _at("NBS025", name, p, ind, key=s.strip().split(":")[0], fix=f"行首留 {want} 个空格，与同级的键对齐。",
            fix_en=f"{want} spaces at the start of the line, in line with the keys beside it."),
        with_line(lines, p, " " * want + s.lstrip(" ")))


def _flow(lines: list[str], c: int, col: int, name: str) -> _Told:
    s = lines[c]
    opener = s[col] if col < len(s) else "["
    closer = "]" if opener == "[" else "}"
    depth = 0
    for ch in s[col:]:
        depth += ch == opener
        depth -= ch == closer
    if depth > 0:
        zh = "方括号" if opener == "[" else "花括号"
        en = "bracket" if opener == "[" else "brace"
        return _Told(_at("NBS004", name, c, col, problem=f"的{zh}“{opener}”没有配对的“{closer}”",
                         problem_en=f"the {en} '{opener}' has no closing '{closer}'",
                         fix=f"在这一行末尾补上“{closer}”；{zh}里的内容要写在同一行。",
                         fix_en=f"Close it with '{closer}' at the end of this line; what is inside stays on one line."),
                     with_line(lines, c, s.rstrip() + closer * depth))
    return _Told(_at("NBS004", name, c, col, problem="的括号里的内容无法读取",
                     problem_en="what is inside the brackets cannot be read",
                     fix="括号里的各项用半角逗号“,”分开；含有逗号、冒号或括号的值要加引号。",
                     fix_en="Separate the items with commas ','; quote a value that holds a comma, a colon or a bracket."),
                 blank(lines, c))
