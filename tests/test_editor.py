"""What an editor shows: the real yaml-language-server (npm), driven over LSP, on the examples with the
schema nbscheck writes; and the defaults and editor line of ``schema`` and ``init``.

``make test`` installs yaml-language-server into .venv/share/npm; without it (or node) the LSP tests skip.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, line_of
from nbscheck.check.submission_schema import STATUS_ERROR

YLS = ROOT / ".venv" / "share" / "npm" / "yaml-language-server" / "node_modules" / ".bin" / "yaml-language-server"
QUALIFYING = ROOT / "examples" / "qualifying" / "submission.yaml"
MISTAKES = ROOT / "examples" / "with-mistakes" / "submission.yaml"
needs_server = pytest.mark.skipif(not YLS.exists() or shutil.which("node") is None,
                                  reason="yaml-language-server (npm) not installed: `make test` installs it")
SETTINGS = {"validate": True, "hover": True, "completion": True, "schemaStore": {"enable": False}}


# --- defaults and the editor line (no server needed) -----------------------------------------------

def _newest_release() -> str:
    """From the data: the highest version frozen under guideline/releases/."""
    return max((d.name for d in (ROOT / "guideline" / "releases").iterdir()), key=lambda v: tuple(map(int, v.split("."))))


def test_schema_and_init_default_to_the_newest_release(cli, tmp_path: Path):
    from nbscheck.model.guideline import shipped

    newest, draft = _newest_release(), shipped()
    assert draft.is_draft and draft.version != newest  # the working version is a draft
    code, out, _ = cli("schema")
    schema = json.loads(out)
    assert code == 0 and schema["$id"].endswith(f"submission-bft-nbs-{newest}.schema.json")
    assert schema["properties"]["guideline"]["properties"]["version"]["const"] == newest
    code, out, _ = cli("init")
    assert f'version: "{newest}"' in out
    code, out, _ = cli("schema", "--guideline-version", draft.version)
    assert json.loads(out)["properties"]["guideline"]["properties"]["version"]["const"] == draft.version


def test_init_writes_the_editor_line_on_a_line_of_its_own(cli):
    for lang in ("zh", "en"):
        code, out, _ = cli("init", "--lang", lang)
        lines = [l for l in out.splitlines() if "yaml-language-server" in l]
        assert lines == [f"# yaml-language-server: $schema=https://nbscheck.github.io/nbscheck/schemas/submission-bft-nbs-{_newest_release()}.schema.json"]


def test_each_answer_is_an_object_with_titles_of_its_own(cli):
    schema = json.loads(cli("schema", "--guideline-version", "1.0.0")[1])
    answers = schema["properties"]["answers"]["properties"]
    a, b = answers["5.1.1"], answers["5.1.2"]
    assert (a["type"], b["type"]) == ("object", "object") and "allOf" not in a and "answer" not in schema["$defs"]
    assert a["properties"]["status"]["title"] == "5.1.1 状态 / status"
    assert b["properties"]["status"]["title"] == "5.1.2 状态 / status"
    assert a["defaultSnippets"][0]["body"]["status"].startswith("${1|met,")


# --- the real language server -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from lsp_client import LspClient

    client = LspClient([str(YLS), "--stdio"], SETTINGS)
    yield client, tmp_path_factory.mktemp("editor")
    client.close()


def _schema(cli, folder: Path, version: str) -> str:
    path = folder / f"schema-{version}.json"
    assert cli("schema", "--guideline-version", version, "-o", str(path))[0] == 0
    return path.as_uri()


def _doc(folder: Path, name: str, schema_uri: str, body: str) -> tuple[str, str]:
    return (folder / name).as_uri(), f"# yaml-language-server: $schema={schema_uri}\n" + body


@needs_server
def test_diagnostics_on_the_examples(server, cli):
    client, folder = server
    s100 = _schema(cli, folder, "1.0.0")
    assert client.open(*_doc(folder, "ok.yaml", s100, QUALIFYING.read_text(encoding="utf-8"))) == []
    text = MISTAKES.read_text(encoding="utf-8")
    found = client.open(*_doc(folder, "bad.yaml", s100, text))
    # the document has one line more than the example: the editor line (LSP lines count from 0)
    assert [(d["range"]["start"]["line"], d["message"]) for d in found] == [(line_of(text, '"7.1.30":'), "Property 7.1.30 is not allowed.")]


@needs_server
def test_another_versions_schema_names_the_version_mismatch_in_both_languages(server, cli):
    client, folder = server
    s110 = _schema(cli, folder, "1.1.0")
    text = QUALIFYING.read_text(encoding="utf-8")
    found = client.open(*_doc(folder, "draft.yaml", s110, text))
    first = found[0]
    assert first["range"]["start"]["line"] == line_of(text, 'version: "1.0.0"')
    assert first["message"].startswith("此 schema 用于 1.1.0 版") and "this schema is for version 1.1.0" in first["message"]


@needs_server
def test_bilingual_error_message_for_a_wrong_status(server, cli):
    client, folder = server
    s100 = _schema(cli, folder, "1.0.0")
    text = QUALIFYING.read_text(encoding="utf-8").replace("status: met", "status: done", 1)
    found = client.open(*_doc(folder, "status.yaml", s100, text))
    assert [(d["range"]["start"]["line"], d["message"]) for d in found] == [(line_of(text, "status: done"), STATUS_ERROR)]


@needs_server
def test_hover_on_status_names_its_own_clause(server, cli):
    client, folder = server
    s100 = _schema(cli, folder, "1.0.0")
    uri, text = _doc(folder, "hover.yaml", s100, QUALIFYING.read_text(encoding="utf-8"))
    client.open(uri, text)
    lines = text.splitlines()
    seen = []
    for clause in ("5.1.1", "5.1.2", "9.5.2"):
        key = next(i for i, l in enumerate(lines) if l.strip() == f'"{clause}":')
        at = next(i for i in range(key + 1, len(lines)) if lines[i].strip().startswith("status:"))
        hover = client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                      "position": {"line": at, "character": lines[at].index("status") + 2}})
        seen.append(hover["contents"]["value"].splitlines()[0])
    assert seen == ["#### 5.1.1 状态 / status", "#### 5.1.2 状态 / status", "#### 9.5.2 状态 / status"]


@needs_server
def test_completing_a_clause_id_inserts_a_body(server, cli):
    client, folder = server
    s100 = _schema(cli, folder, "1.0.0")
    uri, text = _doc(folder, "new.yaml", s100, "guideline: {id: bft-nbs, version: 1.0.0}\nanswers:\n  \n")
    client.open(uri, text)
    result = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 3, "character": 2}})
    items = {i["label"]: i for i in (result["items"] if isinstance(result, dict) else result)}
    assert len(items) == 101 and items["5.1.1"]["insertText"] == "5.1.1:\n  "
    uri, text = _doc(folder, "body.yaml", s100, "guideline: {id: bft-nbs, version: 1.0.0}\nanswers:\n  \"5.1.1\":\n    \n")
    client.open(uri, text)
    result = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 4}})
    inserts = [i.get("insertText", "") for i in (result["items"] if isinstance(result, dict) else result)]
    assert any(t.startswith("status: ${1|met,partial,not_met,not_applicable|}") for t in inserts), inserts


@needs_server
def test_the_editor_line_init_writes_is_read(server, cli, tmp_path: Path):
    """Offline the published schema cannot be fetched, but the server must try that address: the line
    used to be prefixed (``# 编辑器提示：# yaml-language-server: ...``) and was ignored."""
    client, _ = server
    code, text, _ = cli("init", "--lang", "en")
    found = client.open((tmp_path / "init.yaml").as_uri(), text)
    url = f"https://nbscheck.github.io/nbscheck/schemas/submission-bft-nbs-{_newest_release()}.schema.json"
    assert any(url in d["message"] for d in found), found


@pytest.mark.parametrize("doc", ["running-nbscheck.md", "running-nbscheck.en.md"])
def test_the_documented_vscode_setting_names_the_default_schema(doc: str, cli):
    import re

    block = re.search(r"```json\n(\{\n  \"yaml.schemas\".*?)```", (ROOT / "docs" / doc).read_text(encoding="utf-8"), re.S)
    assert block, "the VS Code setting is documented"
    (url,) = json.loads(block.group(1))["yaml.schemas"]
    assert url == json.loads(cli("schema")[1])["$id"]


@needs_server
def test_the_untouched_init_template_loads_with_its_schema(server, cli, tmp_path: Path):
    """The template as ``init`` writes it, its editor line pointed at the schema file: the server
    parses it (no syntax diagnostic), finds every answer key in the schema (no "not allowed"), and
    what it flags are only the slots still blank (the editor, unlike the checker, cannot tell an
    untouched answer from a filled one: a known limit, see docs/running-nbscheck.md)."""
    client, folder = server
    version = _newest_release()
    schema = _schema(cli, folder, version)
    code, text, _ = cli("init", "--lang", "zh")
    text = text.replace(f"https://nbscheck.github.io/nbscheck/schemas/submission-bft-nbs-{version}.schema.json", schema, 1)
    found = client.open((tmp_path / "blank.yaml").as_uri(), text)
    lines = text.splitlines()
    assert code == 0 and found
    assert not [d for d in found if "not allowed" in d["message"] or not d["source"].startswith("yaml-schema")]
    flagged = {d["range"]["start"]["line"] for d in found}
    assert all('""' in lines[n] or lines[n].strip().startswith("status:") for n in flagged)
    statuses = [n for n, line in enumerate(lines) if line.strip().startswith("status:")]
    assert len(statuses) == len(shipped_release(version).assessable) and set(statuses) <= flagged
    # what each says: nbscheck's bilingual errorMessage where the server reads one (status, code,
    # dates); for an empty string the server's own message, which it translates (it ignores
    # errorMessage on minLength)
    from nbscheck.check.submission_schema import DATE_ERROR

    paths = [n for n, line in enumerate(lines) if line.strip().startswith('- path: ""')]
    by_message: dict[str, list[int]] = {}
    for d in found:
        by_message.setdefault(d["message"], []).append(d["range"]["start"]["line"])
    empty = "String is shorter than the minimum length of 1."
    assert sorted(by_message) == sorted([STATUS_ERROR, empty, DATE_ERROR, "应为 9 位数字 / must be 9 digits"])
    assert sorted(by_message[STATUS_ERROR]) == statuses and len(by_message[DATE_ERROR]) == 2
    assert sorted(by_message[empty]) == sorted(paths + [lines.index(ln) for ln in lines if ln.startswith(
        ("  name: {zh:", "  county: {zh:", "  province: {zh:"))] + [lines.index("contact:") + 1])


def shipped_release(version: str):
    from nbscheck.model.guideline import shipped

    return shipped(version)
