"""The workbook's shape in both languages: sheet names, column headers, the fields of the info sheet.

Writer and reader share these tables, so a workbook written in Chinese reads the same as one written
in English, and the reader finds sheets and columns by their headers (in either language), not by
where they sit: a clerk may reorder columns, add sheets or rename a sheet and it still reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..findings import Position, make

CODES: tuple[str, ...] = ("NBS060",)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

SUFFIXES = (".xlsx", ".xlsm")
"""Workbooks nbscheck reads and writes (Office Open XML)."""
MISTAKES = (".xls", ".csv", ".ods", ".et", ".tsv")
"""Spreadsheet files that are not .xlsx: refused with a message that says how to save them."""


@dataclass(frozen=True)
class Column:
    """One column: its key (the field it holds), its header in each language, its width, whether it is filled in."""

    key: str
    zh: str
    en: str
    width: float
    fill: bool = False

    def header(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


SHEET_NAMES: dict[str, tuple[str, str]] = {
    "guide": ("填写说明", "Instructions"),
    "info": ("乡镇信息", "Township"),
    "answers": ("条款答复", "Answers"),
    "evidence": ("证据", "Evidence"),
    "lists": ("选项列表", "Lists"),
}


def is_submission(path) -> bool:
    """Whether a workbook found in a folder is a self-assessment (it has our answers sheet, in either
    language) rather than, say, monitoring data given as evidence. Reads only the workbook's small
    list of sheets, without openpyxl."""
    import zipfile
    from xml.sax.saxutils import escape

    try:
        with zipfile.ZipFile(path) as z:
            listing = z.read("xl/workbook.xml")[:1_000_000].decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError):
        return False
    return any(f'name="{escape(n)}"' in listing for n in SHEET_NAMES["answers"])


def sheet_name(kind: str, lang: str) -> str:
    zh, en = SHEET_NAMES[kind]
    return en if lang == "en" else zh


ANSWER_COLUMNS: tuple[Column, ...] = (
    Column("id", "条款编号", "Clause", 10),
    Column("chapter", "章", "Chapter", 16),
    Column("level", "要求程度", "Level", 9),
    Column("text", "条款内容", "Requirement", 48),
    Column("indicator", "指标", "Indicator", 30),
    Column("unit_required", "单位", "Unit", 10),
    Column("target", "目标", "Target", 14),
    Column("evidence_required", "所需证据", "Required evidence", 22),
    Column("points", "分值", "Points", 7),
    Column("status", "状态", "Status", 12, True),
    Column("value", "指标值", "Value", 14, True),
    Column("unit", "所填单位", "Unit given", 12, True),
    Column("justification", "不适用理由", "Why not applicable", 28, True),
    Column("note", "说明", "Note", 32, True),
)

EVIDENCE_COLUMNS: tuple[Column, ...] = (
    Column("clause", "条款编号", "Clause", 10, True),
    Column("path", "文件路径", "File path", 44, True),
    Column("kind", "证据类型", "Kind", 18, True),
    Column("sha256", "SHA-256", "SHA-256", 30, True),
    Column("description", "说明", "Description", 48, True),
)

INFO_COLUMNS: tuple[Column, ...] = (
    Column("field", "字段", "Field", 18),
    Column("label", "项目", "Item", 26),
    Column("value", "填写（中文）", "Value", 36, True),
    Column("value_en", "英文", "English", 36, True),
)


@dataclass(frozen=True)
class Field:
    """One row of the info sheet: the JSON path it fills, its label, and what kind of value it takes."""

    path: tuple[str, ...]
    zh: str
    en: str
    kind: str = "text"  # text | bilingual | date | code | locked

    @property
    def key(self) -> str:
        return ".".join(self.path)

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


INFO_FIELDS: tuple[Field, ...] = (
    Field(("guideline", "id"), "指南标识", "Guideline id", "locked"),
    Field(("guideline", "version"), "指南版本", "Guideline version", "locked"),
    Field(("township", "name"), "乡镇名称", "Township name", "bilingual"),
    Field(("township", "code"), "乡级行政区划代码（9位）", "Division code (9 digits)", "code"),
    Field(("township", "county"), "所属县（市、区）", "County", "bilingual"),
    Field(("township", "province"), "所属省（区、市）", "Province", "bilingual"),
    Field(("period", "start"), "评估期开始", "Period start", "date"),
    Field(("period", "end"), "评估期结束", "Period end", "date"),
    Field(("contact", "name"), "联系人", "Contact name"),
    Field(("contact", "role"), "职务", "Role"),
    Field(("contact", "phone"), "电话", "Phone"),
    Field(("contact", "email"), "电子邮箱", "Email"),
    Field(("submitted",), "提交日期", "Date submitted", "date"),
)

ANSWER_FIELDS = ("status", "value", "unit", "justification", "evidence", "note")
"""The keys of an answer that the answers sheet (and the evidence sheet) hold: the whole format."""
EVIDENCE_FIELDS = ("path", "kind", "sha256", "description")

BOOLEAN_WORDS: dict[bool, tuple[str, str]] = {True: ("是", "yes"), False: ("否", "no")}
_TRUE = {"是", "yes", "y", "true", "对", "有", "✓"}
_FALSE = {"否", "no", "n", "false", "无", "没有", "✗"}


def boolean_word(value: bool, lang: str) -> str:
    zh, en = BOOLEAN_WORDS[value]
    return en if lang == "en" else zh


def boolean_of(text: str) -> bool | None:
    """是/否 (or yes/no, true/false) as a boolean; None for anything else."""
    t = norm(text)
    return True if t in _TRUE else False if t in _FALSE else None


_SPACE = re.compile(r"[\s\u3000\u00a0]+")


def tidy(text: str) -> str:
    """A cell's text without stray spaces: ends trimmed (full-width and no-break spaces too)."""
    return text.strip(" \t\r\n\u3000\u00a0\u200b\ufeff")


def norm(text: str) -> str:
    """Text compared loosely: trimmed, spaces and underscores as one space, case folded."""
    return _SPACE.sub(" ", tidy(text).replace("_", " ")).casefold()


def headers(columns: tuple[Column, ...]) -> dict[str, str]:
    """Every header, in either language and loosely compared, to its column's key."""
    out: dict[str, str] = {}
    for c in columns:
        for h in (c.zh, c.en):
            if out.setdefault(norm(h), c.key) != c.key:  # pragma: no cover - a layout mistake
                raise ValueError(f"header {h!r} names two columns")
    return out


INSTALL = ("读写 .xlsx 工作簿需要 openpyxl：pip install 'nbscheck[xlsx]'",
           "reading and writing .xlsx workbooks needs openpyxl: pip install 'nbscheck[xlsx]'")


def openpyxl_missing() -> bool:
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        return True
    return False


def unavailable(name: str):
    """The finding for a workbook when openpyxl is not installed."""
    return make("NBS060", Position(name), reason=INSTALL[0], reason_en=INSTALL[1])
