"""The website: ``mkdocs build --strict`` of this repository, and the plugin used by another repository.

Every expectation is derived from the loaded guideline (``shipped()``), never from clause texts
written into the test, so the test keeps working while the guideline's content changes.
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from nbscheck.model.guideline import load_guideline, shipped, versions
from nbscheck.vocabulary import level_zh
from nbscheck.model.types import Guideline
from nbscheck.check.submission_schema import submission_schema
from nbscheck.model.template import blank_submission

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
LANGS = {"zh": "", "en": "en/"}  # language -> folder of its site


def build(config: Path, site: Path) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` as a user runs it, through the installed entry points."""
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
                          capture_output=True, text=True, cwd=config.parent,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    warnings = [ln for ln in (proc.stdout + proc.stderr).splitlines() if ln.startswith(("WARNING", "ERROR"))]
    assert not warnings, "\n".join(warnings)
    return proc


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build(ROOT / "mkdocs.yml", out)
    return out


def newest_release() -> str:
    """The version the site shows at its root: the newest release (issue 17, item 1)."""
    from nbscheck.change.pairing import semver

    return max((v for v in versions() if not shipped(v).is_draft), key=semver)


@pytest.fixture(scope="module")
def g() -> Guideline:
    return shipped(newest_release())


@functools.lru_cache(maxsize=None)
def _anchors() -> dict[str, str]:
    from nbscheck.site.build import identity, load_source

    return identity(load_source(ROOT / "guideline"))[1]


def A(clause_id: str) -> str:
    """A clause's anchor on the site's root pages: its id, or ``id-since-V`` when an earlier release
    gave that id to another clause (site/history.py)."""
    return _anchors().get(clause_id, clause_id)


# --- reading the built HTML -----------------------------------------------------------------------

def read(site: Path, lang: str, page: str) -> str:
    path = site / LANGS[lang] / page / "index.html"
    assert path.is_file(), f"{path} was not built"
    return path.read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    no_tags = re.sub(r"<[^>]+>", "", fragment)
    return " ".join(html.unescape(no_tags).split())


def norm(s: str) -> str:
    return " ".join(s.split())


_HEADING = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>')


def blocks(page_html: str) -> dict[str, tuple[int, str]]:
    """Each heading id -> (heading level, HTML from the heading to the next heading)."""
    article = page_html[page_html.find('<article'):page_html.find('</article>')]
    found = list(_HEADING.finditer(article))
    out = {}
    for m, nxt in zip(found, found[1:] + [None]):
        out[html.unescape(m.group(2))] = (int(m.group(1)), article[m.start():nxt.start() if nxt else len(article)])
    return out


def hrefs(fragment: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'<a [^>]*?href="([^"]*)"', fragment)]


