"""What each finding code is, in words that stand without a finding: for rule lists and code pages.

A catalog message is a template (``the guideline has no clause {ref}{suggest}``); SARIF rules, the
site's page per code and ``--help``-style lists need it without the finding's arguments. Each
placeholder becomes an ellipsis, suggestions (``; did you mean ...``) drop out, and a message that is
nothing but a placeholder takes the title of its range. Every page lives at :func:`help_url`.
"""

from __future__ import annotations

import re

from .messages import CATALOG
from .resources import site_url

SITE_URL = site_url()
"""Where the project's site is published: ``site_url`` of ``mkdocs.yml`` (:func:`nbscheck.resources.site_url`)."""

CODES_DIR = "codes"
"""The site folder holding one page per finding code (``codes/NBS210/``)."""

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_DROPPED = ("suggest", "guess")  # the optional tails of a message, empty when there is nothing to add
_RANGE_TITLES = {
    "0": ("读取文件时的问题", "a problem reading the file"),
    "1": ("指南不符合其格式", "the guideline does not follow its format"),
    "2": ("提交文件不符合其格式", "the submission does not follow its format"),
    "3": ("版本、比较或迁移中的问题", "a problem with versions, a comparison or a migration"),
    "4": ("配置或选项中的问题", "a problem with the configuration or the options"),
}


def _strip(template: str) -> str:
    def one(m: re.Match) -> str:
        return "" if m.group(1).startswith(_DROPPED) else "…"

    return _PLACEHOLDER.sub(one, template).strip()


def title(code: str, lang: str) -> str:
    """The message of ``code`` without its arguments: ``the guideline has no clause …``."""
    m = CATALOG[code]
    text = _strip(m.en if lang == "en" else m.zh)
    if not text.strip("… "):
        zh, en = _RANGE_TITLES[code[3]]
        text = en if lang == "en" else zh
    return text


def hint(code: str, lang: str) -> str:
    """The hint of ``code`` without its arguments ('' when it has none)."""
    m = CATALOG[code]
    return _strip(m.hint_en if lang == "en" else m.hint_zh)


def description(code: str, lang: str) -> str:
    """Title, severity and hint in one paragraph: SARIF's ``fullDescription``."""
    sev = CATALOG[code].severity.value
    level = {"error": ("错误", "an error"), "warning": ("警告", "a warning"), "note": ("提示", "a note")}[sev]
    h = hint(code, lang)
    t = title(code, lang)
    if lang == "en":
        return f"{code} ({level[1]}): {t}" + ("" if t.endswith(".") else ".") + (f" {h}" if h else "")
    return f"{code}（{level[0]}）：{t}" + ("" if t.endswith("。") else "。") + h


def page_path(code: str, lang: str) -> str:
    """The site's page for ``code``, relative to the site root of ``lang``."""
    return f"{CODES_DIR}/{code}/"


def help_url(code: str, lang: str) -> str:
    """The published page for ``code``: Chinese at the root, English under ``en/``."""
    return SITE_URL + ("en/" if lang == "en" else "") + page_path(code, lang)
