"""The built site in a real browser: headless Chromium (Debian's package) driven by Playwright.

Opens the home page, follows a clause's permalink and one of its cross-references, finds the clause
by searching a Chinese word in the site's own search (and another clause by its number), switches to
English and lands on the same clause, and saves a screenshot under tests/artifacts/. The clause and the word are picked from the guideline and the
built search index, not written into the test.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator

import pytest

from nbscheck.model.clauses import Chapter, Clause
from nbscheck.model.types import Guideline

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = os.environ.get("NBSCHECK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HAN = re.compile(r"^[\u4e00-\u9fff]{2}$")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                           "-d", str(out)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """The site served on 127.0.0.1 at a free port, for as long as the tests need it."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make browser-deps` "
                    "(apt-get install chromium), or set NBSCHECK_CHROMIUM to its path", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def shown() -> tuple[Guideline, dict[str, str]]:
    """The version at the site's root (the newest release) and its clause anchors (site/history.py)."""
    from nbscheck.resources import guideline_dir
    from nbscheck.site.build import identity, load_source

    src = load_source(guideline_dir())
    return src.guideline, identity(src)[1]


def pick_clause(g: Guideline, anchors: dict[str, str] | None = None) -> tuple[Chapter, Clause, Chapter, Clause]:
    """An assessable clause of a numbered chapter that refers to a clause in another chapter."""
    for ch, c in g.iter_clauses():
        if ch.kind != "chapter" or c.assessment is None or (anchors and c.id in anchors):
            continue
        for ref in c.see_clauses:
            target = g.clause(ref)
            other = g.chapter_of(target) if target else None
            if target is not None and other is not None and other is not ch and not (anchors and ref in anchors):
                return ch, c, other, target
    raise AssertionError("no assessable clause with a cross-reference to another chapter")


def rare_words(site: Path, location: str) -> list[str]:
    """Runs of three Chinese characters of the clause at ``location``'s text, as the site's search
    index holds it, the ones fewest other entries contain first."""
    docs = json.loads((site / "search-index.json").read_text(encoding="utf-8"))["docs"]
    entry = next(d for d in docs if d["u"] == location)
    mine = {m.group(1) for m in re.finditer(r"(?=([\u4e00-\u9fff]{3}))", entry["x"])}
    assert mine, f"no Chinese text indexed for {location}"
    counts = {w: sum(1 for d in docs if w in d["t"] + d["x"] + d["e"]) for w in mine}
    return sorted(mine, key=lambda w: (counts[w], w))


def block(page, anchor: str):
    """The elements of the page between the heading ``anchor`` and the next heading."""
    headings = " or ".join(f"self::h{i}" for i in range(1, 7))
    return page.locator(f'xpath=//*[preceding-sibling::*[{headings}][1][@id="{anchor}"]][not({headings})]')


