"""The one result type every layer produces: a :class:`Finding` that points at file:line:column.

Findings carry a stable code (``NBS101``) and the arguments of their message rather than a rendered
sentence, so that each report can render them in the reader's language (see :mod:`nbscheck.messages`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .messages import Severity, default_severity, render, render_hint

__all__ = ["Finding", "Position", "Severity", "cell_name", "has_errors", "make", "pointer"]


def cell_name(row: int, column: int) -> str:
    """A spreadsheet cell's name: row 12, column 5 is ``E12``."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


@dataclass(frozen=True)
class Position:
    """A 1-based line and column (counted in characters, not bytes) in a file.

    In a workbook, ``sheet`` names the sheet and line and column are the cell's row and column,
    shown the way a spreadsheet names them (``自评.xlsx:条款答复!E12``).
    """

    file: str
    line: int = 0
    column: int = 0
    sheet: str | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}!{cell_name(self.line, self.column)}" if self.line else f"{self.file}:{self.sheet}"
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True)
class Finding:
    """One problem found in one file.

    ``args`` fills the message template of ``code``; ``path`` is the JSON pointer of the value the
    finding is about (``/answers/6.2.1/value``), ``clause`` the clause id when there is one.
    """

    code: str
    severity: Severity
    file: str
    line: int = 0
    column: int = 0
    clause: str | None = None
    path: str = ""
    args: Mapping[str, Any] = field(default_factory=dict)
    sheet: str | None = None  # set for a workbook: then line and column are a cell's row and column

    def message(self, lang: str = "zh") -> str:
        return render(self.code, lang, self.args)

    def hint(self, lang: str = "zh") -> str:
        return render_hint(self.code, lang, self.args)

    @property
    def position(self) -> Position:
        return Position(self.file, self.line, self.column, self.sheet)

    @property
    def cell(self) -> str | None:
        """The cell's name (``E12``) for a finding in a workbook, else None."""
        return cell_name(self.line, self.column) if self.sheet is not None and self.line else None

    def sort_key(self) -> tuple:
        return (self.file, self.sheet or "", self.line, self.column, self.code)


def make(code: str, pos: Position, *, clause: str | None = None, path: str = "",
         severity: Severity | None = None, **args: Any) -> Finding:
    """Build a finding at ``pos`` with the default severity of ``code`` unless one is given."""
    return Finding(code=code, severity=severity or default_severity(code), file=pos.file,
                   line=pos.line, column=pos.column, clause=clause, path=path, args=args, sheet=pos.sheet)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


def pointer(parts: Iterable[Any]) -> str:
    """JSON pointer (RFC 6901) for a sequence of keys and indexes."""
    out = []
    for p in parts:
        out.append(str(p).replace("~", "~0").replace("/", "~1"))
    return "/" + "/".join(out) if out else ""
