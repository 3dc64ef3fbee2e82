"""Words the reports share, in both languages."""

from __future__ import annotations

L = {
    "zh": {"township": "乡镇", "guideline": "指南", "dimension": "维度", "points": "得分/满分", "percent": "得分率",
           "band": "档次", "total": "总计", "qualified": "达到认定条件", "not_qualified": "未达到认定条件",
           "because": "主要原因", "file": "文件", "valid": "有效", "errors": "错误", "warnings": "警告", "score": "得分率",
           "yes": "是", "no": "否", "summary": "汇总", "files": "个文件", "unreadable": "无法读取或解析，未评分",
           "report": "自评估检查报告", "findings": "问题", "location": "位置", "code": "代码", "clause": "条款",
           "message": "说明", "none": "没有发现问题。", "period": "评估期", "outcome": "结论", "na": "不适用",
           "division": "区划代码", "county": "县", "county_or_code": "县（无名称时为县级代码）",
           "duplicate": "（区划代码与 {file} 重复）", "title": "标题", "failed_files": "未符合的文件数",
           "most_failed": "未符合最多的条款", "item": "对照项", "required": "最低要求", "stage": "评估阶段"},
    "en": {"township": "Township", "guideline": "Guideline", "dimension": "Dimension", "points": "Earned/Available",
           "percent": "Score", "band": "Band", "total": "Total", "qualified": "qualifies", "not_qualified": "does not qualify",
           "because": "Main reasons", "file": "File", "valid": "Valid", "errors": "Errors", "warnings": "Warnings", "score": "Score",
           "yes": "yes", "no": "no", "summary": "Summary", "files": "files", "unreadable": "not readable or not parsable; not scored",
           "report": "Self-assessment check report", "findings": "Findings", "location": "Location", "code": "Code",
           "clause": "Clause", "message": "Message", "none": "No problems found.", "period": "Period", "outcome": "Outcome",
           "na": "n/a", "division": "Division code", "county": "County",
           "county_or_code": "County (or its code)",
           "duplicate": "(same division code as {file})", "title": "Title", "failed_files": "Files not meeting it",
           "most_failed": "Clauses most often not met", "item": "Framework item", "required": "Required", "stage": "Stage"},
}


def num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def township_name(township: dict, lang: str) -> str:
    name = township.get("name") if isinstance(township, dict) else None
    if isinstance(name, dict):
        shown = (name.get("en") if lang == "en" else name.get("zh")) or name.get("zh") or name.get("en") or "?"
    else:
        shown = "?"
    code = township.get("code") if isinstance(township, dict) else None
    return f"{shown} ({code})" if code else str(shown)
