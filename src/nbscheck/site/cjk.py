"""A Python-Markdown extension: a line break between two Chinese characters is no space.

Browsers render a soft line break in a paragraph as a space, right for English and wrong for
Chinese, where words are not separated (``数据，\\n本网站`` shows as ``数据， 本网站``). This joins
such lines before parsing, only where the characters either side are CJK (ideographs, kana,
fullwidth forms, CJK punctuation), and never inside fenced or indented code.

Engine-neutral on purpose: it is a Markdown extension, not a MkDocs plugin, so any generator that
runs Python-Markdown extensions (MkDocs, Zensical) uses it from its ``markdown_extensions`` list:
``nbscheck.site.cjk``.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

_CJK = "\u2014\u2018-\u201f\u2026\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_END = re.compile(f"[{_CJK}](\\*\\*|`)?$")  # 中文 or **中文** or `中文`
_START = re.compile(f"^[ \\t]*(\\*\\*|[`\\[])?[{_CJK}]")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_BLOCK = re.compile(r"^\s*([-*+]\s|[>|#]|\d+[.)]\s|!!!|\?\?\?|\{:)")


def join_cjk_lines(lines: list[str]) -> list[str]:
    """The lines with every CJK-to-CJK soft break removed (the next line's indent dropped: inside a
    paragraph or a list item, a continuation line's indent has no meaning)."""
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        m = _FENCE.match(line)
        if m:
            mark = m.group(1)[0] * 3
            fence = None if fence and mark == fence else (fence or mark)
            out.append(line)
            continue
        if (fence is None and out and _END.search(out[-1]) and _START.match(line) and not _BLOCK.match(line)):
            out[-1] = out[-1] + line.lstrip()
            continue
        out.append(line)
    return out


class _Join(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return join_cjk_lines(lines)


class CjkExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # after fenced code is stashed (25 and up), before raw HTML blocks are (20)
        md.preprocessors.register(_Join(md), "nbscheck_cjk", 21)


def makeExtension(**kwargs: object) -> CjkExtension:  # noqa: N802 - Python-Markdown's entry name
    return CjkExtension(**kwargs)
