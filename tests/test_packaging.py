"""The package as users install it: the checker without the site, metadata PyPI shows, the fallbacks.

The wheel is built once; it is installed into fresh virtual environments of the oldest and newest
Python the project supports, when this machine has them (pyenv's or the system's).
"""

from __future__ import annotations

import email
import glob
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "qualifying" / "submission.yaml"
MISTAKES = ROOT / "examples" / "with-mistakes" / "submission.yaml"
SITE_ONLY = ("mkdocs", "mkdocs-material", "pymdown-extensions", "jieba")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (whl,) = out.glob("nbscheck-*.whl")
    return whl


def _metadata(whl: Path) -> email.message.Message:
    with zipfile.ZipFile(whl) as z:
        name = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_string(z.read(name).decode("utf-8"))


def test_the_checker_needs_none_of_the_site_packages(wheel: Path):
    meta = _metadata(wheel)
    requires = meta.get_all("Requires-Dist")
    core = [r for r in requires if "extra ==" not in r]
    site = [r for r in requires if "extra == 'site'" in r]
    names = lambda rs: {r.split(";")[0].split("<")[0].split(">")[0].split("=")[0].strip().lower() for r in rs}
    assert names(core) == {"jsonschema", "ruamel-yaml", "ruamel-yaml-clib", "rapidyaml", "tomli", "shtab"}
    assert names(site) == set(SITE_ONLY)
    rapid = next(r for r in core if r.startswith("rapidyaml"))
    assert "platform_python_implementation == 'CPython'" in rapid and "platform_machine in" in rapid


def test_license_urls_and_classifiers(wheel: Path):
    meta = _metadata(wheel)
    with zipfile.ZipFile(wheel) as z:
        licence = next(n for n in z.namelist() if n.endswith("/LICENSE"))
        assert z.read(licence).decode().startswith("MIT License")
        assert "nbscheck/_data/guideline/guideline.yaml" in z.namelist()
        assert "nbscheck/_data/mkdocs.yml" in z.namelist()  # site_url: the site's one configured address
    assert meta["License"] == "MIT"
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert set(urls) == {"Homepage", "Documentation", "Source", "Issues"}
    from nbscheck.resources import site_url

    assert urls["Homepage"] == site_url()
    classifiers = meta.get_all("Classifier")
    assert "License :: OSI Approved :: MIT License" in classifiers
    assert {f"Programming Language :: Python :: 3.{n}" for n in (10, 11, 12, 13)} <= set(classifiers)
    assert "pip install nbscheck" in meta.get_payload()  # the package README, not the repository's


def _interpreter(version: str) -> str | None:
    """A working ``pythonX.Y``: on PATH, or one of pyenv's (whose shims refuse versions not selected)."""
    candidates = [shutil.which(f"python{version}")] + sorted(
        glob.glob(os.path.expanduser(f"~/.pyenv/versions/{version}.*/bin/python{version}")))
    for exe in filter(None, candidates):
        try:
            got = subprocess.run([exe, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                 capture_output=True, text=True, timeout=30)
        except OSError:
            continue
        if got.returncode == 0 and got.stdout.strip() == version:
            return exe
    return None


@pytest.mark.parametrize("version", ["3.10", "3.13"])
def test_the_wheel_checks_a_submission_on_python(version: str, wheel: Path, tmp_path: Path):
    exe = _interpreter(version)
    if exe is None:
        pytest.skip(f"no Python {version} on this machine")
    venv = tmp_path / "venv"
    subprocess.run([exe, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", str(wheel)], capture_output=True, text=True)
    assert pip.returncode == 0, pip.stderr[-2000:]
    run = subprocess.run([str(venv / "bin" / "nbscheck"), str(EXAMPLE), "--lang", "en"], capture_output=True, text=True)
    assert run.returncode == 0 and "0 errors, 0 warnings" in run.stdout, run.stdout + run.stderr
    bad = subprocess.run([str(venv / "bin" / "nbscheck"), str(MISTAKES), "--format", "json"], capture_output=True, text=True)
    assert bad.returncode == 1 and json.loads(bad.stdout)["summary"]["errors"] == 7
    probe = "import importlib.util as u; print([m for m in ('mkdocs', 'material', 'jieba') if u.find_spec(m)])"
    assert subprocess.run([str(venv / "bin" / "python"), "-c", probe], capture_output=True, text=True).stdout.strip() == "[]"


def _python(code: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)


def test_without_rapidyaml_the_libyaml_road_gives_the_same_findings():
    run = "from nbscheck.cli import main; import sys; sys.exit(main([%r, '--format', 'json', '--lang', 'en']))" % str(MISTAKES)
    without = _python("import sys; sys.modules['ryml'] = None\n"
                      "import nbscheck.yaml.fastroad as f; assert not f.available()\n" + run)
    with_it = _python(run)
    assert (without.returncode, with_it.returncode) == (1, 1), without.stderr
    strip = lambda out: [(f["code"], f["line"], f["column"]) for f in json.loads(out)["files"][0]["findings"]]
    assert strip(without.stdout) == strip(with_it.stdout) and len(strip(with_it.stdout)) == 8  # 7 errors, 1 note


def test_without_jieba_the_word_diff_compares_chinese_by_character():
    got = _python("import sys; sys.modules['jieba'] = None\n"
                  "from nbscheck.change.worddiff import tokenize; print('|'.join(tokenize('保护湿地 and 林地')))")
    assert got.returncode == 0, got.stderr
    assert got.stdout.strip() == "保|护|湿|地| |and| |林|地"
