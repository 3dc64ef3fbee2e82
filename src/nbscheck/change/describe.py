"""The bilingual words of a diff: one line per change, class and ``migrate`` notes, the two sides.

Used by the diff reports and by ``migrate`` (for the "please check" notes it writes).
"""

from __future__ import annotations

from typing import Any, Sequence

from ..model.indicators import format_value as _fmt
from ..vocabulary import level_zh
from .types import CLASS_NAMES, MIGRATE_NAMES, ClauseChange, GuidelineChange, Side

_KIND = {
    "added": ("新增条款", "clause added"), "removed": ("删除条款", "clause removed"),
    "renumbered": ("改号", "renumbered"), "reworded": ("正文改写", "text reworded"),
    "title": ("标题", "title"), "level": ("要求程度", "level"), "assessable": ("评估", "assessment"),
    "indicator": ("指标", "indicator"), "target": ("目标", "target"), "evidence": ("所需证据", "evidence required"),
    "points": ("分值", "points"), "dimension": ("维度", "dimension"), "not_applicable": ("不适用", "not applicable"),
    "not_assessable": ("不评估的理由", "why not assessed"), "notes": ("注", "note"), "examples": ("示例", "example"),
    "see": ("交叉引用", "cross-references"), "maps": ("框架对照", "framework mapping"),
    "stages": ("评估阶段", "stages"),
}
_LANG = {"zh": ("中文", "Chinese"), "en": ("英文", "English")}


def level_name(level: str, lang: str) -> str:
    """``“应”`` in Chinese, ``shall`` in English."""
    return f"“{level_zh(level)}”" if lang == "zh" else level


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _list(items: Sequence[Any]) -> str:
    return ", ".join(str(x) for x in items) if items else "-"


def _delta(old: Sequence[Any], new: Sequence[Any], lang: str) -> str:
    gained = [x for x in new if x not in old]
    lost = [x for x in old if x not in new]
    parts = []
    if gained:
        parts.append(("新增 " if lang == "zh" else "adds ") + _list(gained))
    if lost:
        parts.append(("删除 " if lang == "zh" else "drops ") + _list(lost))
    if not parts:
        parts.append(("顺序调整：" if lang == "zh" else "reordered: ") + _list(new))
    return ("；" if lang == "zh" else "; ").join(parts)


_COUNTING_TEXT = {"counting": ("计数方法", "how it is counted"), "data_source": ("数据来源", "data source"),
                  "period": ("数据时段", "period")}


def describe(c: ClauseChange, lang: str) -> str:
    """One line saying what changed, without the word diff (renderers add that)."""
    zh = lang != "en"
    kind = _pick(_KIND.get(c.kind, (c.kind, c.kind)), lang)
    f = c.field or ""
    if c.kind == "added":
        what = level_name(f, lang)
        if zh:
            return f"新增{what}条款" + ("（须评估）" if c.new else "（不评估）")
        return f"new {what} clause" + (" (assessed)" if c.new else " (not assessed)")
    if c.kind == "removed":
        what = level_name(f, lang)
        if zh:
            return f"删除{what}条款" + ("（原须评估）" if c.old else "")
        return f"{what} clause removed" + (" (was assessed)" if c.old else "")
    if c.kind == "renumbered":
        return f"{kind}：{c.old} → {c.new}" if zh else f"{kind}: {c.old} → {c.new}"
    if c.kind in ("reworded", "title", "not_assessable"):
        return f"{kind}（{_LANG[f][0]}）" if zh else f"{kind} ({_LANG[f][1]})"
    if c.kind in ("notes", "examples"):
        index, text_lang = f.split("/")
        if c.old in (None, "") and c.new:
            verb = ("新增", "added")
        elif c.new in (None, "") and c.old:
            verb = ("删除", "removed")
        else:
            verb = ("改写", "reworded")
        return (f"{kind} {index} {verb[0]}（{_LANG[text_lang][0]}）" if zh
                else f"{kind} {index} {verb[1]} ({_LANG[text_lang][1]})")
    if c.kind == "level":
        return f"{kind}：{level_name(c.old, lang)} → {level_name(c.new, lang)}" if zh else \
            f"{kind}: {c.old} → {c.new}"
    if c.kind == "assessable":
        if f == "added":
            return "改为须评估" if zh else "now assessed"
        return "不再评估" if zh else "no longer assessed"
    if c.kind == "indicator":
        if f.startswith("name-"):
            return f"指标名称（{_LANG[f[5:]][0]}）" if zh else f"indicator name ({_LANG[f[5:]][1]})"
        what, _, text_lang = f.rpartition("-")
        if what in _COUNTING_TEXT and text_lang in _LANG:
            return (f"{_COUNTING_TEXT[what][0]}（{_LANG[text_lang][0]}）" if zh
                    else f"{_COUNTING_TEXT[what][1]} ({_LANG[text_lang][1]})")
        if f.startswith("choice-"):
            cid, text_lang = f[7:].rsplit("-", 1)
            return (f"选项 {cid} 的名称（{_LANG[text_lang][0]}）" if zh
                    else f"name of option {cid} ({_LANG[text_lang][1]})")
        names = {"type": ("指标类型", "indicator type"), "unit": ("单位", "unit"),
                 "range": ("取值范围", "allowed range"), "integer": ("须为整数", "whole numbers only"),
                 "choices": ("选项", "options"), "grading": ("按值定状态的分档", "grading"),
                 "baseline": ("相对本底", "against the baseline")}
        label = _pick(names.get(f, (f, f)), lang)
        if f == "choices":
            return f"{label}：{_delta(c.old, c.new, lang)}" if zh else f"{label}: {_delta(c.old, c.new, lang)}"
        none = "无" if zh else "none"
        old, new = _fmt(c.old) if c.old is not None else none, _fmt(c.new) if c.new is not None else none
        if f == "integer":
            yes_no = {True: ("是", "yes"), False: ("否", "no")}
            old, new = _pick(yes_no[bool(c.old)], lang), _pick(yes_no[bool(c.new)], lang)
        return f"{label}：{old} → {new}" if zh else f"{label}: {old} → {new}"
    if c.kind == "target":
        how = {"tightened": ("提高", "tightened"), "relaxed": ("放宽", "relaxed")}[f]
        return (f"{kind}：{c.old} → {c.new}（{how[0]}）" if zh else f"{kind}: {c.old} → {c.new} ({how[1]})")
    if c.kind in ("evidence", "stages"):
        return f"{kind}：{_delta(c.old, c.new, lang)}" if zh else f"{kind}: {_delta(c.old, c.new, lang)}"
    if c.kind in ("points", "dimension"):
        return f"{kind}：{c.old} → {c.new}" if zh else f"{kind}: {c.old} → {c.new}"
    if c.kind == "not_applicable":
        if c.new:
            return "现在允许答“不适用”" if zh else "not_applicable now allowed"
        return "不再允许答“不适用”" if zh else "not_applicable no longer allowed"
    if c.kind == "see":
        return f"{kind}：{_delta(c.old, c.new, lang)}" if zh else f"{kind}: {_delta(c.old, c.new, lang)}"
    if c.kind == "maps":
        parts = []
        for fw in sorted(set(c.old) | set(c.new)):
            a, b = c.old.get(fw, []), c.new.get(fw, [])
            if a != b:
                parts.append(f"{fw} {_delta(a, b, lang)}")
        sep = "；" if zh else "; "
        return f"{kind}：{sep.join(parts)}" if zh else f"{kind}: {sep.join(parts)}"
    return kind


