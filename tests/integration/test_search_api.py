"""The public search API and page on the embedded engine, through the real indexing path."""

import json

import pytest
from django.test import TestCase
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from promo.models import FairPage, ProductPage
from search.models import PendingUpdate, SearchQueryDay, SynonymGroup
from tests.factories import (
    AttractionLine,
    FairLine,
    InvestmentLine,
    NewsLine,
    ProductLine,
    load_lines,
    translated,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _module_catalogue(request):
    """The catalogue, built once for the module's tests that all use it."""
    from tests.conftest import shared_content

    if not shared_content(request, "catalogue"):
        return None
    return request.getfixturevalue("module_content")(indexed_catalogue)


@pytest.fixture
def catalogue(_module_catalogue, site, settings):
    if _module_catalogue:
        return _module_catalogue.for_test(settings)
    return indexed_catalogue()


def indexed_catalogue():
    """Load the catalogue through the importer and let the after-commit indexing run."""
    nui = AttractionLine(
        ref="nui-cau", title="Núi Cậu", commune="Định Thành", summary="Quần thể đồi núi bên hồ Dầu Tiếng."
    )
    glove = InvestmentLine(
        ref="glove-plant",
        title="Nhà máy găng tay cao su",
        summary="Dự án sản xuất găng tay từ mủ cao su.",
        commune="Long Hòa",
    )
    lines = [
        nui,
        translated(nui, "en", title="Cau Mountain (Núi Cậu)", summary="A hill by the lake."),
        glove,
        translated(glove, "ko", title="고무장갑 공장", summary="천연고무 장갑 생산 프로젝트."),
        ProductLine(ref="honey", title="Mật ong hoa cà phê", summary="Mật ong <script>alert(1)</script>"),
        FairLine(ref="old-fair", title="Hội chợ cũ", start="2020-01-01", end="2020-01-02"),
        FairLine(ref="new-fair", title="Hội chợ mới", start="2099-01-01", end="2099-01-02"),
        NewsLine(ref="news-1", title="Đầu tư vào Dầu Tiếng", summary="Tin đầu tư."),
    ]
    with TestCase.captureOnCommitCallbacks(execute=True):
        return load_lines(lines)


def api(client, **params):
    response = client.get("/api/v1/search/", params)
    return response.status_code, json.loads(response.content)


def refs(body):
    return [r["ref"] for r in body["results"]]


# -- issue 14: filters by name, "did you mean", prefix on Enter, labels --------------------------
# These come first: the tests after them all use `catalogue`, built once for them (tests/conftest.py,
# shared_content).


@pytest.fixture
def named(indexed):
    return indexed(
        [
            ProductLine(
                ref="bird-nest",
                title="Yến sào Minh Tân",
                commune="Minh Tân",
                summary="Tổ yến nuôi trong nhà (mẫu).",
                category="food",
            ),
            ProductLine(
                ref="wafer",
                title="Bánh xốp dừa",
                commune="Định An",
                category="food",
                summary="Bánh xốp giòn nhân dừa (mẫu).",
            ),
            ProductLine(
                ref="rice-paper",
                title="Bánh tráng dừa",
                commune="Thanh An",
                category="food",
                summary="Bánh tráng nướng với dừa nạo (mẫu).",
            ),
            InvestmentLine(
                ref="solar",
                title="Điện mặt trời áp mái",
                sector="energy",
                commune="Thanh Tuyền",
                summary="Kêu gọi đầu tư điện mặt trời (mẫu).",
            ),
        ]
    )


@pytest.mark.parametrize(
    "word", ["long-hoa", "xã Long Hòa", "Long Hoa Commune", "Long Hòa 사", "Minh Tân", "minh tan", "Long Tân"]
)
def test_a_commune_filter_takes_a_code_a_name_in_any_language_or_a_former_name(client, named, word):
    # Minh Tân (former) went to xã Long Hòa as its primary successor; Long Tân too.
    status, body = api(client, q="yen sao", commune=word)
    assert status == 200 and refs(body) == ["bird-nest"], word


def test_sector_and_category_filters_take_names_too(client, named):
    assert refs(api(client, q="dien mat troi", sector="Năng lượng")[1]) == ["solar"]
    assert refs(api(client, q="dien mat troi", sector="energy")[1]) == ["solar"]
    assert refs(api(client, q="banh xop", category="Thuc pham")[1]) == ["wafer"]
    assert refs(api(client, q="banh xop", category="food")[1]) == ["wafer"]
    assert refs(api(client, q="banh xop", category="Đồ uống")[1]) == []


def test_an_unknown_filter_name_answers_400_naming_the_parameter(client, named):
    status, body = api(client, q="yen sao", commune="Hà Nội")
    assert status == 400 and body["param"] == "commune" and "Hà Nội" in body["error"]


def test_the_api_says_did_you_mean_and_how_each_result_matched(client, named):
    _, body = api(client, q="bánh sốp dừa")
    assert refs(body)[0] == "wafer" and body["results"][0]["match"] == "variants"
    assert body["did_you_mean"] == "bánh xốp dừa"
    _, body = api(client, q="bánh xốp dừa")
    assert body["did_you_mean"] is None and body["results"][0]["match"] == "all"


def test_the_search_page_offers_the_correction(client, named):
    html = client.get("/vi/search/", {"q": "bánh sốp dừa", "kind": "product"}).content.decode()
    assert "Có phải bạn muốn tìm:" in html
    assert "?q=b%C3%A1nh+x%E1%BB%91p+d%E1%BB%ABa&amp;kind=product" in html
    assert "Bánh xốp dừa" in html


def test_the_search_page_reads_the_last_word_as_a_prefix_when_whole_words_find_nothing(client, named):
    assert api(client, q="banh x")[1]["total"] == 0  # the API keeps whole words
    html = client.get("/en/search/", {"q": "banh x"}).content.decode()
    assert "Bánh xốp dừa" in html
    assert "No whole word matched “x”: showing words that begin with it." in html
    html = client.get("/en/search/", {"q": "banh xop"}).content.decode()
    assert "begin with it" not in html


def test_a_result_in_another_language_names_that_language_in_the_visitors(client, named):
    html = client.get("/ko/search/", {"q": "yen sao"}).content.decode()
    assert "베트남어로 제공" in html and "Tiếng Việt로" not in html
    html = client.get("/ja/search/", {"q": "yen sao"}).content.decode()
    assert "ベトナム語で掲載" in html
    # and the search box's suggestions get the same words
    assert 'data-ac-lang-vi="베트남어로 제공"' in client.get("/ko/").content.decode()


def test_a_partial_match_says_which_words_it_lacks(client, named):
    _, body = api(client, q="bánh dừa giòn")
    assert refs(body) == ["wafer", "rice-paper"]
    assert [r["match"] for r in body["results"]] == ["all", "most"]
    html = client.get("/en/search/", {"q": "bánh dừa giòn"}).content.decode()
    assert html.count("Missing:") == 1 and "<s>giòn</s>" in html


# -- the catalogue ---------------------------------------------------------------------------------


def test_finds_vietnamese_with_and_without_diacritics(client, catalogue):
    for q in ("Núi Cậu", "nui cau", "NUI CAU", "núi"):
        status, body = api(client, q=q)
        assert status == 200 and refs(body)[0] == "nui-cau", q
    status, body = api(client, q="dau tu")
    assert "news-1" in refs(body)


def test_result_is_shown_in_the_visitors_language_when_translated(client, catalogue):
    _, body = api(client, q="nui cau", lang="en")
    hit = body["results"][0]
    assert (hit["locale"], hit["title"], hit["url"]) == (
        "en",
        "Cau Mountain (Núi Cậu)",
        "/en/tourism/cau-mountain-nui-cau/",
    )
    _, body = api(client, q="nui cau", lang="ja")  # no Japanese translation: Vietnamese
    assert body["results"][0]["locale"] == "vi"
    assert body["total"] == len(set(refs(body)))  # each item once


def test_former_commune_name_finds_the_merged_units_items(client, catalogue):
    # Long Hòa is a current unit; Định Thành was merged into xã Dầu Tiếng in 2025
    _, body = api(client, q="Dinh Thanh")
    assert "nui-cau" in refs(body)
    _, body = api(client, q="nui", commune="dau-tieng")
    assert refs(body) == ["nui-cau"]
    assert body["facets"]["commune"] == {"dau-tieng": 1}


def test_staff_synonyms_cross_languages(client, catalogue):
    SynonymGroup.objects.create(terms="mật ong, honey, 꿀, 蜂蜜")
    _, body = api(client, q="honey", lang="en")
    assert refs(body) == ["honey"]
    _, body = api(client, q="蜂蜜", lang="zh-hans")
    assert refs(body) == ["honey"]


def test_facets_filters_and_upcoming(client, catalogue):
    _, body = api(client, q="hội chợ")
    assert body["facets"]["kind"] == {"fair": 2}
    _, body = api(client, q="hội chợ", upcoming="1")
    assert refs(body) == ["new-fair"]
    _, body = api(client, q="cao su", kind="investment", sector="manufacturing")
    assert refs(body) == ["glove-plant"]


def test_snippets_escape_content_and_mark_matches(client, catalogue):
    _, body = api(client, q="mật ong")
    snippet = body["results"][0]["snippet"]
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet
    assert "<mark>" in snippet
    stripped = snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped


@pytest.mark.parametrize(
    "params, param",
    [
        ({}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "x" * 201}, "q"),
        ({"q": "a", "page": "0"}, "page"),
        ({"q": "a", "page_size": "1000"}, "page_size"),
        ({"q": "a", "page": "x"}, "page"),
        ({"q": "a", "lang": "fr"}, "lang"),
        ({"q": "a", "kind": "castle"}, "kind"),
        ({"q": "a", "upcoming": "yes"}, "upcoming"),
        ({"q": "a", "commune": "<b>"}, "commune"),
    ],
)
def test_bad_parameters_answer_400_with_an_error_body(client, catalogue, params, param):
    status, body = api(client, **params)
    assert status == 400
    assert body["param"] == param and body["error"]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    q=st.text(max_size=300)
    | st.sampled_from(
        ['"', "\x00", "-", 'AND OR NOT "(*', "a" * 10000, " ".join(["word"] * 1000), "NEAR(a b)", "^*:"]
    )
)
def test_no_query_makes_the_api_or_page_fail(client, catalogue, q):
    response = client.get("/api/v1/search/", {"q": q})
    assert response.status_code in (200, 400), q
    assert response["Content-Type"] == "application/json"
    page = client.get("/en/search/", {"q": q})
    assert page.status_code in (200, 400), q