def resolve(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    """The file a relative link of the page at ``page_url`` (site-relative) points to, and its anchor."""
    parts = urlsplit(urljoin("http://site/" + page_url, href))
    path = site / unquote(parts.path).lstrip("/")
    if path.is_dir() or parts.path.endswith("/"):
        path = path / "index.html"
    return path, unquote(parts.fragment)


@functools.lru_cache(maxsize=None)
def ids_in(path: Path) -> set[str]:
    return {html.unescape(x) for x in re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8"))}


def level_label(level: str, lang: str) -> str:
    return level_zh(level) if lang == "zh" else level


# --- the guideline's pages ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_clause_has_its_id_as_anchor_and_its_level_badge(site: Path, g: Guideline, lang: str) -> None:
    for ch in g.chapters:
        page = blocks(read(site, lang, ch.slug))
        assert page.get(ch.slug, (0,))[0] == 1, f"{ch.slug}: the chapter heading is missing"
        for c in ch.clauses:
            assert A(c.id) in page, f"{ch.slug}: no anchor #{A(c.id)}"
            level, block = page[A(c.id)]
            assert level >= 2
            assert text_of(block).startswith(c.id)
            badge = re.search(r'<span class="nbs-level nbs-level-([a-z]+)"[^>]*>([^<]*)</span>', block)
            assert badge, f"{c.id}: no level badge"
            assert badge.group(1) == c.level
            assert badge.group(2) == level_label(c.level, lang)
            assert norm(c.text.get(lang)) in text_of(block), f"{c.id}: text missing in {lang}"
            for note in c.notes + c.examples:
                assert norm(note.get(lang)) in text_of(block)


@pytest.mark.parametrize("lang", LANGS)
def test_assessable_clauses_show_their_indicator_table(site: Path, g: Guideline, lang: str) -> None:
    assessed = 0
    for ch in g.chapters:
        page = blocks(read(site, lang, ch.slug))
        for c in ch.clauses:
            _, block = page[A(c.id)]
            table = re.search(r'<div class="nbs-assessment">(.*?)</div>', block, re.S)
            if c.assessment is None:
                assert table is None, f"{c.id} is not assessable but shows an indicator table"
                continue
            assessed += 1
            assert table, f"{c.id}: no indicator table"
            rows = [[text_of(td) for td in re.findall(r"<td>(.*?)</td>", tr, re.S)]
                    for tr in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)]
            values = [r[1] for r in rows if len(r) == 2]
            a = c.assessment
            assert norm(a.indicator.name.get(lang)) in values
            assert str(a.points) in values
            for kind in a.evidence:
                assert any(kind in v for v in values), f"{c.id}: evidence {kind} missing"
            dim = g.dimension(a.dimension)
            assert dim is not None and dim.name.get(lang) in values
    assert assessed == len(g.assessable)


@pytest.mark.parametrize("lang", LANGS)
def test_cross_references_link_to_their_clauses_and_terms(site: Path, g: Guideline, lang: str) -> None:
    terms_page = next(ch.slug for ch in g.chapters if "terms" in ch.includes)
    for ch in g.chapters:
        page = blocks(read(site, lang, ch.slug))
        for c in ch.clauses:
            links = hrefs(page[A(c.id)][1])
            for ref in c.see_clauses:
                target = g.clause(ref)
                if target is None:
                    continue
                target_ch = g.chapter_of(target)
                assert target_ch is not None
                want = f"#{A(ref)}" if target_ch is ch else f"../{target_ch.slug}/#{A(ref)}"
                assert want in links, f"{c.id}: no link to clause {ref} ({want}) in {links}"
            for term in c.see_terms:
                if g.term(term) is None:
                    continue
                want = f"#{term}" if terms_page == ch.slug else f"../{terms_page}/#{term}"
                assert want in links, f"{c.id}: no link to term {term}"


def test_every_link_on_every_page_resolves(site: Path) -> None:
    checked = 0
    for page in site.rglob("*.html"):
        if page.name == "404.html":
            continue
        url = page.relative_to(site).as_posix()
        body = page.read_text(encoding="utf-8")
        body = body[body.find("<body"):]
        for href in hrefs(body):
            if not href or href.startswith(("http:", "https:", "mailto:", "javascript:")):
                continue
            target, anchor = resolve(site, url, href)
            assert target.is_file(), f"{url}: broken link {href}"
            if anchor and target.suffix == ".html":
                assert anchor in ids_in(target), f"{url}: link {href} names a missing anchor"
            checked += 1
    assert checked > 1000


def test_terms_and_framework_matrices(site: Path, g: Guideline) -> None:
    for lang in LANGS:
        terms = blocks(read(site, lang, next(ch.slug for ch in g.chapters if "terms" in ch.includes)))
        for t in g.terms:
            assert t.id in terms, f"term {t.id} has no anchor"
            assert norm(t.definition.get(lang)) in text_of(terms[t.id][1])
        mapping_ch = next(ch for ch in g.chapters if "mapping" in ch.includes)
        annex = blocks(read(site, lang, mapping_ch.slug))
        for fw in g.frameworks:
            table = annex[f"matrix-{fw.id}"][1]
            header = [text_of(th) for th in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)]
            names = [re.findall(r'<span class="nbs-colname">(.*?)</span>', th) for th in
                     re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)[1:]]
            def unlabelled(name: str) -> str:  # "准则1 X", "Criterion 1: X" -> "X"
                return name.split(": ", 1)[1] if ": " in name else name.split(" ", 1)[-1]
            assert [n[0] for n in names] == [html.escape(unlabelled(i.name.get(lang)), quote=False)
                                             for i in fw.items]  # names in the head, not in tooltips
            assert re.findall(r'<span class="nbs-colid">(.*?)</span>', table) == [i.id for i in fw.items]
            assert re.findall(r'class="nbs-colhead" href="#([^"]+)"', table) == [f"{fw.id}-{i.id}" for i in fw.items]
            rows = {text_of(r[0]): [text_of(x) for x in r[1:]]
                    for r in (re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)
                              for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S)) if r}
            mapped = [c for c in g.clauses if c.mapped(fw.id)]
            assert list(rows) == [c.id for c in mapped]
            for c in mapped:
                marks = [item.id for item, cell in zip(fw.items, rows[c.id]) if cell == "●"]
                assert marks == [i.id for i in fw.items if i.id in c.mapped(fw.id)]
        scoring_ch = next(ch for ch in g.chapters if "assessment" in ch.includes)
        scoring = read(site, lang, scoring_ch.slug)
        for c in g.assessable:
            ch = g.chapter_of(c)
            assert ch is not None
            want = f"#{A(c.id)}" if ch is scoring_ch else f"../{ch.slug}/#{A(c.id)}"
            assert f'href="{want}"' in scoring, f"Annex scoring tables lack clause {c.id}"


