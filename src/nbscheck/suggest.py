""""Did you mean ...?" for ids that do not exist."""

from __future__ import annotations

import difflib
from typing import Iterable


def closest(word: str, candidates: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, candidates: Iterable[str]) -> dict[str, str]:
    """Message arguments ``suggest`` / ``suggest_en``, empty when nothing is close."""
    best = closest(word, candidates)
    if not best:
        return {"suggest": "", "suggest_en": ""}
    return {"suggest": f"，是否想写 {best}？", "suggest_en": f"; did you mean {best}?", "suggestion": best}
