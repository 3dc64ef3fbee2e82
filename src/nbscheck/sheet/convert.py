"""``nbscheck convert``: a submission from YAML to a workbook and back, losing nothing the format holds.

YAML -> xlsx fills the template (:mod:`.write`) with the answers; xlsx -> YAML reads the workbook
(:mod:`.read`) and writes its data as plain YAML. Whatever a workbook cannot hold (a list where a
value belongs, a key the format does not have) is reported, and nothing is written.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from ..findings import Finding, Position, make, pointer
from ..model.types import Guideline
from .layout import ANSWER_FIELDS, EVIDENCE_FIELDS, INFO_FIELDS

CODES: tuple[str, ...] = ("NBS067",)
"""The finding codes this module raises (see :mod:`nbscheck.registry`)."""

_WHY = {"key": ("提交文件格式中没有这个键", "the submission format has no such key"),
        "shape": ("这里应是单个值", "a single value belongs here"),
        "answer": ("答复应是映射（status、value……）", "an answer must be a mapping (status, value, ...)"),
        "list": ("evidence 应是列表", "evidence must be a list of files")}


def unplaceable(data: Mapping[str, Any], where) -> list[Finding]:
    """Everything in ``data`` a workbook has no cell for, each a finding at its place in the YAML file."""
    out: list[Finding] = []

    def lost(path: list[Any], why: str, key: bool = False) -> None:
        out.append(make("NBS067", where(path, key=key), path=pointer(path), why=_WHY[why][0], why_en=_WHY[why][1]))

    sections = {f.path[0]: set() for f in INFO_FIELDS}
    for f in INFO_FIELDS:
        if len(f.path) > 1:
            sections[f.path[0]].add(f.path[1])
    bilingual = {f.path for f in INFO_FIELDS if f.kind == "bilingual"}
    for top, v in data.items():
        if top == "answers":
            continue
        if top not in sections:
            lost([top], "key", True)
        elif not sections[top]:
            if isinstance(v, (dict, list)):
                lost([top], "shape")
        elif not isinstance(v, dict):
            lost([top], "shape")
        else:
            for k, x in v.items():
                if k not in sections[top]:
                    lost([top, k], "key", True)
                elif (top, k) in bilingual and isinstance(x, dict):
                    for lang, t in x.items():
                        if lang not in ("zh", "en"):
                            lost([top, k, lang], "key", True)
                        elif isinstance(t, (dict, list)):
                            lost([top, k, lang], "shape")
                elif isinstance(x, (dict, list)):
                    lost([top, k], "shape")
    answers = data.get("answers")
    if "answers" in data and not isinstance(answers, dict):
        lost(["answers"], "shape")
    for cid, ans in (answers or {}).items() if isinstance(answers, dict) else ():
        if not isinstance(ans, dict):
            lost(["answers", cid], "answer")
            continue
        for k, x in ans.items():
            at = ["answers", cid, k]
            if k not in ANSWER_FIELDS:
                lost(at, "key", True)
            elif k == "evidence":
                if not isinstance(x, list):
                    lost(at, "list")
                    continue
                for i, e in enumerate(x):
                    if not isinstance(e, dict):
                        lost(at + [i], "shape")
                        continue
                    for ek, ex in e.items():
                        if ek not in EVIDENCE_FIELDS:
                            lost(at + [i, ek], "key", True)
                        elif isinstance(ex, (dict, list)):
                            lost(at + [i, ek], "shape")
            elif isinstance(x, (dict, list)):
                lost(at, "shape")
    return out


def _scalar(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    return json.dumps(str(v), ensure_ascii=False)  # a JSON string is a YAML string: nothing is re-typed


def to_yaml(data: Mapping[str, Any], source: str, g: Guideline | None = None) -> str:
    """The data of a workbook as a YAML submission, in the order and shape of ``nbscheck init``'s."""
    out = [f"# 由 nbscheck convert 从 {source} 转换 / converted from {source} by nbscheck convert"]
    if g is not None:
        from ..model.addresses import schema_id

        out.append(f"# yaml-language-server: $schema={schema_id(g)}")
    for top, v in data.items():
        if top == "answers":
            continue
        if isinstance(v, dict):
            out.append(f"{top}:")
            for k, x in v.items():
                if isinstance(x, dict):
                    out.append(f"  {k}: {{" + ", ".join(f"{a}: {_scalar(b)}" for a, b in x.items()) + "}")
                else:
                    out.append(f"  {k}: {_scalar(x)}")
        else:
            out.append(f"{top}: {_scalar(v)}")
    answers = data.get("answers")
    if isinstance(answers, dict):
        out.append("answers:" if answers else "answers: {}")
        for cid, ans in answers.items():
            out.append(f"  {_scalar(cid)}:")
            for k, x in ans.items():
                if k == "evidence":
                    out.append("    evidence:")
                    for e in x:
                        first = True
                        for ek, ex in e.items():
                            out.append(f"      {'- ' if first else '  '}{ek}: {_scalar(ex)}")
                            first = False
                else:
                    out.append(f"    {k}: {_scalar(x)}")
    return "\n".join(out) + "\n"


def where_nothing(name: str):
    """A ``where`` for data with no positions (every finding names just the file)."""
    return lambda path, key=False: Position(name)
