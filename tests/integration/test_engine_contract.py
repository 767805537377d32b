"""Behaviour a visitor notices, identical for every engine (see SearchEngine in base.py)."""

import datetime as dt
import re
import threading
import uuid

import pytest

from search.documents import SearchDocument
from search.query import Filters, QueryError
from search.service import search_with
from tests.integration.conftest import elasticsearch_test_url

TODAY = dt.date(2026, 11, 26)
RUBBER = [["cao su", "rubber", "고무", "ゴム", "橡胶"], ["Thanh An", "Định Hiệp"]]


def doc(ref, locale, title, kind="product", summary="", text="", **kw):
    return SearchDocument(
        ref=ref,
        kind=kind,
        locale=locale,
        title=title,
        url=f"/{locale}/{ref}/",
        summary=summary,
        text=text,
        **kw,
    )


CORPUS = [
    doc(
        "nui-cau",
        "vi",
        "Núi Cậu",
        "attraction",
        "Ngọn núi bên hồ Dầu Tiếng.",
        facets={"commune": ("dinh-thanh",), "category": ("nature",)},
    ),
    doc(
        "nui-cau",
        "en",
        "Cau Mountain (Núi Cậu)",
        "attraction",
        "A hill on Dau Tieng Lake.",
        facets={"commune": ("dinh-thanh",), "category": ("nature",)},
    ),
    doc(
        "glove",
        "vi",
        "Nhà máy găng tay cao su",
        "investment",
        "Kêu gọi đầu tư nhà máy.",
        facets={"commune": ("long-hoa",), "sector": ("manufacturing",)},
    ),
    doc(
        "glove",
        "en",
        "Rubber Glove Factory",
        "investment",
        "Investment sought for a factory.",
        facets={"commune": ("long-hoa",), "sector": ("manufacturing",)},
    ),
    doc(
        "glove",
        "ko",
        "고무장갑 공장",
        "investment",
        "투자 유치",
        facets={"commune": ("long-hoa",), "sector": ("manufacturing",)},
    ),
    doc(
        "durian",
        "zh-hans",
        "出口榴莲初加工包装厂项目",
        "investment",
        "榴莲出口",
        facets={"sector": ("agriculture",)},
    ),
    doc(
        "durian",
        "vi",
        "Nhà đóng gói sầu riêng",
        "investment",
        "Sầu riêng xuất khẩu.",
        facets={"sector": ("agriculture",)},
    ),
    doc(
        "restaurant",
        "en",
        "Floating Restaurant",
        "investment",
        "A restaurant floating on the lake. <script>alert(1)</script> & more",
        facets={"sector": ("tourism",)},
    ),
    doc("fishing", "ja", "ダウティエン湖の島めぐりと釣り体験", "attraction", "湖で釣り"),
    doc(
        "old-fair",
        "vi",
        "Hội chợ OCOP 2026",
        "fair",
        "Hội chợ đã qua.",
        start=dt.date(2026, 6, 5),
        end=dt.date(2026, 6, 11),
    ),
    doc(
        "new-fair",
        "vi",
        "Hội chợ cuối năm 2026",
        "fair",
        "Hội chợ mua sắm.",
        start=dt.date(2026, 11, 20),
        end=dt.date(2026, 12, 5),
    ),
    doc(
        "mattress",
        "vi",
        "Nệm cao su thiên nhiên Long Hòa",
        "product",
        "Nệm từ mủ cao su.",
        facets={"commune": ("long-hoa",), "category": ("household",)},
    ),
    doc("tan-hiep", "vi", "Rau sạch Thanh An", "product", "Rau sạch xã Thanh An.", synonyms=("Định Hiệp",)),
]


@pytest.fixture
def loaded(engine):
    engine.index(CORPUS)
    return engine


@pytest.fixture(scope="module", params=["sqlite", "elasticsearch"])
def _corpus_index(request, tmp_path_factory):
    """CORPUS indexed once per engine for the module's tests that only search it."""
    if request.param == "sqlite":
        from search.engines.sqlite import SqliteEngine

        path = tmp_path_factory.mktemp("contract") / "search.sqlite3"
        SqliteEngine(path).index(CORPUS)
        yield lambda: SqliteEngine(path)
        return
    url = elasticsearch_test_url()
    if not url:
        pytest.skip("neither ELASTICSEARCH_TEST_URL nor ELASTICSEARCH_URL is set")
    from search.engines.elastic import ElasticEngine

    prefix = f"test-{uuid.uuid4().hex[:10]}"
    es = ElasticEngine(url, index_prefix=prefix)
    es.index(CORPUS)
    try:
        yield lambda: ElasticEngine(url, index_prefix=prefix)
    finally:
        es.drop_indices()