def test_clause_permalink_search_and_language_switch(site: Path, base_url: str, browser) -> None:
    g, anchors = shown()
    ch, clause, other_ch, other = pick_clause(g, anchors)
    a = clause.assessment
    assert a is not None
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(15000)

    # the home page, with the version on it
    page.goto(base_url)
    assert page.locator("html").get_attribute("lang") == "zh"
    assert g.version in page.locator(".md-banner").inner_text()
    assert page.locator("article h1").first.is_visible()

    # a clause's permalink: the clause, its level badge, its indicator table, its cross-reference
    page.goto(f"{base_url}{ch.slug}/#{clause.id}")
    heading = page.locator(f'[id="{clause.id}"]')
    heading.wait_for(state="visible")
    assert heading.inner_text().startswith(clause.id)
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, "the permalink did not scroll to its clause"
    body = block(page, clause.id)
    badge = body.locator(f".nbs-level-{clause.level}").first
    assert badge.is_visible() and badge.inner_text() in ("应", "宜", "可", "陈述")
    table = body.locator("table").first
    assert table.is_visible() and a.indicator.name.zh in table.inner_text()
    ref = body.locator(f'a[href$="{other_ch.slug}/#{other.id}"]').first
    assert ref.is_visible()
    ref.click()
    page.wait_for_url(re.compile(rf"/{re.escape(other_ch.slug)}/#{re.escape(other.id)}$"))
    page.locator(f'[id="{other.id}"]').wait_for(state="visible")

    # Chinese search finds the clause by one of its words, marks the word, and opens the clause
    # with the word marked there too; a clause number in the header box opens that clause
    word = rare_words(site, f"{ch.slug}/#{clause.id}")[0]
    page.goto(f"{base_url}")
    box = page.locator(".nbs-header-search input")
    box.fill(word)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    hit = page.locator(f'.nbs-result a[href*="/{ch.slug}/"][href$="#{clause.id}"]')
    hit.wait_for(state="visible")
    rank = page.evaluate("href => [...document.querySelectorAll('.nbs-result > a')].findIndex(a => a.href.endsWith(href))",
                         f"#{clause.id}")
    assert 0 <= rank < 5, f"searching {word!r} put clause {clause.id} at {rank + 1}"
    item = page.locator(".nbs-result").nth(rank)
    assert item.locator("mark").first.inner_text() == word
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "search-zh.png"))
    hit.click()
    page.wait_for_url(re.compile(rf"/{re.escape(ch.slug)}/\?h=[^#]+#{re.escape(clause.id)}$"))
    page.locator(f'[id="{clause.id}"]').wait_for(state="visible")
    assert word in block(page, clause.id).locator("mark.nbs-hit").all_inner_texts()
    box = page.locator(".nbs-header-search input")
    box.fill(other.id)
    box.press("Enter")
    page.wait_for_url(re.compile(rf"/{re.escape(other_ch.slug)}/\?h=[^#]+#{re.escape(other.id)}$"))
    page.locator(f'[id="{other.id}"]').wait_for(state="visible")
    page.goto(f"{base_url}{ch.slug}/#{clause.id}")
    page.locator(f'[id="{clause.id}"]').wait_for(state="visible")

    # the language switch lands on the same clause in English
    page.locator(".md-header__option .md-select").first.hover()
    switch = page.locator('a.nbs-lang-link[hreflang="en"]').first
    switch.wait_for(state="visible")
    switch.click()
    page.wait_for_url(re.compile(rf"/en/{re.escape(ch.slug)}/(\?[^#]*)?#{re.escape(clause.id)}$"))
    assert page.locator("html").get_attribute("lang") == "en"
    heading = page.locator(f'[id="{clause.id}"]')
    heading.wait_for(state="visible")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    body = block(page, clause.id)
    assert body.locator(f".nbs-level-{clause.level}").first.inner_text() == clause.level
    assert a.indicator.name.en in body.locator("table").first.inner_text()
    assert body.locator(f'a[href$="{other_ch.slug}/#{other.id}"]').first.is_visible()
    assert g.version in page.locator(".md-banner").inner_text()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "clause-en.png"))
    # and back: the Chinese page, same clause
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('a.nbs-lang-link[hreflang="zh"]').first.click()
    page.wait_for_url(re.compile(rf"/{re.escape(ch.slug)}/(\?[^#]*)?#{re.escape(clause.id)}$"))
    assert "/en/" not in page.url
    page.locator(f'[id="{clause.id}"]').wait_for(state="visible")
    page.screenshot(path=str(ARTIFACTS / "clause-zh.png"))
    assert not errors, f"JavaScript errors: {errors}"
    page.close()


def _luminance(rgb: str) -> float:
    r, g_, b = (int(x) / 255 for x in re.findall(r"\d+", rgb)[:3])

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(r) + 0.7152 * lin(g_) + 0.0722 * lin(b)


def _contrast(fg: str, bg: str) -> float:
    hi, lo = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_links_contrast_print_hides_controls_and_wide_tables_scroll(site: Path, base_url: str, browser) -> None:
    """Issue 17, items 5 and 6 (in part): link and header colours reach 4.5:1; printing hides the
    print button and the site's controls; on a phone the matrix scrolls inside its box with its
    header row and clause column sticky, instead of being cut off."""
    g, _ = shown()
    annex = next(ch for ch in g.chapters if "mapping" in ch.includes)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.set_default_timeout(15000)
    ch = next(ch for ch in g.chapters if ch.kind == "chapter" and ch.clauses)
    page.goto(f"{base_url}{ch.slug}/")
    link_colour = page.evaluate("getComputedStyle(document.querySelector('article a[href*=\"#\"]')).color")
    header = page.evaluate("[getComputedStyle(document.querySelector('.md-header')).backgroundColor,"
                           " getComputedStyle(document.querySelector('.md-header')).color]")
    assert _contrast(link_colour, "rgb(255, 255, 255)") >= 4.5, link_colour
    assert _contrast(header[1], header[0]) >= 4.5, header

    page.goto(f"{base_url}print/")
    assert page.locator(".nbs-print-button").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".nbs-print-button").is_visible()
    assert not page.locator(".md-header").is_visible()
    page.emulate_media(media="screen")
    page.close()

    phone = browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN")
    phone.set_default_timeout(15000)
    phone.goto(f"{base_url}{annex.slug}/")
    phone.locator(".nbs-matrix .md-typeset__scrollwrap").first.wait_for(state="attached")
    sizes = phone.evaluate("""[...document.querySelectorAll('.nbs-matrix .md-typeset__scrollwrap')].map(
        e => [e.scrollWidth, e.clientWidth, getComputedStyle(e).overflowX, e.getBoundingClientRect().right])""")
    assert sizes and all(right <= 390 and overflow == "auto" for _, _, overflow, right in sizes), sizes
    assert any(sw > cw for sw, cw, _, _ in sizes), f"no matrix wider than a phone: {sizes}"
    article_width = phone.evaluate("document.querySelector('article').getBoundingClientRect().right")
    assert article_width <= 390
    sticky = phone.locator(".nbs-matrix table td").first.evaluate("e => getComputedStyle(e).position")
    assert sticky == "sticky"
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "annex-matrix-phone.png"))
    phone.close()


