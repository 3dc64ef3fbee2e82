"""``nbscheck site build-pages``: the generated part of the site as plain files (issue 17, item 7).

The pages must build with a generator that knows nothing of nbscheck: the test builds them with a
bare ``mkdocs.yml`` that has no nbscheck plugin, standing in for Zensical, which runs no plugins.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nbscheck.check.submission_schema import submission_schema
from nbscheck.cli import main
from nbscheck.model.template import blank_submission
from nbscheck.resources import guideline_dir
from nbscheck.model.types import Guideline
from nbscheck.site.build import GENERATORS, identity, language_site, load_source

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def _zip_parts(data: bytes) -> dict[str, bytes]:
    """An .xlsx's parts by name, without docProps/core.xml (which holds the time it was written)."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}


@pytest.fixture(scope="module")
def pages_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    assert main(["site", "build-pages", str(out)]) == 0
    return out


def _shown() -> tuple[Guideline, dict[str, str]]:
    """The version at the site's root (the newest release) and its clause anchors."""
    src = load_source(guideline_dir())
    return src.guideline, identity(src)[1]


def test_build_pages_writes_every_chapter_download_and_the_navigation(pages_dir: Path) -> None:
    g, anchors = _shown()
    assert not g.is_draft
    for lang in ("zh", "en"):
        folder = pages_dir / lang
        nav = json.loads((folder / "nav.json").read_text(encoding="utf-8"))
        chapter_paths = [next(iter(e.values())) if isinstance(e, dict) else e for e in nav["nbscheck:chapters"]]
        assert chapter_paths[: len(g.chapters)] == [f"{ch.slug}.md" for ch in g.chapters]
        for ch in g.chapters:
            text = (folder / f"{ch.slug}.md").read_text(encoding="utf-8")
            for c in ch.clauses:
                assert f"{{#{anchors.get(c.id, c.id)}}}" in text, f"{lang}/{ch.slug}.md lacks clause {c.id}"
        for page in nav["nbscheck:changes"]:
            assert (folder / page).is_file()
        schema = next(folder.glob("downloads/*.schema.json"))
        assert json.loads(schema.read_text(encoding="utf-8")) == submission_schema(g)
        zh = next(folder.glob("downloads/*-submission-zh.yaml"))
        assert zh.read_text(encoding="utf-8") == blank_submission(g, "zh", zh.name)


def test_build_pages_writes_the_draft_and_every_release_apart(pages_dir: Path) -> None:
    """Issue 17, item 1, without MkDocs: the draft under draft/, each release under v/X/, each with its downloads."""
    src = load_source(guideline_dir())
    for lang in ("zh", "en"):
        folder = pages_dir / lang
        for e, s in zip(src.editions, [src, *src.others]):
            g = s.guideline
            for ch in g.chapters:
                assert (folder / e.prefix / f"{ch.slug}.md").is_file(), f"{lang}/{e.prefix}{ch.slug}.md"
            schema = folder / e.prefix / "downloads" / f"{g.id}-{g.version}-submission.schema.json"
            assert json.loads(schema.read_text(encoding="utf-8")) == submission_schema(g)
        nav = json.loads((folder / "nav.json").read_text(encoding="utf-8"))
        assert not any(p.startswith(("draft/", "v/")) for p in json.dumps(nav["nbscheck:chapters"]).split('"'))
        assert nav["nbscheck:changes"][0] == "versions.md" and (folder / "versions.md").is_file()


def test_the_plugin_and_the_command_give_the_same_pages(pages_dir: Path) -> None:
    src = load_source(guideline_dir())
    for lang in ("zh", "en"):
        site = language_site(src, lang)
        for path, content in {**site.pages, **site.files}.items():
            if isinstance(content, bytes):  # a workbook: the same sheets; only its creation time differs
                assert _zip_parts(content) == _zip_parts((pages_dir / lang / path).read_bytes()), path
            else:
                assert (pages_dir / lang / path).read_text(encoding="utf-8") == content, path
        written = {p.relative_to(pages_dir / lang).as_posix() for p in (pages_dir / lang).rglob("*") if p.is_file()}
        assert written == set(site.pages) | set(site.files) | {"nav.json"}


def test_extra_page_generators_are_one_function_each() -> None:
    src = load_source(MINI)
    extra = lambda s, lang: {"extra/NBS201.md": f"# NBS201 {lang}\n"}  # noqa: E731
    GENERATORS.append(extra)
    try:
        site = language_site(src, "en", prefix="g/")
    finally:
        GENERATORS.remove(extra)
    assert site.pages["g/extra/NBS201.md"] == "# NBS201 en\n"
    assert "g/extra/NBS201.md" not in language_site(src, "en", prefix="g/").pages


def test_pages_build_without_the_nbscheck_plugin(pages_dir: Path, tmp_path: Path) -> None:
    """No build events: a bare MkDocs (standing in for Zensical) builds the written pages."""
    docs = tmp_path / "docs"
    shutil.copytree(pages_dir / "zh", docs)
    (docs / "index.md").write_text("# 首页\n", encoding="utf-8")
    nav = json.loads((docs / "nav.json").read_text(encoding="utf-8"))
    (docs / "nav.json").unlink()
    config = {"site_name": "bare", "docs_dir": "docs", "theme": {"name": "mkdocs"},
              "markdown_extensions": ["toc", "tables", "attr_list", "md_in_html"],
              "validation": {"links": {"anchors": "warn"}},
              "nav": ["index.md", *nav["nbscheck:chapters"], *nav["nbscheck:changes"], "downloads.md", "print.md"]}
    (tmp_path / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                          cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    g, anchors = _shown()
    ch = next(ch for ch in g.chapters if ch.clauses)
    built = (tmp_path / "site" / ch.slug / "index.html").read_text(encoding="utf-8")
    assert all(f'id="{anchors.get(c.id, c.id)}"' in built for c in ch.clauses)


def test_a_broken_guideline_is_reported_with_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "g"
    shutil.copytree(MINI, broken)
    meta = broken / "guideline.yaml"
    lines = meta.read_text(encoding="utf-8").splitlines()
    n = next(i for i, ln in enumerate(lines) if ln.startswith("version:"))
    lines[n] = "version: [1]"
    meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["site", "build-pages", str(out), "--guideline", str(broken), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert f"guideline.yaml:{n + 1}:10: error NBS100" in err, err
    assert not out.exists()


def test_an_unknown_version_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["site", "build-pages", str(tmp_path / "o"), "--guideline-version", "9.9.9", "--lang", "en"]) == 2
    assert "no guideline version 9.9.9" in capsys.readouterr().err
    assert main(["site", "build-pages", str(tmp_path / "o"), "--guideline-version", "9.9.9"]) == 2
    assert "没有指南版本 9.9.9" in capsys.readouterr().err
