"""The classes of query the judged sets trip on, with a small catalogue and queries of our own
(not the dev set's), through the site's path: importer → pages → index → search, on the
embedded engine and, when `ELASTICSEARCH_TEST_URL` is set, on Elasticsearch (same answers).

Items are plainly sample data, true to the district (Cần Nôm Lake is in the Thanh An area,
Minh Tân's cashew and bird's nest, rubber everywhere).
"""

import uuid

import pytest

from search.engines import get_embedded_engine, reset_engines
from search.query import Filters
from search.service import search_with
from tests.factories import AttractionLine, InvestmentLine, NewsLine, ProductLine, translated

from .conftest import elasticsearch_test_url

pytestmark = pytest.mark.django_db

HONEY = ProductLine(
    ref="cashew-honey",
    title="Mật ong hoa điều Minh Tân",
    commune="Minh Tân",
    summary="Mật ong nguyên chất từ vườn điều của xã Minh Tân (mẫu).",
    body="Ong được nuôi dưới tán điều; mật sánh, thơm nhẹ.",
)
WAFER = ProductLine(
    ref="coconut-wafer",
    title="Bánh xốp dừa Định An",
    commune="Định An",
    summary="Bánh xốp giòn nhân dừa (mẫu).",
)
RICE_PAPER = ProductLine(
    ref="dew-rice-paper",
    title="Bánh tráng phơi sương Thanh An",
    commune="Thanh An",
    summary="Bánh tráng phơi qua đêm cho mềm (mẫu).",
)
BONE_BROTH = ProductLine(
    ref="bone-broth", title="Nước dùng hầm xương đóng gói", summary="Nước hầm xương heo cho quán phở (mẫu)."
)
GIFT = ProductLine(
    ref="gift-box",
    title="Hộp quà hạt điều và mật ong",
    summary="Quà biếu: hạt điều rang muối và một chai mật ong hoa điều (mẫu).",
)
LAKE = AttractionLine(
    ref="can-nom-lake",
    title="Hồ Cần Nôm",
    commune="Thanh An",
    summary="Hồ nước ngọt khoảng 240 ha ở khu vực Thanh An, nơi dự kiến một khu du lịch sinh thái.",
)
FARMSTAY = InvestmentLine(
    ref="riverside-farmstay",
    title="Dự án farmstay ven sông Sài Gòn",
    sector="tourism",
    commune="Thanh Tuyền",
    summary="Kêu gọi đầu tư farmstay và vườn cây ăn trái (mẫu).",
)
FARM_STAY = InvestmentLine(
    ref="orchard-farm-stay",
    title="Vườn cây ăn trái kết hợp farm stay",
    sector="agriculture",
    commune="Định Hiệp",
    summary="Một mô hình farm stay nhỏ giữa vườn sầu riêng (mẫu).",
)
NEWS = NewsLine(
    ref="investment-news",
    title="Doanh nghiệp tìm hiểu đầu tư tại Dầu Tiếng",
    summary="Đoàn doanh nghiệp đến Dầu Tiếng từ sáng sớm để tìm hiểu cơ hội đầu tư "
    "vào chế biến nông sản; đầu mối liên hệ là phòng kinh tế.",
)
LINES = [
    HONEY,
    translated(
        HONEY,
        "en",
        title="Cashew Blossom Honey from Minh Tân",
        summary="Pure honey from the cashew orchards of Minh Tân (sample).",
    ),
    translated(HONEY, "ko", title="민떤 캐슈 꽃 꿀", summary="캐슈 농원의 천연 꿀 (견본)."),
    translated(HONEY, "zh-hans", title="明新腰果花蜂蜜", summary="腰果园的纯天然蜂蜜（样品）。"),
    WAFER,
    translated(WAFER, "en", title="Định An Coconut Wafers", summary="Crisp wafers."),
    RICE_PAPER,
    BONE_BROTH,
    GIFT,
    translated(GIFT, "en", title="Cashew and Honey Gift Box", summary="Roasted cashews and honey."),
    LAKE,
    translated(LAKE, "en", title="Cần Nôm Lake", summary="A freshwater lake of about 240 ha."),
    FARMSTAY,
    translated(
        FARMSTAY,
        "en",
        title="Saigon Riverside Farmstay Project",
        summary="Investment sought for a farmstay and orchards.",
    ),
    FARM_STAY,
    NEWS,
]


@pytest.fixture(scope="module")
def _module_lines(request):
    """LINES, imported and indexed once for the module (every test only reads them)."""
    from tests.conftest import shared_content

    if not shared_content(request, "engine"):
        return None
    return request.getfixturevalue("module_content")(index_lines)


@pytest.fixture(scope="module")
def _module_elastic_prefix():
    """With the module's content, one Elasticsearch index for the module's tests, built by the
    first of them: no test writes to it, and each test gets its own engine object."""
    built = []
    yield built
    if built:
        from search.engines.elastic import ElasticEngine

        ElasticEngine(elasticsearch_test_url(), index_prefix=built[0]).drop_indices()


