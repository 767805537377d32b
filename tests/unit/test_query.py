import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.engines.base import EngineUnavailable
from search.query import Filters, Match, QueryError, expand, parse
from search.vocabulary import Vocabulary


def vocab(*words, surfaces=()):
    """A vocabulary of these folded words (one document each), written as `surfaces`."""
    from search.text import surface_key

    return Vocabulary({w: 1 for w in words}, frozenset(surface_key(w) for w in surfaces))


def test_terms_phrases_and_exclusions():
    q = parse('  nhà hàng "floating restaurant" -karaoke -"hot spring" ')
    assert q.terms == ("nhà", "hàng")
    assert q.phrases == ("floating restaurant",)
    assert q.excluded == ("karaoke", "hot spring")


def test_unclosed_quote_runs_to_the_end():
    assert parse('"gỗ cao su').phrases == ("gỗ cao su",)


@pytest.mark.parametrize(
    "raw, message",
    [
        ("   ", "Type a word"),
        ("x" * 201, "too long"),
        ("-karaoke", "excluding words alone"),
        ("*** ()", "no letters or digits"),
    ],
)
def test_unsearchable_input_gets_a_clear_message(raw, message):
    with pytest.raises(QueryError, match=message):
        parse(raw)


def test_filters_are_carried_through():
    f = Filters(kinds=("fair",), upcoming=True)
    assert parse("fair", f).filters is f


def test_every_term_is_a_required_clause_and_phrases_stay_phrases():
    plan = expand(parse('rubber "gỗ cao su" -karaoke'))
    assert [c.options[0].tokens for c in plan.clauses] == [("rubber",), ("go", "cao", "su")]
    assert plan.excluded == (Match(("karaok",)),)  # stemmed like the index


def test_synonym_group_crosses_languages():
    groups = [["cao su", "rubber", "고무", "ゴム", "橡胶"]]
    plan = expand(parse("nệm cao su"), synonyms=groups)
    rubber = plan.clauses[1]
    assert rubber.options[0].tokens == ("cao", "su")
    assert {o.tokens for o in rubber.options[1:]} == {("rubber",), ("고무",), ("ゴム",), ("橡胶",)}
    assert all(o.origin == "synonym" and o.weight < 1 for o in rubber.options[1:])
    assert expand(parse("cao su"), synonyms=lambda: groups).clauses[0] == rubber


def test_cjk_run_needs_most_of_its_bigrams():
    (clause,) = expand(parse("榴莲包装厂")).clauses
    (m,) = clause.options
    assert m.mode == "some" and m.tokens == ("榴莲", "莲包", "包装", "装厂") and m.minimum == 3


def test_an_unknown_word_gets_known_words_one_edit_away_as_variants():
    words = vocab("nhien", "thien", "cao", "su", "nem", surfaces=("thiên", "cao", "su", "nệm"))
    plan = expand(parse("nem cao su thien nhiem"), words)
    last = plan.clauses[-1]
    assert last.options == (Match(("nhiem",)),)  # as typed (the vocabulary may be stale)
    assert [m.tokens for m in last.variants] == [("nhien",)]
    assert [m.tokens for m in last.in_context] == [("thien", "nhien")]  # beside the word before
    assert all(not c.variants for c in plan.clauses[:-1])  # known words are left alone
    assert [t.name for t in plan.tiers] == ["all", "variants", "most"]
    # Typed with diacritics, a word nobody writes has no reading "as typed" at all.
    assert expand(parse("nệm cao su thiên nhiêm"), words).clauses[-1].options == ()


def test_a_word_typed_with_diacritics_nobody_writes_is_corrected_even_when_it_folds_to_a_word():
    # `xốp` folds to `xop`, a known word, but no document writes `xốp`: the folded word is one
    # reading among the confusion pairs (s/x) and the "all words as typed" tier cannot match.
    words = vocab("banh", "xop", "sop", "mem", surfaces=("bánh", "sốp", "mềm"))
    plan = expand(parse("bánh xốp mềm"), words)
    clause = plan.clauses[1]
    assert clause.options == ()
    assert [m.tokens for m in clause.variants] == [("xop",), ("sop",)]
    assert [t.name for t in plan.tiers] == ["variants", "most"]
    # Typed without diacritics, the same word is known as typed: it matches as it is, and its
    # corrections only beside a neighbour, in the "variants" tier.
    bare = expand(parse("banh xop mem"), words).clauses[1]
    assert bare.options == (Match(("xop",)),) and not bare.trusted
    assert bare.every_option == bare.options


def test_a_known_word_that_is_a_slip_is_corrected_only_beside_its_neighbour():
    # `bột xốp` is a word pair; `bột sốp` is not: `sốp` is a known word here, but so is the
    # phrase the s/x confusion pair leads to.
    words = vocab("bot", "xop", "sop", surfaces=("bột", "xốp", "sốp"))
    plan = expand(parse("bột sốp"), words)
    clause = plan.clauses[1]
    assert clause.options == (Match(("sop",)),)
    assert {m.tokens for m in clause.in_context} == {("bot", "xop")}
    variants = plan.tiers[1]
    assert variants.name == "variants" and {m.tokens for m in variants.needs} == {("bot", "xop")}
    # Alone, a known word is never "corrected".
    assert len(expand(parse("sốp"), words).tiers) == 1