def test_searches_are_counted_per_day_query_and_language_without_personal_data(client, catalogue):
    from django.utils import timezone

    for _ in range(3):
        api(client, q="Nui  CAU", lang="en")
    client.get("/en/search/", {"q": "nui cau"})
    client.get("/vi/search/", {"q": "karaoke"})
    api(client, q="gọi 0912 345 678 hoặc mai.anh@example.com", lang="vi")
    rows = {(r.query, r.lang): (r.count, r.zero_results) for r in SearchQueryDay.objects.all()}
    assert rows == {
        ("nui cau", "en"): (4, 0),
        ("karaoke", "vi"): (1, 1),
        ("gọi [phone number] hoặc [e-mail]", "vi"): (1, 1),
    }
    assert set(SearchQueryDay.objects.values_list("day", flat=True)) == {timezone.localdate()}
    field_names = {f.name for f in SearchQueryDay._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "user", "user_agent", "session", "created_at"}


def test_autocomplete_suggests_titles_in_the_visitors_language(client, catalogue):
    body = json.loads(client.get("/api/v1/search/autocomplete/", {"q": "nui c", "lang": "en"}).content)
    assert body["suggestions"][0] == {
        "ref": "nui-cau",
        "kind": "attraction",
        "locale": "en",
        "title": "Cau Mountain (Núi Cậu)",
        "url": "/en/tourism/cau-mountain-nui-cau/",
    }
    body = json.loads(client.get("/api/v1/search/autocomplete/", {"q": "nui c", "lang": "ja"}).content)
    assert body["suggestions"][0]["locale"] == "vi"  # no Japanese translation: shown in Vietnamese
    assert client.get("/api/v1/search/autocomplete/").status_code == 400