def index_lines():
    from django.test import TestCase

    from tests.factories import load_lines

    with TestCase.captureOnCommitCallbacks(execute=True):  # indexing, as after the import's commit
        load_lines(LINES)


@pytest.fixture(params=["sqlite", "elasticsearch"])
def engine(request, _module_lines, _module_elastic_prefix, site, settings, indexed):
    if _module_lines:
        _module_lines.for_test(settings)
    else:
        indexed(LINES)
    if request.param == "sqlite":
        yield get_embedded_engine()
        return
    url = elasticsearch_test_url()
    if not url:
        pytest.skip("neither ELASTICSEARCH_TEST_URL nor ELASTICSEARCH_URL is set")
    from search.engines.elastic import ElasticEngine
    from search.indexing import all_live_documents

    settings.SEARCH_ES_TIMEOUT = 30
    reset_engines()
    if _module_lines and _module_elastic_prefix:
        yield ElasticEngine(url, index_prefix=_module_elastic_prefix[0])
        return
    es = ElasticEngine(url, index_prefix=f"test-cls-{uuid.uuid4().hex[:10]}")
    es.rebuild(list(all_live_documents()))
    if _module_lines:
        _module_elastic_prefix.append(es.alias)  # dropped at the module's end
        yield es
        return
    try:
        yield es
    finally:
        es.drop_indices()


def refs(engine, q, lang="vi", **filters):
    return [h.ref for h in search_with(engine, q, lang, Filters(**filters)).hits]


def test_a_misspelling_that_is_itself_a_word_is_corrected_in_context(engine):
    # Typed with diacritics that no item uses (`ông` for `ong`), an s/x confusion (`sốp`), and
    # a bare word that exists (`xương`, in the broth) but not beside `phơi`.
    assert refs(engine, "mật ông hoa điều")[0] == "cashew-honey"
    assert refs(engine, "bánh sốp dừa") == ["coconut-wafer"]
    assert refs(engine, "bánh tráng phơi xương")[0] == "dew-rice-paper"
    assert "bone-broth" not in refs(engine, "bánh tráng phơi xương")[:1]


def test_a_dropped_letter_inside_a_syllable(engine):
    assert refs(engine, "hồ Cần Nô") == ["can-nom-lake"]
    assert refs(engine, "Minh Tâ mật ong")[0] == "cashew-honey"


def test_cjk_typed_without_the_pages_spaces_or_with_spaces_the_page_lacks(engine):
    assert refs(engine, "캐슈꽃꿀", "ko") == ["cashew-honey"]  # the page writes 캐슈 꽃 꿀
    assert refs(engine, "腰果 蜂蜜", "zh-hans") == ["cashew-honey"]  # the page writes 腰果花蜂蜜
    assert refs(engine, "스키장", "ko") == []


def test_most_words_fill_a_thin_answer_below_the_items_with_every_word(engine):
    found = refs(engine, "cashew honey gift", "en")
    assert found[0] == "gift-box"  # every word
    assert "cashew-honey" in found  # two of three, below it
    res = search_with(engine, "cashew honey gift", "en")
    assert [h.match for h in res.hits][:2] == ["all", "most"]
    assert res.hits[1].missing == ("gift",)
    # never on their own: no item has every word, so nothing is shown
    assert refs(engine, "cashew honey karaoke", "en") == []


def test_compounds_meet_whichever_way_they_are_written(engine):
    both = {"riverside-farmstay", "orchard-farm-stay"}
    assert set(refs(engine, "farmstay")) == both
    assert set(refs(engine, "farm stay")) == both


def test_queries_nothing_answers_still_find_nothing(engine):
    for q, lang in [
        ("karaoke Thanh An", "vi"),
        ("sân golf Cần Nôm", "vi"),
        ("滑雪场", "zh-hans"),
        ("cashew casino", "en"),
        ("hồ Cần Nôm cáp treo", "vi"),
        ("bowling", "en"),
    ]:
        assert refs(engine, q, lang) == [], q


def test_did_you_mean_names_the_correction_the_results_were_found_by(engine):
    res = search_with(engine, "bánh sốp dừa", "vi")
    assert res.suggestion == "bánh xốp dừa"
    assert search_with(engine, "bánh xốp dừa", "vi").suggestion == ""


def test_highlights_prefer_the_matched_phrase_over_scattered_syllables(engine):
    (hit,) = [h for h in search_with(engine, "dau tu", "vi").hits if h.ref == "investment-news"]
    assert "<mark>đầu tư</mark>" in hit.snippet
    assert "<mark>Dầu</mark>" not in hit.snippet and "<mark>từ</mark>" not in hit.snippet
    assert "<mark>đầu</mark> mối" not in hit.snippet
    # The item whose text has the words together ranks first.
    assert refs(engine, "dau tu")[0] == "investment-news"
