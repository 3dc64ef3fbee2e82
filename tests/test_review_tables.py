"""A reviewer's tables for a run: the folder summary (township, county, reasons, totals,
duplicates), ``--format csv`` with its side tables, ``--format xlsx`` and the Markdown totals."""

from __future__ import annotations

import csv
import io
import re
import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from nbscheck.check.checker import check_file
from nbscheck.report import csv_report, markdown, text
from nbscheck.report.style import Style
from nbscheck.report.tally import Tally

EXAMPLES = ROOT / "examples"
MISTAKES = "examples/with-mistakes/submission.yaml"
QUALIFYING = "examples/qualifying/submission.yaml"


@pytest.fixture(scope="module")
def results():
    return [check_file(ROOT / MISTAKES, name=MISTAKES), check_file(ROOT / QUALIFYING, name=QUALIFYING)]


@pytest.fixture
def run_folder(tmp_path: Path) -> Path:
    """Both examples, and the qualifying one submitted a second time under another name."""
    root = tmp_path / "run"
    for name in ("qualifying", "with-mistakes"):
        shutil.copytree(EXAMPLES / name, root / name)
    shutil.copytree(EXAMPLES / "qualifying", root / "again")
    return root


HEADER_ZH = ("文件,乡镇,区划代码,县级代码（区划代码前6位）,县（提交文件所填）,省,评估期开始,评估期结束,指南版本,有效,错误,警告,"
             "得分,满分,得分率（%）,档次,达到认定条件,原因代码,原因,与之重复的文件,本底与规划（%）,原真性生态（%）,"
             "亲自然生活（%）,生态型产业与资金（%）,包容性治理（%）")
ROW_MISTAKES = ("examples/with-mistakes/submission.yaml,白沙镇（虚构）,339901102,339901,示例县（虚构）,浙江省,2025-01-01,"
                "2025-12-31,1.0.0,否,7,0,261.5,298.0,87.8,优秀,否,NBS250 NBS253,\"提交文件有 7 个错误，需改正后才能认定；"
                "以下“应”条款未达到“符合”：5.1.1, 5.4.1, 6.1.1, 7.1.1, 7.1.3, 9.5.2\",,86.0,82.3,93.2,86.2,94.0")
ROW_QUALIFYING = ("examples/qualifying/submission.yaml,青溪乡（虚构）,339901101,339901,示例县（虚构）,浙江省,2025-01-01,"
                  "2025-12-31,1.0.0,是,0,0,284.5,295.0,96.4,优秀,是,,,{dup},97.7,93.7,93.2,96.2,100.0")


def test_csv_township_table_exactly(results):
    out = csv_report.render(results + results[1:], "zh")
    assert out.split("\r\n") == [HEADER_ZH, ROW_MISTAKES, ROW_QUALIFYING.format(dup=""),
                                 ROW_QUALIFYING.format(dup=QUALIFYING), ""]
    en = csv_report.render(results[1:], "en").split("\r\n")
    assert en[0].startswith("File,Township,Division code,County code (first 6 digits of the division code),")
    assert en[1] == ("examples/qualifying/submission.yaml,Qingxi Township (fictional),339901101,339901,"
                     "Example County (fictional),Zhejiang,2025-01-01,2025-12-31,1.0.0,yes,0,0,284.5,295.0,96.4,"
                     "Excellent,yes,,,,97.7,93.7,93.2,96.2,100.0")


def _read(path: Path) -> list[list[str]]:
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith("\ufeff")  # Excel needs the byte-order mark to read Chinese
    return list(csv.reader(io.StringIO(raw[1:])))


