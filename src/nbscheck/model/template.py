"""``nbscheck init``: a blank submission with every assessable clause, explained in YAML comments.

Written as text rather than dumped, so the comments sit exactly where a township official needs
them: above each answer, the clause's text, level, indicator, target, unit and required evidence.
"""

from __future__ import annotations

import json

from .indicators import target_text
from ..vocabulary import level_zh
from .types import Guideline

_HEAD = {
    "zh": """# {title}（{version}）自评估提交文件
# 由 nbscheck init 生成。逐条填写 status（met 符合 / partial 部分符合 / not_met 不符合 /
# not_applicable 不适用，须在 justification 说明理由）、value（指标值）和 evidence（证据文件，
# 路径相对于本文件所在的文件夹）。填写后运行：nbscheck {filename}
# 编辑器（VS Code 的 YAML 扩展等）读取下一行，据此补全和检查：
{editor}
""",
    "en": """# {title} ({version}): self-assessment submission
# Written by nbscheck init. For each clause fill in status (met / partial / not_met /
# not_applicable, the last with a justification), value (the indicator's value) and evidence
# (files, relative to this file's folder). Then run: nbscheck {filename}
# Editors (VS Code's YAML extension and others) read the next line to complete and check this file:
{editor}
""",
}

_LABELS = {
    "zh": {"indicator": "指标", "target": "目标", "unit": "单位", "choices": "选项", "evidence": "证据",
           "points": "分值", "dimension": "维度", "no_na": "不允许答“不适用”", "type": "类型",
           "types": {"boolean": "是/否 (true/false)", "number": "数值", "percentage": "百分数 0–100",
                     "choice": "选项", "text": "文本"}},
    "en": {"indicator": "Indicator", "target": "Target", "unit": "Unit", "choices": "Options", "evidence": "Evidence",
           "points": "Points", "dimension": "Dimension", "no_na": "not_applicable is not allowed", "type": "Type",
           "types": {"boolean": "yes/no (true/false)", "number": "number", "percentage": "percentage 0-100",
                     "choice": "one option", "text": "text"}},
}


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def editor_line(g: Guideline) -> str:
    """yaml-language-server's modeline: read only when the comment starts with it, on a line of its own."""
    from .addresses import schema_id

    return f"# yaml-language-server: $schema={schema_id(g)}"


def blank_submission(g: Guideline, lang: str = "zh", filename: str = "submission.yaml") -> str:
    lab = _LABELS[lang]
    out = [_HEAD[lang].format(title=g.title.get(lang), version=g.version, filename=filename, editor=editor_line(g))]
    out += [
        "guideline:",
        f"  id: {g.id}",
        f"  version: {_q(g.version)}",
        "township:",
        "  name: {zh: \"\", en: \"\"}      # 乡镇名称 / township name",
        "  code: \"\"                     # 9位乡级行政区划代码 / 9-digit division code",
        "  county: {zh: \"\", en: \"\"}",
        "  province: {zh: \"\", en: \"\"}",
        "period:                        # 评估期 / assessment period",
        "  start: \"\"                    # YYYY-MM-DD",
        "  end: \"\"",
        "contact:",
        "  name: \"\"",
        "  phone: \"\"",
        "  email: \"\"",
        "answers:",
    ]
    for ch in g.chapters:
        items = [c for c in ch.clauses if c.assessment is not None]
        if not items:
            continue
        out.append(f"  # ===== {ch.heading(lang)} =====")
        for c in items:
            a = c.assessment
            assert a is not None
            ind = a.indicator
            level = f"{level_zh(c.level)}/{c.level}"
            out.append(f"  # {c.id} [{level}] {c.text.get(lang)}")
            line = f"  #   {lab['indicator']}: {ind.name.get(lang)}; {lab['type']}: {lab['types'][ind.type]}"
            if ind.unit:
                unit = g.units.get(ind.unit)
                line += f"; {lab['unit']}: {ind.unit}" + (f" ({unit.get(lang)})" if unit else "")
            out.append(line)
            out.append(f"  #   {lab['target']}: {target_text(ind)}")
            if ind.choices:
                out.append(f"  #   {lab['choices']}: " + ", ".join(f"{x.id} ({x.name.get(lang)})" for x in ind.choices))
            kinds = ", ".join(f"{k} ({(g.evidence_kind(k).name.get(lang) if g.evidence_kind(k) else k)})" for k in a.evidence)
            dim = g.dimension(a.dimension)
            extra = f"; {lab['no_na']}" if not a.not_applicable else ""
            out.append(f"  #   {lab['evidence']}: {kinds or '-'}; {lab['points']}: {a.points}; "
                       f"{lab['dimension']}: {dim.name.get(lang) if dim else a.dimension}{extra}")
            out.append(f"  {_q(c.id)}:")
            out.append("    status:          # met | partial | not_met | not_applicable")
            out.append("    value:")
            if a.evidence:
                out.append("    evidence:")
                for k in a.evidence:
                    out.append(f"      - {{path: \"\", kind: {k}, description: \"\"}}")
            else:
                out.append("    evidence: []")
            out.append("    note: \"\"")
    return "\n".join(out) + "\n"