def test_a_dropped_letter_in_a_syllable_is_put_back():
    words = vocab("thanh", "binh", surfaces=("Thạnh", "Bình"))
    clause = expand(parse("Bình Thạn"), words).clauses[1]
    assert ("thanh",) in [m.tokens for m in clause.variants]


def test_vietnamese_corrections_only_in_a_vietnamese_query():
    words = vocab("hoc", "lake", "resort", surfaces=("học",))
    assert not expand(parse("hot lake resort"), words).clauses[0].variants  # English words
    # three letters are too short for one-edit guesses outside Vietnamese rules
    assert not expand(parse("xyz"), vocab("xy", "xyzw")).clauses[0].variants


def test_digits_are_never_corrected():
    assert not expand(parse("2025"), vocab("2026")).clauses[0].variants


def test_compounds_split_and_join_against_the_vocabulary():
    words = vocab("rubber", "wood", "rubberwood", "caosu", "cao", "su")
    joined = expand(parse("rubber wood"), words).clauses
    assert len(joined) == 1 and {m.tokens for m in joined[0].options} == {("rubber", "wood"), ("rubberwood",)}
    split = expand(parse("rubberwood"), words).clauses[0]
    assert {m.tokens for m in split.options} == {("rubberwood",), ("rubber", "wood")}
    assert ("cao", "su") in {m.tokens for m in expand(parse("caosu"), words).clauses[0].options}


def test_a_cjk_run_typed_without_spaces_is_cut_where_the_index_has_no_bigram():
    # The page writes 산림 보호 구역 with spaces: the joints 림보 and 호구 are in no document.
    words = vocab("산림", "보호", "구역")
    plan = expand(parse("산림보호구역"), words)
    assert [c.options[0].tokens for c in plan.clauses] == [("산림",), ("보호",), ("구역",)]
    # Nothing known at all: the run stays whole (and finds nothing).
    (clause,) = expand(parse("滑雪场"), words).clauses
    assert clause.options[0].tokens == ("滑雪", "雪场")
    # A one-character word the index has alone; a particle at the end is dropped, but an
    # unknown Han character is a word the index lacks and stays.
    words = vocab("캐슈", "꽃", "꿀", "장갑", "榴莲")
    assert [c.label for c in expand(parse("캐슈꽃꿀"), words).clauses] == ["캐슈", "꽃", "꿀"]
    assert [c.label for c in expand(parse("장갑을"), words).clauses] == ["장갑"]
    assert [c.label for c in expand(parse("榴莲酒"), words).clauses] == ["榴莲", "酒"]


def test_most_words_tier_is_relaxed_and_keeps_quoted_phrases():
    plan = expand(parse('lake island "fishing trip" boat'))
    most = plan.tiers[-1]
    assert most.name == "most" and most.when == "thin"
    assert most.minimum == 3 and most.required == frozenset({3})
    assert len(expand(parse("lake island")).tiers) == 1  # two words: never relaxed


def test_the_last_word_as_a_prefix_only_when_it_is_not_a_whole_known_word():
    words = vocab("nui", "cau", "ca")
    prefixed = expand(parse("nui c"), words, prefix_last=True).clauses[-1]
    assert prefixed.options == (Match(("c",), "prefix"),)
    assert expand(parse("nui ca"), words, prefix_last=True).clauses[-1].options == (Match(("ca",)),)


hostile = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list("\"'-*^:()ANDORNEAR \x00\x01\u202e\u200bđĐ榴莲 ")), max_size=60),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=5), st.integers(1, 2500)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=hostile)
def test_parse_never_raises_anything_but_query_error(raw, tmp_path_factory):
    try:
        q = parse(raw)
    except QueryError:
        return
    assert q.terms or q.phrases
    assert len(q.text) <= 200


_ENGINE = {}


def _engine(tmp_path_factory):
    if "e" not in _ENGINE:
        from search.documents import SearchDocument
        from search.engines.sqlite import SqliteEngine

        e = SqliteEngine(tmp_path_factory.mktemp("idx") / "s.sqlite3")
        e.index(
            [
                SearchDocument(
                    "nui-cau",
                    "attraction",
                    "vi",
                    "Núi Cậu",
                    "/vi/x/",
                    summary='Ngọn núi "AND" OR NEAR * ^ : ( )',
                )
            ]
        )
        _ENGINE["e"] = e
    return _ENGINE["e"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=hostile)
def test_hostile_text_through_the_sqlite_engine_never_raises(raw, tmp_path_factory):
    from search.service import search_with

    engine = _engine(tmp_path_factory)
    try:
        results = search_with(engine, raw, "vi")
    except QueryError:
        return
    except EngineUnavailable as exc:  # would mean raw text reached FTS5 syntax
        pytest.fail(f"engine error for {raw!r}: {exc}")
    assert results.total >= 0
    engine.autocomplete(raw, "vi")
