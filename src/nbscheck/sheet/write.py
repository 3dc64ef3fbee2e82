"""Build a workbook from a guideline and, optionally, a submission's answers.

``nbscheck init --format xlsx`` writes it blank; ``nbscheck convert`` writes it filled in. The same
code does both, so a converted workbook is exactly the template with cells filled: every assessable
clause has its row (with its text, indicator, target and required evidence locked), each fill cell
has data validation for what it takes (status words, yes/no, a choice's names, a number's range),
and the sheets print legibly on A4.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Mapping

from ..model.indicators import target_text
from ..model.clauses import Clause, Indicator
from ..model.types import Guideline
from ..vocabulary import LEVEL
from .layout import (
    ANSWER_COLUMNS,
    EVIDENCE_COLUMNS,
    INFO_COLUMNS,
    INFO_FIELDS,
    Column,
    boolean_word,
    sheet_name,
)
from .guide import instructions

_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_HEADER_FILL, _FILL_FILL, _LOCKED_FILL = "DDEBF7", "FFF2CC", "F2F2F2"
_BLANK_EVIDENCE_ROWS = 200  # formatted, validated rows beyond the evidence given, to fill in


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


class _Book:
    """One workbook being written: openpyxl objects plus the lists the drop-downs refer to."""

    def __init__(self, g: Guideline, lang: str):
        from openpyxl import Workbook

        self.g, self.lang = g, lang
        self.wb = Workbook()
        self.lists = None
        self.list_columns = 0
        _styles(self.wb)

    def add_list(self, title: str, items: list[str]) -> str:
        """A drop-down's items as a column of the hidden lists sheet; returns the range to refer to."""
        from openpyxl.utils import get_column_letter

        if self.lists is None:
            self.lists = self.wb.create_sheet(sheet_name("lists", self.lang))
            self.lists.sheet_state = "hidden"
        self.list_columns += 1
        col = get_column_letter(self.list_columns)
        self.lists.cell(row=1, column=self.list_columns, value=f"[{title}]")  # never mistaken for a header
        for i, item in enumerate(items, 2):
            self.lists.cell(row=i, column=self.list_columns, value=item)
        return f"{_quoted(self.lists.title)}!${col}$2:${col}${max(2, len(items) + 1)}"


def _styles(wb) -> None:
    """The workbook's named styles: one definition each, so thousands of cells share them (and
    writing stays fast: openpyxl compares every new style object with all it has seen)."""
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection

    top = Alignment(wrap_text=True, vertical="top")
    for name, fill, locked, fmt in (("nbs-fill", _FILL_FILL, False, "General"), ("nbs-locked", _LOCKED_FILL, True, "General"),
                                    ("nbs-date", _FILL_FILL, False, "yyyy-mm-dd"), ("nbs-code", _FILL_FILL, False, "@"),
                                    ("nbs-open", None, False, "General"), ("nbs-fixed", None, True, "General")):
        st = NamedStyle(name=name, alignment=top, protection=Protection(locked=locked), number_format=fmt)
        if fill:
            st.fill = PatternFill("solid", fgColor=fill)
        wb.add_named_style(st)
    wb.add_named_style(NamedStyle(name="nbs-header", font=Font(bold=True), fill=PatternFill("solid", fgColor=_HEADER_FILL),
                                  alignment=Alignment(wrap_text=True, vertical="center")))
    wb.add_named_style(NamedStyle(name="nbs-title", font=Font(bold=True, size=12), alignment=top))


def _validation(kind: str, lang: str, *, formula1: str | None = None, formula2: str | None = None,
                operator: str | None = None, prompt: str = "", error: str = ""):
    from openpyxl.worksheet.datavalidation import DataValidation

    dv = DataValidation(type=kind, formula1=formula1, formula2=formula2, operator=operator, allow_blank=True,
                        showErrorMessage=True, showInputMessage=bool(prompt), errorStyle="stop")
    dv.errorTitle = "nbscheck"
    dv.error = error or ("请从下拉列表中选择，或按说明填写。" if lang != "en" else "Pick from the list or fill in as described.")
    if prompt:
        dv.promptTitle = "nbscheck"
        dv.prompt = prompt[:250]
    return dv


def _number(v: float | None) -> str:
    return "" if v is None else (str(int(v)) if float(v).is_integer() else repr(float(v)))


