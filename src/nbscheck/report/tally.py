"""What a reviewer asks of a whole run, kept as small counters while results stream past.

A folder of 5,000 submissions must not be held in memory to answer "how many qualify", "which
clauses do most townships fail", "how does each county do" or "was a township submitted twice":
:class:`Tally` keeps a few numbers per clause, per county and per band, and one short string per
division code (to notice a duplicate), never a result.

The township fields every summary shows (name, division code, county) are read here once, so the
text, Markdown, CSV, xlsx and HTML reports agree on them. A county is the first six digits of the
nine-digit township division code; its name is whatever the submissions wrote, never invented.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..check.result import CheckResult
from ..model.types import Guideline
from ..score import MISSING, Reason

FAILED = "failed"
"""The clause bucket of an answer with errors: it earns nothing whatever its status says."""
BUCKETS = ("met", "partial", "not_met", "not_applicable", MISSING, FAILED)
"""The clause counts, a partition of the scored files: each answer lands in exactly one."""
_BUCKET = {b: i for i, b in enumerate(BUCKETS)}
HISTOGRAM = tuple(range(0, 100, 10))
"""Lower bounds of the score histogram's bins (the last bin, 90, holds 90-100 inclusive)."""


def _name(value: Any, lang: str) -> str:
    if isinstance(value, dict):
        first, second = ("en", "zh") if lang == "en" else ("zh", "en")
        return str(value.get(first) or value.get(second) or "")
    return str(value) if isinstance(value, str) else ""


@dataclass(frozen=True)
class Township:
    """Who a submission is from, as far as it says (empty strings where it does not)."""

    name: str
    code: str
    county: str  # the county's name as the submission wrote it
    county_code: str  # the first 6 digits of a 9-digit division code, else ""

    @classmethod
    def of(cls, r: CheckResult, lang: str) -> "Township":
        t = r.township if isinstance(r.township, dict) else {}
        code = t.get("code")
        code = code if isinstance(code, str) else ""
        county_code = code[:6] if len(code) == 9 and code.isdigit() else ""
        return cls(_name(t.get("name"), lang), code, _name(t.get("county"), lang), county_code)


def reason_short(reason: Reason, lang: str) -> str:
    """A reason in a few words, for a table cell; the full sentence is :meth:`Reason.message`."""
    a = reason.args
    en = lang == "en"
    if reason.code == "NBS250":
        return f"{a.get('errors')} errors" if en else f"{a.get('errors')} 个错误"
    if reason.code == "NBS251":
        return f"score {a.get('percent')}% < {a.get('min')}%" if en else f"总分 {a.get('percent')}% 低于 {a.get('min')}%"
    if reason.code == "NBS252":
        return (f"{a.get('name_en')}: {a.get('band_en')}" if en else f"“{a.get('name')}”为{a.get('band')}")
    if reason.code == "NBS253":
        n = len([c for c in str(a.get("clauses", "")).split(",") if c.strip()])
        return f"{n} shall clauses not met" if en else f"{n} 条“应”条款未符合"
    return reason.message(lang)


def reasons_short(r: CheckResult, lang: str, first: int = 2) -> str:
    """The first reasons a file does not qualify, or why it was not scored at all."""
    s = r.score
    if not r.parsed or s is None:
        return "not readable" if lang == "en" else "无法读取"
    shown = [reason_short(x, lang) for x in s.reasons[:first]]
    if len(s.reasons) > first:
        shown.append("…")
    return ("; " if lang == "en" else "；").join(shown)


@lru_cache(maxsize=16)
def guideline_for(version: str | None, root: str | None) -> Guideline | None:
    """The guideline a result answers, for clause titles; None if it cannot be loaded."""
    from ..model.guideline import GuidelineError, shipped

    try:
        return shipped(version, root)
    except (GuidelineError, KeyError, OSError):
        return None


@dataclass
class County:
    code: str
    name: str = ""  # the first name a submission of this county gave
    files: int = 0
    valid: int = 0
    qualified: int = 0
    scored: int = 0
    percent_sum: float = 0.0
    lowest: float | None = None
    highest: float | None = None

    @property
    def mean(self) -> float | None:
        return round(self.percent_sum / self.scored, 1) if self.scored else None


