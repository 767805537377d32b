"""Official documents are found by the site search (Decree 42/2022: documents must be searchable),
on both engines, through the same publish → index path as catalogue pages."""

import json
import re
import uuid

import pytest
from django.core.management import call_command
from django.test import TestCase

from portal.demo import ensure_documents
from portal.models import OfficialDocumentPage
from search.engines import get_engine, reset_engines
from search.indexing import all_live_documents, queue
from tests.integration.conftest import elasticsearch_test_url

pytestmark = pytest.mark.django_db
LANGUAGES = ("vi", "en")


@pytest.fixture(params=["sqlite", "elasticsearch"])
def search_engine(request, settings):
    """The site's configured engine: embedded, or a throwaway Elasticsearch index."""
    if request.param == "sqlite":
        yield "sqlite"
        return
    url = elasticsearch_test_url()
    if not url:
        pytest.skip("neither ELASTICSEARCH_TEST_URL nor ELASTICSEARCH_URL is set")
    settings.ELASTICSEARCH_URL = url
    settings.ELASTICSEARCH_INDEX_PREFIX = f"test-{uuid.uuid4().hex[:10]}"
    reset_engines()
    try:
        yield "elasticsearch"
    finally:
        get_engine().drop_indices()
        reset_engines()


@pytest.fixture(scope="module")
def _module_documents(request):
    """The documents, built once for the module with the embedded index."""
    from tests.conftest import shared_content

    if not shared_content(request, "documents"):
        return None
    return request.getfixturevalue("module_content")(indexed_documents)


@pytest.fixture
def documents(_module_documents, site, search_engine, settings, django_capture_on_commit_callbacks):
    if not _module_documents:
        with django_capture_on_commit_callbacks(execute=True):
            return ensure_documents(languages=LANGUAGES)
    documents = _module_documents.for_test(settings)
    if search_engine == "elasticsearch":
        # The test's own (empty) Elasticsearch index gets the documents as a publish queues
        # them for every engine, applied after the commit.
        with django_capture_on_commit_callbacks(execute=True):
            for page in (*documents["plan_64"].values(), *documents["decree_42"].values()):
                queue(page)
    return documents


def indexed_documents():
    with TestCase.captureOnCommitCallbacks(execute=True):  # indexing, as after the publish's commit
        return ensure_documents(languages=LANGUAGES)


def api(client, **params):
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def test_a_document_is_found_by_number_title_and_issuer(client, documents, search_engine):
    plan, decree = documents["plan_64"], documents["decree_42"]
    body = api(client, q="64/KH-UBND")
    assert body["engine"] == search_engine
    first = body["results"][0]
    assert (first["kind"], first["locale"], first["url"]) == ("document", "vi", plan["vi"].url)
    assert first["ref"] == plan["vi"].ref == plan["en"].ref and first["ref"].startswith("document-")

    # typed without diacritics, in English, and by the type's name in the page's language
    assert api(client, q="ke hoach thong tin doi ngoai")["results"][0]["url"] == plan["vi"].url
    hit = api(client, q="foreign information plan", lang="en")["results"][0]
    assert (hit["title"], hit["url"]) == (plan["en"].title, plan["en"].url)
    assert api(client, q="nghi dinh 42")["results"][0]["url"] == decree["vi"].url
    assert api(client, q="Government of Vietnam decree", lang="en")["results"][0]["url"] == decree["en"].url
    # a visitor in a language the document is not translated into gets the Vietnamese page
    hit = api(client, q="42/2022/NĐ-CP", lang="ko")["results"][0]
    assert (hit["locale"], hit["url"]) == ("vi", decree["vi"].url)


def test_kind_filter_and_facet(client, documents):
    body = api(client, q="thông tin", kind="document")
    assert {r["kind"] for r in body["results"]} == {"document"}
    assert body["facets"]["kind"]["document"] == 2
    response = client.get("/api/v1/search/", {"q": "x", "kind": "law"})
    assert response.status_code == 400
    assert (
        json.loads(response.content)["param"] == "kind"
        and "document" in json.loads(response.content)["error"]
    )


def test_autocomplete_suggests_documents(client, documents):
    response = client.get("/api/v1/search/autocomplete/", {"q": "nghi dinh", "lang": "en"})
    suggestions = json.loads(response.content)["suggestions"]
    assert suggestions[0]["kind"] == "document"
    assert suggestions[0]["url"] == documents["decree_42"]["en"].url


