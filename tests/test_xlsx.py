"""Self-assessments as .xlsx workbooks: the template, checking a workbook exactly as its YAML, convert
both ways, robust reading, and LibreOffice opening and re-saving what nbscheck writes."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl", reason="openpyxl (the xlsx extra) is not installed")

from nbscheck.check.checker import check_file  # noqa: E402
from nbscheck.model.guideline import shipped  # noqa: E402
from nbscheck.sheet.read import load_sheet  # noqa: E402
from nbscheck.yaml.load import load_file  # noqa: E402

from conftest import ROOT  # noqa: E402

EXAMPLES = ("qualifying", "with-mistakes")
SOFFICE = shutil.which("soffice")
office = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is absent: `make test` installs libreoffice-calc-nogui")


def _findings(r):
    return sorted((f.code, f.clause, f.severity.value, json.dumps(dict(f.args), ensure_ascii=False, sort_keys=True))
                  for f in r.findings)


def _score(r):
    s = r.score
    return (s.earned, s.available, s.percent, s.qualified, [(d.earned, d.available) for d in s.dimensions])


def _example(tmp_path: Path, name: str, cli, lang: str = "zh") -> Path:
    dst = tmp_path / name
    shutil.copytree(ROOT / "examples" / name, dst)
    code, out, err = cli("convert", str(dst / "submission.yaml"), "-o", str(dst / "自评.xlsx"), "--lang", lang)
    assert code == 0, err
    return dst


def _row_of(path: Path, sheet: str, column: int, value: str) -> int:
    ws = openpyxl.load_workbook(path)[sheet]
    return next(c.row for c in ws[openpyxl.utils.get_column_letter(column)] if c.value == value)


def _resave(path: Path, tmp_path: Path) -> Path:
    """The workbook opened and saved again by LibreOffice Calc (a private profile: runs may overlap)."""
    out = tmp_path / "resaved"
    out.mkdir(exist_ok=True)
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    saved = out / path.name
    assert saved.is_file()
    return saved


# --- the template --------------------------------------------------------------------------------


def test_template_sheets_headers_validations_and_print_setup(tmp_path, cli):
    out = tmp_path / "自评.xlsx"
    assert cli("init", "--format", "xlsx", "-o", str(out))[0] == 0
    from nbscheck.cli.editor import default_version

    g = shipped(default_version())  # init answers the newest release
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["填写说明", "乡镇信息", "条款答复", "证据", "选项列表"]
    assert wb["选项列表"].sheet_state == "hidden"
    ws = wb["条款答复"]
    head = [c.value for c in ws[1]]
    assert head == ["条款编号", "章", "要求程度", "条款内容", "指标", "单位", "目标", "所需证据", "分值",
                    "状态", "指标值", "所填单位", "不适用理由", "说明"]
    assert [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)] == [c.id for c in g.assessable]
    assert ws.freeze_panes == "B2" and ws.protection.sheet
    assert ws["A2"].protection.locked and not ws["J2"].protection.locked and not ws["K2"].protection.locked
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1 and ws.print_title_rows == "$1:$1"
    assert ws["D2"].alignment.wrap_text and ws.column_dimensions["D"].width == 48
    rules = {str(r.sqref): r for r in ws.data_validations.dataValidation}
    status = [r for r in rules.values() if r.type == "list" and "符合" in (r.formula1 or "")]
    assert status and any("不适用" in r.formula1 for r in status)
    pct = next(c for c in g.assessable if c.assessment.indicator.type == "percentage")
    row = [c.id for c in g.assessable].index(pct.id) + 2
    rule = next(r for r in ws.data_validations.dataValidation if f"K{row}" in r.sqref)
    assert (rule.type, rule.operator, rule.formula1, rule.formula2) == ("decimal", "between", "0", "100")
    boolean = next(c for c in g.assessable if c.assessment.indicator.type == "boolean")
    row = [c.id for c in g.assessable].index(boolean.id) + 2
    assert next(r for r in ws.data_validations.dataValidation if f"K{row}" in r.sqref).formula1 == '"是,否"'
    assert [c.value for c in wb["证据"][1]] == ["条款编号", "文件路径", "证据类型", "SHA-256", "说明"]
    kinds = next(r for r in wb["证据"].data_validations.dataValidation if "C2" in r.sqref)
    assert kinds.type == "list" and kinds.formula1.startswith("'选项列表'!")
    info = wb["乡镇信息"]
    assert info["A2"].value == "guideline.id" and info["C2"].value == g.id and info["C3"].value == g.version
    en = tmp_path / "self-assessment.xlsx"
    assert cli("init", "-o", str(en), "--lang", "en")[0] == 0  # the format follows the file name
    assert openpyxl.load_workbook(en).sheetnames[:4] == ["Instructions", "Township", "Answers", "Evidence"]


def test_init_xlsx_never_overwrites_and_needs_a_file(tmp_path, cli, monkeypatch):
    out = tmp_path / "a.xlsx"
    out.write_bytes(b"keep")
    code, _, err = cli("init", "--format", "xlsx", "-o", str(out))
    assert code == 2 and "--force" in err and out.read_bytes() == b"keep"
    assert cli("init", "--format", "xlsx")[0] == 2
    import nbscheck.sheet.layout as layout

    monkeypatch.setattr(layout, "openpyxl_missing", lambda: True)
    code, _, err = cli("init", "--format", "xlsx", "-o", str(tmp_path / "b.xlsx"))
    assert code == 2 and "pip install 'nbscheck[xlsx]'" in err and "需要 openpyxl" in err and "needs openpyxl" in err


# --- a workbook checks exactly as its YAML -----------------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_as_workbooks_give_their_yaml_findings_and_score(tmp_path, cli, name):
    d = _example(tmp_path, name, cli)
    ry, rx = check_file(d / "submission.yaml"), check_file(d / "自评.xlsx")
    assert rx.findings and _findings(rx) == _findings(ry)
    assert _score(rx) == _score(ry)
    assert load_sheet(d / "自评.xlsx").data == load_file(d / "submission.yaml").data
    assert all(f.sheet in ("乡镇信息", "条款答复", "证据") and f.cell for f in rx.findings)


@pytest.mark.parametrize("name", EXAMPLES)
def test_convert_back_and_forth_loses_nothing(tmp_path, cli, name):
    d = _example(tmp_path, name, cli, lang="en")
    assert cli("convert", str(d / "自评.xlsx"), "-o", str(d / "back.yaml"))[0] == 0
    assert cli("convert", str(d / "back.yaml"), "-o", str(d / "again.xlsx"))[0] == 0
    original = load_file(d / "submission.yaml").data
    assert load_file(d / "back.yaml").data == original
    assert load_sheet(d / "again.xlsx").data == original
    assert _findings(check_file(d / "back.yaml")) == _findings(check_file(d / "submission.yaml"))


def test_findings_name_sheet_and_cell_in_text_json_and_sarif(tmp_path, cli):
    d = _example(tmp_path, "with-mistakes", cli)
    x = d / "自评.xlsx"
    row = _row_of(x, "条款答复", 1, "7.1.1")
    unknown = _row_of(x, "条款答复", 1, "7.1.30")
    missing = _row_of(x, "条款答复", 1, "6.1.1")
    code, out, _ = cli(str(x), "--lang", "en")
    assert code == 1
    assert f"自评.xlsx:条款答复!K{row}: error NBS210 [7.1.1]" in out
    assert f"自评.xlsx:条款答复!A{unknown}: error NBS201" in out
    assert f"自评.xlsx:条款答复!J{missing}: error NBS203 [6.1.1]" in out  # a missing answer: its row's status cell
    assert "|" not in out.split("NBS210")[1].split("\n")[1]  # no source line from a binary file
    ev = openpyxl.load_workbook(x)["证据"]
    ev_row = next(c.row for c in ev["B"] if c.value == "evidence/meeting-minutes-2025.md")
    assert f"自评.xlsx:证据!B{ev_row}: error NBS213 [5.4.1]" in out
    code, out, _ = cli(str(x), "--format", "json")
    found = [f for f in json.loads(out)["files"][0]["findings"] if f["code"] == "NBS210"][0]
    assert (found["sheet"], found["cell"], found["line"], found["column"]) == ("条款答复", f"K{row}", row, 11)
    code, out, _ = cli(str(x), "--format", "sarif")
    res = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "NBS210"][0]
    loc = res["locations"][0]
    assert loc["logicalLocations"] == [{"name": f"K{row}", "fullyQualifiedName": f"条款答复!K{row}"}]
    from urllib.parse import unquote

    assert "region" not in loc["physicalLocation"] and unquote(loc["physicalLocation"]["artifactLocation"]["uri"]).endswith("自评.xlsx")
    schema_file = ROOT / ".venv" / "share" / "sarif-2.1.0.json"
    if not schema_file.is_file():
        schema_file = Path("/work/main/.venv/share/sarif-2.1.0.json")
    if schema_file.is_file():
        from jsonschema import Draft202012Validator

        errors = list(Draft202012Validator(json.loads(schema_file.read_text(encoding="utf-8"))).iter_errors(json.loads(out)))
        assert errors == [], [e.message for e in errors[:3]]


def test_a_folder_holds_workbooks_too(tmp_path, cli):
    d = _example(tmp_path, "qualifying", cli)
    (d / "~$自评.xlsx").write_bytes(b"lock")  # Excel's lock file beside an open workbook is not a submission
    data = openpyxl.Workbook()
    data.active.title = "监测数据"
    data.save(d / "evidence" / "monitoring.xlsx")  # a workbook given as evidence is not one either
    code, out, _ = cli(str(d), "--lang", "en", "--jobs", "1")
    assert code == 0 and "2 files: 2 valid, 2 qualify" in out
    code, out, _ = cli(str(d / "evidence" / "monitoring.xlsx"), "--lang", "en")  # named, it is checked
    assert code == 1 and "NBS062" in out


# --- robust reading --------------------------------------------------------------------------------


def test_reordered_columns_extra_sheets_merged_cells_dates_percent_and_spaces(tmp_path, cli):
    d = _example(tmp_path, "qualifying", cli)
    x = d / "自评.xlsx"
    wb = openpyxl.load_workbook(x)
    g = shipped("1.0.0")
    ws = wb["条款答复"]
    ids = [c.id for c in g.assessable]
    pct = next(c.id for c in g.assessable if c.assessment.indicator.type == "percentage")
    r_pct = ids.index(pct) + 2
    value = ws.cell(row=r_pct, column=11).value
    ws.cell(row=r_pct, column=11).value = value / 100  # typed as 88 % in a percent-formatted cell
    ws.cell(row=r_pct, column=11).number_format = "0%"
    ws.cell(row=2, column=10).value = "  符合\u3000"  # stray spaces, a full-width one too
    ws.cell(row=3, column=14).value = None
    ws.move_range("A1:I200", cols=14)  # the locked columns moved to the right ...
    ws.move_range("J1:N200", cols=-9)  # ... and the fill ones to the front: found by header
    ws.merge_cells("E2:E3")  # one note over two rows
    info = wb["乡镇信息"]
    info["C8"].value = dt.datetime(2025, 1, 1)  # a date as Excel stores it
    info["C5"].value = 339901101  # the code typed as a number
    wb.create_sheet("草稿", 0)["A1"] = "条款编号"  # an extra sheet in front, with a decoy header
    wb.save(x)
    data = load_sheet(x).data
    original = load_file(d / "submission.yaml").data
    assert data["answers"][pct]["value"] == original["answers"][pct]["value"]
    assert data["answers"][ids[0]]["status"] == "met"
    assert data["answers"][ids[1]]["note"] == original["answers"][ids[0]]["note"]
    assert data["period"]["start"] == "2025-01-01" and data["township"]["code"] == "339901101"
    r = check_file(x)
    assert r.errors == 0 and r.score.qualified


def test_rows_and_cells_that_cannot_be_read_are_findings_at_their_cells(tmp_path, cli):
    d = _example(tmp_path, "qualifying", cli)
    x = d / "自评.xlsx"
    wb = openpyxl.load_workbook(x)
    ws = wb["条款答复"]
    n = ws.max_row + 1
    ws.cell(row=n, column=1).value = ws["A2"].value  # the first clause's row again
    ws.cell(row=n, column=10).value = "符合"
    ws["K3"].value = "#DIV/0!"  # a formula's error, as Excel stores it
    ev = wb["证据"]
    ev["A3"].value = None  # an evidence row without its clause
    ev["N1"].value = "x"
    wb.save(x)
    code, out, _ = cli(str(x), "--lang", "en", "--no-source")
    assert code == 1
    assert f"自评.xlsx:条款答复!A{n}: error NBS064 clause {ws['A2'].value} has a second row (the first is row 2)" in out
    assert "自评.xlsx:条款答复!K3: error NBS065" in out
    assert "自评.xlsx:证据!A3: error NBS066" in out
    code, _, err = cli("convert", str(x), "-o", str(d / "out.yaml"))
    assert code == 2 and "NBS064" in err and not (d / "out.yaml").exists()


def test_missing_sheet_and_column(tmp_path, cli):
    d = _example(tmp_path, "qualifying", cli)
    x = d / "自评.xlsx"
    wb = openpyxl.load_workbook(x)
    wb["条款答复"]["N1"].value = "备注"  # the note column's header changed: its answers would vanish
    del wb["乡镇信息"]
    wb.save(x)
    code, out, _ = cli(str(x), "--lang", "en", "--no-source")
    assert code == 1
    assert "自评.xlsx: error NBS062 the workbook has no 'Township' sheet" in out
    assert "自评.xlsx:条款答复!A1: error NBS063 sheet '条款答复' has no 'Note' column" in out


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("自评.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "an old Excel file (.xls)"),
    ("自评.csv", "条款编号,状态\n5.1.1,符合\n".encode(), "a CSV text file"),
    ("自评.xlsx", "条款编号,状态\n5.1.1,符合\n".encode(), "a CSV text file"),  # a CSV renamed
    ("旧.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "an old Excel file (.xls)"),
])
def test_xls_and_csv_given_by_mistake(tmp_path, cli, name, content, kind):
    f = tmp_path / name
    f.write_bytes(content)
    code, out, _ = cli(str(f), "--lang", "en")
    assert code == 1
    assert f"{f}: error NBS061 this is {kind}; nbscheck checks .xlsx workbooks and YAML files only" in out


def test_a_damaged_workbook(tmp_path, cli):
    f = tmp_path / "坏.xlsx"
    f.write_bytes(b"PK\x03\x04 not really a zip")
    code, out, _ = cli(str(f), "--lang", "en")
    assert code == 1 and f"{f}: error NBS060 the workbook cannot be read" in out


# --- convert ---------------------------------------------------------------------------------------


def test_convert_never_overwrites_and_reports_what_a_workbook_cannot_hold(tmp_path, cli):
    d = _example(tmp_path, "qualifying", cli)
    x = d / "自评.xlsx"
    before = x.read_bytes()
    code, _, err = cli("convert", str(d / "submission.yaml"), "-o", str(x))
    assert code == 2 and "--force" in err and x.read_bytes() == before
    assert cli("convert", str(x), "-o", str(x), "--force")[0] == 2  # never over its input
    assert cli("convert", str(d / "submission.yaml"), "-o", str(x), "--force")[0] == 0
    y = d / "odd.yaml"
    text = (d / "submission.yaml").read_text(encoding="utf-8").replace("    note: ", "    remark: ", 1)
    y.write_text(text, encoding="utf-8")
    code, _, err = cli("convert", str(y), "-o", str(d / "odd.xlsx"), "--lang", "en")
    line = next(i for i, s in enumerate(text.splitlines(), 1) if "remark:" in s)
    assert code == 2 and f"odd.yaml:{line}:5: error NBS067 a workbook cannot hold what is at" in err
    assert not (d / "odd.xlsx").exists()
    assert cli("convert", str(y), "-o", str(d / "odd.json"))[0] == 2


# --- a real spreadsheet application ----------------------------------------------------------------


@office
@pytest.mark.office
def test_libreoffice_opens_the_template_and_the_resaved_file_checks_the_same(tmp_path, cli):
    blank = tmp_path / "自评.xlsx"
    assert cli("init", "-o", str(blank))[0] == 0
    saved = _resave(blank, tmp_path)
    assert openpyxl.load_workbook(saved).sheetnames[:4] == ["填写说明", "乡镇信息", "条款答复", "证据"]
    assert load_sheet(saved).data == load_sheet(blank).data
    assert _findings(check_file(saved)) == _findings(check_file(blank))


@office
@pytest.mark.office
@pytest.mark.parametrize("name", EXAMPLES)
def test_examples_resaved_by_libreoffice_give_their_yaml_findings_and_score(tmp_path, cli, name):
    d = _example(tmp_path, name, cli)
    x = d / "自评.xlsx"
    wb = openpyxl.load_workbook(x)
    ws = wb["条款答复"]
    g = shipped("1.0.0")
    r = next(i for i, c in enumerate(g.assessable, 2) if c.assessment.indicator.type == "number"
             and isinstance(ws.cell(row=i, column=11).value, int) and ws.cell(row=i, column=11).value > 1)
    v = ws.cell(row=r, column=11).value
    ws.cell(row=r, column=11).value = f"=1+{v - 1}"  # a formula: LibreOffice computes and stores its value
    wb.save(x)
    saved = _resave(x, tmp_path)
    shutil.copy(saved, d / "resaved.xlsx")  # beside the evidence, which paths are relative to
    ry, rx = check_file(d / "submission.yaml"), check_file(d / "resaved.xlsx")
    assert _findings(rx) == _findings(ry) and _score(rx) == _score(ry)
    assert load_sheet(d / "resaved.xlsx").data == load_file(d / "submission.yaml").data