def _header(ws, columns: tuple[Column, ...], lang: str, row: int = 1) -> dict[str, int]:
    from openpyxl.utils import get_column_letter

    where = {}
    for i, c in enumerate(columns, 1):
        cell = ws.cell(row=row, column=i, value=c.header(lang))
        cell.style = "nbs-header"
        ws.column_dimensions[get_column_letter(i)].width = c.width
        where[c.key] = i
    return where


def _print_setup(ws, landscape: bool = True) -> None:
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "&P / &N"


def _protect(ws) -> None:
    """Lock the sheet (no password: it guards against slips, not people) but let the clerk format and sort."""
    p = ws.protection
    p.sheet = True
    p.formatColumns = p.formatRows = p.formatCells = False
    p.sort = p.autoFilter = False


def _indicator_text(g: Guideline, ind: Indicator, lang: str) -> str:
    types = {"boolean": ("是/否", "yes/no"), "number": ("数值", "number"), "percentage": ("百分数 0–100", "percentage 0-100"),
             "choice": ("选项", "one option"), "text": ("文本", "text")}[ind.type]
    out = f"{ind.name.get(lang)}（{types[0]}）" if lang != "en" else f"{ind.name.get(lang)} ({types[1]})"
    if ind.choices:
        out += ("：" if lang != "en" else ": ") + ("、" if lang != "en" else ", ").join(c.name.get(lang) for c in ind.choices)
    return out


def _unit_text(g: Guideline, ind: Indicator, lang: str) -> str:
    if ind.type == "percentage":
        return "%"
    if not ind.unit:
        return ""
    name = g.units.get(ind.unit)
    return f"{name.get(lang)} ({ind.unit})" if name and name.get(lang) != ind.unit else ind.unit


def _cell_value(g: Guideline, c: Clause | None, key: str, value: Any, lang: str) -> Any:
    """What a cell shows for an answer's value: words for statuses, yes/no and choices; numbers as numbers."""
    if value is None:
        return None
    if key == "status" and isinstance(value, str) and value in g.rules.statuses:
        return g.rules.statuses[value].name.get(lang)
    if key == "value" and c is not None and c.assessment is not None:
        ind = c.assessment.indicator
        if ind.type == "boolean" and isinstance(value, bool):
            return boolean_word(value, lang)
        if ind.type == "choice" and isinstance(value, str):
            match = next((ch for ch in ind.choices if ch.id == value), None)
            return match.name.get(lang) if match else value
    return value


def _date_or_text(value: Any) -> Any:
    """A YYYY-MM-DD text that is a real date becomes an Excel date (it reads back as the same text)."""
    if isinstance(value, str) and _DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _info_sheet(b: _Book, data: Mapping[str, Any]) -> None:
    ws = b.wb.create_sheet(sheet_name("info", b.lang))
    cols = _header(ws, INFO_COLUMNS, b.lang)
    ws.freeze_panes = "C2"
    date_rule = _validation("date", b.lang, formula1="1", operator="greaterThanOrEqual",
                            prompt="YYYY-MM-DD", error="请填写日期，如 2025-01-01。" if b.lang != "en" else "Enter a date, e.g. 2025-01-01.")
    code_rule = _validation("textLength", b.lang, formula1="9", operator="equal", prompt="9 位数字 / 9 digits",
                            error="行政区划代码为 9 位数字。" if b.lang != "en" else "The division code has 9 digits.")
    ws.add_data_validation(date_rule)
    ws.add_data_validation(code_rule)
    for r, f in enumerate(INFO_FIELDS, 2):
        ws.cell(row=r, column=cols["field"], value=f.key)
        ws.cell(row=r, column=cols["label"], value=f.label(b.lang))
        value: Any = data
        for part in f.path:
            value = value.get(part) if isinstance(value, dict) else None
        if f.path == ("guideline", "id") and value is None and not data:
            value = b.g.id
        if f.path == ("guideline", "version") and value is None and not data:
            value = b.g.version
        cells = [ws.cell(row=r, column=cols["value"])]
        if f.kind == "bilingual":
            cells.append(ws.cell(row=r, column=cols["value_en"]))
            if isinstance(value, dict):
                cells[0].value, cells[1].value = value.get("zh"), value.get("en")
            else:
                cells[0].value = value
        else:
            cells[0].value = _date_or_text(value) if f.kind == "date" else value
        for cell in cells:
            cell.style = {"locked": "nbs-locked", "date": "nbs-date", "code": "nbs-code"}.get(f.kind, "nbs-fill")
        for col in ("field", "label"):
            ws.cell(row=r, column=cols[col]).style = "nbs-fixed"
        if f.kind == "date":
            date_rule.add(cells[0].coordinate)
        if f.kind == "code":
            code_rule.add(cells[0].coordinate)
    _protect(ws)
    _print_setup(ws, landscape=False)


