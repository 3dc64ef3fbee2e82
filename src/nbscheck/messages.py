"""Every user-facing finding message, in Chinese and English, keyed by its stable code.

Codes never change meaning once released, so users can search for them.
Ranges: NBS0xx reading a file (NBS06x a workbook); NBS1xx the guideline (``nbscheck lint``); NBS2xx a submission
(``nbscheck check``); NBS3xx versions, diffs and migration; NBS4xx the config file and the options
that choose what is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Mapping


class Severity(str, Enum):
    """How bad a finding is. Errors fail a run; warnings and notes do not."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


E, W, N = Severity.ERROR, Severity.WARNING, Severity.NOTE


@dataclass(frozen=True)
class Message:
    severity: Severity
    zh: str
    en: str
    hint_zh: str = ""
    hint_en: str = ""


CATALOG: dict[str, Message] = {
    # --- reading files -------------------------------------------------------------------------
    "NBS001": Message(E, "无法读取文件：{reason}", "cannot read the file: {reason}",
                      "检查路径是否正确、文件是否存在且有读取权限。", "Check the path, that the file exists and that you may read it."),
    "NBS002": Message(E, "文件不是 UTF-8 编码（第 {byte} 字节无法解码）{guess}",
                      "the file is not UTF-8 (byte {byte} cannot be decoded){guess_en}",
                      "用文本编辑器“另存为”UTF-8 编码后重试。", "Save the file as UTF-8 in your editor and run again."),
    "NBS003": Message(W, "文件以字节顺序标记（BOM）开头，已忽略", "the file starts with a byte-order mark (BOM); it was ignored",
                      "保存为“UTF-8（无 BOM）”可消除此提示。", "Save as UTF-8 without BOM to silence this."),
    "NBS004": Message(E, "YAML 语法错误：{problem}", "YAML syntax error: {problem}",
                      "检查此处的缩进、冒号后的空格和引号是否成对。", "Check the indentation, the space after each colon and that quotes are paired."),
    "NBS005": Message(E, "键“{key}”重复出现（第一次在第 {first} 行）", "key '{key}' appears twice (first at line {first})",
                      "删除或合并重复的键；YAML 中后出现的值会悄悄覆盖前面的值。", "Remove or merge one of them: YAML would silently keep only the last."),
    "NBS006": Message(E, "不允许的 YAML 标签 {tag}", "YAML tag {tag} is not allowed",
                      "删除标签，只使用普通的文本、数字、列表和“键: 值”。", "Remove the tag; use plain text, numbers, lists and key: value lines only."),
    "NBS007": Message(E, "缩进中使用了制表符（Tab）", "a tab is used for indentation",
                      "YAML 只允许用空格缩进，请把 Tab 换成空格。", "YAML indents with spaces only: replace the tab with spaces."),
    "NBS008": Message(E, "文件是空的", "the file is empty",
                      "可用 nbscheck init 生成一份空白模板。", "Run nbscheck init to get a blank template."),
    "NBS009": Message(E, "文件顶层应是一行行的“键: 值”，实际是{found}", "the top level must be key: value lines, found {found_en}",
                      "可用 nbscheck init 生成一份模板，对照它的写法。", "Run nbscheck init for a template and follow its layout."),
    "NBS010": Message(E, "文件大小 {size} 字节，超过上限 {limit} 字节", "the file is {size} bytes, over the limit of {limit} bytes",
                      "如确需处理更大的文件，可用 --max-bytes 调整上限。", "Raise the limit with --max-bytes if the file is genuine."),
    "NBS011": Message(E, "嵌套层级超过上限 {limit}", "nesting is deeper than the limit of {limit}",
                      "正常的提交文件不会嵌套这么深；可用 --max-depth 调整上限。", "No genuine submission nests this deep; --max-depth adjusts the limit."),
    "NBS012": Message(E, "锚点和别名展开后超过 {limit} 个值", "anchors and aliases expand to more than {limit} values",
                      "这通常是“十亿笑声”式的恶意文件；如确属正常，可用 --max-nodes 调整上限。", "This is typical of a 'billion laughs' file; --max-nodes adjusts the limit."),
    "NBS013": Message(E, "文件含有二进制数据（空字节），不是文本文件", "the file holds binary data (a NUL byte); it is not text",
                      "确认选择的是 YAML 文件。", "Make sure you chose the YAML file."),
    "NBS014": Message(E, "“键: 值”中冒号前的键应是简单文本", "mapping keys must be plain text",
                      "键写成一个词，如 status、value；不要用列表或花括号作键。", "Write the key as one word such as status or value, not a list or braces."),
    "NBS015": Message(E, "文件含有多个 YAML 文档", "the file holds more than one YAML document",
                      "删除多余的“---”分隔行。", "Remove the extra '---' separator lines."),
    "NBS016": Message(E, "文件含有不可见的控制字符 {char}（YAML 不允许）", "the file holds the invisible control character {char}, which YAML does not allow",
                      "删除这个字符（常见于从网页或 Word 复制的文字）；若确实需要，在双引号字符串中写成转义形式 {escape}。",
                      "Delete it (it often comes with text pasted from a web page or Word); if it is really wanted, write it as {escape} inside a double-quoted string."),
    "NBS017": Message(E, "花括号 {{…}} 或方括号 […] 里的值含有冒号“:”，这里必须加引号", "a value inside {{…}} or […] holds a colon ':', which needs quotes there",
                      "给这个值加上引号（如 path: \"C:\\Users\\a.pdf\"、url: \"http://…\"、time: \"14:30\"），或改用每行一个“键: 值”的块样式。",
                      "Quote the value (path: 'C:\\Users\\a.pdf', url: 'http://…', time: '14:30'), or use block style, one 'key: value' per line."),
    "NBS090": Message(E, "检查此文件时 nbscheck 出现内部错误（{error}），请报告此问题；其他文件照常检查",
                      "nbscheck hit an internal error while checking this file ({error}); please report it. Other files are checked as usual",
                      "请把这个文件和 nbscheck --version 的输出一起报告给维护者。", "Please report it with this file and the output of nbscheck --version."),
    "NBS094": Message(E, "{file} 是符号链接，nbscheck 不读取经符号链接到达的文件", "{file} is a symbolic link; nbscheck does not read files reached through one",
                      "把真正的文件复制到这里，而不是链接到它。", "Copy the real file here instead of linking to it."),
    "NBS095": Message(E, "{file} 不是普通文件（是{what}），不予读取", "{file} is not a regular file (it is {what_en}); it was not read",
                      "请给出 YAML 文件本身。", "Name the YAML file itself."),
    # --- reading workbooks (.xlsx) -----------------------------------------------------------------
    "NBS060": Message(E, "工作簿无法读取：{reason}", "the workbook cannot be read: {reason_en}",
                      "用 Excel、WPS 或 LibreOffice 打开后另存为 .xlsx；或用 nbscheck init --format xlsx 重新生成模板。",
                      "Open it in Excel, WPS or LibreOffice and save it as .xlsx, or start again from nbscheck init --format xlsx."),
    "NBS061": Message(E, "这是{kind}，nbscheck 只检查 .xlsx 工作簿和 YAML 文件",
                      "this is {kind_en}; nbscheck checks .xlsx workbooks and YAML files only",
                      "在 Excel 或 WPS 中选择“另存为”→“Excel 工作簿（*.xlsx）”后再检查。",
                      "In Excel or WPS choose Save As > Excel Workbook (*.xlsx), then check that file."),
    "NBS062": Message(E, "工作簿中找不到“{sheet}”工作表（按表头查找）", "the workbook has no '{sheet_en}' sheet (looked for by its column headers)",
                      "用 nbscheck init --format xlsx 生成的模板填写；工作表可以改名，但不要删除表头。",
                      "Fill in the template from nbscheck init --format xlsx; a sheet may be renamed, but keep its header row."),
    "NBS063": Message(E, "工作表“{sheet}”缺少“{column}”列", "sheet '{sheet}' has no '{column_en}' column",
                      "恢复该列的表头：列的顺序可以调整，表头文字须保持。", "Restore the column's header: columns may be reordered, but keep their headers."),
    "NBS064": Message(E, "条款 {ref} 的答复行重复（第一次在第 {first} 行），本行被忽略",
                      "clause {ref} has a second row (the first is row {first}); this one is ignored",
                      "删除或合并重复的行。", "Delete or merge one of the rows."),
    "NBS065": Message(E, "单元格含有电子表格的错误值 {value}，按空白读取", "the cell holds the spreadsheet error {value}; it reads as empty",
                      "改正公式，或直接填写数值。", "Correct the formula, or type the value."),
    "NBS066": Message(E, "证据行没有填写条款编号", "the evidence row names no clause",
                      "在“条款编号”列填写该证据所属的条款。", "Fill in the clause the evidence belongs to."),
    "NBS067": Message(E, "工作簿无法容纳 {path} 处的内容：{why}", "a workbook cannot hold what is at {path}: {why_en}",
                      "先在 YAML 文件中改正此处（用 nbscheck 检查），再转换。", "Correct it in the YAML file first (nbscheck shows how), then convert."),
    # --- the guideline (lint) ------------------------------------------------------------------
    "NBS100": Message(E, "{problem}", "{problem_en}", "", ""),
    "NBS101": Message(E, "条款编号 {id} 重复（第一次出现在 {first}）", "clause id {id} is used twice (first at {first})",
                      "每个条款编号只能使用一次。", "Give each clause a number of its own."),
    "NBS102": Message(E, "条款编号 {id} 不属于 {parent}", "clause id {id} does not belong to {parent}",
                      "编号应以所在章或节的编号开头。", "A clause id starts with the number of its chapter or section."),
    "NBS103": Message(E, "条款编号 {id} 不连续：应为 {expected}", "clause id {id} is out of sequence: expected {expected}",
                      "同一层级的编号应从 1 起连续递增。", "Ids at one level run 1, 2, 3 ... without gaps."),
    "NBS104": Message(E, "引用的条款 {ref} 不存在{suggest}", "cross-reference to clause {ref}, which does not exist{suggest_en}",
                      "", ""),
    "NBS105": Message(E, "引用的术语 {ref} 不存在{suggest}", "reference to term {ref}, which does not exist{suggest_en}",
                      "", ""),
    "NBS106": Message(E, "缺少{lang_zh}文本", "the {lang_en} text is missing",
                      "每段文本都应同时有中文（zh）和英文（en）。", "Every text needs both Chinese (zh) and English (en)."),
    "NBS107": Message(E, "“{level_zh}”条款的中文应使用助动词{expected}{found}", "a {level} clause's Chinese text must use {expected_en}{found_en}",
                      "按 GB/T 1.1—2020 附录 C：应/不应 表示要求，宜/不宜 表示推荐，可/不必 表示允许。",
                      "GB/T 1.1-2020 Annex C: 应/不应 requirement, 宜/不宜 recommendation, 可/不必 permission."),
    "NBS108": Message(E, "“{level_zh}”条款的英文应使用 {expected_en}{found}", "a {level} clause's English text must use {expected_en}{found}",
                      "shall 对应 shall/shall not，should 对应 should/should not，may 对应 may/need not。",
                      "shall: shall / shall not; should: should / should not; may: may / need not."),
    "NBS109": Message(E, "“应”条款 {id} 既不可评估，也未说明理由", "shall clause {id} is neither assessable nor says why not",
                      "添加 assessment，或用 not_assessable 说明为何不评估。", "Add an assessment, or say why not in not_assessable."),
    "NBS110": Message(E, "{what}的分值为 {declared}，但条款分值之和为 {actual}", "{what_en} declares {declared} points but its clauses add up to {actual}",
                      "", ""),
    "NBS111": Message(E, "未定义的{kind_zh}“{ref}”{suggest}", "unknown {kind} '{ref}'{suggest_en}",
                      "在 guideline.yaml 中定义它，或改用已有的值。", "Define it in guideline.yaml or use an existing one."),
    "NBS112": Message(E, "评分规则不成立：{problem}", "the rating rules do not hold: {problem_en}", "", ""),
    "NBS113": Message(E, "指标定义有误：{problem}", "the indicator contradicts itself: {problem_en}", "", ""),
    "NBS114": Message(E, "章节文件问题：{problem}", "chapter file problem: {problem_en}", "", ""),
    "NBS115": Message(W, "注或示例中出现了要求用语“{word}”", "a note or example states a requirement ('{word}')",
                      "GB/T 1.1 规定注和示例是资料性的，不应包含要求；把要求移到条款正文。",
                      "Under GB/T 1.1 notes and examples are informative: move the requirement into a clause."),
    "NBS116": Message(W, "“{level_zh}”条款还使用了其他程度的助动词“{word}”", "a {level} clause also uses '{word}', a modal verb of another level",
                      "一个条款只表达一种要求程度；必要时拆分为两个条款。", "One clause, one level: split it if needed."),
    "NBS118": Message(E, "分档有误：{problem}", "the grading does not hold: {problem_en}",
                      "各档从高到低排列，阈值在指标的取值范围内，且只用一种比较（at_least 或 at_most）。",
                      "List levels best first, with thresholds inside the indicator's range and one kind of comparison (at_least or at_most)."),
    "NBS119": Message(E, "{type} 类型的指标不能{what}", "a {type} indicator cannot {what_en}",
                      "分档用于数值、百分比和选项指标；相对本底的变化只用于数值和百分比指标。",
                      "Grading applies to number, percentage and choice indicators; a baseline change to numbers and percentages only."),
    "NBS120": Message(E, "核心条款 {ref} {problem}", "core clause {ref} {problem_en}",
                      "核心条款须是指南中存在的可评估条款。", "A core clause must be an assessable clause of the guideline."),
    "NBS121": Message(E, "认定规则引用了未定义的{kind_zh}“{ref}”{suggest}", "the qualification rule names an unknown {kind} '{ref}'{suggest_en}",
                      "维度、档次、对照框架及其条目须在 guideline.yaml 中定义。", "Dimensions, bands, frameworks and their items must be declared in guideline.yaml."),
    "NBS122": Message(E, "未定义的评估阶段“{ref}”{suggest}", "unknown assessment stage '{ref}'{suggest_en}",
                      "评估阶段在 guideline.yaml 的 assessment.stages 中定义。", "Stages are declared under assessment.stages in guideline.yaml."),
    "NBS117": Message(E, "术语{what}“{ref}”重复（第一次出现在 {first}）", "term {what_en} '{ref}' is used twice (first at {first})", "", ""),
    # --- a submission (check) ------------------------------------------------------------------
    "NBS200": Message(E, "{problem}", "{problem_en}", "{fix}", "{fix_en}"),
    "NBS201": Message(E, "指南中没有条款 {ref}{suggest}", "the guideline has no clause {ref}{suggest_en}",
                      "核对条款编号；nbscheck init 生成的模板列出了全部条款。", "Check the id; nbscheck init writes a template with every clause."),
    "NBS202": Message(E, "条款 {ref} 不作评估，不需要答复", "clause {ref} is not assessed and takes no answer",
                      "删除这条答复。", "Remove this answer."),
    "NBS203": Message(E, "缺少“应”条款 {ref} 的答复", "no answer to shall clause {ref}",
                      "每个可评估的“应”条款都要答复；确实不适用时写 status: not_applicable 并说明理由。",
                      "Answer every assessable shall clause; if it truly does not apply, say not_applicable and why."),
    "NBS204": Message(W, "缺少条款 {ref} 的答复，按“不符合”计分", "no answer to clause {ref}; it scores as not met", "", ""),
    "NBS205": Message(E, "条款 {ref} 不允许答“不适用”", "clause {ref} does not allow not_applicable",
                      "每个乡镇都应落实这一条；请如实填写 met、partial 或 not_met。", "Every township must answer this clause: use met, partial or not_met."),
    "NBS206": Message(E, "答“不适用”时应在 justification 中说明理由", "not_applicable needs a justification",
                      "添加 justification: 说明本乡镇为何不适用。", "Add justification: why the clause does not apply here."),
    "NBS207": Message(E, "指标值类型不对：应为{expected}，实际是{found}", "the value has the wrong type: expected {expected_en}, found {found_en}",
                      "{fix}", "{fix_en}"),
    "NBS208": Message(E, "单位应为 {expected_name}（{expected}），实际写的是 {found}", "the unit must be {expected}, not {found_en}",
                      "本条款的指标以{expected_name}计：换算后填写 unit: {expected}{choices}。", "The clause counts in {expected_name_en}: convert the value and write unit: {expected}{choices_en}."),
    "NBS209": Message(E, "指标值 {value} 超出允许范围 {range}", "the value {value} is outside the allowed range {range}", "", ""),
    "NBS210": Message(E, "状态为“{status_zh}”，但指标值 {value} {relation}目标（{target}）", "status is {status}, but the value {value} {relation_en} the target ({target})",
                      "核对数值，或把状态改为与数值一致。", "Check the value, or change the status to agree with it."),
    "NBS211": Message(E, "状态为“{status_zh}”时应填写指标值 value", "a {status} answer needs a value",
                      "填写条款指标要求的数值或选项。", "Give the value the clause's indicator asks for."),
    "NBS212": Message(E, "缺少必需的证据：{kinds}", "required evidence is missing: {kinds_en}",
                      "在 evidence 中为每种证据至少列出一个文件。", "List at least one file of each kind under evidence."),
    "NBS213": Message(E, "证据文件 {file} 不存在{suggest}", "evidence file {file} does not exist{suggest_en}",
                      "路径相对于提交文件所在的文件夹。", "Paths are relative to the submission's folder."),
    "NBS214": Message(E, "证据路径 {file} 不在提交文件所在的文件夹内（{why}）", "evidence path {file} leaves the submission's folder ({why_en})",
                      "把证据文件放在提交文件旁的文件夹中，并使用相对路径。", "Keep evidence next to the submission and use a relative path."),
    "NBS215": Message(E, "证据文件 {file} 的 SHA-256 与填写的不一致", "the SHA-256 of evidence file {file} does not match",
                      "文件可能已被修改；重新计算校验值（sha256sum）。", "The file may have changed: compute it again (sha256sum)."),
    "NBS216": Message(E, "不认识的指南版本 {version}（已知版本：{known}）", "unknown guideline version {version} (known: {known})",
                      "使用已发布的版本号，或升级 nbscheck。", "Use a released version, or upgrade nbscheck."),
    "NBS217": Message(E, "提交文件答的是指南 {found}，不是 {expected}", "the submission answers guideline {found}, not {expected}", "", ""),
    "NBS218": Message(E, "不认识的证据类型 {ref}{suggest}", "unknown evidence kind {ref}{suggest_en}",
                      "可用的证据类型（见指南的附录A）：{kinds}", "The evidence kinds (Annex A of the guideline): {kinds_en}"),
    "NBS219": Message(E, "选项 {value} 不在可选范围内{suggest}", "option {value} is not one of: {ids}{suggest_en}",
                      "可选：{choices}", "The options: {choices_en}"),
    "NBS220": Message(W, "行政区划代码 {division} 的前两位 {prefix} 不是省级代码", "the first two digits {prefix} of division code {division} are not a province code", "", ""),
    "NBS221": Message(E, "评估期有误：{problem}", "the assessment period is wrong: {problem_en}", "", ""),
    "NBS222": Message(N, "所答的指南版本 {version} 是草案，发布前可能变化", "guideline version {version} is a draft and may change before release", "", ""),
    "NBS223": Message(W, "状态为“不符合”，但指标值 {value} 已达到目标（{target}）", "status is not_met, but the value {value} reaches the target ({target})",
                      "如确已达标，可把状态改为 met。", "If the target is truly reached, the status can be met."),
    "NBS224": Message(N, "有更新的指南版本 {latest}；可用 nbscheck migrate 迁移", "a newer guideline version {latest} exists; nbscheck migrate can carry this file to it", "", ""),
    "NBS091": Message(E, "证据文件 {file} 无法读取：{reason}", "evidence file {file} cannot be read: {reason}",
                      "检查文件名和读取权限。", "Check the file's name and that it may be read."),
    "NBS092": Message(E, "证据文件 {file} 有 {size} 字节，超过计算校验值的上限 {limit} 字节", "evidence file {file} is {size} bytes, over the {limit}-byte limit for checksums",
                      "不要为这么大的文件填写 sha256，或把它拆分成较小的文件。", "Leave out the sha256 of so large a file, or split it into smaller files."),
    "NBS093": Message(E, "证据路径 {file} 不是普通文件（是{what}）", "evidence path {file} is not a regular file (it is {what_en})",
                      "证据应是普通文件，不能是文件夹、管道或设备。", "Evidence must be a regular file, not a folder, a pipe or a device."),
    "NBS225": Message(E, "所填状态“{status_zh}”与指标值不符：按分档，值 {value} 应为“{derived_zh}”", "the stated status {status} disagrees with the value: by the grading, {value} is {derived}",
                      "把状态改为按值得出的状态，或删去状态由 nbscheck 推定。", "Change the status to the derived one, or leave it out and let nbscheck derive it."),
    "NBS226": Message(E, "该指标按相对本底的变化评估，须填写本底（baseline 的 value、year 和 evidence）", "this indicator is judged by its change against the baseline: give the baseline (value, year and evidence)",
                      "本底取首次评估（入门认定）时的数值，并附上当时的证据。", "The baseline is the value at the first assessment (entry recognition), with its evidence."),
    "NBS227": Message(E, "本底年份 {year} 晚于评估期（{end}）", "the baseline year {year} is after the assessment period ({end})",
                      "本底应早于或等于本次评估所指的年份。", "A baseline comes before, or in, the period assessed."),
    "NBS228": Message(E, "评估阶段“{ref}”不存在（可用：{known}）", "there is no assessment stage '{ref}' (known: {known})",
                      "stage 写指南定义的阶段之一；不写时评估全部条款。", "Name one of the guideline's stages; without stage every clause is assessed."),
    "NBS229": Message(W, "条款 {clause} 不在“{stage}”阶段评估，该答复不计分", "clause {clause} is not assessed at the {stage} stage; the answer is not scored",
                      "可删去该答复，或在相应阶段提交。", "Remove the answer, or submit it at the stage that assesses it."),
    "NBS260": Message(W, "已填 {filled}/{total} 条答复，尚未填写 {count} 条：{clauses}",
                      "{filled} of {total} answers are filled in; {count} are not yet: {clauses_en}",
                      "尚未填写的条款按“缺少答复”计分{shall_note}。", "Answers not filled in score as missing{shall_note_en}."),
    "NBS261": Message(W, "“{found}”已按 {canon}（{name}）理解", "'{found}' was read as {canon}{name_en}",
                      "请改写为 {key}: {canon}，其他工具只认这个写法。", "Write {key}: {canon}; other tools know only that spelling."),
    "NBS262": Message(E, "状态“{found}”不是可选的状态{suggest}", "status '{found}' is not one of the statuses{suggest_en}",
                      "status 可填：{choices}", "status takes one of: {choices_en}"),
    "NBS263": Message(E, "条款已开始填写，但状态 status 还是空的", "the answer is begun but its status is still empty",
                      "status 可填：{choices}", "status takes one of: {choices_en}"),
    "NBS264": Message(W, "百分数 {value} 看起来像小数比例；是否想写 {percent}？", "the percentage {value} looks like a fraction: did you mean {percent}?",
                      "百分数按 0–100 填写：85% 写作 85。确实不到 1% 时可忽略此提示。", "Percentages run from 0 to 100: 85 % is written 85. Ignore this if it truly is under 1 %."),
    "NBS265": Message(E, "证据路径写在双引号里，其中的反斜杠 \\ 被当作转义符，读出的路径变成了 {file}",
                      "the evidence path is in double quotes, where a backslash \\ starts an escape: it reads as {file}",
                      "改用正斜杠（{forward}），或改用单引号（'{written}'）。", "Use forward slashes ({forward}) or single quotes ('{written}')."),
    "NBS266": Message(E, "证据文件夹 {folder} 不存在（{count} 个证据文件在其中，条款 {clauses}）",
                      "evidence folder {folder} does not exist ({count} evidence files are cited in it, clauses {clauses_en})",
                      "把证据文件夹放在提交文件旁边，或改正路径中的文件夹名；路径相对于提交文件所在的文件夹。",
                      "Put the evidence folder next to the submission or correct the folder name; paths are relative to the submission's folder."),
    # --- versions, diff, migrate ------------------------------------------------------------------
    "NBS301": Message(E, "“{side}”不是已知的指南版本、文件夹或 git 修订{reason}（已知版本：{known}）",
                      "'{side}' is not a known guideline version, a folder or a git revision{reason_en} (known versions: {known})",
                      "版本号如 1.0.0 或 v1.0.0；文件夹中应有 guideline.yaml；git 修订如 HEAD、main、v1.0.0，也可写 修订:路径。",
                      "A version is 1.0.0 or v1.0.0; a folder holds guideline.yaml; a git revision is HEAD, main, v1.0.0, or REV:PATH."),
    "NBS302": Message(E, "无法从 git 修订 {rev} 取出 {folder}：{reason}", "cannot take {folder} from git revision {rev}: {reason}",
                      "确认修订存在（git log {rev}），且该修订中有这个文件夹。", "Check that the revision exists (git log {rev}) and holds that folder."),
    "NBS303": Message(E, "{side} 的指南无法加载：{reason}", "the guideline of {side} cannot be loaded: {reason}",
                      "运行 nbscheck lint 查看详情。", "Run nbscheck lint on it for the details."),
    "NBS304": Message(W, "条款 {id} 写了 previous: {previous}，但 {version} 中没有这个条款",
                      "clause {id} says previous: {previous}, but version {version} has no such clause",
                      "previous 应写该条款在上一发布版本中的编号。", "previous is the clause's id in the previous release."),
    "NBS305": Message(W, "条款 {id} 和条款 {other} 都写了 previous: {previous}", "clauses {id} and {other} both say previous: {previous}",
                      "一个旧条款只能对应一个新条款；拆分条款时，只在保留原意的那一条写 previous。",
                      "An old clause continues as one new clause; when splitting, give previous to the one that keeps its meaning."),
    "NBS306": Message(N, "新增的条款 {new} 与删除的条款 {old} 正文相同，是否漏写了 previous: \"{old}\"？",
                      "added clause {new} has the same text as removed clause {old}: is previous: \"{old}\" missing?",
                      "写上 previous，diff 和 migrate 就会把它当作改号，而不是删除再新增。",
                      "With previous, diff and migrate treat it as renumbered rather than removed and added."),
    "NBS310": Message(N, "条款 {old} 已改号为 {new}，答复的键已随之修改", "clause {old} is now {new}; the answer's key was changed to match", "", ""),
    "NBS311": Message(N, "新条款 {id}：已加入空白答复，请填写", "new clause {id}: a blank answer was added for you to fill in", "", ""),
    "NBS312": Message(N, "条款 {id} 改为“应”条款且尚未答复：已加入空白答复，请填写",
                      "clause {id} is now a shall clause and had no answer: a blank answer was added for you to fill in", "", ""),
    "NBS313": Message(W, "条款 {id} 在 {version} 中已删除：原答复已改为注释保留", "clause {id} was removed in {version}: its answer is kept as a comment",
                      "核对后可删除这段注释。", "Delete the commented-out answer once you have looked at it."),
    "NBS314": Message(W, "条款 {id} 在 {version} 中不再评估：原答复已改为注释保留",
                      "clause {id} is no longer assessed in {version}: its answer is kept as a comment",
                      "核对后可删除这段注释。", "Delete the commented-out answer once you have looked at it."),
    "NBS315": Message(W, "条款 {id} 的答复需要核对：{what}", "the answer to clause {id} needs checking: {what_en}",
                      "文件中该答复上方加了一行说明；核对并修改后删除它。", "A comment above the answer says what changed; check it, then delete the comment."),
    "NBS316": Message(N, "所答的指南版本已从 {old} 改为 {new}", "the guideline version answered was changed from {old} to {new}", "", ""),
    "NBS317": Message(E, "提交文件没有写明所答的指南版本（guideline: version），无法确定从哪个版本迁移",
                      "the submission does not say which guideline version it answers (guideline: version), so there is nothing to migrate from", "", ""),
    "NBS318": Message(E, "目标版本 {version} 不是已知的指南版本（已知版本：{known}）", "target version {version} is not a known guideline version (known: {known})", "", ""),
    "NBS319": Message(E, "不能从 {old} 迁移到更早的版本 {new}", "cannot migrate from {old} back to the older version {new}", "", ""),
    "NBS320": Message(N, "提交文件已经答的是 {version}，无需迁移", "the submission already answers {version}; there is nothing to migrate", "", ""),
    "NBS321": Message(E, "{file} 已存在；nbscheck migrate 不会覆盖它", "{file} exists; nbscheck migrate will not overwrite it",
                      "用 -o 指定另一个文件名，或删除那个文件；要直接修改原文件，用 --in-place。",
                      "Choose another name with -o or remove that file; to change the input itself, use --in-place."),
    "NBS322": Message(E, "输出文件就是输入文件 {file}", "the output file is the input file {file}",
                      "要直接修改原文件，请用 --in-place。", "To change the input itself, use --in-place."),
    "NBS323": Message(E, "--in-place 与 -o 不能同时使用", "--in-place and -o cannot be used together", "", ""),
    "NBS324": Message(E, "迁移后条款 {id} 会有两条答复（原来的 {first} 和 {second}）",
                      "after migration clause {id} would be answered twice (by {first} and {second})",
                      "先删除或合并其中一条，再迁移。", "Remove or merge one of them, then migrate."),
    "NBS325": Message(W, "答复的键 {ref} 不是 {version} 中须评估的条款，原样保留", "answer key {ref} is not an assessed clause of {version}; it was left as it is", "", ""),
    "NBS326": Message(E, "迁移失败：{problem}", "migration failed: {problem_en}", "", ""),
    "NBS327": Message(N, "已写入 {file}", "written to {file}", "", ""),
    "NBS330": Message(W, "两份文件的乡镇代码不同（{old_file} 是 {old}，这里是 {new}），比较的可能不是同一个乡镇",
                      "the two files give different township codes ({old_file} has {old}, this one {new}); they may not be the same township",
                      "compare 用于同一乡镇的两份自评估，例如两年的提交文件。",
                      "compare is meant for two self-assessments of one township, such as two years' files."),
    "NBS331": Message(E, "两份文件答的是不同的指南（{old} 和 {new}），无法逐条比较",
                      "the two files answer different guidelines ({old} and {new}); they cannot be compared clause by clause",
                      "只能比较答同一份指南（不同版本均可）的提交文件。",
                      "Only submissions answering the same guideline (any versions of it) can be compared."),
    # --- configuration (NBS4xx: the config file and the options that choose what is reported) --
    "NBS400": Message(E, "配置文件不是有效的 TOML：{problem}", "the config file is not valid TOML: {problem}",
                      "检查这一行的引号、等号和方括号。", "Check the quotes, the equals sign and the brackets on this line."),
    "NBS401": Message(E, "不认识的配置项“{key}”{suggest}", "unknown setting '{key}'{suggest_en}",
                      "可用的配置项：ignore、select、severity、lang。", "The settings are ignore, select, severity and lang."),
    "NBS402": Message(E, "不认识的检查代码 {given}{suggest}", "unknown finding code {given}{suggest_en}",
                      "代码形如 NBS204，也可以写前缀，如 NBS2。", "A code looks like NBS204; a prefix such as NBS2 also works."),
    "NBS403": Message(E, "“{key}”的值应是：{expected}", "the value of '{key}' must be {expected_en}", "", ""),
    "NBS404": Message(E, "证据文件 {file} 在磁盘上，但没有加入 git（不会随这次提交一起提交）",
                      "evidence file {file} is on disk but not in git, so this commit would not hold it",
                      "用 git add 把它加入这次提交；提交文件引用的证据必须一起提交。",
                      "git add it to this commit: the evidence a submission cites must be committed with it."),
    "NBS410": Message(E, "乡镇信息还有 {count} 项未填写：{fields}",
                      "{count} fields of the township's details are not filled in yet: {fields_en}",
                      "这些是提交文件的封面信息，递交前须填好；条款答复可以逐步填写。",
                      "These are the submission's cover details and must be filled in before it is handed in; "
                      "answers can be filled in over time."),
    # --- outcome reasons (rendered in reports, not findings) ------------------------------------
    "NBS250": Message(N, "提交文件有 {errors} 个错误，需改正后才能认定", "the submission has {errors} errors to fix before it can qualify", "", ""),
    "NBS251": Message(N, "总得分率 {percent}% 低于认定要求的 {min}%", "the overall score {percent}% is below the required {min}%", "", ""),
    "NBS252": Message(N, "维度“{name}”得分率 {percent}%，档次“{band}”低于要求的“{required}”",
                      "dimension '{name_en}' scores {percent}% ({band_en}), below the required {required_en}", "", ""),
    "NBS253": Message(N, "以下“应”条款未达到“符合”：{clauses}", "these shall clauses are not met: {clauses}", "", ""),
    "NBS254": Message(N, "以下核心条款未达到“符合”：{clauses}", "these core clauses are not met: {clauses}", "", ""),
    "NBS255": Message(N, "维度“{name}”有 {percent}% 的分值答“不适用”，超过上限 {max}%", "dimension '{name_en}' has {percent}% of its points not applicable, more than the allowed {max}%", "", ""),
    "NBS256": Message(N, "{framework}“{name}”得分率 {percent}%，档次“{band}”低于要求的“{required}”",
                      "{framework_en} '{name_en}' scores {percent}% ({band_en}), below the required {required_en}", "", ""),
}


class _Safe(dict):
    def __missing__(self, key: str) -> str:
        return ""


def default_severity(code: str) -> Severity:
    return CATALOG[code].severity


def render(code: str, lang: str, args: Mapping[str, Any]) -> str:
    m = CATALOG[code]
    template = m.en if lang == "en" else m.zh
    return template.format_map(_Safe(args))


def render_hint(code: str, lang: str, args: Mapping[str, Any]) -> str:
    m = CATALOG[code]
    template = m.hint_en if lang == "en" else m.hint_zh
    return template.format_map(_Safe(args))
