"""Read a workbook as a submission: the same plain data a YAML file gives, and where each value sits.

The checker runs unchanged on what this returns: :class:`SheetDocument` has the ``data``,
``warnings`` and ``where(path)`` of a YAML :class:`~nbscheck.yaml.load.Document`, but its positions
are a sheet and a cell, so findings read ``自评.xlsx:条款答复!J12``. Sheets and columns are found by
their headers in either language (not by position), merged cells read as their top-left cell,
formulas as their cached values, and Excel's ways of storing things are undone (see :mod:`.cells`).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Sequence

from ..findings import Finding, Position, make
from ..model.guideline import GuidelineError, shipped, versions
from ..model.types import Guideline
from ..yaml.load import DEFAULT_LIMITS, Limits, LoadError
from . import cells as C
from .layout import (
    ANSWER_COLUMNS,
    EVIDENCE_COLUMNS,
    INFO_COLUMNS,
    INFO_FIELDS,
    MISTAKES,
    SHEET_NAMES,
    headers,
    norm,
    openpyxl_missing,
    unavailable,
)

CODES: tuple[str, ...] = ("NBS001", "NBS010", "NBS060", "NBS061", "NBS062", "NBS063", "NBS064", "NBS065", "NBS066")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

_Cell = tuple[str, int, int]  # sheet, row, column
_MISSING = frozenset({"NBS203", "NBS204"})  # no answer to a clause (raised by the checker)


def _fields(pos: Position) -> dict[str, Any]:
    return {"file": pos.file, "line": pos.line, "column": pos.column, "sheet": pos.sheet}
_MISTAKE_KIND = {".xls": ("旧版 Excel（.xls）", "an old Excel file (.xls)"), ".et": ("WPS 表格（.et）", "a WPS spreadsheet (.et)"),
                 ".csv": ("CSV 文本", "a CSV text file"), ".tsv": ("制表符分隔的文本", "a tab-separated text file"),
                 ".ods": ("OpenDocument 表格（.ods）", "an OpenDocument spreadsheet (.ods)")}


@dataclass
class SheetDocument:
    """A workbook read as a submission: data, findings met on the way, and a cell for every JSON path."""

    file: str
    data: dict[str, Any]
    warnings: list[Finding] = field(default_factory=list)
    cells: dict[tuple[Any, ...], _Cell] = field(default_factory=dict, repr=False)
    keys: dict[tuple[Any, ...], _Cell] = field(default_factory=dict, repr=False)
    text: str = ""  # a workbook has no source lines to show under a finding

    def where(self, path: Sequence[str | int] = (), key: bool = False) -> Position:
        """The cell of the value at ``path`` (with ``key``, of its clause id), or of the nearest parent."""
        p = tuple(path)
        if key and p in self.keys:
            return self._pos(self.keys[p])
        while p not in self.cells and p:
            p = p[:-1]
        return self._pos(self.cells[p]) if p in self.cells else Position(self.file)

    def _pos(self, at: _Cell) -> Position:
        return Position(self.file, at[1], at[2], at[0])

    def line(self, number: int) -> str:
        return ""

    def settle(self, findings: list[Finding]) -> list[Finding]:
        """Findings about a missing answer point at the ``answers`` key in YAML; in a workbook the
        clause has a row of its own, so they point at its status cell instead."""
        out = []
        for f in findings:
            if f.code in _MISSING and f.clause and ("answers", f.clause) in self.cells:
                f = replace(f, **_fields(self.where(["answers", f.clause])))
            out.append(f)
        return out


def load_sheet(path: str | Path, limits: Limits = DEFAULT_LIMITS, *, name: str | None = None,
               guideline_root: str | None = None) -> SheetDocument:
    """Read one workbook. Raises :class:`LoadError` with positioned findings when it cannot."""
    p = Path(path)
    shown = name or str(path)
    _refuse_mistakes(p, shown, limits)
    if openpyxl_missing():
        raise LoadError([unavailable(shown)])
    import openpyxl

    try:
        wb = openpyxl.load_workbook(p, data_only=True)  # data_only: a formula reads as its cached value
    except Exception as e:  # noqa: BLE001 - openpyxl raises many kinds on a damaged file
        raise LoadError([make("NBS060", Position(shown), reason=str(e) or type(e).__name__,
                              reason_en=str(e) or type(e).__name__)]) from None
    try:
        return _Reader(wb, shown, guideline_root).read()
    finally:
        wb.close()


def _refuse_mistakes(p: Path, shown: str, limits: Limits) -> None:
    """An .xls, .csv or .ods given by mistake, or a file too large, gets a clear finding before openpyxl sees it."""
    try:
        size = p.stat().st_size
        with open(p, "rb") as fh:
            head = fh.read(8)
    except OSError as e:
        raise LoadError([make("NBS001", Position(shown), reason=e.strerror or str(e))]) from None
    if size > limits.max_bytes:
        raise LoadError([make("NBS010", Position(shown, 1, 1), size=size, limit=limits.max_bytes)])
    suffix = p.suffix.lower()
    kind = _MISTAKE_KIND.get(suffix) if suffix in MISTAKES else None
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: .xls and .et, whatever the name says
        kind = _MISTAKE_KIND[".et" if suffix == ".et" else ".xls"]
    elif not head.startswith(b"PK") and kind is None:
        kind = _MISTAKE_KIND[".csv"] if _texty(head) else None
        if kind is None:
            raise LoadError([make("NBS060", Position(shown), reason="不是 .xlsx 工作簿（不是 zip 文件）",
                                  reason_en="not an .xlsx workbook (not a zip file)")])
    if kind is not None:
        raise LoadError([make("NBS061", Position(shown), kind=kind[0], kind_en=kind[1])])
    try:
        with zipfile.ZipFile(p) as z:  # refuse a zip bomb before openpyxl expands it
            expanded = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError) as e:
        raise LoadError([make("NBS060", Position(shown), reason=str(e), reason_en=str(e))]) from None
    if expanded > 10 * limits.max_bytes:
        raise LoadError([make("NBS010", Position(shown, 1, 1), size=expanded, limit=10 * limits.max_bytes)])


def _texty(head: bytes) -> bool:
    return bool(head) and all(b >= 0x20 or b in b"\t\r\n" for b in head[:8] if b < 0x80)


class _Sheet:
    """One worksheet found by its headers: the header row, each column's index, merged cells resolved."""

    def __init__(self, ws, header_row: int, columns: dict[str, int]):
        self.ws, self.title, self.header_row, self.columns = ws, ws.title, header_row, columns
        self.merged: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            top = (rng.min_row, rng.min_col)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    self.merged[(r, c)] = top
        self.grid = {(c.row, c.column): c for row in ws.iter_rows(min_row=header_row) for c in row
                     if c.value is not None or c.data_type == "e"}
        self.last_row = max((r for r, _ in self.grid), default=header_row)

    def cell(self, row: int, key: str):
        col = self.columns.get(key)
        if col is None:
            return None
        return self.grid.get(self.merged.get((row, col), (row, col)))

    def at(self, row: int, key: str) -> _Cell:
        return (self.title, row, self.columns.get(key, 1))

    def rows(self) -> Iterable[int]:
        return range(self.header_row + 1, self.last_row + 1)