def _value_rule(b: _Book, c: Clause, rules: dict[Any, Any], ws):
    """The data validation of one clause's value cell, shared by every clause that takes the same."""
    ind = c.assessment.indicator  # type: ignore[union-attr]
    lang = b.lang
    unit = _unit_text(b.g, ind, lang)
    if ind.type == "boolean":
        key: Any = ("boolean",)
    elif ind.type in ("number", "percentage"):
        lo, hi = ind.bounds()
        key = ("number", ind.integer, lo, hi, unit)
    elif ind.type == "choice":
        key = ("choice", c.id)
    else:
        return None
    if key in rules:
        return rules[key]
    if key[0] == "boolean":
        words = f'"{boolean_word(True, lang)},{boolean_word(False, lang)}"'
        dv = _validation("list", lang, formula1=words, prompt="是 / 否" if lang != "en" else "yes / no")
    elif key[0] == "choice":
        ref = b.add_list(c.id, [ch.name.get(lang) for ch in ind.choices])
        dv = _validation("list", lang, formula1=ref)
    else:
        _, integer, lo, hi, unit = key
        kind = "whole" if integer else "decimal"
        rng = f"{_number(lo) or '-∞'} – {_number(hi) or '∞'}" + (f" {unit}" if unit else "")
        what = ("整数" if integer else "数") if lang != "en" else ("a whole number" if integer else "a number")
        prompt = f"{what}，{rng}" if lang != "en" else f"{what}, {rng}"
        error = (f"应为 {rng} 之间的{what}。" if lang != "en" else f"Enter {what} in {rng}.")
        if lo is not None and hi is not None:
            dv = _validation(kind, lang, formula1=_number(lo), formula2=_number(hi), operator="between", prompt=prompt, error=error)
        elif lo is not None:
            dv = _validation(kind, lang, formula1=_number(lo), operator="greaterThanOrEqual", prompt=prompt, error=error)
        elif hi is not None:
            dv = _validation(kind, lang, formula1=_number(hi), operator="lessThanOrEqual", prompt=prompt, error=error)
        else:
            dv = _validation(kind, lang, formula1="-1E+307", operator="greaterThanOrEqual", prompt=prompt, error=error)
    ws.add_data_validation(dv)
    rules[key] = dv
    return dv


def _answers_sheet(b: _Book, answers: Mapping[str, Any]) -> None:
    g, lang = b.g, b.lang
    ws = b.wb.create_sheet(sheet_name("answers", lang))
    cols = _header(ws, ANSWER_COLUMNS, lang)
    ws.freeze_panes = ws.cell(row=2, column=2).coordinate
    words = [s.name.get(lang) for s in g.rules.statuses.values()]
    status_all = _validation("list", lang, formula1='"' + ",".join(words) + '"')
    status_no_na = _validation("list", lang, formula1='"' + ",".join(
        s.name.get(lang) for s in g.rules.statuses.values() if s.id != "not_applicable") + '"')
    unit_rule = _validation("list", lang, formula1=b.add_list("unit", sorted(g.units)))
    for dv in (status_all, status_no_na, unit_rule):
        ws.add_data_validation(dv)
    rules: dict[Any, Any] = {}
    rows: list[tuple[str, Clause | None]] = [(c.id, c) for c in g.assessable]
    rows += [(k, None) for k in answers if g.clause(k) is None or g.clause(k).assessment is None]  # type: ignore[union-attr]
    chapters = {c.id: ch.heading(lang) for ch in g.chapters for c in ch.clauses}
    for r, (cid, c) in enumerate(rows, 2):
        a = c.assessment if c is not None else None
        fixed: dict[str, Any] = {"id": cid}
        if c is not None and a is not None:
            ind = a.indicator
            kinds = [(g.evidence_kind(k).name.get(lang) if g.evidence_kind(k) else k) for k in a.evidence]  # type: ignore[union-attr]
            fixed.update(chapter=chapters.get(cid, ""), level=LEVEL[c.level].get(lang) if c.level in LEVEL else c.level,
                         text=c.text.get(lang), indicator=_indicator_text(g, ind, lang), unit_required=_unit_text(g, ind, lang),
                         target=target_text(ind), evidence_required=("、" if lang != "en" else ", ").join(kinds),
                         points=a.points)
        ans = answers.get(cid)
        ans = ans if isinstance(ans, dict) else {}
        for col in ANSWER_COLUMNS:
            cell = ws.cell(row=r, column=cols[col.key])
            if col.fill:
                cell.value = _cell_value(g, c, col.key, ans.get(col.key), lang)
                cell.style = "nbs-fill"
            else:
                cell.value = fixed.get(col.key)
                cell.style = "nbs-locked"
        status_cell = ws.cell(row=r, column=cols["status"]).coordinate
        (status_all if a is None or a.not_applicable else status_no_na).add(status_cell)
        unit_rule.add(ws.cell(row=r, column=cols["unit"]).coordinate)
        if c is not None and a is not None:
            dv = _value_rule(b, c, rules, ws)
            if dv is not None:
                dv.add(ws.cell(row=r, column=cols["value"]).coordinate)
    ws.auto_filter.ref = f"A1:{ws.cell(row=max(2, len(rows) + 1), column=len(ANSWER_COLUMNS)).coordinate}"
    _protect(ws)
    _print_setup(ws)


