"""SARIF for GitHub code scanning: URIs, rules, fingerprints, regions, lint, and the multitool's verdict.

The multitool test runs Microsoft's SARIF multitool (``make test`` fetches it from the npm registry)
with its SARIF and GitHub rule sets on a reviewer's folder named with spaces and Chinese.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import MINI, ROOT, line_of
from nbscheck.codes import help_url
from nbscheck.messages import CATALOG
from nbscheck.site.code_pages import pages as code_pages

MISTAKES = ROOT / "examples" / "with-mistakes"
MULTITOOL = ROOT / ".venv" / "share" / "npm" / "sarif-multitool" / "Sarif.Multitool"
FOLDER = "审核 2025"
TOWN = "白沙 镇.yaml"


@pytest.fixture
def reviews(tmp_path: Path, monkeypatch) -> Path:
    """A reviewer's folder ``审核 2025/`` holding ``白沙 镇.yaml`` (the example with mistakes) and its evidence."""
    folder = tmp_path / FOLDER
    shutil.copytree(MISTAKES, folder)
    (folder / "submission.yaml").rename(folder / TOWN)
    monkeypatch.chdir(tmp_path)
    return folder


def _sarif(cli, *args: str) -> dict:
    code, out, err = cli(*args, "--format", "sarif")
    assert code == 1, err
    return json.loads(out)


def test_uris_are_percent_encoded_and_relative_to_srcroot(reviews: Path, cli):
    run = _sarif(cli, FOLDER, "--lang", "en")["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"%E5%AE%A1%E6%A0%B8%202025/%E7%99%BD%E6%B2%99%20%E9%95%87.yaml"}
    bases = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] for r in run["results"]}
    assert bases == {"SRCROOT"}
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == reviews.parent.resolve().as_uri() + "/"


def test_a_file_outside_the_working_folder_gets_an_absolute_file_uri(reviews: Path, cli, monkeypatch):
    monkeypatch.chdir(ROOT / "examples")
    run = _sarif(cli, str(reviews / TOWN))["runs"][0]
    loc = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": (reviews / TOWN).as_uri()} and "%20" in loc["uri"] and "uriBaseId" not in loc


def test_rules_have_full_descriptions_and_a_help_page(reviews: Path, cli):
    for lang in ("zh", "en"):
        rules = _sarif(cli, FOLDER, "--lang", lang)["runs"][0]["tool"]["driver"]["rules"]
        by_id = {r["id"]: r for r in rules}
        r = by_id["NBS210"]
        assert r["helpUri"] == ("https://nbscheck.github.io/nbscheck/en/codes/NBS210/" if lang == "en"
                                else "https://nbscheck.github.io/nbscheck/codes/NBS210/")
        assert r["fullDescription"]["text"].startswith("NBS210")
    en = {r["id"]: r for r in _sarif(cli, FOLDER, "--lang", "en")["runs"][0]["tool"]["driver"]["rules"]}
    # the whole message, not cut at its first placeholder; suggestions drop out
    assert en["NBS201"]["shortDescription"]["text"] == "the guideline has no clause …"
    assert en["NBS203"]["shortDescription"]["text"] == "no answer to shall clause …"
    assert en["NBS203"]["fullDescription"]["text"] == (
        "NBS203 (an error): no answer to shall clause …. Answer every assessable shall clause; "
        "if it truly does not apply, say not_applicable and why.")


def test_fingerprints_survive_lines_moving(reviews: Path, cli):
    before = _sarif(cli, FOLDER)["runs"][0]["results"]
    town = reviews / TOWN
    town.write_text("# 审核意见：第二轮\n# second round\n" + town.read_text(encoding="utf-8"), encoding="utf-8")
    after = _sarif(cli, FOLDER)["runs"][0]["results"]
    line = lambda r: r["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert [line(a) for a in after] == [line(b) + 2 for b in before]
    prints = [r["partialFingerprints"]["nbscheckFinding/v1"] for r in before]
    assert prints == [r["partialFingerprints"]["nbscheckFinding/v1"] for r in after]
    assert len(set(prints)) == len(prints)  # each finding its own


def test_every_result_has_a_region_even_a_finding_about_the_whole_file(tmp_path: Path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("empty.yaml").write_text("", encoding="utf-8")
    (res,) = _sarif(cli, "empty.yaml")["runs"][0]["results"]
    assert res["ruleId"] == "NBS008"
    assert res["locations"][0]["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 1}


def test_lint_writes_sarif(tmp_path: Path, cli, monkeypatch):
    shutil.copytree(MINI, tmp_path / "guideline")
    chapter = tmp_path / "guideline" / "chapters" / "01-general.yaml"
    text = chapter.read_text(encoding="utf-8").replace('id: "1.2"', 'id: "1.3"')
    chapter.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = cli("lint", "guideline", "--format", "sarif", "--lang", "en")
    assert code == 1
    run = json.loads(out)["runs"][0]
    got = [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]]
    assert ("NBS103", "guideline/chapters/01-general.yaml", line_of(text, 'id: "1.3"')) in got
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} == {r for r, _, _ in got}


def test_every_code_has_its_page_in_both_languages():
    for lang in ("zh", "en"):
        pages = code_pages(lang)
        assert set(pages) == {"codes/index.md"} | {f"codes/{c}.md" for c in CATALOG}
        for c in CATALOG:
            assert f"[{c}]({c}.md)" in pages["codes/index.md"]
            assert pages[f"codes/{c}.md"].startswith(f"# {c}\n")
            assert help_url(c, lang).endswith(f"codes/{c}/")
    assert "怎么办" in code_pages("zh")["codes/NBS203.md"] and "What to do" in code_pages("en")["codes/NBS203.md"]


def _multitool(sarif: Path, out: Path) -> list[dict]:
    env = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1")
    proc = subprocess.run([str(MULTITOOL), "validate", "--rule-kind", "Sarif;Gh", "--level", "Error;Warning;Note",
                           "-o", str(out), str(sarif)], capture_output=True, text=True, env=env, timeout=300)
    assert out.is_file(), proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]


@pytest.mark.skipif(not MULTITOOL.is_file(), reason="SARIF multitool not installed (`make test` fetches it from npm)")
def test_microsofts_multitool_with_its_github_rules_accepts_a_folder_with_spaces_and_chinese(reviews: Path, cli, tmp_path: Path):
    for lang in ("zh", "en"):
        code, _, err = cli(FOLDER, "--format", "sarif", "--lang", lang, "-o", f"report-{lang}.sarif")
        assert code == 1, err
        found = _multitool(tmp_path / f"report-{lang}.sarif", tmp_path / f"validation-{lang}.sarif")
        serious = [(r["ruleId"], r["message"]["text"][:200]) for r in found if r.get("level", "warning") in ("error", "warning")]
        assert serious == []
        # the tool did run its rules: it leaves notes (SARIF2002: message arguments; SARIF2006: the
        # informationUri is not reachable from here), never an error or warning
        assert {r["ruleId"] for r in found} >= {"SARIF2002"}


def test_the_code_index_covers_every_range_of_the_catalog():
    from nbscheck.site.code_pages import _RANGES

    assert {c[3] for c in CATALOG} <= {digit for digit, _, _ in _RANGES}
