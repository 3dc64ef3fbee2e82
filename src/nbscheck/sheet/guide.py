"""The instructions sheet: what a clerk reads before filling in the workbook, in their language."""

from __future__ import annotations

from ..model.types import Guideline
from .layout import boolean_word, sheet_name


def instructions(g: Guideline, lang: str) -> list[tuple[str, bool]]:
    """The lines of the instructions sheet, each with whether it is a heading."""
    words = "、".join(s.name.zh for s in g.rules.statuses.values()) if lang != "en" else \
        ", ".join(s.name.en for s in g.rules.statuses.values())
    info, answers, evidence = (sheet_name(k, lang) for k in ("info", "answers", "evidence"))
    yes, no = boolean_word(True, lang), boolean_word(False, lang)
    if lang == "en":
        return [
            (f"{g.title.en} {g.version}: self-assessment workbook", True),
            ("Written by nbscheck init --format xlsx. It holds the same answers as the YAML submission and is "
             "checked with the same rules: nbscheck FILE.xlsx. Findings name the sheet and cell to correct.", False),
            ("How to fill it in", True),
            (f"1. Sheet '{info}': the township, its 9-digit division code, the assessment period (dates) and a contact.", False),
            (f"2. Sheet '{answers}': one row per assessable clause. The grey columns (clause, requirement, indicator, "
             "unit, target, required evidence) are locked; fill in the yellow ones.", False),
            (f"   Status: pick from the list ({words}). 'Not applicable' needs a reason in 'Why not applicable'.", False),
            (f"   Value: yes/no clauses take {yes} or {no}; numbers in the clause's unit; percentages as numbers "
             "from 0 to 100 (85 for 85 %); options from the list. 'Unit given' may stay empty.", False),
            (f"3. Sheet '{evidence}': one row per evidence file: the clause, the file's path relative to the folder "
             "of this workbook, its kind, optionally its SHA-256 and a description. Met and partly met answers need "
             "every kind the clause requires.", False),
            ("Columns are found by their headers, so they may be reordered; extra sheets are ignored. Save as .xlsx "
             "(Excel, WPS and LibreOffice all can); .xls and .csv files cannot be checked.", False),
            ("nbscheck convert FILE.xlsx -o FILE.yaml turns the workbook into the YAML submission, and back.", False),
        ]
    return [
        (f"{g.title.zh}（{g.version}）自评估工作簿", True),
        ("由 nbscheck init --format xlsx 生成。工作簿与 YAML 提交文件的内容相同，检查规则也相同：nbscheck 文件名.xlsx。"
         "检查结果会指出需要改正的工作表和单元格。", False),
        ("填写方法", True),
        (f"1. “{info}”表：乡镇名称、9位乡级行政区划代码、评估期（日期）和联系人。", False),
        (f"2. “{answers}”表：每个可评估条款一行。灰色列（条款、内容、指标、单位、目标、所需证据）已锁定，填写黄色列。", False),
        (f"   状态：从下拉列表中选择（{words}）。选“不适用”时须在“不适用理由”中说明。", False),
        (f"   指标值：是/否类填“{yes}”或“{no}”；数值按条款的单位填写；百分数填 0–100 的数（85% 填 85）；"
         "选项从下拉列表中选择。“所填单位”可以不填。", False),
        (f"3. “{evidence}”表：每个证据文件一行：条款编号、相对于本工作簿所在文件夹的文件路径、证据类型，"
         "可选填 SHA-256 和说明。答“符合”“部分符合”的条款须提供条款要求的全部证据类型。", False),
        ("各列按表头识别，可以调整顺序；多出的工作表会被忽略。请保存为 .xlsx（Excel、WPS、LibreOffice 均可）；"
         ".xls 和 .csv 文件无法检查。", False),
        ("nbscheck convert 文件名.xlsx -o 文件名.yaml 可把工作簿转换为 YAML 提交文件，也可反向转换。", False),
    ]