# --- languages, version, search, downloads ----------------------------------------------------------

def test_both_languages_and_the_switch_lands_on_the_same_page(site: Path, g: Guideline) -> None:
    pages = [ch.slug for ch in g.chapters] + ["downloads", "print", "self-assessment", "running-nbscheck"]
    for slug in pages:
        zh, en = read(site, "zh", slug), read(site, "en", slug)
        assert '<html lang="zh"' in zh and '<html lang="en"' in en
        for lang, body in (("zh", zh), ("en", en)):
            url = f"{LANGS[lang]}{slug}/"
            switch = dict(re.findall(r'<a href="([^"]*)" hreflang="(zh|en)"', body))
            by_lang = {v: k for k, v in switch.items()}
            assert set(by_lang) == {"zh", "en"}, f"{url}: language switch missing"
            for other, href in by_lang.items():
                target, _ = resolve(site, url, href)
                assert target == site / LANGS[other] / slug / "index.html", f"{url}: {other} link goes to {target}"
    # the hand-written pages really are translated
    assert text_of(read(site, "zh", "self-assessment")) != text_of(read(site, "en", "self-assessment"))


def test_version_and_release_date_on_every_page(site: Path, g: Guideline) -> None:
    """The root shows the newest release; draft/ the working draft; v/X/ release X (issue 17, item 1)."""
    draft = shipped()
    assert draft.is_draft and draft.version != g.version
    pages = list(site.rglob("index.html"))
    assert len(pages) > 2 * len(g.chapters)
    seen = set()
    for page in pages:
        parts = page.relative_to(site).parts
        lang = "en" if parts[0] == "en" else "zh"
        parts = parts[1:] if lang == "en" else parts
        shown = (draft if parts[0] == "draft" else shipped(parts[1]) if parts[0] == "v" and len(parts) > 2 else g)
        state = shown.released if not shown.is_draft else {"zh": "草案", "en": "draft"}[lang]
        body = page.read_text(encoding="utf-8")
        banner = re.search(r'<aside class="md-banner">(.*?)</aside>', body, re.S)
        assert banner, f"{page}: no version banner"
        text = text_of(banner.group(1))
        assert f" {shown.version} " in text and str(state) in text, f"{page}: {text}"
        seen.add(shown.version)
    assert seen == set(versions()), "every version is published"