def test_search_page_shows_facets_cards_and_a_helpful_empty_page(client, catalogue):
    html = client.get("/en/search/", {"q": "hills"}).content.decode()
    assert "Cau Mountain (Núi Cậu)" in html and "A <mark>hill</mark> by the lake" in html
    assert 'name="kind" value="attraction"' in html
    empty = client.get("/en/search/", {"q": "karaoke"}).content.decode()
    assert "Nothing matched" in empty and "/en/tourism/" in empty


def test_best_bets_come_first(client, catalogue):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    honey = ProductPage.objects.get(ref="honey")
    SearchPromotion.objects.create(query=Query.get("dau tieng"), page=honey, sort_order=0)
    _, body = api(client, q="Dầu Tiếng")
    assert refs(body)[0] == "honey"
    assert refs(body).count("honey") == 1


def test_publish_unpublish_delete_and_translation_changes_reach_the_index(
    client, catalogue, django_capture_on_commit_callbacks
):
    fair = FairPage.objects.get(ref="new-fair")
    fair.title = "Hội chợ nông sản mùa xuân"
    with django_capture_on_commit_callbacks(execute=True):
        fair.save_revision().publish()
    assert refs(api(client, q="mua xuan")[1]) == ["new-fair"]

    with django_capture_on_commit_callbacks(execute=True):
        fair.unpublish()
    assert api(client, q="mua xuan")[1]["total"] == 0

    from promo.models import AttractionPage

    nui_en = AttractionPage.objects.get(ref="nui-cau", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        nui_en.delete()
    _, body = api(client, q="nui cau", lang="en")
    assert body["results"][0]["locale"] == "vi"  # only the Vietnamese page is left
    assert not PendingUpdate.objects.filter(applied_at=None).exists()


def test_a_publish_succeeds_while_the_engine_is_down_and_is_applied_later(
    client, catalogue, settings, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    from search.engines import reset_engines

    # Elasticsearch configured at an address where nothing listens: unreachable
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    reset_engines()
    honey = ProductPage.objects.get(ref="honey")
    honey.title = "Mật ong rừng tràm"
    with django_capture_on_commit_callbacks(execute=True):
        honey.save_revision().publish()  # must not raise
    pending = PendingUpdate.objects.filter(applied_at=None)
    assert [p.engine for p in pending] == ["elasticsearch"]
    assert pending[0].attempts == 1 and pending[0].last_error
    # the embedded engine got the change, and answers while Elasticsearch is down
    status, body = api(client, q="rung tram")
    assert status == 200 and body["engine"] == "sqlite" and refs(body) == ["honey"]
    with pytest.raises(Exception, match="could not be applied"):
        call_command("search_index", "sync")
    assert PendingUpdate.objects.filter(applied_at=None).count() == 1
