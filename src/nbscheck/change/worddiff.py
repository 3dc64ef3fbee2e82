"""A word-level diff that works for Chinese as well as English.

Chinese has no spaces between words, so a character diff is too fine (``[-恢复-]{+修复+}`` would
show as ``[-恢-]{+修+}复``) and a whitespace diff is useless (the whole sentence is one "word").
Runs of Chinese characters are therefore segmented into words with jieba's dictionary (without its
HMM guesser, so the result depends only on the dictionary shipped with jieba); everything else is
split into words, numbers, single punctuation marks and runs of whitespace. The two token lists are
compared with :class:`difflib.SequenceMatcher`, and tiny equal pieces between two changes (a space,
one character) are folded into the change so that the result reads as whole phrases.

The result is a list of ``(op, text)`` pairs, ``op`` being ``equal``, ``delete`` or ``insert``; it
renders as text with ``[-old-]{+new+}`` markers (optionally coloured) or as HTML with ``<del>`` and
``<ins>``, which GitHub's Markdown and MkDocs both display.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from functools import lru_cache
from typing import Callable, Iterable, Sequence

EQUAL, DELETE, INSERT = "equal", "delete", "insert"
Op = tuple[str, str]

# CJK ideographs (with extensions and compatibility ideographs): the text jieba segments.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_RUNS = re.compile(f"([{_CJK}]+)")
_OTHER = re.compile(r"\s+|[^\W_]+(?:['’.][^\W_]+)*|.", re.UNICODE)


@lru_cache(maxsize=1)
def _jieba():
    """jieba, or None when it is not installed (it comes with ``nbscheck[site]``)."""
    import logging

    try:
        import jieba
    except ImportError:
        return None

    jieba.setLogLevel(logging.WARNING)  # silence "Building prefix dict ..." on stderr
    jieba.initialize()
    return jieba


@lru_cache(maxsize=4096)
def _segment(run: str) -> tuple[str, ...]:
    seg = _jieba()
    if len(run) == 1 or seg is None:
        return tuple(run)  # without jieba: one token per character, still a correct (finer) diff
    return tuple(seg.lcut(run, HMM=False))


def tokenize(text: str) -> list[str]:
    """Split ``text`` into words: jieba for Chinese runs, word/number/punctuation/space otherwise.

    Joining the tokens gives ``text`` back exactly.
    """
    out: list[str] = []
    for i, part in enumerate(_RUNS.split(text)):
        if not part:
            continue
        if i % 2:  # a run of Chinese characters
            out.extend(_segment(part))
        else:
            out.extend(_OTHER.findall(part))
    return out


def diff_words(old: str, new: str) -> list[Op]:
    """The word-level difference between ``old`` and ``new`` as ``(op, text)`` pairs."""
    a, b = tokenize(old), tokenize(new)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            ops.append((EQUAL, "".join(a[i1:i2])))
        else:
            if i2 > i1:
                ops.append((DELETE, "".join(a[i1:i2])))
            if j2 > j1:
                ops.append((INSERT, "".join(b[j1:j2])))
    return _cleanup(ops)


def _small(text: str) -> bool:
    """An equal piece too small to stand between two changes: whitespace or one character."""
    return not text.strip() or len(text) == 1


def _cleanup(ops: list[Op]) -> list[Op]:
    """Fold tiny equal pieces between changes into them, then merge runs of the same operation."""
    changed = True
    while changed:
        changed = False
        out: list[Op] = []
        i = 0
        while i < len(ops):
            op, text = ops[i]
            if (op == EQUAL and 0 < i < len(ops) - 1 and ops[i - 1][0] != EQUAL and ops[i + 1][0] != EQUAL
                    and _small(text)):
                out.append((DELETE, text))
                out.append((INSERT, text))
                changed = True
            else:
                out.append((op, text))
            i += 1
        ops = _merge(out)
    return ops


def _merge(ops: Iterable[Op]) -> list[Op]:
    """Join neighbours of the same kind, and order each change as all deletions, then insertions."""
    out: list[Op] = []
    pending = {DELETE: "", INSERT: ""}

    def flush() -> None:
        for kind in (DELETE, INSERT):
            if pending[kind]:
                out.append((kind, pending[kind]))
                pending[kind] = ""

    for op, text in ops:
        if not text:
            continue
        if op == EQUAL:
            flush()
            if out and out[-1][0] == EQUAL:
                out[-1] = (EQUAL, out[-1][1] + text)
            else:
                out.append((EQUAL, text))
        else:
            pending[op] += text
    flush()
    return out


def changed(ops: Sequence[Op]) -> bool:
    return any(op != EQUAL for op, _ in ops)


def _trivial(text: str) -> bool:
    return all(ch.isspace() or unicodedata.category(ch)[0] in "PZ" for ch in text)


def only_punctuation(ops: Sequence[Op]) -> bool:
    """True when every change only adds, removes or swaps punctuation and spaces."""
    return changed(ops) and all(op == EQUAL or _trivial(text) for op, text in ops)


def render_text(ops: Sequence[Op], paint: Callable[[str, str], str] | None = None) -> str:
    """``乡镇应[-恢复-]{+修复+}退化湿地。``; ``paint(text, kind)`` may colour the changed parts."""
    out = []
    for op, text in ops:
        if op == EQUAL:
            out.append(text)
        else:
            marked = f"[-{text}-]" if op == DELETE else f"{{+{text}+}}"
            out.append(paint(marked, op) if paint else marked)
    return "".join(out)


def render_html(ops: Sequence[Op], escape: Callable[[str], str] | None = None) -> str:
    """``乡镇应<del>恢复</del><ins>修复</ins>退化湿地。``, with the text escaped for HTML."""
    esc = escape or (lambda s: html.escape(s, quote=False))
    out = []
    for op, text in ops:
        if op == EQUAL:
            out.append(esc(text))
        elif op == DELETE:
            out.append(f"<del>{esc(text)}</del>")
        else:
            out.append(f"<ins>{esc(text)}</ins>")
    return "".join(out)