def test_csv_run_writes_the_side_tables(cli, run_folder: Path, tmp_path: Path):
    out = tmp_path / "汇总.csv"
    code, stdout, err = cli(str(run_folder), "--jobs", "1", "--format", "csv", "-o", str(out))
    assert (code, stdout) == (1, "")
    assert err == f"报告已写入 {out}\n"
    towns = _read(out)
    assert [r[2] for r in towns[1:]] == ["339901101", "339901101", "339901102"]
    assert towns[2][19] == towns[1][0]  # the second copy names the first
    counties = _read(tmp_path / "汇总.counties.csv")
    assert counties == [["县级代码（区划代码前6位）", "县（提交文件所填）", "文件数", "有效", "达到认定条件", "平均得分率（%）",
                         "最低得分率（%）", "最高得分率（%）"], ["339901", "示例县（虚构）", "3", "2", "2", "93.5", "87.8", "96.4"]]
    clauses = _read(tmp_path / "汇总.clauses.csv")
    assert clauses[0] == ["条款", "标题", "要求程度", "维度", "符合", "部分符合", "不符合", "不适用", "未答复", "答复有错误", "未符合合计"]
    assert clauses[1] == ["5.1.1", "完成本底调查", "应", "本底与规划", "2", "0", "0", "0", "0", "1", "1"]
    by_id = {r[0]: r for r in clauses[1:]}
    assert by_id["6.1.1"][4:] == ["2", "0", "0", "0", "1", "0", "1"]  # not answered in the file with mistakes
    assert len(clauses) == 1 + 101
    findings = _read(tmp_path / "汇总.findings.csv")
    assert findings[0] == ["文件", "乡镇", "区划代码", "行", "列", "代码", "严重性", "条款", "条款标题", "说明", "修改建议"]
    errors = [r for r in findings[1:] if r[6] == "错误"]
    assert errors[0][1:9] == ["白沙镇（虚构）", "339901102", "25", "1", "NBS203", "错误", "6.1.1", "全域实施方案"]
    assert len(errors) == 7  # and a note for each of the three files that a newer release exists:
    assert [r[5:7] for r in findings[1:] if r not in errors] == [["NBS224", "提示"]] * 3
    assert not list(tmp_path.glob(".*.tmp"))


def test_xlsx_workbook(cli, run_folder: Path, tmp_path: Path):
    openpyxl = pytest.importorskip("openpyxl", reason="the xlsx extra: pip install -e '.[xlsx]'")
    out = tmp_path / "run.xlsx"
    code, _, err = cli(str(run_folder), "--jobs", "1", "--format", "xlsx", "-o", str(out), "--lang", "en")
    assert code == 1 and err == f"report written to {out}\n"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Townships", "Counties", "Clauses", "Findings"]
    towns = list(book["Townships"].values)
    assert towns[0][:4] == ("File", "Township", "Division code", "County code (first 6 digits of the division code)")
    assert towns[3][1:5] == ("Baisha Town (fictional)", "339901102", "339901", "Example County (fictional)")
    assert towns[3][12:17] == (261.5, 298, 87.8, "Excellent", "no")  # numbers stay numbers, so they sort
    assert book["Townships"].auto_filter.ref == "A1:Y4" and book["Townships"].freeze_panes == "A2"
    assert list(book["Counties"].values)[1] == ("339901", "Example County (fictional)", 3, 2, 2, 93.5, 87.8, 96.4)
    assert list(book["Clauses"].values)[1] == ("5.1.1", "Baseline survey completed", "shall", "Baseline and planning",
                                               2, 0, 0, 0, 0, 1, 1)
    findings = list(book["Findings"].values)[1:]
    assert sorted(r[5] for r in findings if r[6] == "error") == ["NBS201", "NBS203", "NBS203", "NBS206", "NBS210",
                                                                "NBS212", "NBS213"]
    assert len(findings) == 7 + 3  # three notes: a newer release exists


def test_xlsx_without_openpyxl_says_how_to_install_it(cli, tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    code, out, err = cli(str(ROOT / QUALIFYING), "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"), "--lang", "en")
    assert (code, out) == (2, "")
    assert err == ("nbscheck: --format xlsx 需要 openpyxl，请安装：pip install 'nbscheck[xlsx]' / "
                   "--format xlsx needs openpyxl; install it with: pip install 'nbscheck[xlsx]'\n")
    assert not (tmp_path / "x.xlsx").exists()


def test_xlsx_needs_a_file(cli):
    pytest.importorskip("openpyxl")
    code, _, err = cli(str(ROOT / QUALIFYING), "--format", "xlsx")
    assert code == 2 and err == "nbscheck: --format xlsx 写的是二进制文件，请用 -o 指定文件，例如 -o 汇总.xlsx\n"


