"""The site's page per finding code (``codes/NBS210/``), where SARIF's ``helpUri`` points.

Generated from the message catalog, so a new code has its page without anyone writing one; the
index lists every code by range. The MkDocs plugin adds these pages next to the guideline's.
"""

from __future__ import annotations

from ..codes import CODES_DIR, hint, title
from ..messages import CATALOG

INDEX = f"{CODES_DIR}/index.md"

_RANGES = (
    ("0", "读取文件", "Reading a file"),
    ("1", "指南（nbscheck lint）", "The guideline (nbscheck lint)"),
    ("2", "提交文件（nbscheck check）", "A submission (nbscheck check)"),
    ("3", "版本、比较和迁移", "Versions, diffs and migration"),
    ("4", "配置文件、选项和提交前检查", "The config file, options and pre-commit"),
)
_LEVEL = {"error": ("错误", "error"), "warning": ("警告", "warning"), "note": ("提示", "note")}
_WORDS = {
    "zh": {"index": "检查代码", "level": "级别", "message": "消息", "hint": "怎么办", "none": "（无）",
           "back": "全部检查代码", "intro": "nbscheck 的每条消息都带有一个不变的代码。点击代码查看说明。",
           "ignore": "在配置文件中用 `ignore = [\"{code}\"]` 可以不报告这一代码；"
                     "用 `[tool.nbscheck.severity]` 可以改变它的级别（见“运行 nbscheck”）。"},
    "en": {"index": "Finding codes", "level": "Severity", "message": "Message", "hint": "What to do", "none": "(none)",
           "back": "All finding codes", "intro": "Every nbscheck message carries a code that never changes. Choose one to read about it.",
           "ignore": "`ignore = [\"{code}\"]` in the config file stops reporting this code; "
                     "`[tool.nbscheck.severity]` changes its severity (see \"Running nbscheck\")."},
}


def _page(code: str, lang: str) -> str:
    w = _WORDS[lang]
    m = CATALOG[code]
    level = _LEVEL[m.severity.value][lang == "en"]
    h = hint(code, lang) or w["none"]
    return (f"# {code}\n\n**{title(code, lang)}**\n\n"
            f"| | |\n|---|---|\n| {w['level']} | {level} |\n| {w['message']} | {_cell(m.en if lang == 'en' else m.zh)} |\n\n"
            f"## {w['hint']}\n\n{h}\n\n{w['ignore'].format(code=code)}\n\n[{w['back']}](index.md)\n")


def _cell(template: str) -> str:
    return "`" + template.replace("`", "'").replace("|", "\\|") + "`"


def _index(lang: str) -> str:
    w = _WORDS[lang]
    out = [f"# {w['index']}\n", w["intro"] + "\n"]
    for digit, zh, en in _RANGES:
        codes = [c for c in CATALOG if c[3] == digit]
        if not codes:
            continue
        out.append(f"## NBS{digit}xx {en if lang == 'en' else zh}\n")
        out += [f"- [{c}]({c}.md) {title(c, lang)}" for c in codes]
        out.append("")
    return "\n".join(out) + "\n"


def pages(lang: str) -> dict[str, str]:
    """Every code page of ``lang`` and the index, keyed by their path in docs/."""
    out = {INDEX: _index(lang)}
    out.update({f"{CODES_DIR}/{code}.md": _page(code, lang) for code in CATALOG})
    return out
