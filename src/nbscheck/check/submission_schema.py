"""The JSON Schema of a submission for one guideline version, generated from the guideline.

One function serves every consumer: the checker validates with it, ``nbscheck schema`` prints it for
editors' YAML language servers and for ``check-jsonschema``, and the site publishes it. Each clause
gets its own entry under ``answers`` with the value type, unit and range of its indicator and its
text as the description, so an editor can autocomplete clause ids and show what each one asks.
"""

from __future__ import annotations

from typing import Any

from ..model.addresses import schema_id
from ..model.clauses import Clause, Indicator
from ..model.types import Guideline

DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
DATE_ERROR = "日期应写成 YYYY-MM-DD（加引号）/ a date is written YYYY-MM-DD (quoted)"


BASELINE: dict[str, Any] = {
    "description": "本底：首次评估时的值、年份和证据 / the baseline: the value at the first assessment, its year and evidence",
    "type": "object", "additionalProperties": False,
    "properties": {"value": {"type": ["number", "null"]},
                   "year": {"type": "integer", "minimum": 1900, "maximum": 2100},
                   "evidence": {"type": "array", "items": {"$ref": "#/$defs/evidence"}},
                   "note": {"type": "string"}},
}


def value_schema(ind: Indicator) -> dict[str, Any]:
    """What ``value`` may hold for an indicator: its type, range or options; null means not given."""
    if ind.type == "boolean":
        return {"type": ["boolean", "null"]}
    if ind.type in ("number", "percentage"):
        s: dict[str, Any] = {"type": ["integer" if ind.integer else "number", "null"]}
        lo, hi = ind.bounds()
        if lo is not None:
            s["minimum"] = lo
        if hi is not None:
            s["maximum"] = hi
        return s
    if ind.type == "choice":
        return {"enum": [c.id for c in ind.choices] + [None]}
    return {"type": ["string", "null"]}


def _describe(g: Guideline, c: Clause) -> str:
    a = c.assessment
    assert a is not None
    ind = a.indicator
    unit = g.units.get(ind.unit) if ind.unit else None
    kinds = ", ".join(a.evidence) or "-"
    lines = [f"{c.id} [{c.level}] {c.text.zh}", c.text.en, "",
             f"指标 indicator: {ind.name.zh} / {ind.name.en} ({ind.type}{', ' + ind.unit if ind.unit else ''})"]
    if unit:
        lines.append(f"单位 unit: {unit.zh} / {unit.en}")
    if ind.choices:
        lines.append("选项 choices: " + ", ".join(f"{ch.id} ({ch.name.zh})" for ch in ind.choices))
    lines.append(f"证据 evidence: {kinds}; 分值 points: {a.points}; 维度 dimension: {a.dimension}")
    return "\n".join(lines)


STATUSES = ["met", "partial", "not_met", "not_applicable"]
STATUS_TEXT = "met 符合 / partial 部分符合 / not_met 不符合 / not_applicable 不适用"
GRADED_TEXT = "；可不填，由指标值按分档得出 / may be left out: the value's grading sets it"
# Read by yaml-language-server instead of its generic messages; kept short and in both languages.
STATUS_ERROR = "状态应为 met、partial、not_met 或 not_applicable / status must be met, partial, not_met or not_applicable"


def answer_schema(g: Guideline, c: Clause) -> dict[str, Any]:
    """The schema of one clause's answer, written out whole: every property carries this clause's own
    title, so an editor's hover on ``status:`` names the clause it is under (a shared ``$ref`` made
    yaml-language-server show the title of whichever clause used it last), and the answer is an
    object in its own right, so choosing the clause id in completion inserts a body to fill in."""
    a = c.assessment
    assert a is not None
    ind = a.indicator
    name = f"{ind.name.zh} / {ind.name.en}"
    unit = f"（{ind.unit}）" if ind.unit else ""
    # a graded clause's status follows its value: the township may give the value alone (or leave
    # the template's status slot empty), and nbscheck derives the status (NBS225, NBS270)
    graded = ind.grading is not None
    return {
        "title": f"{c.id} {name}",
        "description": _describe(g, c),
        "type": "object", "required": [] if graded else ["status"], "additionalProperties": False,
        "properties": {
            "status": {"title": f"{c.id} 状态 / status", "description": STATUS_TEXT + (GRADED_TEXT if graded else ""),
                       "enum": STATUSES + [None] if graded else STATUSES, "errorMessage": STATUS_ERROR},
            "value": {"title": f"{c.id} 指标值 / value: {name}{unit}",
                      "description": f"{ind.name.zh}{unit} / {ind.name.en} ({ind.type})", **value_schema(ind)},
            "unit": {"title": f"{c.id} 单位 / unit", "description": "单位代码，须与条款一致 / unit code, as the clause says",
                     "enum": sorted(g.units)},
            "justification": {"title": f"{c.id} 不适用的理由 / why not applicable", "type": "string"},
            "evidence": {"title": f"{c.id} 证据 / evidence", "description": "证据 evidence: " + (", ".join(a.evidence) or "-"),
                         "type": "array", "items": {"$ref": "#/$defs/evidence"}},
            "note": {"title": f"{c.id} 备注 / note", "type": "string"},
        },
        "defaultSnippets": [{"label": f"{c.id} {ind.name.zh}", "description": ind.name.en,
                             "body": {"status": "${1|met,partial,not_met,not_applicable|}", "value": None, "evidence": []}}],
    }


