"""JSON report (``format_version`` 1): documented in docs/running-nbscheck.md; fields are only added."""

from __future__ import annotations

import json
import math
from typing import Any, Sequence, TextIO

from .. import __version__
from ..check.result import CheckResult
from ..score import ClauseScore
from . import render_with
from .findings_json import finding_dict

FORMAT_VERSION = 1


def result_dict(r: CheckResult, lang: str, clauses: bool = True) -> dict[str, Any]:
    """The JSON object of one file. ``score.clauses`` is the last key of the last key, so a writer
    may leave it out (``clauses=False``) and append it already serialised (see :func:`_clause_rows`)."""
    s = r.score
    score = None
    if s is not None:
        score = {
            "earned": s.earned, "available": s.available, "percent": s.percent,
            "band": {"id": s.band.id, "name": s.band.name.get(lang)},
            "qualified": s.qualified,
            "reasons": [{"code": x.code, "message": x.message(lang), "message_zh": x.message("zh"),
                         "message_en": x.message("en")} for x in s.reasons],
            "dimensions": [{"id": d.id, "name": d.name.get(lang), "earned": d.earned, "available": d.available,
                            "percent": d.percent, "band": d.band.id if d.band else None} for d in s.dimensions],
            "stage": s.stage,
            "criteria": [{"framework": i.framework, "id": i.id, "name": i.name.get(lang), "earned": i.earned,
                          "available": i.available, "percent": i.percent, "band": i.band.id if i.band else None,
                          "required": i.required.id if i.required else None} for i in s.items],
        }
        if clauses:
            score["clauses"] = [_clause_dict(c) for c in s.clauses]
    return {
        "file": r.file, "parsed": r.parsed, "valid": r.valid, "qualified": r.qualified,
        "guideline": {"id": r.guideline_id, "version": r.guideline_version},
        "township": r.township if isinstance(r.township, dict) else {},
        "period": r.period if isinstance(r.period, dict) else {},
        "errors": r.errors, "warnings": r.warnings,
        "findings": [finding_dict(f, lang) for f in r.findings],
        "score": score,
    }


def _clause_dict(c: ClauseScore) -> dict[str, Any]:
    return {"clause": c.clause, "level": c.level, "dimension": c.dimension, "status": c.status,
            "points": c.points, "earned": c.earned, "counted": c.counted, "valid": c.valid, "value": c.value}


_rows: dict[tuple[Any, ...], str] = {}
_SCALARS = (bool, int, float, str)


def _clause_rows(clauses: Sequence[ClauseScore]) -> str:
    """``score.clauses`` serialised. A clause's row takes a few shapes across a whole folder (its
    status and whether the answer is valid), so each shape is serialised once and reused: most of
    a report's bytes, at a tenth of the cost. The value is part of the key with its type, so ``1``
    and ``True`` (equal in Python) never share a row."""
    parts = []
    for c in clauses:
        v = c.value
        if not (v is None or type(v) in _SCALARS):  # a list or a date: not worth a cache entry
            parts.append(_dumps(_clause_dict(c)))
            continue
        key = (c.clause, c.level, c.dimension, c.status, c.points, c.earned, c.counted, c.valid, type(v), v)
        row = _rows.get(key)
        if row is None:
            if len(_rows) > 100_000:
                _rows.clear()
            row = _rows[key] = _dumps(_clause_dict(c))
        parts.append(row)
    return "[" + ",".join(parts) + "]"


def _dumps(x: Any) -> str:
    # compact: json's C encoder only runs without indent (5x faster, half the size). Strict JSON:
    # a NaN or an infinity that a submission wrote (.nan, .inf) becomes its text, never a bare NaN token.
    try:
        return json.dumps(x, ensure_ascii=False, separators=(",", ":"), default=str, allow_nan=False)
    except ValueError:
        return json.dumps(finite(x), ensure_ascii=False, separators=(",", ":"), default=str, allow_nan=False)


def finite(x: Any) -> Any:
    """``x`` with every float that is not finite replaced by its text (``"nan"``, ``"inf"``)."""
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)
    if isinstance(x, dict):
        return {k: finite(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [finite(v) for v in x]
    return x


class JsonReport:
    """Writes the document file by file, so a folder of any size needs no more memory than one file."""

    def __init__(self, out: TextIO, lang: str):
        self.out, self.lang = out, lang
        self.n = self.valid = self.qualified = self.errors = self.warnings = 0
        head = {"tool": "nbscheck", "version": __version__, "format_version": FORMAT_VERSION, "kind": "check", "lang": lang}
        self.out.write(json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "files": [')

    def add(self, r: CheckResult) -> None:
        # one file per line, compact
        body = _dumps(result_dict(r, self.lang, clauses=False))
        if r.score is not None:  # body ends with the score object's closing braces: }}
            body = body[:-2] + ',"clauses":' + _clause_rows(r.score.clauses) + "}}"
        self.out.write(("," if self.n else "") + "\n    " + body)
        self.n += 1
        self.valid += r.valid
        self.qualified += r.qualified
        self.errors += r.errors
        self.warnings += r.warnings

    def close(self) -> None:
        summary = {"files": self.n, "valid": self.valid, "qualified": self.qualified,
                   "errors": self.errors, "warnings": self.warnings}
        self.out.write(("\n  " if self.n else "") + '],\n  "summary": ' +
                       json.dumps(summary, indent=2).replace("\n", "\n  ") + "\n}\n")


def render(results: Sequence[CheckResult], lang: str) -> str:
    return render_with(lambda out: JsonReport(out, lang), results)
