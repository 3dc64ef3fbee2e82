"""``--format html``: the report card of one submission and the overview of a folder. Exact
contents, escaping of everything a submission says, no external resources, and the card printed
to PDF by headless Chromium on one or two A4 pages."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from nbscheck import __version__
from nbscheck.check.checker import check_file
from nbscheck.report import html_report
from nbscheck.report.html_card import CriterionRow, criteria_rows

EXAMPLES = ROOT / "examples"
MISTAKES = "examples/with-mistakes/submission.yaml"
QUALIFYING = "examples/qualifying/submission.yaml"
CHROMIUM = os.environ.get("NBSCHECK_CHROMIUM", "/usr/bin/chromium")
TODAY = "2026-03-01"


@pytest.fixture(scope="module")
def results():
    return [check_file(ROOT / MISTAKES, name=MISTAKES), check_file(ROOT / QUALIFYING, name=QUALIFYING)]


def _texts(html: str) -> str:
    """The page's text, tags dropped, for asserting what a reader sees."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_card_of_one_submission(results):
    page = html_report.render(results[:1], "zh", today=TODAY)
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">')
    assert "<title>白沙镇（虚构）</title>" in page and "@page { size: A4;" in page
    seen = _texts(page)
    for fact in ("区划代码 339901102", "县 示例县（虚构）", "省 浙江省", "评估期 2025-01-01 – 2025-12-31",
                 "指南版本 bft-nbs 1.0.0", f"检查工具 nbscheck {__version__}", f"检查日期 {TODAY}",
                 f"文件 {MISTAKES}", "联系人 周宁（虚构） · 乡生态办主任 / head of the township ecology office"):
        assert fact in seen, fact
    assert "未达到认定条件 得分率 87.8% · 优秀 · 261.5/298 分" in seen
    assert "提交文件有 7 个错误，需改正后才能认定 NBS250" in seen
    assert "问题 7 个错误，0 个警告" in seen and "25:1 NBS203 错误 · 缺少“应”条款 6.1.1 的答复" in seen
    # the dimensions and, beside them, the IUCN criteria from the score's own per-criterion results
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 2
    assert '<div class="charts"><section class="chart-box"><h2>各维度得分</h2>' in page
    assert "本底与规划</text>" in page and ">86% 优秀</text>" in page
    assert "<title>IUCN基于自然的解决方案全球标准各准则得分</title>" in page
    assert ">准则1 有效应对社会挑战</text>" in page and ">80.9% 良好</text>" in page
    assert '<tr class="failed"><td>5.1.1</td><td>完成本底调查</td><td>符合（答复有误）</td><td>是</td><td>0/5</td></tr>' in page
    assert '<tr class="missing"><td>6.1.1</td><td>全域实施方案</td><td>未答复</td><td></td><td>0/5</td></tr>' in page
    assert page.count("<tr class=") == 101
    for box in ("审核意见", "审核人（签字）", "日期", "审核单位（盖章）"):
        assert f"<span>{box}</span>" in page
    assert 'class="back"' not in page  # no overview to go back to


def test_card_in_english(results):
    seen = _texts(html_report.render(results[1:], "en", today=TODAY))
    assert "Qualifies Score 96.4% · Excellent · 284.5/295 points" in seen
    assert "County Example County (fictional)" in seen and "Reviewer (signature)" in seen


def test_folder_overview_links_every_card(results):
    page = html_report.render(results + results[1:], "en", today=TODAY)
    seen = _texts(page)
    assert "3 files: 2 valid, 2 qualify; 7 errors, 0 warnings; 1 division code submitted more than once" in seen
    assert f"division code 339901101 submitted 2 times: {QUALIFYING}, {QUALIFYING}" in seen
    assert [m for m in re.findall(r'href="#(card-\d+)"', page)] == ["card-1", "card-2", "card-3"]
    assert [m for m in re.findall(r'<article class="card" id="(card-\d+)"', page)] == ["card-1", "card-2", "card-3"]
    for chart in ("Townships by band", "Score distribution (%)", "Clauses most often not met (files)",
                  "Mean score by county (qualify/files)"):
        assert f"<title>{chart}</title>" in page
    assert ">7.1.2 Ex-situ conservation</text>" in page and ">3/3 </text>" in page
    assert ">Example County (fictional)</text>" in page and ">93.5% 2/3</text>" in page
    assert '<td>339901101 <strong title="examples/qualifying/submission.yaml">duplicate</strong></td>' in page


