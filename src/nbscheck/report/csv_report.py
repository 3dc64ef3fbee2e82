"""``--format csv``: the townships of a run as one CSV table, for a spreadsheet or a script.

A CSV file holds one table, so with ``-o run.csv`` the other tables go beside it:
``run.counties.csv``, ``run.clauses.csv`` and ``run.findings.csv`` (each written atomically, like
the main file). Without ``-o`` only the township table goes to standard output. Files start with a
UTF-8 byte-order mark, which Excel needs to read Chinese correctly; standard output does not.

Township and finding rows are written as each result arrives; the county and clause tables come
from small counters at the end, so memory stays flat for any number of files.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Sequence, TextIO

from ..atomic import AtomicWriter
from ..check.result import CheckResult
from . import render_with
from .sheets import Sheets
from .tally import Tally

BOM = "\ufeff"


def side_path(output: str, key: str) -> Path:
    """``run.csv`` -> ``run.clauses.csv``: where the table ``key`` goes beside the main file."""
    p = Path(output)
    return p.with_name(f"{p.stem}.{key}.csv")


class CsvReport:
    def __init__(self, out: TextIO, lang: str, output: str | None = None, root: str | None = None):
        self.sheets = Sheets(lang, root)
        self.tally = Tally(lang)
        self.output = output
        if output:
            out.write(BOM)
        self.main = csv.writer(out)
        self.main.writerow(self.sheets.township_header())
        self.findings: AtomicWriter | None = None
        self.finding_rows = None
        if output:
            self.findings = AtomicWriter(side_path(output, "findings"))
            self.findings.write(BOM)
            self.finding_rows = csv.writer(self.findings.fh)
            self.finding_rows.writerow(self.sheets.finding_header())

    def add(self, r: CheckResult) -> None:
        earlier = self.tally.add(r)
        self.main.writerow(self.sheets.township_row(r, earlier))
        if self.finding_rows is not None:
            self.finding_rows.writerows(self.sheets.finding_rows(r))

    def close(self) -> None:
        if not self.output:
            return
        for key, header, rows in (("counties", self.sheets.county_header(), self.sheets.county_rows(self.tally)),
                                  ("clauses", self.sheets.clause_header(), self.sheets.clause_rows(self.tally))):
            w = AtomicWriter(side_path(self.output, key))
            try:
                w.write(BOM)
                table = csv.writer(w.fh)
                table.writerow(header)
                table.writerows(rows)
                w.commit()
            except BaseException:
                w.discard()
                raise
        assert self.findings is not None
        self.findings.commit()

    def discard(self) -> None:
        """The run failed: leave no half-written side file behind."""
        if self.findings is not None:
            self.findings.discard()


def render(results: Sequence[CheckResult], lang: str) -> str:
    """The township table of ``results`` (what standard output gets)."""
    return render_with(lambda out: CsvReport(out, lang), results)
