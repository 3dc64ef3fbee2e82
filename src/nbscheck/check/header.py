"""The submission's header: which guideline version it answers, its period and its township."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from ..findings import Finding, make
from ..model.guideline import versions
from ..yaml.document import Document

CODES: tuple[str, ...] = ("NBS220", "NBS221")
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
             50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}


@lru_cache(maxsize=4)
def known_versions(root: str | None) -> dict[str, Path]:
    return versions(Path(root) if root else None)


@lru_cache(maxsize=16)
def newer_release(root: str | None, version: str) -> str | None:
    """The newest released version after ``version``, if there is one."""
    newer = [v for v, p in known_versions(root).items() if p.parent.name == "releases" and semver(v) > semver(version)]
    return max(newer, key=semver) if newer else None


def semver(v: str) -> tuple[int, ...]:
    try:
        return tuple(int(x) for x in v.split("."))
    except ValueError:
        return (0,)


def period_findings(doc: Document, period: Mapping[str, Any]) -> list[Finding]:
    out = []
    dates: dict[str, dt.date] = {}
    for key in ("start", "end"):
        v = period.get(key)
        if isinstance(v, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", v):
            try:
                dates[key] = dt.date.fromisoformat(v)
            except ValueError:
                out.append(make("NBS221", doc.where(["period", key]), path=f"/period/{key}",
                                problem=f"{v} 不是有效日期", problem_en=f"{v} is not a real date"))
    if len(dates) == 2 and dates["end"] < dates["start"]:
        out.append(make("NBS221", doc.where(["period", "end"]), path="/period/end",
                        problem="结束日期早于开始日期", problem_en="the end comes before the start"))
    return out


def township_findings(doc: Document, township: Mapping[str, Any]) -> list[Finding]:
    code = township.get("code")
    if isinstance(code, str) and re.fullmatch(r"[0-9]{9}", code) and int(code[:2]) not in PROVINCES:
        return [make("NBS220", doc.where(["township", "code"]), path="/township/code", division=code, prefix=code[:2])]
    return []
