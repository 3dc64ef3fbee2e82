"""``nbscheck init``: a blank submission with every assessable clause, explained in YAML comments.

Written as text rather than dumped, so the comments sit exactly where a township official needs
them: above each answer, the clause's text, level, indicator, target, unit and required evidence.
"""

from __future__ import annotations

from .blank import blank_lines, quoted
from .template_outcomes import stage_lines
from .addresses import schema_id
from .types import Guideline

_HEAD = {
    "zh": """{editor}
# ↑ 第一行供编辑器（VS Code 的 YAML 扩展等）读取，据此补全和检查本文件；请保留在第一行。
# {title}（{version}）自评估提交文件
# 由 nbscheck init 生成。逐条填写 status（met 符合 / partial 部分符合 / not_met 不符合 /
# not_applicable 不适用，须在 justification 说明理由）、value（指标值）和 evidence（证据文件，
# 路径相对于本文件所在的文件夹）。乡镇信息、评估期和联系人须填好；留空的答复算作“尚未填写”，不算错误。
# 填写后运行：nbscheck {filename}
""",
    "en": """{editor}
# ^ Editors (VS Code's YAML extension and others) read the first line to complete and check this file: keep it first.
# {title} ({version}): self-assessment submission
# Written by nbscheck init. For each clause fill in status (met / partial / not_met /
# not_applicable, the last with a justification), value (the indicator's value) and evidence
# (files, relative to this file's folder). The township, period and contact must be filled in; an
# answer left blank counts as not answered yet, not as a mistake. Then run: nbscheck {filename}
""",
}


def editor_line(g: Guideline) -> str:
    """yaml-language-server's modeline: read only when the comment starts with it, on a line of its
    own; the template puts it first, where every editor and the language server look for it."""
    return f"# yaml-language-server: $schema={schema_id(g)}"


def blank_submission(g: Guideline, lang: str = "zh", filename: str = "submission.yaml") -> str:
    """The whole blank submission for ``g``, every assessable clause in reading order under its chapter."""
    out = [_HEAD[lang].format(title=g.title.get(lang), version=g.version, filename=filename, editor=editor_line(g))]
    out += [
        "guideline:",
        f"  id: {g.id}",
        f"  version: {quoted(g.version)}",
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
        *stage_lines(g, lang),
        "answers:",
    ]
    for ch in g.chapters:
        items = [c for c in ch.clauses if c.assessment is not None]
        if not items:
            continue
        out.append(f"  # ===== {ch.heading(lang)} =====")
        for c in items:
            out += blank_lines(g, c, lang)
    return "\n".join(out) + "\n"