def test_each_language_has_its_own_search_index_and_page(site: Path, g: Guideline) -> None:
    """The site's own search (nbscheck.site.search): an index per language beside its pages, every
    clause in it with its own text, and no theme search beside it (a second box that cannot find
    Chinese words)."""
    zh = json.loads((site / "search-index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en" / "search-index.json").read_text(encoding="utf-8"))
    assert zh["lang"] == "zh" and en["lang"] == "en"
    zh_docs = {d["u"]: d for d in zh["docs"]}
    en_docs = {d["u"]: d for d in en["docs"]}
    for ch, c in g.iter_clauses():
        loc = f"{ch.slug}/#{A(c.id)}"
        assert loc in zh_docs and loc in en_docs, f"{loc} is not indexed in both languages"
        assert zh_docs[loc]["x"] == c.text.zh and en_docs[loc]["x"] == c.text.en
        assert (site / ch.slug / "index.html").is_file()
    for lang in LANGS:
        body = read(site, lang, "search")
        assert 'id="nbs-results"' in body and "assets/nbscheck/search.js" in body
        assert "md-search__input" not in body and not (site / LANGS[lang] / "search" / "search_index.json").exists()
    # every result leads somewhere: its page is built and holds its anchor (hand-written pages too)
    for lang, index in (("zh", zh), ("en", en)):
        pages = {d["u"].partition("#")[0] for d in index["docs"] if d["k"] == "page"}
        assert {"", "running-nbscheck/", "self-assessment/"} <= pages, sorted(pages)
        for d in index["docs"]:
            page, _, anchor = d["u"].partition("#")
            built = site / LANGS[lang] / page / "index.html"
            assert built.is_file(), f"{lang}: {d['u']}"
            assert not anchor or f'id="{anchor}"' in built.read_text(encoding="utf-8"), f"{lang}: {d['u']}"


def test_downloads_are_what_the_cli_writes(site: Path, g: Guideline) -> None:
    for lang in LANGS:
        body = read(site, lang, "downloads")
        files = {}
        for href in hrefs(body[body.find("<article"):]):
            target, _ = resolve(site, f"{LANGS[lang]}downloads/", href)
            if target.suffix in (".json", ".yaml"):
                files[target.name] = target
        schemas = [p for n, p in files.items() if n.endswith(".schema.json")]
        assert len(schemas) == 1
        assert json.loads(schemas[0].read_text(encoding="utf-8")) == submission_schema(g)
        for tlang in ("zh", "en"):
            [template] = [p for n, p in files.items() if n.endswith(f"-{tlang}.yaml")]
            assert template.read_text(encoding="utf-8") == blank_submission(g, tlang, template.name)
        assert g.version in text_of(body)


def test_printable_page_holds_the_whole_guideline(site: Path, g: Guideline) -> None:
    for lang in LANGS:
        page = blocks(read(site, lang, "print"))
        for ch in g.chapters:
            assert ch.slug in page
            for c in ch.clauses:
                assert A(c.id) in page, f"print page lacks {c.id}"
        for href in hrefs("".join(b for _, b in page.values())):
            if not href.startswith("http"):
                assert href.startswith("#") or href.endswith((".json", ".yaml")), \
                    f"the printable page links away from itself: {href}"


def test_a_changes_page_for_each_version(site: Path, g: Guideline) -> None:
    from nbscheck.change.diff import diff_guidelines
    from nbscheck.change.pairing import semver

    known = sorted(versions().items(), key=lambda kv: semver(kv[0]))
    pairs = list(zip(known, known[1:]))
    if not pairs:
        pytest.skip("only one version of the guideline so far")
    for (v_old, p_old), (v_new, p_new) in pairs:
        old = load_guideline(p_old, validate=False).guideline
        new = g if v_new == g.version else load_guideline(p_new, validate=False).guideline
        d = diff_guidelines(old, new)
        folder = "draft/" if shipped(v_new).is_draft else ""  # the draft's changes are published with it
        for lang in LANGS:
            text = text_of(read(site, lang, f"{folder}changes-{v_new}"))
            assert v_old in text and v_new in text
            for cd in d.clauses:
                assert cd.id in text, f"changes-{v_new}: {cd.id} not listed"


