"""``--format xlsx -o run.xlsx``: the tables of a run as one workbook a reviewer opens in Excel or
WPS: townships, counties, clauses and findings, one sheet each, with filters on the header row and
the header frozen, numbers stored as numbers so they sort.

openpyxl (the ``xlsx`` extra) writes in its write-only mode, which streams each sheet's rows to a
temporary file, so memory stays flat; the workbook is saved into ``-o``'s atomic temporary file.
"""

from __future__ import annotations

from typing import Any, TextIO

from ..check.result import CheckResult
from .sheets import Sheets, sheet_name
from .tally import Tally

WIDTHS = {"townships": (38, 22, 12, 14, 20), "counties": (16, 22), "clauses": (9, 30), "findings": (38, 22, 12)}
"""The first columns' widths in characters (the rest keep Excel's default)."""


def _letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


class XlsxReport:
    def __init__(self, out: TextIO, lang: str, output: str | None = None, root: str | None = None):
        from openpyxl import Workbook

        self.out = out
        self.sheets = Sheets(lang, root)
        self.tally = Tally(lang)
        self.book = Workbook(write_only=True)
        self.ws: dict[str, Any] = {}
        self.rows: dict[str, int] = {}
        self.cols: dict[str, int] = {}
        for key in ("townships", "counties", "clauses", "findings"):
            ws = self.book.create_sheet(sheet_name(key, lang))
            ws.freeze_panes = "A2"
            for i, w in enumerate(WIDTHS[key], start=1):
                ws.column_dimensions[_letter(i)].width = w
            self.ws[key] = ws
        self._append("townships", self.sheets.township_header())
        self._append("findings", self.sheets.finding_header())

    def _append(self, key: str, row: list[Any]) -> None:
        self.ws[key].append(row)
        self.rows[key] = self.rows.get(key, 0) + 1
        self.cols[key] = max(self.cols.get(key, 0), len(row))

    def add(self, r: CheckResult) -> None:
        earlier = self.tally.add(r)
        self._append("townships", self.sheets.township_row(r, earlier))
        for row in self.sheets.finding_rows(r):
            self._append("findings", row)

    def close(self) -> None:
        self._append("counties", self.sheets.county_header())
        for row in self.sheets.county_rows(self.tally):
            self._append("counties", row)
        self._append("clauses", self.sheets.clause_header())
        for row in self.sheets.clause_rows(self.tally):
            self._append("clauses", row)
        for key, ws in self.ws.items():
            ws.auto_filter.ref = f"A1:{_letter(self.cols[key])}{self.rows[key]}"
        self.out.flush()
        self.book.save(self.out.buffer)  # type: ignore[attr-defined]  # bytes into -o's temporary file
