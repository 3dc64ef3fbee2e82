"""Issue 17, items 1, 2, 4 and 8, as pure generation: the editions the site publishes, the version
bar and notices, downloads per version, each clause's history and anchor, where old numbers land,
the clause finder's data, and the one configured site address. No MkDocs here (test_site.py builds
the site; test_browser.py follows an old link and a filter address in Chromium)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nbscheck.check.submission_schema import submission_schema
from nbscheck.model.guideline import shipped
from nbscheck.model.template import blank_submission
from nbscheck.resources import guideline_dir
from nbscheck.site.build import LanguageSite, Source, identity, language_site, load_source
from nbscheck.site.filters import clause_data, filters_page
from nbscheck.site.history import Event, history_line, lineages
from nbscheck.site.versions import CURRENT, DRAFT, RELEASE, Edition

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def src() -> Source:
    return load_source(guideline_dir())


@pytest.fixture(scope="module")
def zh(src: Source) -> LanguageSite:
    return language_site(src, "zh")


@pytest.fixture(scope="module")
def en(src: Source) -> LanguageSite:
    return language_site(src, "en")


# --- item 1: versions ----------------------------------------------------------------------------

def test_the_newest_release_is_at_the_root_the_draft_apart_every_release_archived(src: Source) -> None:
    assert src.editions == [Edition("1.1.0", CURRENT, "", "2026-12-02"), Edition("2.0.0", DRAFT, "draft/"),
                            Edition("1.1.0", RELEASE, "v/1.1.0/", "2026-12-02"),
                            Edition("1.0.0", RELEASE, "v/1.0.0/", "2026-11-25")]
    assert src.guideline.version == "1.1.0" and not src.guideline.is_draft
    assert [o.guideline.version for o in src.others] == ["2.0.0", "1.1.0", "1.0.0"]
    # asking for a version puts it at the root
    assert load_source(guideline_dir(), "1.0.0").editions[0] == Edition("1.0.0", CURRENT, "", "2026-11-25")


def test_a_guideline_with_one_version_is_published_alone(tmp_path: Path) -> None:
    src = load_source(MINI)
    assert src.editions == [Edition(src.guideline.version, CURRENT, "", src.guideline.released)]
    site = language_site(src, "zh")
    assert not any(p.startswith(("draft/", "v/")) for p in site.pages) and "versions.md" not in site.pages
    assert '<div class="nbs-versions"' not in site.pages["chapter-1.md"]


def test_the_draft_is_marked_kept_out_of_search_and_out_of_the_nav(zh: LanguageSite, en: LanguageSite) -> None:
    page = zh.pages["draft/chapter-7.md"]
    assert page.startswith(
        '---\nsearch:\n  exclude: true\ntitle: "7 分类实施措施"\n---\n\n'
        '<div class="nbs-version-notice nbs-draft" role="note" markdown>\n\n'
        "这是指南的工作草案（版本 2.0.0），尚未发布，不能作为自评估的依据。现行版本是 1.1.0：[阅读现行版本](../chapter-7.md)。"
        "\n\n</div>\n\n"
        '<div class="nbs-versions" data-nbs-version="2.0.0" markdown>\n\n'
        "版本：**2.0.0（草案，尚未发布）** · 其他版本：[1.1.0（现行版本）](../chapter-7.md) · "
        "[1.0.0](../v/1.0.0/chapter-7.md) · [全部版本](../versions.md)\n\n</div>\n\n# 7 ")
    assert en.pages["v/1.0.0/chapter-7.md"].startswith(
        '---\nsearch:\n  exclude: true\ntitle: "7 Measures by setting"\n---\n\n'
        '<div class="nbs-version-notice nbs-old-version" role="note" markdown>\n\n'
        "This is an earlier version of the guideline, 1.0.0 (released 2026-11-25). The current version is 1.1.0: "
        "[read the current version](../../chapter-7.md).\n\n</div>\n\n")
    assert zh.pages["chapter-7.md"].startswith(
        '---\ntitle: "7 分类实施措施"\n---\n\n<div class="nbs-versions" data-nbs-version="1.1.0" markdown>\n\n'
        "版本：**1.1.0（现行版本）** · 其他版本：[2.0.0（草案，尚未发布）](draft/chapter-7.md) · "
        "[1.0.0](v/1.0.0/chapter-7.md) · [全部版本](versions.md)\n\n</div>\n\n# 7 ")
    assert "draft/chapter-7.md" in zh.hidden and "v/1.0.0/print.md" in zh.hidden and "chapter-7.md" not in zh.hidden
    # the printable page (and so the PDF) of the draft says on paper what it is, with no version bar
    draft_print = zh.pages["draft/print.md"]
    assert ('<div class="nbs-version-notice nbs-draft" role="note" markdown>\n\n'
            "这是指南的工作草案（版本 2.0.0），尚未发布，不能作为自评估的依据。现行版本是 1.1.0：[阅读现行版本](../print.md)。"
            "\n\n</div>") in draft_print and 'class="nbs-versions"' not in draft_print
    assert "nbs-old-version" in en.pages["v/1.0.0/print.md"] and "nbs-version-notice" not in zh.pages["print.md"]
    assert zh.banners == {"draft/": "乡镇NbS实施与评价规范 · 版本 2.0.0 · 草案，尚未发布",
                          "v/1.1.0/": "乡镇NbS实施指南 · 版本 1.1.0 · 2026-12-02 发布",
                          "v/1.0.0/": "乡镇NbS实施指南 · 版本 1.0.0 · 2026-11-25 发布"}
    assert en.banners["draft/"] == "Township NbS specification · version 2.0.0 · draft, not yet released"
    assert zh.changes_nav == ["versions.md", "changes-1.1.0.md"]
    assert "draft/changes-2.0.0.md" in zh.pages


def test_the_versions_page_lists_every_version(zh: LanguageSite) -> None:
    rows = [ln for ln in zh.pages["versions.md"].splitlines() if ln.startswith("| ") and "---" not in ln]
    assert rows == [
        "| 版本 | 状态 | 阅读 | 下载 | 改动 |",
        "| **1.1.0**（现行版本） | 2026-12-02 发布 | [正文](foreword.md) | [提交格式与模板](downloads.md) | "
        "[与上一版本相比](changes-1.1.0.md) |",
        "| 2.0.0 | 草案，尚未发布 | [正文](draft/foreword.md) | [提交格式与模板](draft/downloads.md) | "
        "[与上一版本相比](draft/changes-2.0.0.md) |",
        "| 1.1.0 (`v/1.1.0/`) | 2026-12-02 发布 | [正文](v/1.1.0/foreword.md) | [提交格式与模板](v/1.1.0/downloads.md) | "
        "[与上一版本相比](changes-1.1.0.md) |",
        "| 1.0.0 | 2026-11-25 发布 | [正文](v/1.0.0/foreword.md) | [提交格式与模板](v/1.0.0/downloads.md) | — |",
    ]


@pytest.mark.parametrize("prefix,version", [("", "1.1.0"), ("draft/", "2.0.0"), ("v/1.0.0/", "1.0.0")])
def test_each_version_has_its_own_downloads(zh: LanguageSite, prefix: str, version: str) -> None:
    g = shipped(version)
    stem = f"{prefix}downloads/bft-nbs-{version}-submission"
    assert json.loads(zh.files[f"{stem}.schema.json"]) == submission_schema(g)
    assert zh.files[f"{stem}-zh.yaml"] == blank_submission(g, "zh", f"bft-nbs-{version}-submission-zh.yaml")
    assert f"(downloads/bft-nbs-{version}-submission.schema.json)" in zh.pages[f"{prefix}downloads.md"]


# --- item 2: stable clause identity -------------------------------------------------------------

def test_history_comes_from_the_diffs_pairing(src: Source) -> None:
    lines = lineages(src.guideline, src.diffs)
    assert lines["7.7.5"].events == (Event("1.1.0", "renumbered", "7.7.4"),)
    assert lines["7.7.5"].ids == {"1.1.0": "7.7.5", "1.0.0": "7.7.4"}
    assert lines["7.7.4"].since == "1.1.0" and lines["7.7.4"].events == (Event("1.1.0", "new"),)
    assert lines["7.7.3"].events == (Event("1.1.0", "reworded"),)
    assert lines["7.1.1"].events == () and lines["7.1.1"].changed_in is None
    assert history_line(lines["7.7.5"], "zh") == (
        '<span class="nbs-changed-in" data-nbs-changed="1.1.0">1.1.0 有改动</span> '
        "历史：1.0.0 起；1.1.0 由 7.7.4 改号\n{: .nbs-history }")
    assert history_line(lines["7.7.4"], "en") == (
        '<span class="nbs-changed-in" data-nbs-changed="1.1.0">changed in 1.1.0</span> '
        "History: new in 1.1.0\n{: .nbs-history }")
    assert history_line(lines["7.1.1"], "en") == "History: since 1.0.0\n{: .nbs-history }"


def test_a_number_given_to_another_clause_before_gets_a_since_anchor(src: Source, zh: LanguageSite) -> None:
    _, anchors, moved = identity(src)
    assert anchors == {"7.7.4": "7.7.4-since-1.1.0", "7.7.5": "7.7.5-since-1.1.0", "7.7.6": "7.7.6-since-1.1.0"}
    assert [(m.old_id, m.version, m.new_id) for m in moved] == [
        ("7.7.4", "1.0.0", "7.7.5"), ("7.7.5", "1.0.0", "7.7.6"), ("7.7.6", "1.0.0", "7.7.7")]
    page = zh.pages["chapter-7.md"]
    assert "### 7.7.5 全截光暖色照明 {#7.7.5-since-1.1.0}\n\n" in page
    assert page.endswith(
        '<div class="nbs-anchor-map" hidden markdown>\n\n'
        '- [7.7.4](#7.7.5-since-1.1.0){: data-nbs-old="7.7.4" data-nbs-notice="1.0.0 版的 7.7.4 现为 7.7.5" }\n'
        '- [7.7.5](#7.7.6-since-1.1.0){: data-nbs-old="7.7.5" data-nbs-notice="1.0.0 版的 7.7.5 现为 7.7.6" }\n'
        '- [7.7.6](#7.7.7){: data-nbs-old="7.7.6" data-nbs-notice="1.0.0 版的 7.7.6 现为 7.7.7" }\n\n</div>\n')
    # 1.0.0's pages keep the plain numbers: what an old link meant, it still means there
    assert "### 7.7.4 " in zh.pages["v/1.0.0/chapter-7.md"] and "{#7.7.4}" in zh.pages["v/1.0.0/chapter-7.md"]
    assert "nbs-anchor-map" not in zh.pages["v/1.0.0/chapter-7.md"]
    # cross-references follow the anchors
    assert "[7.7.5](#7.7.5-since-1.1.0)" in page


def test_the_draft_sends_a_removed_clauses_number_to_the_last_release_that_had_it(src: Source, zh: LanguageSite) -> None:
    draft = src.others[0]
    _, anchors, moved = identity(draft)
    removed = [m for m in moved if m.new_id is None]
    assert [(m.old_id, m.removed_in, m.last) for m in removed] == [("9.2.2", "2.0.0", "1.1.0")]
    page = zh.pages["draft/chapter-9.md"]
    assert ('- [9.2.2](../v/1.1.0/chapter-9.md#9.2.2){: data-nbs-old="9.2.2" '
            'data-nbs-notice="1.0.0 版的 9.2.2 已在 2.0.0 删除，见该版本" }') in page
    # only on its own chapter's page: a removed clause's number names no page elsewhere
    assert 'data-nbs-old="9.2.2"' not in zh.pages["draft/chapter-7.md"]


# --- item 4: the clause finder -------------------------------------------------------------------

def test_the_clause_finder_lists_every_clause_with_what_the_filters_test(src: Source, zh: LanguageSite) -> None:
    g = src.guideline
    page = zh.pages["filters.md"]
    assert page.count('<div class="nbs-filter-item" ') == len(g.clauses)
    c = g.clause("7.7.5")
    assert c is not None and c.assessment is not None
    assert clause_data(g)["7.7.5"] == {
        "level": c.level, "dimension": c.assessment.dimension, "iucn": " ".join(c.mapped("iucn")),
        "gbf": " ".join(c.mapped("gbf")), "evidence": " ".join(c.assessment.evidence),
        "na": "yes" if c.assessment.not_applicable else "no"}
    assert (f'<div class="nbs-filter-item" data-nbs-level="shall" data-nbs-dimension="{c.assessment.dimension}" '
            f'data-nbs-iucn="{" ".join(c.mapped("iucn"))}" data-nbs-gbf="{" ".join(c.mapped("gbf"))}"') in page
    assert "[7.7.5](chapter-7.md#7.7.5-since-1.1.0) 全截光暖色照明 · 应\n{: .nbs-filter-head }" in page
    for key in ("level", "dimension", "iucn", "gbf", "evidence", "na"):
        assert f'<select name="{key}" data-nbs-filter="{key}">' in page
    assert '<option value="shall">应</option>' in page and '<option value="shall">shall</option>' in filters_page(g, "en")
    assert page.startswith("---\nsearch:\n  exclude: true\n---\n\n# 条款筛选 {#filters}\n")
    assert zh.chapters_nav[-1] == "filters.md"
    assert "filters.md" not in zh.hidden and not any(p.endswith("/filters.md") for p in zh.pages)


# --- item 8: one configured address ----------------------------------------------------------------

def test_the_site_address_comes_from_mkdocs_yml(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from nbscheck import resources
    from nbscheck.codes import help_url
    from nbscheck.model.addresses import schema_id
    from nbscheck.model.template import editor_line

    configured = re.search(r"^site_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert configured and configured.group(1) == "https://nbscheck.github.io/nbscheck/"
    assert resources.site_url() == configured.group(1)
    g = shipped("1.1.0")
    assert schema_id(g) == "https://nbscheck.github.io/nbscheck/schemas/submission-bft-nbs-1.1.0.schema.json"
    assert submission_schema(g)["$id"] == schema_id(g)
    assert editor_line(g) == f"# yaml-language-server: $schema={schema_id(g)}"
    assert help_url("NBS210", "en") == "https://nbscheck.github.io/nbscheck/en/codes/NBS210/"
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):  # the guideline's own schemas too
        assert json.loads(path.read_text(encoding="utf-8"))["$id"] == f"{configured.group(1)}schemas/{path.name}"
    # another mkdocs.yml, and none at all
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: 'https://guide.example.net/nbs'\n", encoding="utf-8")
    monkeypatch.setattr(resources, "data_root", lambda: tmp_path)
    assert resources.site_url.__wrapped__() == "https://guide.example.net/nbs/"
    (tmp_path / "mkdocs.yml").unlink()
    assert resources.site_url.__wrapped__() == resources.DEFAULT_SITE_URL
