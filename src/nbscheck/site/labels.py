"""The site's words in each language: the one table of labels the rendered pages use.

Kept apart from the rendering so that a translation is one place to edit and the renderers hold
no text of their own.
"""

from __future__ import annotations

LANGS = ("zh", "en")

# --- words -------------------------------------------------------------------------------------

L: dict[str, dict[str, str]] = {
    "zh": {
        "shall": "应", "should": "宜", "may": "可", "statement": "陈述",
        "shall.title": "要求：符合本文件须做到", "should.title": "推荐：一般情况下宜做到",
        "may.title": "允许：可自行选择", "statement.title": "陈述：说明情况或方法，不含要求",
        "note": "注", "example": "示例", "see": "参见", "terms": "术语",
        "maps": "对照", "previous": "上一发布版本中的编号", "not_assessable": "不单独评分",
        "assessment": "评估要素", "detail": "内容",
        "indicator": "指标", "type": "类型", "range": "取值范围", "target": "达标条件", "unit": "单位",
        "choices": "选项", "evidence": "证据", "points": "分值", "dimension": "维度",
        "na": "答复“不适用”", "na.yes": "允许（须说明理由）", "na.no": "不允许",
        "t.boolean": "是/否", "t.number": "数值", "t.percentage": "百分数", "t.choice": "单选",
        "t.text": "文字说明", "integer": "整数",
        "yes": "是", "no": "否", "at_least": "不低于 {v}", "at_most": "不高于 {v}", "and": "，且",
        "one_of": "为下列之一：{v}", "min_length": "不少于 {v} 字", "no_target": "如实填写，不设达标值",
        "list_sep": "、", "source": "来源",
        "dims": "评估维度与分值", "dim": "维度", "desc": "说明", "scored": "计分条款",
        "total": "合计", "statuses": "答复状态与系数", "status": "状态", "factor": "系数",
        "factor.none": "不计分", "bands": "评级档次", "band": "档次", "min": "得分率下限",
        "qualification": "认定条件", "q.overall": "总得分率不低于 {v}%",
        "q.dim": "每个评估维度至少达到“{v}”", "q.shall": "每个可评估的“应”条款均为“符合”或有理由的“不适用”",
        "clause": "条款", "level": "程度", "scored_in": "{dim}的计分条款",
        "matrix": "对照矩阵", "item": "编号", "name": "名称", "mapped": "对照条款数",
        "matrix.note": "行为条款，列为{fw}的条目；●表示该条款对照该条目。",
        "edition": "版本",
        "version": "版本 {v}", "draft": "草案，尚未发布", "released": "{d} 发布",
        "print.title": "全文打印版", "contents": "目录", "print.button": "打印或另存为 PDF",
        "print.intro": "本页把整份指南排成一个文档，便于打印或在浏览器中另存为 PDF。",
        "downloads": "下载",
        "dl.intro": "下列文件由指南 {v} 在构建网站时生成，与命令行 `nbscheck schema` 和 `nbscheck init` 的输出完全相同。",
        "dl.file": "文件", "dl.what": "用途", "dl.cli": "等效命令",
        "dl.schema": "提交文件的 JSON Schema（draft 2020-12），供编辑器自动补全和 `check-jsonschema` 校验",
        "dl.zh": "空白提交文件（中文注释），逐条列出全部可评估条款",
        "dl.en": "空白提交文件（英文注释）",
        "dl.print": "需要整份指南？请打开[全文打印版]({p})，在浏览器中打印或另存为 PDF。",
        "dl.pdf": "整份指南的 PDF（由全文打印版印成，内容相同）：",
        "dl.schema_name": "提交文件 Schema", "dl.zh_name": "空白模板（中文）", "dl.en_name": "空白模板（英文）",
        "dl.xlsx_zh_name": "自评估工作簿（中文）", "dl.xlsx_en_name": "自评估工作簿（英文）",
        "dl.xlsx": "同样的自评估，用 Excel、WPS 或 LibreOffice 填写；nbscheck 直接检查，`nbscheck convert` 可转换为 YAML",
    },
    "en": {
        "shall": "shall", "should": "should", "may": "may", "statement": "statement",
        "shall.title": "Requirement: needed to conform to this document",
        "should.title": "Recommendation: expected in most cases",
        "may.title": "Permission: left to the township's choice",
        "statement.title": "Statement: describes a fact or a method, no requirement",
        "note": "NOTE", "example": "EXAMPLE", "see": "See", "terms": "terms",
        "maps": "Maps to", "previous": "Numbered in the previous release as", "not_assessable": "Not scored",
        "assessment": "Assessment", "detail": "Detail",
        "indicator": "Indicator", "type": "Type", "range": "Range", "target": "Target", "unit": "Unit",
        "choices": "Options", "evidence": "Evidence", "points": "Points", "dimension": "Dimension",
        "na": "Answer not_applicable", "na.yes": "admitted, with a justification", "na.no": "not admitted",
        "t.boolean": "yes/no", "t.number": "number", "t.percentage": "percentage", "t.choice": "one option",
        "t.text": "text", "integer": "whole number",
        "yes": "yes", "no": "no", "at_least": "at least {v}", "at_most": "at most {v}", "and": " and ",
        "one_of": "one of: {v}", "min_length": "at least {v} characters", "no_target": "report the value; no set target",
        "list_sep": ", ", "source": "SOURCE",
        "dims": "Assessment dimensions and points", "dim": "Dimension", "desc": "What it covers",
        "scored": "Scored clauses", "total": "Total", "statuses": "Answer statuses and factors", "status": "Status",
        "factor": "Factor", "factor.none": "not scored", "bands": "Bands", "band": "Band", "min": "Lowest percentage",
        "qualification": "Qualification", "q.overall": "an overall percentage of at least {v} %",
        "q.dim": "every dimension at least in the band “{v}”",
        "q.shall": "every assessable shall clause met, or not applicable with a justification",
        "clause": "Clause", "level": "Level", "scored_in": "Scored clauses: {dim}",
        "matrix": "Mapping matrix", "item": "No.", "name": "Name", "mapped": "Clauses mapped",
        "matrix.note": "Rows are clauses, columns are the items of the {fw}; ● marks a clause mapped to that item.",
        "edition": "Edition",
        "version": "version {v}", "draft": "draft, not yet released", "released": "released {d}",
        "print.title": "The whole guideline, for printing", "contents": "Contents",
        "print.button": "Print or save as PDF",
        "print.intro": "This page sets the whole guideline out as one document, to print or to save as a PDF from the browser.",
        "downloads": "Downloads",
        "dl.intro": "These files are generated from guideline {v} when the site is built; they are exactly what the command-line `nbscheck schema` and `nbscheck init` print.",
        "dl.file": "File", "dl.what": "What it is for", "dl.cli": "Same as",
        "dl.schema": "The submission's JSON Schema (draft 2020-12), for editor completion and `check-jsonschema`",
        "dl.zh": "A blank submission with Chinese comments, listing every assessable clause",
        "dl.en": "A blank submission with English comments",
        "dl.print": "Need the whole guideline? Open [the printable version]({p}) and print it or save it as a PDF from the browser.",
        "dl.pdf": "The whole guideline as a PDF (printed from the printable version, the same text): ",
        "dl.schema_name": "Submission schema", "dl.zh_name": "Blank template (Chinese)", "dl.en_name": "Blank template (English)",
        "dl.xlsx_zh_name": "Self-assessment workbook (Chinese)", "dl.xlsx_en_name": "Self-assessment workbook (English)",
        "dl.xlsx": "The same self-assessment, to fill in with Excel, WPS or LibreOffice; nbscheck checks it as it is, `nbscheck convert` turns it into YAML",
    },
}


def t(lang: str, key: str, **kw: object) -> str:
    """The label ``key`` in ``lang``, with ``{placeholders}`` filled from ``kw``."""
    s = L[lang][key]
    return s.format(**kw) if kw else s
