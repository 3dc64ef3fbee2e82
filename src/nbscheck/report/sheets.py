"""The tables of a run, shared by ``--format csv`` and ``--format xlsx``: townships, counties,
clauses and findings, each as a header and rows of plain values (numbers stay numbers, so a
spreadsheet sorts and filters them).

Column names are Chinese by default (``--lang en`` for English); the order never changes, so a
reviewer's formulas keep working from year to year. Township and finding rows are built one result
at a time (they stream); county and clause rows come from the :class:`~nbscheck.report.tally.Tally`
at the end.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..check.result import CheckResult
from ..model.types import Guideline
from .findings_text import SEVERITY
from .safe import printable
from .tally import BUCKETS, Tally, Township, guideline_for

Value = Any  # str, int, float or None: what a cell holds

SHEETS = {"townships": ("乡镇", "Townships"), "counties": ("县", "Counties"),
          "clauses": ("条款", "Clauses"), "findings": ("问题", "Findings")}
"""Each table's name (the xlsx sheet, the CSV file's suffix), in both languages."""

TOWNSHIP = (
    ("文件", "File"), ("乡镇", "Township"), ("区划代码", "Division code"),
    ("县级代码（区划代码前6位）", "County code (first 6 digits of the division code)"),
    ("县（提交文件所填）", "County (as the submission names it)"), ("省", "Province"),
    ("评估期开始", "Period start"), ("评估期结束", "Period end"), ("指南版本", "Guideline version"),
    ("有效", "Valid"), ("错误", "Errors"), ("警告", "Warnings"), ("得分", "Points earned"), ("满分", "Points available"),
    ("得分率（%）", "Score (%)"), ("档次", "Band"), ("达到认定条件", "Qualifies"), ("原因代码", "Reason codes"),
    ("原因", "Reasons"), ("与之重复的文件", "Same division code as"),
)
COUNTY = (
    ("县级代码（区划代码前6位）", "County code (first 6 digits of the division code)"),
    ("县（提交文件所填）", "County (as the submissions name it)"), ("文件数", "Files"), ("有效", "Valid"),
    ("达到认定条件", "Qualify"), ("平均得分率（%）", "Mean score (%)"), ("最低得分率（%）", "Lowest score (%)"),
    ("最高得分率（%）", "Highest score (%)"),
)
FINDING = (
    ("文件", "File"), ("乡镇", "Township"), ("区划代码", "Division code"), ("行", "Line"), ("列", "Column"),
    ("代码", "Code"), ("严重性", "Severity"), ("条款", "Clause"), ("条款标题", "Clause title"), ("说明", "Message"),
    ("修改建议", "Hint"),
)
BUCKET_NAMES = {"met": ("符合", "Met"), "partial": ("部分符合", "Partly met"), "not_met": ("不符合", "Not met"),
                "not_applicable": ("不适用", "Not applicable"), "missing": ("未答复", "Not answered"),
                "failed": ("答复有错误", "Answer has errors")}
YES = {"zh": ("是", "否"), "en": ("yes", "no")}
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(v: Value) -> Value:
    """A value safe for a spreadsheet cell: text that a spreadsheet would run as a formula (a
    township named ``=HYPERLINK(...)``) gets a leading apostrophe, and control characters, which
    the xlsx format cannot hold, are shown as escapes. Numbers stay numbers."""
    if not isinstance(v, str):
        return v
    v = printable(v)
    return "'" + v if v.startswith(_FORMULA) else v


def _safe(row: list[Value]) -> list[Value]:
    return [cell(v) for v in row]


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def sheet_name(key: str, lang: str) -> str:
    return _pick(SHEETS[key], lang)


def dimension_columns(g: Guideline | None, lang: str) -> list[tuple[str, str]]:
    """One score column per dimension of the guideline (id, header)."""
    if g is None:
        return []
    pct = "（%）" if lang == "zh" else " (%)"
    return [(d.id, d.name.get(lang) + pct) for d in g.rules.dimensions]


class Sheets:
    """Headers and rows in one language, for the guideline the run is checked against."""

    def __init__(self, lang: str, root: str | None = None):
        self.lang, self.root = lang, root
        self.dims = dimension_columns(guideline_for(None, root), lang)

    def township_header(self) -> list[str]:
        return [_pick(c, self.lang) for c in TOWNSHIP] + [h for _, h in self.dims]

    def township_row(self, r: CheckResult, earlier: str | None) -> list[Value]:
        yes, no = YES[self.lang]
        who = Township.of(r, self.lang)
        t = r.township if isinstance(r.township, dict) else {}
        p = r.period if isinstance(r.period, dict) else {}
        province = t.get("province")
        province = (province.get("en" if self.lang == "en" else "zh") or "") if isinstance(province, dict) else ""
        s = r.score
        sep = "; " if self.lang == "en" else "；"
        row: list[Value] = [
            r.file, who.name, who.code, who.county_code, who.county, province,
            str(p.get("start") or ""), str(p.get("end") or ""), r.guideline_version or "",
            yes if r.valid else no, r.errors, r.warnings,
            s.earned if s else None, s.available if s else None, s.percent if s else None,
            s.band.name.get(self.lang) if s else "", yes if r.qualified else no,
            " ".join(x.code for x in s.reasons) if s else "",
            sep.join(x.message(self.lang) for x in s.reasons) if s else "", earlier or "",
        ]
        percent = {d.id: d.percent for d in s.dimensions} if s else {}
        return _safe(row + [percent.get(d) for d, _ in self.dims])

    def finding_header(self) -> list[str]:
        return [_pick(c, self.lang) for c in FINDING]

    def finding_rows(self, r: CheckResult) -> Iterator[list[Value]]:
        who = Township.of(r, self.lang)
        g = guideline_for(r.guideline_version, self.root) if r.findings else None
        for f in r.findings:
            c = g.clause(f.clause) if g is not None and f.clause else None
            title = c.title.get(self.lang) if c is not None and c.title else ""
            yield _safe([f.file, who.name, who.code, f.line or None, f.column or None, f.code,
                         SEVERITY[self.lang][f.severity.value], f.clause or "", title, f.message(self.lang), f.hint(self.lang)])

    def clause_header(self) -> list[str]:
        en = self.lang == "en"
        return (["Clause", "Title", "Level", "Dimension"] if en else ["条款", "标题", "要求程度", "维度"]) + \
            [_pick(BUCKET_NAMES[b], self.lang) for b in BUCKETS] + (["Not met in all"] if en else ["未符合合计"])

    def clause_rows(self, tally: Tally) -> Iterator[list[Value]]:
        """Clauses in the guideline's order; "not met in all" adds not met, unanswered and with errors."""
        for cid, counts in tally.clauses.items():
            g = guideline_for(tally.clause_version.get(cid), self.root)
            c = g.clause(cid) if g else None
            level = ""
            dim = ""
            if c is not None:
                level = {"shall": ("应", "shall"), "should": ("宜", "should"), "may": ("可", "may")}.get(
                    c.level, (c.level, c.level))[1 if self.lang == "en" else 0]
                d = g.dimension(c.assessment.dimension) if g and c.assessment else None
                dim = d.name.get(self.lang) if d else ""
            yield _safe([cid, tally.title(cid, self.root), level, dim, *counts, counts[2] + counts[4] + counts[5]])

    def county_header(self) -> list[str]:
        return [_pick(c, self.lang) for c in COUNTY]

    def county_rows(self, tally: Tally) -> Iterator[list[Value]]:
        for code in sorted(tally.counties):
            c = tally.counties[code]
            yield _safe([c.code or ("(none)" if self.lang == "en" else "（无）"), c.name, c.files, c.valid, c.qualified,
                         c.mean, c.lowest, c.highest])
