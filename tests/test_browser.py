"""The built site in a real browser: headless Chromium (Debian's package) driven by Playwright.

Opens the home page, follows a clause's permalink and one of its cross-references, finds the clause
by searching a Chinese word, switches to English and lands on the same clause, and saves a
screenshot under tests/artifacts/. The clause and the word are picked from the guideline and the
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

from nbscheck.model.guideline import shipped
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


def pick_clause(g: Guideline) -> tuple[Chapter, Clause, Chapter, Clause]:
    """An assessable clause of a numbered chapter that refers to a clause in another chapter."""
    for ch, c in g.iter_clauses():
        if ch.kind != "chapter" or c.assessment is None:
            continue
        for ref in c.see_clauses:
            target = g.clause(ref)
            other = g.chapter_of(target) if target else None
            if target is not None and other is not None and other is not ch:
                return ch, c, other, target
    raise AssertionError("no assessable clause with a cross-reference to another chapter")


def rare_words(site: Path, location: str) -> list[str]:
    """Two-character Chinese words, as jieba cut them into the search index, of the clause at
    ``location``, the ones fewest other entries contain first."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    split = re.compile(r"[\s\u200b\u3000\-、。，．？！；（）“”：<>/]+")

    def words(d: dict) -> set[str]:
        return {w for w in split.split(re.sub(r"<[^>]+>", " ", d["title"] + " " + d["text"])) if HAN.match(w)}

    entry = next(d for d in docs if d["location"] == location)
    mine = words(entry)
    assert mine, f"no Chinese words indexed for {location}"
    counts = {w: sum(1 for d in docs if w in words(d)) for w in mine}
    return sorted(mine, key=lambda w: (counts[w], w))


def block(page, anchor: str):
    """The elements of the page between the heading ``anchor`` and the next heading."""
    headings = " or ".join(f"self::h{i}" for i in range(1, 7))
    return page.locator(f'xpath=//*[preceding-sibling::*[{headings}][1][@id="{anchor}"]][not({headings})]')


def test_clause_permalink_search_and_language_switch(site: Path, base_url: str, browser) -> None:
    g = shipped()
    ch, clause, other_ch, other = pick_clause(g)
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

    # Chinese search finds the clause by one of its words
    page.goto(f"{base_url}")
    search = page.locator("input.md-search__input")
    search.click()
    hit = page.locator(f'.md-search-result a[href*="/{ch.slug}/"][href$="#{clause.id}"]').first
    tried = []
    for word in rare_words(site, f"{ch.slug}/#{clause.id}")[:5]:
        tried.append(word)
        search.fill(word)
        search.press("End")  # Material runs the query on keyup, as when a person types
        page.locator(".md-search-result__item").first.wait_for(state="attached")
        if hit.count():
            break
        search.fill("")
        search.press("End")
        page.locator(".md-search-result__item").first.wait_for(state="detached")
    assert hit.count(), f"searching {tried} did not find clause {clause.id}"
    more = page.locator("details.md-search-result__more:not([open]) > summary")
    for _ in range(more.count()):  # "N more results on this page" folds sections away
        more.first.click()
    hit.wait_for(state="visible")
    hit.click()
    page.wait_for_url(re.compile(rf"/{re.escape(ch.slug)}/(\?[^#]*)?#{re.escape(clause.id)}$"))
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