def _evidence_sheet(b: _Book, answers: Mapping[str, Any]) -> None:
    g, lang = b.g, b.lang
    ws = b.wb.create_sheet(sheet_name("evidence", lang))
    cols = _header(ws, EVIDENCE_COLUMNS, lang)
    ws.freeze_panes = "A2"
    clause_rule = _validation("list", lang, formula1=b.add_list("clause", [c.id for c in g.assessable]))
    kind_rule = _validation("list", lang, formula1=b.add_list("kind", [k.name.get(lang) for k in g.evidence_kinds]))
    sha_rule = _validation("textLength", lang, formula1="64", operator="equal",
                           error="SHA-256 为 64 位十六进制数。" if lang != "en" else "A SHA-256 has 64 hexadecimal digits.")
    for dv in (clause_rule, kind_rule, sha_rule):
        ws.add_data_validation(dv)
    kinds = {k.id: k.name.get(lang) for k in g.evidence_kinds}
    r = 1
    for cid, ans in answers.items():
        evidence = ans.get("evidence") if isinstance(ans, dict) else None
        for e in evidence if isinstance(evidence, list) else []:
            if not isinstance(e, dict):
                continue
            r += 1
            ws.cell(row=r, column=cols["clause"], value=cid)
            for key in ("path", "sha256", "description"):
                ws.cell(row=r, column=cols[key], value=e.get(key))
            kind = e.get("kind")
            ws.cell(row=r, column=cols["kind"], value=kinds.get(kind, kind) if isinstance(kind, str) else kind)
    last = r + _BLANK_EVIDENCE_ROWS
    for row in ws.iter_rows(min_row=2, max_row=last, max_col=len(EVIDENCE_COLUMNS)):
        for cell in row:
            cell.style = "nbs-open"
    for dv, key in ((clause_rule, "clause"), (kind_rule, "kind"), (sha_rule, "sha256")):
        letter = ws.cell(row=1, column=cols[key]).column_letter
        dv.add(f"{letter}2:{letter}{last}")
    ws.auto_filter.ref = f"A1:{ws.cell(row=max(2, r), column=len(EVIDENCE_COLUMNS)).coordinate}"
    _print_setup(ws)


def workbook(g: Guideline, lang: str = "zh", data: Mapping[str, Any] | None = None):
    """The openpyxl workbook: the template when ``data`` is None, else the template filled with ``data``."""
    b = _Book(g, lang)
    guide = b.wb.active
    guide.title = sheet_name("guide", lang)
    guide.column_dimensions["A"].width = 110
    for r, (text, bold) in enumerate(instructions(g, lang), 1):
        guide.cell(row=r, column=1, value=text).style = "nbs-title" if bold else "nbs-open"
    _print_setup(guide, landscape=False)
    data = data or {}
    answers = data.get("answers") if isinstance(data.get("answers"), dict) else {}
    _info_sheet(b, data)
    _answers_sheet(b, answers)
    _evidence_sheet(b, answers)
    if b.lists is not None:  # the hidden lists sheet goes last, after the sheets a clerk fills
        b.wb.move_sheet(b.lists, offset=len(b.wb.sheetnames) - 1 - b.wb.sheetnames.index(b.lists.title))
    b.wb.active = 2  # open on the answers
    return b.wb


def save(wb, path: str | Path) -> None:
    """Save atomically (:mod:`nbscheck.atomic`): a reader never sees half a workbook."""
    import io

    from ..atomic import write_bytes

    buf = io.BytesIO()
    wb.save(buf)
    write_bytes(path, buf.getvalue())
