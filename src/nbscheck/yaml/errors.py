"""The one exception of the YAML layer: a file that cannot become data, with the findings that say why."""

from __future__ import annotations

from ..findings import Finding


class LoadError(Exception):
    """Raised when a file cannot be turned into data; carries the findings that say why."""

    def __init__(self, findings: list[Finding]):
        super().__init__("; ".join(f.message("en") for f in findings))
        self.findings = findings