AXE = Path(os.environ.get("NBSCHECK_AXE", Path(sys.prefix) / "share" / "axe-core-4.11.0.min.js"))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def test_axe_finds_no_serious_or_critical_violation(site: Path, base_url: str, browser) -> None:
    """Issue 17, item 6: WCAG 2.1 AA as axe-core checks it, on the home page, a chapter, Annex A
    and B (the tables), the printable page and the newest changes page."""
    if not AXE.is_file():
        pytest.skip(f"axe-core is absent at {AXE}: `make test` fetches it from npm (or set NBSCHECK_AXE)")
    g, _ = shown()
    scoring = next(ch for ch in g.chapters if "assessment" in ch.includes)
    matrix = next(ch for ch in g.chapters if "mapping" in ch.includes)
    chapter = next(ch for ch in g.chapters if ch.kind == "chapter" and ch.clauses)
    changes = sorted(p.name for p in site.glob("changes-*"))
    assert changes, "no changes page was built"
    urls = ["", f"{chapter.slug}/", f"{scoring.slug}/", f"{matrix.slug}/", "print/", f"{changes[-1]}/", "en/",
            "search/?q=%E7%94%9F%E6%80%81", "en/search/?q=wetland",  # the search page with its results
            "filters/", f"draft/{chapter.slug}/"]
    script = AXE.read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.set_default_timeout(30000)
    found = []
    for url in urls:
        page.goto(base_url + url)
        if "search/" in url:
            page.locator(".nbs-result").first.wait_for(state="attached")
        page.add_script_tag(content=script)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                               " resultTypes: ['violations']})", AXE_TAGS)
        for v in result["violations"]:
            if v["impact"] in ("serious", "critical"):
                found.append(f"/{url}: {v['id']} ({v['impact']}) at {[n['target'] for n in v['nodes'][:3]]}")
    page.close()
    assert not found, "\n".join(found)


def test_search_opened_from_disk_says_why_it_cannot_read_its_index(site: Path, browser) -> None:
    """A site copied to a laptop and opened from its folder (file://): the browser refuses to read
    the index, and the search page says so and how to open the site instead, never a blank page."""
    page = browser.new_page()
    try:
        for lang, sub, words in (("zh", "", "python3 -m http.server"), ("en", "en/", "open the site through its web address")):
            page.goto((site / sub / "search" / "index.html").as_uri() + "?q=%E9%B8%9F%E6%92%9E")
            alert = page.locator(".nbs-results-error")
            alert.wait_for(timeout=10_000)
            assert alert.get_attribute("role") == "alert", lang
            assert words in alert.inner_text(), (lang, alert.inner_text())
    finally:
        page.close()