_OTHER_KIND = {"guideline-id": ("指南标识", "guideline id"), "evidence-kind": ("证据类型", "evidence kind"),
               "unit": ("单位", "unit"), "term": ("术语", "term"), "rules": ("评分规则", "rating rules"),
               "heading": ("标题", "heading")}
_OTHER_FIELD = {
    "added": ("新增", "added"), "removed": ("删除", "removed"), "name-zh": ("名称（中文）", "name (Chinese)"),
    "name-en": ("名称（英文）", "name (English)"), "term-zh": ("术语（中文）", "term (Chinese)"),
    "term-en": ("术语（英文）", "term (English)"), "definition-zh": ("定义（中文）", "definition (Chinese)"),
    "definition-en": ("定义（英文）", "definition (English)"), "status-factor": ("状态得分比例", "status factor"),
    "dimension-added": ("新增维度", "dimension added"), "dimension-removed": ("删除维度", "dimension removed"),
    "dimension-points": ("维度分值", "dimension points"), "total-points": ("总分", "total points"),
    "bands": ("评级档次", "bands"), "min_overall_percent": ("认定所需总得分率", "overall score required"),
    "min_dimension_band": ("认定所需维度档次", "dimension band required"),
    "all_shall_met": ("认定须全部“应”条款符合", "all shall clauses must be met"),
    "chapter-zh": ("章标题（中文）", "chapter title (Chinese)"), "chapter-en": ("章标题（英文）", "chapter title (English)"),
    "section-zh": ("节标题（中文）", "section title (Chinese)"), "section-en": ("节标题（英文）", "section title (English)"),
}


def describe_other(o: GuidelineChange, lang: str) -> str:
    """One line saying what changed outside the clauses, without the word diff."""
    zh = lang != "en"
    kind = _pick(_OTHER_KIND.get(o.kind, (o.kind, o.kind)), lang)
    field_name = _pick(_OTHER_FIELD.get(o.field or "", (o.field or "", o.field or "")), lang)
    sep = "：" if zh else ": "
    head = f"{kind} {o.subject}" if o.kind != "guideline-id" else kind
    if o.words:
        return f"{head}{sep}{field_name}"
    if o.field in ("added", "removed"):
        names = (o.new if o.field == "added" else o.old) or {}
        shown = names.get("en" if not zh else "zh") or names.get("zh") or ""
        return f"{head}{sep}{field_name}" + (f"（{shown}）" if zh and shown else f" ({shown})" if shown else "")

    def show(v: Any) -> str:
        if v is None:
            return "-"
        if isinstance(v, dict):
            return ", ".join(f"{k} ≥ {_fmt(x)}" for k, x in v.items())
        return _fmt(v)

    if o.kind == "guideline-id":
        return f"{head}{sep}{o.old} → {o.new}"
    return f"{head}{sep}{field_name} {show(o.old)} → {show(o.new)}"


def class_name(cls: str, lang: str) -> str:
    """``破坏性`` / ``breaking``."""
    return _pick(CLASS_NAMES[cls], lang)


def migrate_note(action: str | None, lang: str) -> str:
    """What ``nbscheck migrate`` does about a change, or nothing."""
    return _pick(MIGRATE_NAMES[action], lang) if action else ""


def side_text(s: Side, lang: str) -> str:
    """``mini 1.0.0（已发布，2025-01-01）`` / ``mini 1.1.0 (draft)``, with the label when it adds something."""
    zh = lang != "en"
    if s.status == "released":
        state = f"已发布，{s.released}" if zh else f"released {s.released}"
    else:
        state = "草案" if zh else "draft"
    label = f" {s.label}" if s.label and s.label not in (s.version, f"v{s.version}") else ""
    return f"{s.id} {s.version}（{state}）{label}" if zh else f"{s.id} {s.version} ({state}){label}"

