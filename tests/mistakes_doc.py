"""The "常见错误 / common mistakes" section of docs/submission-format.md, made from real findings.

Each row is one file of the clerk corpus (tests/fixtures/clerk/) run through the checker: the line
the clerk wrote, then the message and hint exactly as nbscheck prints them from the message
catalog, in Chinese and in English. ``tests/test_docs.py`` fails when the page is not in step;
``python tests/mistakes_doc.py`` writes the section again.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nbscheck.atomic import write_text  # noqa: E402
from nbscheck.check.checker import check_file  # noqa: E402

PAGE = ROOT / "docs" / "submission-format.md"
CORPUS = ROOT / "tests" / "fixtures" / "clerk"
START = "<!-- common-mistakes:start (python tests/mistakes_doc.py writes this part) -->"
END = "<!-- common-mistakes:end -->"

# The corpus files shown, in the order a clerk meets them.
SHOWN = ("status-fuhe", "status-meet", "status-blank-with-value", "pct-85-percent", "pct-fraction",
         "bool-shi", "num-with-unit-zh", "num-thousands", "unit-gongqing", "unit-mu", "date-chinese",
         "date-slashes", "code-12-digits", "code-unquoted", "kind-zh-name", "path-case", "path-no-suffix",
         "path-backslash-b", "folder-missing", "na-no-justification", "unknown-key",
         "wide-colon", "wide-quotes-version", "wide-space-indent", "wide-digits-percent", "syn-quote-open",
         "syn-key-right", "syn-no-space", "syn-dash-left", "syn-clause-id-right", "syn-colon-in-value", "syn-brace-open")
EXPECT = re.compile(r"# expect: (NBS[0-9]{3}) ([0-9]+):([0-9]+)")


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def rows() -> list[tuple[str, str, str, str]]:
    out = []
    for name in SHOWN:
        path = CORPUS / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        m = EXPECT.match(text)
        assert m, name
        code, line = m[1], int(m[2])
        f = next(f for f in check_file(path).findings if f.code == code and f.line == line)
        written = text.splitlines()[line - 1].strip()
        zh, en = f.message("zh"), f.message("en")
        if f.hint("zh"):
            zh += ("" if zh.endswith(("？", "。")) else "。") + f.hint("zh")
        if f.hint("en"):
            en += ("" if en.endswith(("?", ".")) else ".") + " " + f.hint("en")
        out.append((written, code, zh, en))
    return out


def section() -> str:
    lines = [START, "", "| 写成 written | 代码 code | nbscheck 说（中文） | nbscheck says (English) |", "| --- | --- | --- | --- |"]
    for written, code, zh, en in rows():
        lines.append(f"| `{_cell(written)}` | {code} | {_cell(zh)} | {_cell(en)} |")
    return "\n".join(lines + ["", END])


def current(page: str) -> str:
    i, j = page.find(START), page.find(END)
    return page[i: j + len(END)] if i >= 0 and j > i else ""


def main() -> None:
    page = PAGE.read_text(encoding="utf-8")
    old = current(page)
    assert old, f"{PAGE} has no {START} ... {END} block"
    write_text(PAGE, page.replace(old, section()))


if __name__ == "__main__":
    main()
