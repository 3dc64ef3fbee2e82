"""The classification of changes as data: which kind of change is breaking, substantive or editorial, and why.

The comparison code (:mod:`.classify`, :mod:`.outside`) never names a class itself: it names the
case it found, ``rule("target", "tightened")``, and takes the class from :data:`RULES`. So the table
below is the whole classification, and the table in ``CONTRIBUTING.md`` is generated from it
(:func:`markdown_table`; ``tests/test_change_rules.py`` keeps the two in step and checks that every
row is used and every class the diff gives comes from a row).

Run ``python -m nbscheck.change.rules`` to print the Markdown table.
"""

from __future__ import annotations

from dataclasses import dataclass

from .types import BREAKING, CLASS_NAMES, EDITORIAL, SUBSTANTIVE


@dataclass(frozen=True)
class Rule:
    """One kind of change (``kind`` as in :class:`ClauseChange`, ``case`` narrowing it), its class, and why."""

    kind: str
    case: str
    cls: str
    when: tuple[str, str]   # the change, zh and en
    why: tuple[str, str]    # the reason, zh and en (empty when the class says it all)


def _r(kind: str, case: str, cls: str, when_zh: str, when_en: str, why_zh: str = "", why_en: str = "") -> Rule:
    return Rule(kind, case, cls, (when_zh, when_en), (why_zh, why_en))