def test_search_page_card_shows_the_documents_facts(client, documents):
    html = client.get("/en/search/", {"q": "decree 42/2022"}).content.decode()
    card = re.search(r'<li class="result result--document">(.*?)</li>', html, re.S).group(1)
    assert "Official document" in card and documents["decree_42"]["en"].url in card
    assert "Decree 42/2022/NĐ-CP" in card and "Government of Vietnam" in card
    assert 'datetime="2022-06-24"' in card
    assert re.search(r'<label for="f-kind-document">Official documents', html)
    html = client.get("/vi/search/", {"q": "nghị định 42"}).content.decode()
    card = re.search(r'<li class="result result--document">(.*?)</li>', html, re.S).group(1)
    assert "Văn bản" in card and "Nghị định 42/2022/NĐ-CP" in card and "Chính phủ" in card


def test_unpublish_and_delete_leave_the_index(client, documents, django_capture_on_commit_callbacks):
    decree = documents["decree_42"]
    with django_capture_on_commit_callbacks(execute=True):
        decree["en"].unpublish()
    hit = api(client, q="42/2022/NĐ-CP", lang="en")["results"][0]
    assert (hit["locale"], hit["url"]) == ("vi", decree["vi"].url)
    with django_capture_on_commit_callbacks(execute=True):
        OfficialDocumentPage.objects.get(pk=decree["en"].pk).delete()
        OfficialDocumentPage.objects.get(pk=decree["vi"].pk).delete()
    assert all(
        r["kind"] != "document" or "42" not in r["title"] for r in api(client, q="42/2022/NĐ-CP")["results"]
    )
    assert api(client, q="64/KH-UBND")["results"][0]["kind"] == "document"


def test_rebuild_includes_documents(client, documents, capsys):
    kinds = {(doc.kind, doc.locale) for doc in all_live_documents()}
    assert {("document", "vi"), ("document", "en")} <= kinds
    call_command("search_index", "rebuild")
    assert api(client, q="64/KH-UBND")["results"][0]["kind"] == "document"


def test_a_view_restriction_takes_a_section_out_of_the_search(
    client, documents, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    index = documents["index"]["vi"]
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=index, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
    assert all(r["url"] != documents["plan_64"]["vi"].url for r in api(client, q="64/KH-UBND")["results"])
    # the English section is not restricted: its plan is what the visitor now finds
    assert api(client, q="64/KH-UBND")["results"][0]["url"] == documents["plan_64"]["en"].url
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert api(client, q="64/KH-UBND")["results"][0]["url"] == documents["plan_64"]["vi"].url


def test_moving_a_page_or_its_section_reindexes_its_new_url(
    client, documents, django_capture_on_commit_callbacks
):
    from portal.models import DocumentIndexPage

    plan, index = documents["plan_64"]["vi"], documents["index"]["vi"]
    with django_capture_on_commit_callbacks(execute=True):
        archive = index.get_parent().add_child(
            instance=DocumentIndexPage(title="Lưu trữ", slug="luu-tru", locale=index.locale)
        )
        plan.move(archive, pos="last-child")
    plan.refresh_from_db()
    assert plan.url.startswith("/vi/luu-tru/")
    assert api(client, q="64/KH-UBND")["results"][0]["url"] == plan.url
    # moving the section moves every document in it: all of them are re-indexed
    with django_capture_on_commit_callbacks(execute=True):
        archive.move(index, pos="last-child")
    plan.refresh_from_db()
    assert plan.url.startswith("/vi/van-ban/luu-tru/")
    assert api(client, q="64/KH-UBND")["results"][0]["url"] == plan.url


def test_a_sections_new_slug_reaches_the_results(client, documents, django_capture_on_commit_callbacks):
    index, plan = documents["index"]["en"], documents["plan_64"]["en"]
    with django_capture_on_commit_callbacks(execute=True):
        index.slug = "official-documents"
        index.save_revision().publish()
    plan.refresh_from_db()
    assert plan.url == f"/en/official-documents/{plan.slug}/"
    hit = api(client, q="64/KH-UBND", lang="en")["results"][0]
    assert hit["url"] == plan.url
