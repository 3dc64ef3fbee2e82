"""Guideline strings reach the site as text, never as markup (issue 11, the site's part).

``fixtures/hostile`` is the mini guideline with every string it shows on the site (titles of the
guideline, chapters, sections and clauses, texts, notes, indicator, choice, unit, evidence, status,
band, dimension and framework names, terms, a reference's code, title and URL) carrying a tail of
``<script>``, ``<img onerror>``, emphasis, a ``javascript:`` link, ``{{ }}``, a ``|`` and backticks
and an HTML comment. The generated Markdown (pure, no build) and one ``mkdocs build`` of it must
show each of them as the characters written, with no element, attribute, comment or link of theirs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from nbscheck.site.build import language_site, load_source

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
EXTENSIONS = ["toc", "tables", "attr_list", "md_in_html", "admonition", "pymdownx.superfences", "nbscheck.site.cjk"]
TAIL = {"zh": "<script>alert(1)</script>*强调*[点我](javascript:alert(1)){{ config.x }}甲|乙`代码`<!-- 注 --><img src=x onerror=alert(2)>",
        "en": "<script>alert(1)</script>*em*[click](javascript:alert(1)){{ config.x }}a|b`code`<!-- c --><img src=x onerror=alert(2)>"}


class Page(HTMLParser):
    """What a browser would build from one page: elements, attributes, comments, text, tables."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.comments: list[str] = []
        self.text: list[str] = []
        self.script = False
        self.scripts: list[str] = []
        self.tables: list[list[int]] = []  # cells per row, per table

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.script = tag == "script"
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append(0)
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self.tables[-1][-1] += 1

    def handle_endtag(self, tag: str) -> None:
        self.script = False

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_data(self, data: str) -> None:
        (self.scripts if self.script else self.text).append(data)


def parse(html: str) -> Page:
    p = Page()
    p.feed(html)
    p.close()
    return p


def render(text: str) -> Page:
    """A generated page as Python-Markdown renders it, front matter aside (the generator reads it)."""
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
    return parse(markdown.markdown(body, extensions=EXTENSIONS))


def injected(p: Page) -> list[str]:
    """Everything on the page that came from the hostile strings as markup instead of text."""
    out = [f"<{t}>" for t, _ in p.tags if t in ("img", "em", "b", "i", "iframe")]
    out += [f"script: {s[:60]}" for s in p.scripts if "alert(" in s]
    out += [f"comment: {c}" for c in p.comments if "注" in c or c.strip() == "c"]
    for tag, attrs in p.tags:
        href = (attrs.get("href") or "").strip().lower()
        if href.startswith(("javascript:", "data:", "vbscript:")):
            out.append(f"<{tag} href={href}>")
        out += [f"<{tag} {k}={v}>" for k, v in attrs.items() if k.startswith("on") and "alert" in (v or "")]
    return out


@pytest.fixture(scope="module")
def sites() -> dict[str, object]:
    src = load_source(HOSTILE)
    return {lang: language_site(src, lang) for lang in ("zh", "en")}


def test_generated_markdown_shows_hostile_strings_as_text(sites) -> None:
    seen = 0
    for lang, site in sites.items():
        for path, text in site.pages.items():
            page = render(text)
            assert injected(page) == [], f"{lang}/{path}"
            for rows in page.tables:
                assert len(set(rows)) == 1, f"{lang}/{path}: a table row has {rows} cells"
            words = "".join(page.text)
            seen += words.count(TAIL[lang])
        # the strings are shown exactly as written: tags, emphasis marks, the link, the comment
        chapter = "".join(render(site.pages["chapter-2.md"]).text)
        assert TAIL[lang] in chapter
    assert seen > 40  # chapters, sections, clauses, notes, table cells, terms, annex tables, print


def test_reference_links_keep_only_http_and_relative_targets(sites) -> None:
    for lang, site in sites.items():
        page = render(site.pages["chapter-1.md"])
        hrefs = [a.get("href") for t, a in page.tags if t == "a"]
        assert "https://www.iucn.org/x" in hrefs
        assert "https://example.org/a%20%28b%29%22%3E%3Cscript%3Ex%3C/script%3E" in hrefs  # encoded, still one link
        assert not [h for h in hrefs if h and h.lower().startswith(("javascript:", "data:"))]
        words = "".join(page.text)
        assert "GB <b>1</b> *x*" in words and "GB 2" in words  # the code shown, without a link


def test_navigation_titles_are_escaped_for_the_theme(sites) -> None:
    for lang, site in sites.items():
        titles = [next(iter(e)) for e in site.chapters_nav if isinstance(e, dict)]
        assert titles and all("<" not in t and ">" not in t for t in titles), titles
        assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in t for t in titles)


def test_mkdocs_build_of_the_hostile_guideline_injects_nothing(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Hostile\ntheme: {name: material, language: zh}\n"
        f"plugins:\n  - nbscheck:\n      guideline: {HOSTILE.as_posix()}\n"
        "markdown_extensions: [toc, tables, attr_list, md_in_html]\n"
        "nav:\n  - index.md\n  - nbscheck:chapters\n  - downloads.md\n  - print.md\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        page = parse(path.read_text(encoding="utf-8"))
        assert injected(page) == [], path
    # the English short title is the English site's name: in every page's <title>, as text
    en = (tmp_path / "site" / "en" / "chapter-2" / "index.html").read_text(encoding="utf-8")
    title = en.split("<title>", 1)[1].split("</title>")[0]
    assert title.endswith(" - Short Bad&lt;script&gt;alert(1)&lt;/script&gt;*em*[click](javascript:alert(1)){{ config.x }}"
                          "a|b`code`&lt;!-- c --&gt;&lt;img src=x onerror=alert(2)&gt;"), title
    assert title.startswith("2 Measures Bad&lt;script&gt;alert(1)&lt;/script&gt;"), title