RULES: tuple[Rule, ...] = (
    _r("added", "assessed-shall", BREAKING, "新增可评估的“应”条款", "new assessed shall clause",
       "已有文件缺少必答的答复（NBS203）", "existing submissions lack a required answer (NBS203)"),
    _r("added", "assessed-other", SUBSTANTIVE, "新增可评估的“宜”“可”条款", "new assessed should or may clause",
       "未答按“不符合”计分", "a missing answer scores as not met"),
    _r("added", "not-assessed", SUBSTANTIVE, "新增不评估的条款", "new clause not assessed",
       "只是新的要求或陈述", "a new requirement or statement only"),
    _r("removed", "assessed", BREAKING, "删除可评估条款", "assessed clause removed",
       "其答复不再被接受（NBS201）", "its answer is no longer accepted (NBS201)"),
    _r("removed", "not-assessed", SUBSTANTIVE, "删除不评估的条款", "clause not assessed removed",
       "一项要求或陈述被删除", "a requirement or statement goes"),
    _r("renumbered", "assessed", BREAKING, "可评估条款改号", "assessed clause renumbered",
       "答复的键要改（migrate 自动改）", "the answer's key must change (migrate does it)"),
    _r("renumbered", "not-assessed", EDITORIAL, "不评估的条款改号", "clause not assessed renumbered",
       "没有答复引用它", "no answer refers to it"),
    _r("reworded", "zh", SUBSTANTIVE, "中文正文改写", "Chinese text reworded",
       "中文是规范文本", "the Chinese text is the normative one"),
    _r("reworded", "punctuation", EDITORIAL, "中文正文只改标点或空格", "Chinese text: punctuation or spaces only",
       "词语不变，含义不变", "same words, same meaning"),
    _r("reworded", "en", EDITORIAL, "英文正文改写", "English text reworded",
       "英文是中文的译文", "the English text translates the Chinese"),
    _r("title", "any", EDITORIAL, "条款标题", "clause title", "标题不提出要求", "titles do not state requirements"),
    _r("level", "to-shall", BREAKING, "改为“应”条款（可评估）", "level raised to shall (assessed)",
       "未答的答复变成错误（NBS203）", "a missing answer becomes an error (NBS203)"),
    _r("level", "other", SUBSTANTIVE, "其他要求程度变化", "any other level change",
       "要求的强度改变", "the strength of the requirement changes"),
    _r("assessable", "added-shall", BREAKING, "“应”条款改为须评估", "shall clause becomes assessed",
       "新增必答的答复", "a new required answer"),
    _r("assessable", "added-other", SUBSTANTIVE, "“宜”“可”条款改为须评估", "should or may clause becomes assessed",
       "新增计分的答复", "a new answer that scores"),
    _r("assessable", "removed", BREAKING, "条款不再评估", "clause no longer assessed",
       "其答复不再被接受（NBS202）", "its answer is no longer accepted (NBS202)"),
    _r("indicator", "type", BREAKING, "指标类型改变", "indicator type changed",
       "已填的值可能类型不对（NBS207）", "an existing value may be of the wrong type (NBS207)"),
    _r("indicator", "unit", BREAKING, "指标单位改变", "indicator unit changed",
       "已填的值可能单位不对（NBS208）", "an existing value may be in the wrong unit (NBS208)"),
    _r("indicator", "range-narrowed", BREAKING, "取值范围收窄", "allowed range narrowed",
       "已填的值可能超出范围（NBS209）", "an existing value may be out of range (NBS209)"),
    _r("indicator", "range-widened", SUBSTANTIVE, "取值范围放宽", "allowed range widened",
       "已填的值仍然有效", "existing values stay valid"),
    _r("indicator", "integer", BREAKING, "改为须是整数", "whole numbers now required",
       "已填的小数变成错误（NBS207）", "an existing fraction becomes an error (NBS207)"),
    _r("indicator", "not-integer", SUBSTANTIVE, "不再须是整数", "whole numbers no longer required",
       "已填的值仍然有效", "existing values stay valid"),
    _r("indicator", "option-removed", BREAKING, "删除选项", "an option removed",
       "答复可能选了已删除的选项（NBS219）", "an answer may name an option that is gone (NBS219)"),
    _r("indicator", "options-added", SUBSTANTIVE, "新增选项或调整选项顺序", "options added or reordered",
       "已选的选项仍然有效", "existing choices stay valid"),
    _r("indicator", "name-zh", SUBSTANTIVE, "指标或选项的中文名称改写", "Chinese name of the indicator or an option",
       "所测量的内容有了新的描述", "what is measured is described anew"),
    _r("indicator", "name-en", EDITORIAL, "指标或选项的英文名称；中文名称只改标点",
       "English name of the indicator or an option; punctuation only in a Chinese name", "只是译文或标点",
       "translation or punctuation only"),
    _r("target", "tightened", BREAKING, "达标条件提高或换了种类", "target tightened or changed in kind",
       "“符合”的答复可能与其数值矛盾（NBS210）", "a met answer may now contradict its value (NBS210)"),
    _r("target", "relaxed", SUBSTANTIVE, "达标条件放宽", "target relaxed",
       "得分可能提高，没有答复变成无效", "scores may rise; no answer becomes invalid"),
    _r("evidence", "added", BREAKING, "新增所需证据类型", "evidence kind added to a clause",
       "“符合”“部分符合”的答复缺少它（NBS212）", "met and partial answers lack it (NBS212)"),
    _r("evidence", "dropped", SUBSTANTIVE, "减少所需证据类型或调整顺序", "evidence kind dropped or reordered",
       "要求减少，答复仍然有效", "less is asked; answers stay valid"),
    _r("indicator", "grading", BREAKING, "按值定状态的分档新增、删除或阈值改变", "grading added, removed or a threshold changed",
       "所填状态可能与值不符（NBS225）", "a stated status may now disagree with the value (NBS225)"),
    _r("indicator", "baseline", BREAKING, "改为相对本底评估，或评估方式改变", "judged against a baseline, or how",
       "答复须给出本底（NBS226）", "answers need a baseline (NBS226)"),
    _r("indicator", "counting-zh", SUBSTANTIVE, "计数方法、数据来源或数据时段（中文）", "counting, data source or period (Chinese)",
       "所计的内容有了新的描述", "what is counted is described anew"),
    _r("indicator", "counting-en", EDITORIAL, "计数方法、数据来源或数据时段（英文；中文只改标点）",
       "counting, data source or period (English; punctuation only in Chinese)", "只是译文或标点", "translation or punctuation only"),
    _r("stages", "any", SUBSTANTIVE, "评估该条款的阶段", "the stages that assess a clause",
       "该条款在其他阶段作答（NBS229）", "the clause is answered at other stages (NBS229)"),
    _r("points", "any", SUBSTANTIVE, "分值变化", "points changed", "得分改变", "scores change"),
    _r("dimension", "any", SUBSTANTIVE, "维度变化", "dimension changed",
       "各维度的得分改变", "scores per dimension change"),
    _r("not_applicable", "disallowed", BREAKING, "不再允许答“不适用”", "not_applicable no longer allowed",
       "“不适用”的答复变成错误（NBS205）", "not_applicable answers become errors (NBS205)"),
    _r("not_applicable", "allowed", SUBSTANTIVE, "允许答“不适用”", "not_applicable now allowed",
       "乡镇多了一个选择", "townships get a new option"),
    _r("not_assessable", "any", EDITORIAL, "不评估的理由改写", "why not assessed, reworded", "只是说明", "explanation only"),
    _r("notes", "any", EDITORIAL, "注", "notes", "注是资料性内容（GB/T 1.1）", "notes are informative (GB/T 1.1)"),
    _r("examples", "any", EDITORIAL, "示例", "examples",
       "示例是资料性内容（GB/T 1.1）", "examples are informative (GB/T 1.1)"),
    _r("see", "any", EDITORIAL, "交叉引用", "cross-references", "只是指引", "pointers only"),
    _r("maps", "any", EDITORIAL, "框架对照", "framework mapping",
       "与 IUCN、GBF 的资料性对照", "informative mapping to IUCN and GBF"),
    _r("guideline-id", "any", BREAKING, "更改指南标识", "guideline id changed",
       "每份提交文件都写明标识（NBS217）", "every submission names the id (NBS217)"),
    _r("evidence-kind", "removed", BREAKING, "删除证据类型", "evidence kind removed",
       "答复可能列出它（NBS218）", "answers may list it (NBS218)"),
    _r("evidence-kind", "added", SUBSTANTIVE, "新增证据类型", "evidence kind added",
       "条款可以要求的新证据", "a new kind of evidence clauses may ask for"),
    _r("evidence-kind", "renamed", EDITORIAL, "证据类型改名", "evidence kind renamed", "标识不变", "same id"),
    _r("unit", "removed", BREAKING, "删除单位", "unit removed", "答复可能写了它（NBS208）", "answers may name it (NBS208)"),
    _r("unit", "added", EDITORIAL, "新增单位", "unit added", "还没有引用它的地方", "nothing refers to it yet"),
    _r("unit", "renamed", EDITORIAL, "单位改名", "unit renamed", "代码不变", "same code"),
    _r("term", "added", SUBSTANTIVE, "新增术语", "term added", "第 3 章是规范性内容", "chapter 3 is normative"),
    _r("term", "removed", SUBSTANTIVE, "删除术语", "term removed", "第 3 章是规范性内容", "chapter 3 is normative"),
    _r("term", "zh", SUBSTANTIVE, "术语或定义的中文改写", "Chinese term or definition reworded",
       "第 3 章是规范性内容", "chapter 3 is normative"),
    _r("term", "en", EDITORIAL, "术语或定义的英文；中文只改标点", "English term or definition; punctuation only in Chinese",
       "只是译文或标点", "translation or punctuation only"),
    _r("rules", "stages", BREAKING, "新增或删除评估阶段", "assessment stages added or removed",
       "提交文件须写明所处阶段（NBS228）", "every submission names its stage (NBS228)"),
    _r("rules", "any", SUBSTANTIVE, "评分规则（状态分值、维度、档次、认定条件）",
       "rating rules (statuses, dimensions, bands, qualification)", "得分和认定结论改变", "scores and the verdict change"),
    _r("heading", "any", EDITORIAL, "章、节标题", "chapter or section title",
       "标题不提出要求", "titles do not state requirements"),
)

_BY_KEY = {(r.kind, r.case): r for r in RULES}
assert len(_BY_KEY) == len(RULES), "two rules with the same kind and case"


def rule(kind: str, case: str) -> str:
    """The class of a change; a (kind, case) missing from :data:`RULES` is a bug (KeyError)."""
    return _BY_KEY[(kind, case)].cls


def markdown_table() -> str:
    """The rules as the bilingual Markdown table that ``CONTRIBUTING.md`` shows."""
    out = ["| 变化 change | 类别 class | 原因 why |", "| --- | --- | --- |"]
    for r in RULES:
        zh, en = CLASS_NAMES[r.cls]
        why = f"{r.why[0]} / {r.why[1]}" if r.why[0] else ""
        out.append(f"| {r.when[0]} / {r.when[1]} | {zh} {en} | {why} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover - a convenience for editing CONTRIBUTING.md
    print(markdown_table(), end="")
