import unicodedata

from search.text import analyze, fold, segments, stem, tokenize_with_spans


def test_vietnamese_folding_removes_every_mark_and_dd():
    assert fold("Dầu Tiếng") == "dau tieng"
    assert fold("ĐẦU TƯ đầu tư") == "dau tu dau tu"
    assert analyze("Núi Cậu") == analyze("nui cau") == ["nui", "cau"]


def test_decomposed_input_folds_like_composed():
    assert analyze(unicodedata.normalize("NFD", "mắm cá lóc")) == ["mam", "ca", "loc"]


def test_english_inflections_share_a_stem():
    assert analyze("fairs factories gloves") == analyze("fair factory glove")
    assert analyze("cycling routes")[0] == analyze("cycle")[0]


def test_vietnamese_syllables_are_never_stemmed():
    # Snowball would turn `thuy` into `thui` and `ly` words into `li` — collisions with others.
    for word in ["thuy", "tieng", "nghiep", "khuyen", "may", "thanh", "truong"]:
        assert stem(word) == word


def test_cjk_runs_become_overlapping_bigrams():
    assert analyze("榴莲包装厂") == ["榴莲", "莲包", "包装", "装厂"]
    assert analyze("천연 라텍스") == ["천연", "라텍", "텍스"]
    assert analyze("湖") == ["湖"]


def test_katakana_middle_dot_separates_and_dakuten_survive():
    assert analyze("文化・観光") == ["文化", "観光"]
    assert analyze("ガ") != analyze("カ")


def test_mixed_scripts_split_at_script_boundary():
    assert analyze("龙和（Long Hòa）天然") == ["龙和", "long", "hoa", "天然"]


def test_spans_point_into_the_original_text():
    text = "Chợ cá sáng ở Định Thành, 榴莲包装"
    for token, start, end in tokenize_with_spans(text):
        assert analyze(text[start:end])[0] == token or token in analyze(text[start:end])
    assert [t for t, _, _ in tokenize_with_spans(text)] == analyze(text)


def test_segments_keep_cjk_runs_together():
    segs = segments("gloves 榴莲包装")
    assert [s.cjk for s in segs] == [False, True]
    assert segs[1].tokens == ("榴莲", "莲包", "包装")


def test_punctuation_and_empty_text_give_no_tokens():
    assert analyze("") == []
    assert analyze(" -- ()*:^ \x00 ") == []
