"""Documentation that must not drift from the code: every finding code is documented."""

from __future__ import annotations

import re

from conftest import ROOT
from nbscheck.messages import CATALOG


def documented(page: str) -> set[str]:
    return set(re.findall(r"\bNBS[0-9]{3}\b", (ROOT / "docs" / page).read_text(encoding="utf-8")))


def test_submission_codes_are_documented():
    wanted = {c for c in CATALOG if c[3] in "02" and int(c[3:]) < 250}
    assert wanted - documented("submission-format.md") == set()


def test_lint_codes_are_documented():
    wanted = {c for c in CATALOG if c[3] == "1"}
    assert wanted - documented("guideline-format.md") == set()


def test_every_message_has_both_languages():
    for code, m in CATALOG.items():
        assert m.zh.strip() and m.en.strip(), code
        assert bool(m.hint_zh) == bool(m.hint_en), code
        # the Chinese text is Chinese and the English text is not
        assert re.search(r"[\u4e00-\u9fff]", m.zh) or m.zh.startswith("{"), code
        assert not re.search(r"[\u4e00-\u9fff]", m.en.replace("{", "").replace("}", "")), code


def test_reason_codes_and_check_formats_are_documented():
    from nbscheck.report import CHECK_REPORTS

    reasons = {"NBS250", "NBS251", "NBS252", "NBS253"}
    assert reasons <= set(CATALOG)
    for page in ("running-nbscheck.md", "running-nbscheck.en.md", "submission-format.md"):
        assert reasons - documented(page) == set(), page
    for page in ("running-nbscheck.md", "running-nbscheck.en.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "`--format " + "\\|".join(CHECK_REPORTS) + "`" in text, page
        for field in ("score.clauses[].value", "score.clauses[].status", "score.reasons[]", "--quiet"):
            assert field in text, (page, field)


def test_common_mistakes_section_is_in_step_with_the_catalog():
    """docs/submission-format.md shows what nbscheck really prints for the clerk corpus;
    `python tests/mistakes_doc.py` writes it again after a message changes."""
    import mistakes_doc

    page = (ROOT / "docs" / "submission-format.md").read_text(encoding="utf-8")
    assert mistakes_doc.current(page) == mistakes_doc.section()
    assert "常见错误 / Common mistakes" in page and len(mistakes_doc.rows()) == len(mistakes_doc.SHOWN)


def test_new_submission_codes_are_documented():
    wanted = {c for c in CATALOG if "NBS260" <= c <= "NBS279"}
    assert wanted and wanted - documented("submission-format.md") == set()