def test_text_folder_summary_names_townships_and_flags_duplicates(results):
    out = text.render(results + results[1:], "zh", Style(False))
    lines = out.splitlines()
    head = next(i for i, l in enumerate(lines) if l.startswith("文件 "))
    assert re.split(r" {2,}", lines[head]) == ["文件", "乡镇", "区划代码", "县（无名称时为县级代码）", "有效", "错误", "警告",
                                              "得分率", "档次", "达到认定条件", "主要原因"]
    assert re.split(r" {2,}", lines[head + 1]) == [MISTAKES, "白沙镇（虚构）", "339901102", "示例县（虚构）", "否", "7", "0",
                                                  "87.8%", "优秀", "否", "7 个错误；6 条“应”条款未符合"]
    assert re.split(r" {2,}", lines[head + 2])[:3] == [QUALIFYING, "青溪乡（虚构）", "339901101*"]
    assert lines[head + 3].split()[2] == "339901101*"  # both copies are marked
    assert lines[-2:] == ["共 3 个文件：2 个有效，2 个达到认定条件；7 个错误，0 个警告；1 个区划代码重复提交",
                          f"* 区划代码 339901101 提交了 2 次：{QUALIFYING}、{QUALIFYING}"]


def test_markdown_totals_titles_and_codes_in_the_readers_language(results):
    zh = markdown.render(results, "zh")
    assert "| 25:1 | NBS203（错误） | 6.1.1 全域实施方案 | 缺少“应”条款 6.1.1 的答复 |" in zh
    assert "(error)" not in zh
    assert "**总计**: 共 2 个文件：1 个有效，1 个达到认定条件；7 个错误，0 个警告\n" in zh
    assert "| 7.1.2 | 迁地保护 | 2 |\n" in zh  # the clause both examples fall short of, with its title
    assert ("| `examples/with-mistakes/submission.yaml` | 白沙镇（虚构） (339901102) | 否 | 7 | 87.8% | 优秀 | 否 | "
            "示例县（虚构） | 7 个错误；6 条“应”条款未符合 |") in zh
    en = markdown.render(results + results[1:], "en")
    assert "| 25:1 | NBS203 (error) | 6.1.1 Township-wide implementation plan | no answer to shall clause 6.1.1 |" in en
    assert f"| - (same division code as {QUALIFYING}) |" in en
    assert f"- division code 339901101 submitted 2 times: {QUALIFYING}, {QUALIFYING}\n" in en


def test_tally_buckets_partition_the_scored_files(results):
    t = Tally("zh")
    for r in results:
        t.add(r)
    assert all(sum(c) == 2 for c in t.clauses.values())
    assert t.counties["339901"].mean == 92.1 and t.bands == {"excellent": 2}
    assert t.histogram[8:] == [1, 1]


def test_another_period_of_the_same_township_is_no_duplicate(results):
    import dataclasses

    last_year = dataclasses.replace(results[1], file="2024.yaml", period={"start": "2024-01-01", "end": "2024-12-31"})
    t = Tally("en")
    assert [t.add(r) for r in (results[1], last_year, results[1])] == [None, None, QUALIFYING]
    assert t.duplicates == {"339901101": [QUALIFYING, QUALIFYING]}


def test_spreadsheets_never_run_a_submissions_text(cli, tmp_path: Path):
    """A township named like a formula stays text, and a control character (which xlsx cannot hold)
    is shown as an escape, in both the CSV and the workbook."""
    folder = tmp_path / "x"
    shutil.copytree(EXAMPLES / "qualifying", folder)
    sub = folder / "submission.yaml"
    text = sub.read_text(encoding="utf-8")
    assert "name: {zh: 青溪乡（虚构）" in text
    sub.write_text(text.replace("name: {zh: 青溪乡（虚构）", 'name: {zh: "=HYPERLINK(\\"http://x\\")\\e[2J"', 1), encoding="utf-8")
    code, _, _ = cli(str(sub), "--format", "csv", "-o", str(tmp_path / "x.csv"))
    assert code == 0
    assert _read(tmp_path / "x.csv")[1][1] == "'=HYPERLINK(\"http://x\")\\x1b[2J"
    openpyxl = pytest.importorskip("openpyxl")
    code, _, _ = cli(str(sub), "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"))
    assert code == 0
    cell = openpyxl.load_workbook(tmp_path / "x.xlsx")["乡镇"]["B2"]
    assert (cell.value, cell.data_type) == ("'=HYPERLINK(\"http://x\")\\x1b[2J", "s")