def test_everything_a_submission_says_is_escaped(tmp_path: Path):
    folder = tmp_path / "x"
    shutil.copytree(EXAMPLES / "qualifying", folder)
    sub = folder / "submission.yaml"
    text = sub.read_text(encoding="utf-8").replace("name: {zh: 青溪乡（虚构）", 'name: {zh: "<script>alert(1)</script>&\\e[2J"', 1)
    text = text.replace("  name: 林晓（虚构）", '  name: "<img src=x onerror=alert(2)>"', 1)
    sub.write_text(text, encoding="utf-8")
    page = html_report.render([check_file(sub, name="x/<b>.yaml")], "zh", today=TODAY)
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&amp;\\x1b[2J" in page and "\x1b" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "x/&lt;b&gt;.yaml" in page


def test_no_external_resources(results):
    page = html_report.render(results, "zh", today=TODAY)
    assert not re.findall(r'(?:src|href)="(?!#)', page)  # only in-page links
    assert "@import" not in page and "url(" not in page and "<script" not in page and "<link" not in page


def test_iucn_criteria_chart_is_drawn_from_the_score(results):
    r = results[1]
    rows = criteria_rows(r.score, "en")
    items = r.score.items
    assert [(c.label, c.percent, c.band, c.framework) for c in rows] == \
        [(i.name.en, i.percent, i.band.id, "iucn") for i in items] and len(rows) == 8
    assert rows[0] == CriterionRow("Criterion 1: addresses societal challenges", items[0].percent, items[0].band.id, "iucn", "")
    assert criteria_rows(None, "en") == []
    page = html_report.render([r], "en", today=TODAY)
    assert "<title>Score by criterion: IUCN Global Standard for Nature-based Solutions</title>" in page
    bars = re.findall(r'<text x="[0-9.]+" y="[0-9]+" font-size="11">([^<]*)</text>', page)
    assert bars[5:] == [f"{i.percent:g}% {i.band.name.en}" for i in items]  # after the five dimensions


def test_a_criterion_below_its_required_band_says_so(mini: Path, tmp_path: Path):
    from conftest import FIXTURES, edit

    edit(mini / "guideline.yaml", "    all_shall_met: true", "    all_shall_met: true\n"
         '    min_item_bands:\n      iucn: {default: adequate, items: {"1": good}}')
    folder = tmp_path / "sub"
    shutil.copytree(FIXTURES / "subs", folder)
    body = (folder / "good.yaml").read_text(encoding="utf-8").replace(
        "    status: met\n    value: quarterly\n", "    status: partial\n    value: quarterly\n")
    (folder / "s.yaml").write_text(body, encoding="utf-8")
    r = check_file(folder / "s.yaml", guideline_root=str(mini), name="s.yaml")
    assert [(c.label, c.percent, c.band, c.required) for c in criteria_rows(r.score, "en")] == [
        ("Criterion 1", 50.0, "adequate", "good"), ("Criterion 2", 100.0, "good", "adequate"),
        ("Criterion 3", 88.9, "good", "adequate")]
    page = html_report.render([r], "en", today=TODAY, root=str(mini))
    assert ">50% Adequate (below the required Good)</text>" in page and ">88.9% Good</text>" in page
    zh = html_report.render([r], "zh", today=TODAY, root=str(mini))
    assert ">50% 合格（低于要求的良好）</text>" in zh


@pytest.mark.browser
def test_the_card_prints_on_one_or_two_a4_pages(results, tmp_path: Path):
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"Chromium is not installed at {CHROMIUM}: run `make browser-deps`")
    from playwright.sync_api import sync_playwright

    from test_browser import CHROMIUM_ARGS

    pages = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            for name, rs in (("mistakes", results[:1]), ("qualifying", results[1:]), ("folder", results)):
                f = tmp_path / f"{name}.html"
                f.write_text(html_report.render(rs, "zh", today=TODAY), encoding="utf-8")
                tab.goto(f.as_uri())
                pdf = tab.pdf(prefer_css_page_size=True)
                (tmp_path / f"{name}.pdf").write_bytes(pdf)
                count = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
                assert re.search(rb"/Count\s+%d\b" % count, pdf), name  # the page tree agrees
                assert re.search(rb"/MediaBox\s*\[0 0 59[45]\.\d+ 841\.\d+\]", pdf), name  # A4 in points
                pages[name] = count
        finally:
            browser.close()
    assert 1 <= pages["mistakes"] <= 2 and 1 <= pages["qualifying"] <= 2
    assert pages["folder"] > pages["mistakes"] + pages["qualifying"]  # the overview, then each card on new pages
