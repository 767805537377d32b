import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.engines.base import EngineUnavailable, Filters
from search.query import Match, QueryError, expand, parse


class Vocab:
    def __init__(self, words):
        self.words = set(words)

    def known_terms(self, tokens):
        return {t for t in tokens if t in self.words}

    def similar_terms(self, token, limit=3):
        from search.query import edits1

        return sorted(edits1(token, "abcdefghijklmnopqrstuvwxyz") & self.words)[:limit]


def test_terms_phrases_and_exclusions():
    q = parse('  nhà hàng "floating restaurant" -karaoke -"hot spring" ')
    assert q.terms == ("nhà", "hàng")
    assert q.phrases == ("floating restaurant",)
    assert q.excluded == ("karaoke", "hot spring")


def test_unclosed_quote_runs_to_the_end():
    assert parse('"gỗ cao su').phrases == ("gỗ cao su",)


@pytest.mark.parametrize("raw, message", [
    ("   ", "Type a word"),
    ("x" * 201, "too long"),
    ("-karaoke", "excluding words alone"),
    ("*** ()", "no letters or digits"),
])
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


def test_typo_only_for_unknown_long_words():
    vocab = Vocab(["nhien", "thien", "cao", "su", "nem", "cut", "mang", "an", "lap", "ho"])
    plan = expand(parse("nệm cao su thiên nhiêm"), vocab)
    assert [o.tokens for o in plan.clauses[-1].options] == [("nhiem",), ("nhien",)]
    assert all(len(c.options) == 1 for c in plan.clauses[:-1])  # known words are left alone
    # three letters: corrected only when every other word is known
    assert ("cut",) in [o.tokens for o in expand(parse("măng cục An Lập"), vocab).clauses[1].options]
    assert len(expand(parse("hot karaoke"), vocab).clauses[0].options) == 1
    assert len(expand(parse("2025"), Vocab(["2026"])).clauses[0].options) == 1


hostile = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list('"\'-*^:()ANDORNEAR \x00\x01\u202e\u200bđĐ榴莲 ')), max_size=60),
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
        e.index([SearchDocument("nui-cau", "attraction", "vi", "Núi Cậu", "/vi/x/",
                                summary='Ngọn núi "AND" OR NEAR * ^ : ( )')])
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
