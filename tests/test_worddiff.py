"""The word-level diff: jieba words for Chinese, words and punctuation for English, exact output."""

from __future__ import annotations

from nbscheck.change.worddiff import diff_words, only_punctuation, render_html, render_text, tokenize


def test_chinese_is_split_into_dictionary_words():
    assert tokenize("乡镇应恢复退化湿地。") == ["乡镇", "应", "恢复", "退化", "湿地", "。"]
    assert tokenize("新增绿化宜优先选用本地物种。") == ["新增", "绿化", "宜", "优先", "选用", "本地", "物种", "。"]


def test_mixed_text_keeps_numbers_units_and_latin_words_whole():
    text = "乡镇应在2025年前完成90%的NbS项目，面积不小于3.5 ha。"
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert tokens == ["乡镇", "应", "在", "2025", "年前", "完成", "90", "%", "的", "NbS", "项目", "，",
                      "面积", "不", "小于", "3.5", " ", "ha", "。"]


def test_english_tokens_are_words_spaces_and_punctuation():
    assert tokenize("The township's plan, e.g. v1.2") == [
        "The", " ", "township's", " ", "plan", ",", " ", "e.g", ".", " ", "v1.2"]


def test_a_reworded_chinese_clause_diffs_by_word_not_by_character():
    ops = diff_words("乡镇应恢复退化湿地。", "乡镇应修复退化的湿地和河滩。")
    assert ops == [("equal", "乡镇应"), ("delete", "恢复"), ("insert", "修复"), ("equal", "退化"),
                   ("insert", "的"), ("equal", "湿地"), ("insert", "和河滩"), ("equal", "。")]
    assert render_text(ops) == "乡镇应[-恢复-]{+修复+}退化{+的+}湿地{+和河滩+}。"
    assert render_html(ops) == "乡镇应<del>恢复</del><ins>修复</ins>退化<ins>的</ins>湿地<ins>和河滩</ins>。"


def test_numbers_in_chinese_text_change_alone():
    ops = diff_words("乡镇应在2025年前完成90%的调查。", "乡镇应在2026年前完成95%的调查。")
    assert render_text(ops) == "乡镇应在[-2025-]{+2026+}年前完成[-90-]{+95+}%的调查。"


def test_a_space_between_two_changes_is_folded_into_one_phrase():
    ops = diff_words("The quick brown fox", "The slow red fox")
    assert ops == [("equal", "The "), ("delete", "quick brown"), ("insert", "slow red"), ("equal", " fox")]


def test_punctuation_only_changes_are_recognised():
    ops = diff_words("乡镇应因地制宜地应用基于自然的解决方案。", "乡镇应因地制宜地应用“基于自然的解决方案”。")
    assert render_text(ops) == "乡镇应因地制宜地应用{+“+}基于自然的解决方案{+”+}。"
    assert only_punctuation(ops)
    assert not only_punctuation(diff_words("本地物种", "乡土物种"))
    assert not only_punctuation(diff_words("同样", "同样"))


def test_identical_and_empty_texts():
    assert diff_words("同样的文字", "同样的文字") == [("equal", "同样的文字")]
    assert diff_words("", "新增的注") == [("insert", "新增的注")]
    assert diff_words("删去的注", "") == [("delete", "删去的注")]


def test_html_output_escapes_markup_and_text_output_can_be_coloured():
    ops = diff_words("a < b & c", "a > b & c")
    assert render_html(ops) == "a <del>&lt;</del><ins>&gt;</ins> b &amp; c"
    painted = render_text(diff_words("使用", "选用"), lambda s, op: f"<{op}>{s}</{op}>")
    assert painted == "<delete>[-使用-]</delete><insert>{+选用+}</insert>"