@dataclass
class Tally:
    """Totals of a run; :meth:`add` each result as it passes, read the fields at the end."""

    lang: str = "zh"
    files: int = 0
    valid: int = 0
    qualified: int = 0
    errors: int = 0
    warnings: int = 0
    unreadable: int = 0
    bands: dict[str, int] = field(default_factory=dict)  # band id -> files
    band_names: dict[str, str] = field(default_factory=dict)
    histogram: list[int] = field(default_factory=lambda: [0] * len(HISTOGRAM))
    clauses: dict[str, list[int]] = field(default_factory=dict)  # clause id -> counts in BUCKETS order
    clause_version: dict[str, str | None] = field(default_factory=dict)  # clause id -> a version that has it
    counties: dict[str, County] = field(default_factory=dict)
    first_file: dict[tuple[str, str, str], str] = field(default_factory=dict)  # (code, period) -> first file
    duplicates: dict[str, list[str]] = field(default_factory=dict)  # division code -> every file with it

    def add(self, r: CheckResult) -> str | None:
        """Count ``r``; return the file that already had its division code for the same period, if any
        (a township submitted twice)."""
        self.files += 1
        self.valid += r.valid
        self.qualified += r.qualified
        self.errors += r.errors
        self.warnings += r.warnings
        self.unreadable += not r.parsed
        t = Township.of(r, self.lang)
        s = r.score
        county = self.counties.get(t.county_code)
        if county is None:
            county = self.counties[t.county_code] = County(t.county_code)
        county.name = county.name or t.county
        county.files += 1
        county.valid += r.valid
        county.qualified += r.qualified
        if s is not None:
            self.bands[s.band.id] = self.bands.get(s.band.id, 0) + 1
            self.band_names.setdefault(s.band.id, s.band.name.get(self.lang))
            self.histogram[min(int(s.percent // 10), len(HISTOGRAM) - 1)] += 1
            county.scored += 1
            county.percent_sum += s.percent
            county.lowest = s.percent if county.lowest is None else min(county.lowest, s.percent)
            county.highest = s.percent if county.highest is None else max(county.highest, s.percent)
            for c in s.clauses:
                counts = self.clauses.get(c.clause)
                if counts is None:
                    counts = self.clauses[c.clause] = [0] * len(BUCKETS)
                    self.clause_version[c.clause] = r.guideline_version
                # a status a later guideline may add counts as not met rather than break the tally
                counts[_BUCKET.get(c.status, 2) if c.valid else 5] += 1
        if not t.code:
            return None
        # the same township for the same period: last year's submission beside this year's is no duplicate
        p = r.period if isinstance(r.period, dict) else {}
        key = (t.code, str(p.get("start") or ""), str(p.get("end") or ""))
        earlier = self.first_file.get(key)
        if earlier is None:
            self.first_file[key] = r.file
            return None
        self.duplicates.setdefault(t.code, [earlier]).append(r.file)
        return earlier

    def most_failed(self, n: int = 10) -> list[tuple[str, int]]:
        """The clauses most files did not meet (not met, unanswered or answered with errors)."""
        fails = [(cid, c[2] + c[4] + c[5]) for cid, c in self.clauses.items()]
        ranked = sorted((x for x in fails if x[1]), key=lambda x: -x[1])
        return ranked[:n]

    def title(self, clause_id: str, root: str | None = None) -> str:
        g = guideline_for(self.clause_version.get(clause_id), root)
        c = g.clause(clause_id) if g else None
        return (c.title.get(self.lang) if c and c.title else c.text.get(self.lang) if c else "")

    def totals_line(self) -> str:
        """One sentence of totals, in the reader's language."""
        from .findings_text import summary_counts_from

        counts = summary_counts_from(self.errors, self.warnings, self.lang)
        dup = len(self.duplicates)
        if self.lang == "en":
            line = f"{self.files} files: {self.valid} valid, {self.qualified} qualify; {counts}"
            return line + (f"; {dup} division code{'s' if dup != 1 else ''} submitted more than once" if dup else "")
        line = f"共 {self.files} 个文件：{self.valid} 个有效，{self.qualified} 个达到认定条件；{counts}"
        return line + (f"；{dup} 个区划代码重复提交" if dup else "")

    def duplicate_lines(self) -> list[str]:
        sep = ", " if self.lang == "en" else "、"
        if self.lang == "en":
            return [f"division code {code} submitted {len(files)} times: {sep.join(files)}"
                    for code, files in self.duplicates.items()]
        return [f"区划代码 {code} 提交了 {len(files)} 次：{sep.join(files)}" for code, files in self.duplicates.items()]
