"""A value's place in a file said in words, for people who have never seen a JSON path.

``/answers/5.5.2/evidence/0/path`` means nothing to a township clerk; "条款 5.5.2 的第 1 个证据的
path" / "the path of evidence 1 of clause 5.5.2" does. The key itself stays in the sentence (the
reader has to find it in the file), followed by what it is in plain words where it has a name.
"""

from __future__ import annotations

from typing import Any, Sequence

# What the keys of a submission (and of the guideline files) are, in Chinese and English.
_SECTIONS = {
    "guideline": ("所答的指南", "the guideline answered"),
    "township": ("乡镇信息", "the township"),
    "period": ("评估期", "the assessment period"),
    "contact": ("联系人", "the contact"),
    "submitted": ("提交日期", "the date submitted"),
    "answers": ("答复", "the answers"),
}
_KEYS = {
    "name": ("名称", "name"), "code": ("行政区划代码", "division code"), "county": ("所在县", "county"),
    "province": ("所在省", "province"), "start": ("开始日期", "start date"), "end": ("结束日期", "end date"),
    "zh": ("中文", "Chinese"), "en": ("英文", "English"), "version": ("版本号", "version"), "id": ("编号", "id"),
    "phone": ("电话", "phone"), "email": ("电子邮箱", "e-mail"), "role": ("职务", "role"),
    "status": ("状态", "status"), "value": ("指标值", "value"), "unit": ("单位", "unit"),
    "evidence": ("证据", "evidence"), "justification": ("理由", "justification"), "note": ("备注", "note"),
    "path": ("文件路径", "file path"), "kind": ("证据类型", "evidence kind"), "sha256": ("校验值", "checksum"),
    "description": ("说明", "description"),
}


def _key(k: Any) -> tuple[str, str]:
    zh, en = _KEYS.get(str(k), ("", ""))
    return (f"{k}（{zh}）" if zh else str(k), f"{k} ({en})" if en and en != str(k) else str(k))


def path_words(path: Sequence[Any]) -> tuple[str, str]:
    """``path`` (keys and list indexes) as a Chinese and an English phrase; the top level when empty."""
    p = list(path)
    if not p:
        return ("顶层", "the top level")
    if p[0] == "answers" and len(p) >= 2:
        return _answer_words(str(p[1]), p[2:])
    head = str(p[0])
    zh, en = _SECTIONS.get(head, (head, head))
    zh = f"{zh}（{head}）" if head in _SECTIONS and head != "answers" else zh
    for k in p[1:]:
        if isinstance(k, int):
            zh, en = f"{zh}的第 {k + 1} 项", f"item {k + 1} of {en}"
        else:
            kz, ke = _key(k)
            zh, en = f"{zh}的 {kz}", f"the {ke} of {en}"
    return zh, en


def _answer_words(cid: str, rest: list[Any]) -> tuple[str, str]:
    zh, en = f"条款 {cid} 的答复", f"the answer to clause {cid}"
    if not rest:
        return zh, en
    zh, en = f"条款 {cid}", f"clause {cid}"
    if rest[0] == "evidence" and len(rest) >= 2 and isinstance(rest[1], int):
        zh, en = f"{zh} 的第 {rest[1] + 1} 个证据", f"evidence {rest[1] + 1} of {en}"
        rest = rest[2:]
        if not rest:
            return zh, en
    for k in rest:
        sep = "" if "\u4e00" <= zh[-1] <= "\u9fff" else " "
        if isinstance(k, int):
            zh, en = f"{zh}{sep}的第 {k + 1} 项", f"item {k + 1} of {en}"
        else:
            zh, en = f"{zh}{sep}的 {k}", f"the {k} of {en}"
    return zh, en


CHINESE_KEYS = {"状态": "status", "指标值": "value", "数值": "value", "值": "value", "单位": "unit", "证据": "evidence",
                "理由": "justification", "说明": "note", "备注": "note", "路径": "path", "文件": "path",
                "类型": "kind", "证据类型": "kind", "名称": "name", "代码": "code", "开始": "start", "结束": "end"}
"""A key written as its Chinese name, and the key it names (for "是否想写 …")."""