@pytest.fixture
def reader(_corpus_index):
    """As `loaded`, for a test that only reads the engine (searches, suggestions, health): a
    new engine object on the module's index of CORPUS. A test that writes takes `loaded`."""
    return _corpus_index()


def refs(engine, q, lang="vi", **kw):
    filters = Filters(today=TODAY, **kw)
    return [h.ref for h in search_with(engine, q, lang, filters, synonyms=RUBBER).hits]


def test_vietnamese_without_diacritics_and_dd(reader):
    assert refs(reader, "nui cau") == ["nui-cau"]
    assert refs(reader, "NÚI CẬU") == ["nui-cau"]
    assert "glove" in refs(reader, "dau tu")
    assert "glove" in refs(reader, "ĐẦU TƯ")


def test_english_inflection(reader):
    assert refs(reader, "gloves factories", "en") == ["glove"]


def test_cjk_without_spaces(reader):
    assert refs(reader, "榴莲包装厂", "zh-hans") == ["durian"]
    assert refs(reader, "ダウティエン湖釣り", "ja") == ["fishing"]
    assert refs(reader, "滑雪场", "zh-hans") == []


def test_phrase_and_exclusion(reader):
    assert refs(reader, '"floating restaurant"', "en") == ["restaurant"]
    assert refs(reader, '"restaurant floating lake"', "en") == []
    assert set(refs(reader, "cao su")) == {"glove", "mattress"}
    assert refs(reader, "cao su -nệm") == ["glove"]


def test_typo_in_an_unknown_word(reader):
    assert refs(reader, "nệm cao su thiên nhiêm") == ["mattress"]
    assert refs(reader, "karaoke") == []


def test_synonyms_cross_languages(reader):
    assert set(refs(reader, "橡胶", "zh-hans")) == {"glove", "mattress"}
    assert refs(reader, "Định Hiệp") == ["tan-hiep"]


def test_each_ref_once_shown_in_the_visitors_language(reader):
    res = search_with(reader, "glove", "ko", synonyms=RUBBER)
    assert [(h.ref, h.locale) for h in res.hits] == [("glove", "ko")]
    res = search_with(reader, "sầu riêng", "en")
    assert [(h.ref, h.locale) for h in res.hits] == [("durian", "vi")]  # no en: the source
    res = search_with(reader, "榴莲", "en")
    assert [(h.ref, h.locale) for h in res.hits] == [("durian", "vi")]
    res = search_with(reader, "floating", "vi")
    assert [(h.ref, h.locale) for h in res.hits] == [("restaurant", "en")]  # no vi: any


def test_facets_count_items_not_translations(reader):
    res = search_with(reader, "cao su", "vi")
    assert res.total == 2
    assert res.facets["commune"] == {"long-hoa": 2}
    assert res.facets["kind"] == {"investment": 1, "product": 1}


def test_filters_or_within_and_across(reader):
    assert refs(reader, "cao su", kinds=("investment",)) == ["glove"]
    assert set(refs(reader, "cao su", kinds=("investment", "product"))) == {"glove", "mattress"}
    assert refs(reader, "cao su", kinds=("product",), sectors=("manufacturing",)) == []
    assert refs(reader, "cao su", communes=("long-hoa",), categories=("household",)) == ["mattress"]


def test_upcoming_keeps_fairs_not_yet_over(reader):
    assert set(refs(reader, "hội chợ")) == {"old-fair", "new-fair"}
    assert refs(reader, "hội chợ", upcoming=True) == ["new-fair"]


def test_pagination(engine):
    engine.index([doc(f"p{i:02}", "vi", f"Sản phẩm mẫu {i}") for i in range(23)])
    seen = []
    for page in (1, 2, 3):
        res = search_with(engine, "san pham", "vi", page=page, page_size=10)
        assert res.total == 23
        seen += [h.ref for h in res.hits]
    assert len(seen) == len(set(seen)) == 23