def test_site_builds_for_another_guideline_repository(tmp_path: Path) -> None:
    """What a separate guideline repository does: pip install nbscheck, point the plugin at its folder."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 首页\n\n[第一章](chapter-1.md)\n", encoding="utf-8")
    (tmp_path / "docs" / "index.en.md").write_text("# Home\n\n[Chapter 1](chapter-1.md)\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(textwrap.dedent(f"""\
        site_name: 迷你
        theme: {{name: material, language: zh, font: false}}
        plugins:
          - search: {{lang: zh}}
          - nbscheck: {{guideline: {json.dumps(str(MINI))}}}
        validation: {{nav: {{omitted_files: warn}}, links: {{anchors: warn}}}}
        nav:
          - index.md
          - 正文:
              - nbscheck:chapters
              - downloads.md
              - print.md
        """), encoding="utf-8")
    site = tmp_path / "site"
    build(tmp_path / "mkdocs.yml", site)
    mini = load_guideline(MINI).guideline
    assert mini is not None
    names = {"zh": "迷你", "en": (mini.short_title or mini.title).en}  # mkdocs.yml's, then the guideline's
    for lang in LANGS:
        for ch in mini.chapters:
            page = blocks(read(site, lang, ch.slug))
            assert all(c.id in page for c in ch.clauses)
        assert f" - {html.escape(names[lang], quote=False)}</title>" in read(site, lang, "downloads")
    # the theme additions come with the plugin, not with this repository
    assert (site / "assets" / "nbscheck" / "nbscheck.css").is_file()
    assert (site / "en" / "assets" / "nbscheck" / "nbscheck.js").is_file()


# --- the Markdown layer on its own -----------------------------------------------------------------

def test_guideline_text_is_rendered_literally() -> None:
    import markdown

    from nbscheck.site.markdown import esc

    samples = ["*不是强调* _nor_ this", "[不是链接](x.md) {: .no-attr }", "<b>不是 HTML</b> & 1 < 2",
               "# 不是标题", "1. 不是列表", "- 也不是", "`不是代码` \\ 反斜杠"]
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc"])
    for s in samples:
        out = md.reset().convert(esc(s))
        assert out.startswith("<p>") and text_of(out) == s, (s, out)


def test_running_text_links_the_clauses_and_chapters_it_names(g: Guideline) -> None:
    from nbscheck.site.markdown import links_for, linked

    chapters = [ch for ch in g.chapters if ch.kind == "chapter" and ch.clauses]
    here, there = chapters[0], chapters[-1]
    cid = next(c.id for c in there.clauses if c.id.count(".") >= 2)
    links = links_for(g).at(f"{here.slug}.md")
    zh = linked(f"见{cid}和第{there.number}章。", links)
    assert f"[{cid}]({there.slug}.md#{cid})" in zh and f"[第{there.number}章]({there.slug}.md)" in zh
    en = linked(f"see {cid} and Clause {there.number}; 1.5 m; version 9.9.9", links)
    assert f"[Clause {there.number}]({there.slug}.md)" in en
    assert "1.5 m" in en and "[9.9.9]" not in en  # numbers that name no clause stay text


# --- reader-facing fixes of issue 17 (items 5 and 8) ------------------------------------------------

_CJK_BREAK = re.compile(r"([\u4e00-\u9fff，。、；：）])\n[ \t]*([\u4e00-\u9fff（“])")


def test_line_breaks_in_chinese_prose_are_no_spaces(site: Path) -> None:
    from nbscheck.site.cjk import join_cjk_lines

    assert join_cjk_lines(["数据，", "  本网站", "", "```", "代码", "代码", "```", "- 列表", "- 第二"]) == \
        ["数据，本网站", "", "```", "代码", "代码", "```", "- 列表", "- 第二"]
    assert join_cjk_lines(["English line", "next line"]) == ["English line", "next line"]
    checked = 0
    for src in sorted((ROOT / "docs").glob("*.md")):
        if src.name.endswith(".en.md"):
            continue
        built = site / (src.stem if src.stem != "index" else "") / "index.html"
        article = built.read_text(encoding="utf-8")
        article = text_of(article[article.find("<article"):article.find("</article>")])
        text = src.read_text(encoding="utf-8")
        for m in _CJK_BREAK.finditer(text):
            assert m.group(1) + m.group(2) in article, \
                f"{src.name}: a stray space at the line break in {text[m.start() - 12:m.end() + 2]!r}"
            checked += 1
    assert checked > 10, "no Chinese soft line breaks found in docs/: the test checks nothing"


def test_english_pages_carry_an_english_description(site: Path) -> None:
    meta = re.compile(r'<meta name="description" content="([^"]*)"')
    zh = meta.search(read(site, "zh", "chapter-1"))
    en = meta.search(read(site, "en", "chapter-1"))
    assert zh and en
    assert re.search(r"[\u4e00-\u9fff]", zh.group(1)) and not re.search(r"[\u4e00-\u9fff]", en.group(1))


def test_printable_page_has_a_contents_list(site: Path, g: Guideline) -> None:
    for lang in LANGS:
        page = read(site, lang, "print")
        nav = page[page.find('<nav class="nbs-contents">'):]
        nav = nav[: nav.find("</nav>")]
        assert [unquote(h) for h in re.findall(r'href="#([^"]+)"', nav)] == [ch.slug for ch in g.chapters]
        for ch in g.chapters:
            assert f'id="{ch.slug}"' in page
def test_a_page_for_every_finding_code_where_sarif_points(site: Path) -> None:
    from nbscheck.codes import help_url, page_path
    from nbscheck.messages import CATALOG

    for lang in LANGS:
        for code in CATALOG:
            assert help_url(code, lang).endswith(LANGS[lang] + page_path(code, lang))
            body = text_of(read(site, lang, page_path(code, lang).rstrip("/")))
            assert code in body
        index = read(site, lang, "codes")
        assert all(f'href="NBS{c[3:]}/"' in index for c in CATALOG)
    assert "无法读取文件：…" in text_of(read(site, "zh", "codes/NBS001"))
    assert "cannot read the file: …" in text_of(read(site, "en", "codes/NBS001"))


def test_every_versions_schema_is_published_where_its_id_points(site: Path) -> None:
    from nbscheck.check.submission_schema import submission_schema
    from nbscheck.model.guideline import shipped, versions

    for version in versions():
        schema = submission_schema(shipped(version))
        assert schema["$id"].startswith("https://nbscheck.github.io/nbscheck/schemas/")
        published = site / schema["$id"][len("https://nbscheck.github.io/nbscheck/"):]
        assert json.loads(published.read_text(encoding="utf-8")) == schema


def test_the_sitemap_lists_every_page_at_the_configured_address(site: Path) -> None:
    """Issue 17, item 8: with ``site_url`` in mkdocs.yml the sitemap is filled, for both languages."""
    from nbscheck.resources import site_url

    for folder in ("", "en/"):
        locs = re.findall(r"<loc>([^<]+)</loc>", (site / folder / "sitemap.xml").read_text(encoding="utf-8"))
        pages = {p.parent.relative_to(site / folder).as_posix() for p in (site / folder).rglob("index.html")
                 if folder or p.relative_to(site).parts[0] != "en"}
        want = {site_url() + folder + ("" if p == "." else p + "/") for p in pages}
        assert want <= set(locs), sorted(want - set(locs))[:5]
        assert all(loc.startswith(site_url() + folder) for loc in locs)
