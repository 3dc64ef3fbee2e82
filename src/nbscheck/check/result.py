"""What checking one submission produces: the result every report reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding, Severity
from ..score import Score


@dataclass
class CheckResult:
    """Everything a report needs about one submission file."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    parsed: bool = False
    guideline_id: str | None = None
    guideline_version: str | None = None
    township: dict[str, Any] = field(default_factory=dict)
    period: dict[str, Any] = field(default_factory=dict)
    contact: dict[str, Any] = field(default_factory=dict)  # who to ask, for the HTML report card
    score: Score | None = None
    text: str | None = None  # kept only when there are findings to show source lines for
    internal_error: bool = False  # nbscheck itself failed on this file (NBS090): exit 3, not 1

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING for f in self.findings)

    @property
    def valid(self) -> bool:
        return self.parsed and self.errors == 0

    @property
    def qualified(self) -> bool:
        return bool(self.valid and self.score and self.score.qualified)

    @property
    def io_error(self) -> bool:
        return not self.parsed and any(f.code == "NBS001" for f in self.findings)
