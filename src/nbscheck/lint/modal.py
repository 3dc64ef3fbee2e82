"""Which GB/T 1.1 modal verbs a text uses, in Chinese and in English.

GB/T 1.1-2020 Annex C ties each provision type to its verbs: requirement 应/不应 (shall / shall not),
recommendation 宜/不宜 (should / should not), permission 可/不必 (may / need not). In Chinese the same
characters also sit inside ordinary words (应用, 适应, 适宜, 因地制宜, 可持续 ...), which are removed
before looking, so "因地制宜地应用" is not taken for a recommendation.
"""

from __future__ import annotations

import re

# Words whose 应 / 宜 / 可 is not a modal verb. Longest first so that 尽可能 wins over 可能.
_ZH_WORDS = sorted("""
应用 适应 响应 对应 供应 效应 相应 应急 应对 顺应 反应 感应 呼应 回应 答应 因应 应变 应季 理应
适宜 因地制宜 事宜 宜居 便宜 相宜 权宜 宜人
可持续 可能 尽可能 可行 可靠 认可 许可 可达 可再生 可视 可见 可控 可追溯 可比 可用 可信 可量化 可操作
可及 可降解 可回收 可是 可观 可喜 宁可 不可或缺 可知 可查 可核查 可测 可达性 可复制 可推广 可评估 可核算 可计量 可获取 可访问 可下载
""".split(), key=len, reverse=True)
_ZH_STRIP = re.compile("|".join(map(re.escape, _ZH_WORDS)))
_ZH_VERBS = {"shall": re.compile("应"), "should": re.compile("宜"), "may": re.compile("不必|可")}
_EN_VERBS = {"shall": re.compile(r"\bshall\b", re.I), "should": re.compile(r"\bshould\b", re.I),
             "may": re.compile(r"\bmay\b|\bneed not\b", re.I)}

ZH_EXPECTED = {"shall": "“应”或“不应”", "should": "“宜”或“不宜”", "may": "“可”或“不必”"}
ZH_EXPECTED_EN = {"shall": "应 or 不应", "should": "宜 or 不宜", "may": "可 or 不必"}
EN_EXPECTED = {"shall": "'shall' or 'shall not'", "should": "'should' or 'should not'", "may": "'may' or 'need not'"}
ZH_WORD = {"shall": "应", "should": "宜", "may": "可"}
EN_WORD = {"shall": "shall", "should": "should", "may": "may"}


def zh_levels(text: str) -> list[str]:
    """Levels whose Chinese modal verb occurs in ``text``, in the order shall, should, may."""
    bare = _ZH_STRIP.sub("", text)
    return [lvl for lvl, rx in _ZH_VERBS.items() if rx.search(bare)]


def en_levels(text: str) -> list[str]:
    return [lvl for lvl, rx in _EN_VERBS.items() if rx.search(text)]


def requirement_word(zh: str, en: str) -> str | None:
    """The first requirement or recommendation wording in a text that should hold none (a note)."""
    for lvl in zh_levels(zh):
        if lvl in ("shall", "should"):
            return ZH_WORD[lvl]
    for lvl in en_levels(en):
        if lvl in ("shall", "should"):
            return EN_WORD[lvl]
    return None