def test_an_old_number_lands_on_its_clause_and_a_filter_address_filters(site: Path, base_url: str, browser) -> None:
    """Issue 17, items 2 and 4: a link with a clause number of an earlier release, which this release
    gave another clause, lands on the clause it became, with a notice; a clause-finder address with
    a query string shows just the clauses it names, and changing a filter changes the address."""
    from nbscheck.resources import guideline_dir
    from nbscheck.site.build import identity, load_source
    from nbscheck.site.filters import clause_data

    src = load_source(guideline_dir())
    g = src.guideline
    _, anchors, moved = identity(src)
    old = next(m for m in moved if m.new_id is not None and m.old_id in anchors)  # e.g. 1.0.0's 7.7.4, now 7.7.5
    target = g.clause(old.new_id)
    assert target is not None
    ch = g.chapter_of(target)
    assert ch is not None
    errors: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.set_default_timeout(15000)
    page.goto(f"{base_url}{ch.slug}/#{old.old_id}")
    new_anchor = anchors.get(old.new_id, old.new_id)
    page.wait_for_url(re.compile(rf"/{re.escape(ch.slug)}/#{re.escape(new_anchor)}$"))
    notice = page.locator(".nbs-moved-notice")
    notice.wait_for(state="visible")
    assert notice.inner_text() == f"{old.version} 版的 {old.old_id} 现为 {old.new_id}"
    after = page.locator(".nbs-moved-notice + *")
    assert after.get_attribute("id") == new_anchor and after.inner_text().startswith(old.new_id)
    box = after.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, "the old number did not scroll to the clause it became"
    # the number as this release uses it is still reachable by its own anchor, with no notice
    page.goto(base_url)
    page.goto(f"{base_url}{ch.slug}/#{anchors[old.old_id]}")
    page.locator(f'[id="{anchors[old.old_id]}"]').wait_for(state="visible")
    assert page.locator(".nbs-moved-notice").count() == 0

    data = clause_data(g)
    gbf = next(x for c in g.clauses if data[c.id]["level"] == "shall" for x in data[c.id]["gbf"].split())
    want = [c.id for c in g.clauses if data[c.id]["level"] == "shall" and gbf in data[c.id]["gbf"].split()]
    page.goto(f"{base_url}filters/?level=shall&gbf={gbf}")
    page.locator(".nbs-filter-count").wait_for(state="visible")
    shown_ids = page.eval_on_selector_all(".nbs-filter-item:not([hidden]) .nbs-filter-head a",
                                          "links => links.map(a => a.textContent)")
    assert shown_ids == want
    assert page.locator('select[name="gbf"]').input_value() == gbf
    assert page.locator(".nbs-filter-count").inner_text() == f"显示 {len(want)} / {len(g.clauses)} 条"
    page.select_option('select[name="level"]', "")
    assert page.url.endswith(f"/filters/?gbf={gbf}")
    page.locator(".nbs-filter-reset").click()
    page.wait_for_url(re.compile(r"/filters/$"))
    assert page.locator(".nbs-filter-item:not([hidden])").count() == len(g.clauses)
    assert not errors, f"JavaScript errors: {errors}"
    # no server needed: the same address opened from disk (Material's search worker cannot load
    # from file://, an error of the theme's that is not ours, so errors are checked before)
    page.goto(f"{(site / 'filters' / 'index.html').as_uri()}?level=shall&gbf={gbf}")
    page.locator(".nbs-filter-count").wait_for(state="visible")
    assert page.locator(".nbs-filter-item:not([hidden])").count() == len(want)
    page.close()


def test_site_pdf_prints_each_version_into_its_downloads(site: Path, base_url: str, browser) -> None:
    """`nbscheck site pdf` prints the printable page of a version, in each language asked for, into
    that edition's downloads folder: a whole PDF with one page object per counted page, the page's
    title as its title, readable by all; the current release printed once and copied to v/X/."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make browser-deps`", pytrace=False)
    g, _ = shown()  # the version at the site's root: the newest release
    current = g.version
    assert not g.is_draft
    proc = subprocess.run([str(Path(sys.executable).parent / "nbscheck"), "site", "pdf", str(site), "--guideline-version",
                           current, "--site-lang", "en", "--chromium", CHROMIUM, "--lang", "en"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    name = f"{g.id}-{current}-en.pdf"
    root_pdf, archived = site / "en" / "downloads" / name, site / "en" / "v" / current / "downloads" / name
    assert proc.stdout.splitlines() == [f"{root_pdf} ({root_pdf.stat().st_size // 1024} KB)",
                                        f"{archived} ({archived.stat().st_size // 1024} KB)"]
    pdf = root_pdf.read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    assert pages > 50 and re.search(rb"/Count\s+%d\b" % pages, pdf), pages  # the whole guideline, page tree agrees
    assert b"/Title (The whole guideline, for printing" in pdf
    assert archived.read_bytes() == pdf and oct(root_pdf.stat().st_mode & 0o777) == "0o644"
    assert not list(site.rglob("*.pdf.*.tmp"))
    assert not (site / "downloads" / f"{g.id}-{current}-zh.pdf").exists()  # only the language asked for
    page = browser.new_page()  # the downloads page offers the PDF once it is there, and only then
    try:
        page.goto(base_url + "en/downloads/")
        link = page.locator(".nbs-pdf a")
        link.wait_for(state="visible", timeout=10_000)
        assert link.get_attribute("href").endswith(f"/en/downloads/{name}")
        page.goto(base_url + "downloads/")  # Chinese: not printed in this test
        page.wait_for_timeout(1000)
        assert page.locator(".nbs-pdf").is_hidden()
    finally:
        page.close()
    bad = subprocess.run([str(Path(sys.executable).parent / "nbscheck"), "site", "pdf", str(site), "--guideline-version",
                          "9.9.9", "--lang", "en"], capture_output=True, text=True)
    assert bad.returncode == 2 and "no guideline version 9.9.9" in bad.stderr
