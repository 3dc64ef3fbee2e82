"""The bilingual comments ``nbscheck migrate`` writes into a file, each tagged with the two versions."""

from __future__ import annotations

from typing import Any

from .plan import Plan

NOTES = {
    "zh": {"renamed": "原条款 {old} 改号为 {new}", "new": "新条款，请填写", "now_shall": "改为“应”条款，请填写",
           "removed": "条款 {id} 已删除，原答复保留如下", "not-assessed": "条款 {id} 不再评估，原答复保留如下",
           "check": "请核对：{what}"},
    "en": {"renamed": "clause {old} is now {new}", "new": "new clause, please fill in",
           "now_shall": "now a shall clause, please fill in",
           "removed": "clause {id} was removed; the old answer is kept below",
           "not-assessed": "clause {id} is no longer assessed; the old answer is kept below",
           "check": "please check: {what}"},
}


def tag(plan: Plan) -> str:
    """``nbscheck migrate 1.0.0 → 1.1.0``: says which run wrote a comment."""
    return f"nbscheck migrate {plan.source.version} → {plan.target.version}"


def note(plan: Plan, lang: str, key: str, **args: Any) -> str:
    """A comment's text without the ``#`` (the round-trip editor's dumper adds its own)."""
    return f"{tag(plan)}: " + NOTES[lang][key].format(**args)
