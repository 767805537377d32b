import unicodedata

from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

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


def _reference_analyze(text):
    """Fold the whole text first, then cut it into tokens (the definition `analyze` keeps while
    folding word by word)."""
    from search.text import _TOKEN_RE, _bigrams

    out = []
    for cjk, word in _TOKEN_RE.findall(fold(text)):
        if cjk:
            out.extend(_bigrams(cjk))
        elif word:
            out.append(stem(word))
    return out


@hyp_settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=80)
    | st.sampled_from(
        [
            "Dầu Tiếng ĐẦU TƯ",
            "ẞtraße Øre ǅ",
            "榴莲包装厂 Long-Hòa",
            unicodedata.normalize("NFD", "mắm cá lóc"),
        ]
    )
)
def test_folding_word_by_word_gives_the_tokens_of_folding_the_whole_text(text):
    assert analyze(text) == _reference_analyze(text)


def test_surface_keys_ignore_where_the_tone_mark_sits():
    from search.text import analyze_with_surfaces, surface_key

    assert surface_key("Hòa") == surface_key("hoà") == "hoa2"
    assert surface_key("Cậu") != surface_key("cầu")
    tokens, surfaces = analyze_with_surfaces("Long Hòa rubber")
    assert tokens == ["long", "hoa", "rubber"] and surfaces == ["long", "hoa2"]