def submission_schema(g: Guideline) -> dict[str, Any]:
    text = {"type": "object", "required": ["zh"], "additionalProperties": False,
            "properties": {"zh": {"type": "string", "minLength": 1}, "en": {"type": "string"}}}
    answers = {c.id: answer_schema(g, c) for c in g.assessable}
    return _model2(g, {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(g),
        "title": f"{g.title.zh} {g.version} 自评估提交文件 / self-assessment submission for {g.title.en} {g.version}",
        "description": ("乡镇自评估提交文件：每个可评估条款一条答复。由 nbscheck schema 生成，请勿手工修改。"
                        " / A township's self-assessment: one answer per assessable clause. Generated by "
                        "`nbscheck schema`; do not edit by hand."),
        "type": "object",
        "required": ["guideline", "township", "period", "contact", "answers"],
        "additionalProperties": False,
        "properties": {
            "guideline": {
                "description": "所答的指南及其版本 / the guideline and version answered",
                "type": "object", "required": ["id", "version"], "additionalProperties": False,
                "properties": {
                    "id": {"const": g.id, "errorMessage": f"应为 {g.id} / must be {g.id}"},
                    # each version's schema pins its version: a file answering another version is
                    # checked against that version's schema (nbscheck schema --guideline-version)
                    "version": {"const": g.version, "type": "string",
                                "errorMessage": f"此 schema 用于 {g.version} 版；其他版本请用 nbscheck schema --guideline-version 生成 / "
                                                f"this schema is for version {g.version}; for another, run nbscheck schema --guideline-version"},
                },
            },
            "township": {
                "description": "乡镇信息 / the township",
                "type": "object", "required": ["name", "code", "county", "province"], "additionalProperties": False,
                "properties": {
                    "name": {"$ref": "#/$defs/text"},
                    "code": {"description": "9位乡级行政区划代码 / 9-digit township-level division code",
                             "type": "string", "pattern": "^[0-9]{9}$",
                             "errorMessage": "应为 9 位数字 / must be 9 digits"},
                    "county": {"$ref": "#/$defs/text"},
                    "province": {"$ref": "#/$defs/text"},
                },
            },
            "period": {
                "description": "评估期 / the assessment period (YYYY-MM-DD)",
                "type": "object", "required": ["start", "end"], "additionalProperties": False,
                "properties": {"start": {"type": "string", "pattern": DATE, "errorMessage": DATE_ERROR},
                               "end": {"type": "string", "pattern": DATE, "errorMessage": DATE_ERROR}},
            },
            "contact": {
                "description": "联系人 / contact person",
                "type": "object", "required": ["name"], "additionalProperties": False,
                "properties": {"name": {"type": "string", "minLength": 1}, "role": {"type": "string"},
                               "phone": {"type": "string"}, "email": {"type": "string"}},
            },
            "submitted": {"description": "提交日期 / date submitted", "type": "string", "pattern": DATE,
                          "errorMessage": DATE_ERROR},
            "answers": {
                "description": "按条款编号的答复 / answers keyed by clause id",
                "type": "object", "additionalProperties": False, "properties": answers,
            },
        },
        "$defs": {
            "text": text,
            "evidence": {
                "title": "证据文件 / evidence file",
                "type": "object", "required": ["path", "kind"], "additionalProperties": False,
                "properties": {
                    "path": {"description": "相对于提交文件所在文件夹的路径 / path relative to the submission's folder",
                             "type": "string", "minLength": 1},
                    "kind": {"description": "证据类型 / evidence kind", "enum": [k.id for k in g.evidence_kinds]},
                    "sha256": {"description": "文件的 SHA-256 校验值（可选）/ optional SHA-256 of the file",
                               "type": "string", "pattern": "^[0-9a-fA-F]{64}$"},
                    "description": {"type": "string"},
                },
            },
        },
    })


def _model2(g: Guideline, schema: dict[str, Any]) -> dict[str, Any]:
    """Add the submission fields of assessment model 2 only for a guideline that uses them, so a
    submission to a guideline of the old model is held to exactly the old schema."""
    if g.rules.stages:
        schema["properties"]["stage"] = {
            "description": "评估阶段 / the assessment stage: " + ", ".join(st.id for st in g.rules.stages),
            "type": "string"}
    if any(c.assessment.indicator.baseline for c in g.assessable if c.assessment):
        for answer in schema["properties"]["answers"]["properties"].values():
            answer["properties"]["baseline"] = {"title": answer["title"].split(" ", 1)[0] + " 本底 / baseline",
                                                "$ref": "#/$defs/baseline"}
        schema["$defs"]["baseline"] = BASELINE
    return schema
