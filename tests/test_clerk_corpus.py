"""The clerk corpus (issue 12): a hundred typical mistakes of a first-time user, one file each.

Every file says on its first line which finding its mistake must give and where
(``# expect: NBS207 25:12``); see tests/fixtures/clerk/make_corpus.py. Each must be found with that
code on that line and column, never with a traceback, and no Chinese message or hint may speak
parser or schema: no null, mapping, scalar, pattern or JSON path.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nbscheck.check.checker import check_file

CORPUS = Path(__file__).resolve().parent / "fixtures" / "clerk"
FILES = sorted(CORPUS.glob("*.yaml"))
EXPECT = re.compile(r"# expect: (NBS[0-9]{3}) ([0-9]+):([0-9]+)")

# Words a township clerk should never have to read in a Chinese message or hint.
JARGON = re.compile(r"null|None|mapping|映射|scalar|标量|regex|正则|\^\[|\[0-9|\$|answers/|/evidence/|"
                    r"schema|jsonschema|instance|validator|Traceback")


def expected(path: Path) -> tuple[str, int, int]:
    m = EXPECT.match(path.read_text(encoding="utf-8"))
    assert m, f"{path.name} has no '# expect:' line"
    return m[1], int(m[2]), int(m[3])


def test_the_corpus_holds_about_a_hundred_mistakes():
    assert len(FILES) >= 100
    assert len({expected(p)[0] for p in FILES}) >= 20  # and covers many kinds of mistake


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_each_mistake_is_found_on_its_line_in_plain_chinese(path: Path):
    code, line, col = expected(path)
    r = check_file(path)
    found = [(f.code, f.line, f.column) for f in r.findings]
    assert (code, line, col) in found, found
    for f in r.findings:
        for text in (f.message("zh"), f.hint("zh")):
            assert not JARGON.search(text), (f.code, text)
        assert f.message("en") and f.message("zh")


def test_at_least_95_percent_are_found_on_their_line():
    hit = 0
    for path in FILES:
        code, line, _ = expected(path)
        try:
            r = check_file(path)
        except Exception:  # a crash counts as a miss here; the test above names it
            continue
        hit += any(f.code == code and f.line == line for f in r.findings)
    assert hit / len(FILES) >= 0.95, f"{hit} of {len(FILES)}"