def _find(wb, kind: str, columns, required: Sequence[Sequence[str]]) -> _Sheet | None:
    """The sheet whose header row (within its first ten rows) has the columns ``required`` asks for
    (each entry: any one of these keys); a sheet with the expected name wins over others."""
    names = {norm(n) for n in SHEET_NAMES[kind]}
    table = headers(columns)
    found = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible" and norm(ws.title) not in names:
            continue
        for r, row in enumerate(ws.iter_rows(min_row=1, max_row=10, values_only=True), 1):
            cols: dict[str, int] = {}
            for i, v in enumerate(row, 1):
                key = table.get(norm(v)) if isinstance(v, str) else None
                if key and key not in cols:
                    cols[key] = i
            if all(any(k in cols for k in alt) for alt in required):
                found.append((norm(ws.title) not in names, len(found), ws, r, cols))
                break
    if not found:
        return None
    _, _, ws, r, cols = min(found, key=lambda f: (f[0], f[1]))
    return _Sheet(ws, r, cols)


class _Reader:
    def __init__(self, wb, name: str, root: str | None):
        self.wb, self.name, self.root = wb, name, root
        self.findings: list[Finding] = []
        self.cells: dict[tuple[Any, ...], _Cell] = {}
        self.keys: dict[tuple[Any, ...], _Cell] = {}
        self.g: Guideline | None = None

    def flag(self, code: str, at: _Cell | None, **args: Any) -> None:
        """A finding at a cell, or (``at`` None) about the whole file."""
        pos = Position(self.name, at[1], at[2], at[0]) if at else Position(self.name)
        self.findings.append(make(code, pos, **args))

    def value(self, sheet: _Sheet, row: int, key: str) -> Any:
        v = C.plain(sheet.cell(row, key))
        if v is C.ERROR:
            self.flag("NBS065", sheet.at(row, key), value=sheet.cell(row, key).value)
            return None
        return v

    def read(self) -> SheetDocument:
        info = _find(self.wb, "info", INFO_COLUMNS, (("value",), ("field", "label")))
        answers = _find(self.wb, "answers", ANSWER_COLUMNS, (("id",), ("status",)))
        evidence = _find(self.wb, "evidence", EVIDENCE_COLUMNS, (("clause",), ("path",)))
        data: dict[str, Any] = {}
        if info is None:
            self.flag("NBS062", None, sheet=SHEET_NAMES["info"][0], sheet_en=SHEET_NAMES["info"][1])
        else:
            self.cells[()] = info.at(info.header_row, "label")
            data = self._info(info)
        self.g = self._guideline(data)
        if answers is None:
            self.flag("NBS062", None, sheet=SHEET_NAMES["answers"][0], sheet_en=SHEET_NAMES["answers"][1])
        else:
            self.cells.setdefault((), answers.at(answers.header_row, "id"))
            for col in ANSWER_COLUMNS:
                if col.fill and col.key not in answers.columns:  # a fill column lost: its answers would vanish unseen
                    self.flag("NBS063", (answers.title, answers.header_row, 1), sheet=answers.title, column=col.zh, column_en=col.en)
            data["answers"] = self._answers(answers, evidence)
        return SheetDocument(self.name, data, self.findings, self.cells, self.keys)

    def _guideline(self, data: dict[str, Any]) -> Guideline | None:
        """The guideline version the workbook answers (for its words), else the working version."""
        gref = data.get("guideline") if isinstance(data.get("guideline"), dict) else {}
        version = gref.get("version")
        try:
            known = versions(Path(self.root) if self.root else None)
            return shipped(version if isinstance(version, str) and version in known else None, self.root)
        except GuidelineError:
            return None

    def _info(self, s: _Sheet) -> dict[str, Any]:
        by_name = {}
        for f in INFO_FIELDS:
            for n in (f.key, f.zh, f.en):
                by_name[norm(n)] = f
        data: dict[str, Any] = {}
        for r in s.rows():
            f = None
            for key in ("field", "label"):
                v = C.plain(s.cell(r, key))
                if isinstance(v, str) and norm(v) in by_name:
                    f = by_name[norm(v)]
                    break
            if f is None:
                continue
            here = s.at(r, "value")
            v = self.value(s, r, "value")
            if f.kind == "bilingual":
                en = self.value(s, r, "value_en")
                v = {k: C.as_text(x) for k, x in (("zh", v), ("en", en)) if x is not None} or None
                self.cells[f.path + ("zh",)] = here
                self.cells[f.path + ("en",)] = s.at(r, "value_en")
            elif f.kind != "date":
                v = C.as_text(v)
            self.cells[f.path] = here
            if len(f.path) > 1:
                self.cells.setdefault(f.path[:1], here)
            if v is None:
                continue
            target = data
            for part in f.path[:-1]:
                target = target.setdefault(part, {})
            target[f.path[-1]] = v
        return data

    def _answers(self, s: _Sheet, ev: _Sheet | None) -> dict[str, Any]:
        g = self.g
        out: dict[str, Any] = {}
        first: dict[str, int] = {}
        for r in s.rows():
            cid = C.as_text(C.plain(s.cell(r, "id")))
            if not isinstance(cid, str):
                continue
            if cid in first:
                self.flag("NBS064", s.at(r, "id"), ref=cid, first=first[cid])
                continue
            first[cid] = r
            clause = g.clause(cid) if g else None
            ans: dict[str, Any] = {}
            for key in ("status", "value", "unit", "justification", "note"):
                v = self.value(s, r, key)
                if g is not None:
                    v = C.status_of(g, v) if key == "status" else C.value_of(g, clause, v) if key == "value" \
                        else C.unit_of(g, v) if key == "unit" else C.as_text(v)
                if v is not None:
                    ans[key] = v
                self.cells[("answers", cid, key)] = s.at(r, key)
            self.cells[("answers", cid)] = s.at(r, "status")
            self.keys[("answers", cid)] = s.at(r, "id")
            if ans:
                out[cid] = ans
        self.keys[("answers",)] = s.at(s.header_row, "id")
        self.cells[("answers",)] = s.at(s.header_row, "id")
        if ev is not None:
            self._evidence(ev, out)
        return out

    def _evidence(self, s: _Sheet, answers: dict[str, Any]) -> None:
        g = self.g
        for r in s.rows():
            row = {k: self.value(s, r, k) for k in ("clause", "path", "kind", "sha256", "description")}
            if all(v is None for v in row.values()):
                continue
            cid = C.as_text(row.pop("clause"))
            if not isinstance(cid, str):
                self.flag("NBS066", s.at(r, "clause"))
                continue
            item = {k: (C.kind_of(g, v) if k == "kind" and g is not None else C.as_text(v))
                    for k, v in row.items() if v is not None}
            ans = answers.setdefault(cid, {})
            items = ans.setdefault("evidence", [])
            at = ("answers", cid, "evidence", len(items))
            items.append(item)
            self.cells[at] = s.at(r, "clause")
            for k in ("path", "kind", "sha256", "description"):
                self.cells[at + (k,)] = s.at(r, k)
            self.cells.setdefault(("answers", cid, "evidence"), s.at(r, "clause"))
            self.cells.setdefault(("answers", cid), s.at(r, "clause"))
            self.keys.setdefault(("answers", cid), s.at(r, "clause"))