def test_snippets_are_escaped_with_only_mark(reader):
    (hit,) = search_with(reader, "restaurant", "en").hits
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet
    assert "<mark>restaurant</mark>" in hit.snippet
    assert re.sub(r"</?mark>", "", hit.snippet).count("<") == 0


def test_autocomplete(reader):
    assert [s.ref for s in reader.autocomplete("nui c", "en")] == ["nui-cau"]
    assert reader.autocomplete("nui c", "en")[0].title == "Cau Mountain (Núi Cậu)"
    assert reader.autocomplete("nui c", "en")[0].locale == "en"
    assert reader.autocomplete("nui c", "ja")[0].locale == "vi"
    assert [s.ref for s in reader.autocomplete("Núi", "vi")] == ["nui-cau"]
    assert "glove" in [s.ref for s in reader.autocomplete("gă", "vi")]
    assert reader.autocomplete("ui", "vi") == []  # a word must start with the prefix
    assert len(reader.autocomplete("n", "vi", limit=2)) == 2


def test_delete(loaded):
    assert loaded.delete(["glove:vi", "glove:en", "missing:vi"]) == 2
    res = search_with(loaded, "고무장갑", "en")
    assert [(h.ref, h.locale) for h in res.hits] == [("glove", "ko")]
    loaded.delete(["glove:ko"])
    assert refs(loaded, "gang tay") == []
    assert sum(loaded.health().documents.values()) == len(CORPUS) - 3


def test_health_counts_documents_per_locale(reader):
    h = reader.health()
    assert h.ok and h.documents["vi"] == 7 and h.documents["ko"] == 1


def test_rebuild_swaps_without_downtime(loaded):
    seen_during_build = []

    def docs():
        for i, d in enumerate(CORPUS[:3] + [doc("new", "en", "Brand new lantern")]):
            if i == 2:  # mid-build: the old index still answers
                t = threading.Thread(target=lambda: seen_during_build.append(refs(loaded, "sau rieng")))
                t.start()
                t.join()
            yield d

    assert loaded.rebuild(docs(), total=4) == 4
    assert seen_during_build == [["durian"]]
    assert refs(loaded, "lantern", "en") == ["new"]
    assert refs(loaded, "sau rieng") == []


@pytest.mark.parametrize(
    "q",
    [
        '"',
        "AND OR NOT",
        "NEAR(a b)",
        "*",
        "^x",
        "col:val",
        "a\x00b",
        '"unclosed',
        "-",
        "x" * 10_000,
        "(((",
        "ĐĐĐ" * 60,
    ],
)
def test_hostile_queries_answer_or_explain(reader, q):
    try:
        res = search_with(reader, q, "vi")
    except QueryError as exc:
        assert str(exc)
    else:
        assert res.total >= 0


TITLE_CORPUS = [
    doc("nui-cau", "vi", "Núi Cậu", "attraction", "Ngọn núi bên hồ."),
    doc("nui-cau", "en", "Cau Mountain", "attraction", "A hill by the lake."),
    doc(
        "festival",
        "vi",
        "Ngày hội leo núi Núi Cậu",
        "news",
        "Leo Núi Cậu cùng bạn bè, ngắm Núi Cậu từ đỉnh.",
        "Núi Cậu, Núi Cậu và Núi Cậu.",
    ),
    doc(
        "centre",
        "vi",
        "Núi Cậu: trung tâm đón khách",
        "attraction",
        "Trung tâm đón khách Núi Cậu.",
        "Khách đến Núi Cậu.",
    ),
] + [doc(f"other-{i}", "vi", f"Sản phẩm {i}", summary="Hàng của xã.") for i in range(6)]


def test_the_item_whose_title_is_the_query_ranks_first(engine):
    # Title = query beats title starts with it beats title merely contains it, even against
    # items that repeat the words far more often (the title match bonus in base.py).
    engine.index(TITLE_CORPUS)
    assert [h.ref for h in search_with(engine, "nui cau", "en").hits] == ["nui-cau", "centre", "festival"]


def test_total_and_facets_count_items_not_translations(reader):
    res = search_with(reader, "nui cau", "en", Filters(today=TODAY))
    assert res.total == len(res.hits) == 1  # both translations of nui-cau match
    assert res.facets["kind"] == {"attraction": 1}
