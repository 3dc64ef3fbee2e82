"""The bilingual words nbscheck's own code needs, in one place.

Only words that belong to the tool or to the drafting rules live here: the languages, and the
GB/T 1.1 provision levels with their Chinese names. Words that a guideline defines (status names,
units, evidence kinds, dimensions, bands) are read from that guideline's data and never written again
in code, so a guideline can rename them without a release of nbscheck.
"""

from __future__ import annotations

from dataclasses import dataclass

LANGS: tuple[str, ...] = ("zh", "en")
"""Every language nbscheck speaks; Chinese first, and the default."""


@dataclass(frozen=True)
class Word:
    """One word or phrase in both languages."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


LANGUAGE: dict[str, Word] = {"zh": Word("中文", "Chinese"), "en": Word("英文", "English")}
"""The name of each language, as said in Chinese and in English."""

LEVEL: dict[str, Word] = {
    "shall": Word("应", "shall"),
    "should": Word("宜", "should"),
    "may": Word("可", "may"),
    "statement": Word("陈述", "statement"),
}
"""GB/T 1.1-2020 provision levels: the modal verb that names each (a statement has none)."""


def level_zh(level: str) -> str:
    """The Chinese name of a level (``shall`` -> 应); an unknown level is shown as it is."""
    w = LEVEL.get(level)
    return w.zh if w else level
