"""What a visitor sees of the portal's own features: print and contrast tools, the organisation
and contacts page, and the documents section."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.demo import ensure_documents, ensure_organisation_page
from portal.models import OfficialDocumentPage

pytestmark = pytest.mark.django_db


def test_article_has_a_labelled_print_button_and_print_stylesheet(client, news):
    html = client.get(news["vi"].url).content.decode()
    button = re.search(r'<button type="button" class="page-tools__print"[^>]*>([^<]+)</button>', html)
    assert button and button.group(1) == "In bài viết"
    assert "onclick" not in html  # behaviour is attached by the script
    assert re.search(r'<link rel="stylesheet" href="/static/portal/portal-print\.css" media="print">', html)
    html = client.get(news["en"].url).content.decode()
    assert ">Print</button>" in html


def test_print_stylesheet_hides_navigation_and_writes_out_link_targets(client):
    from django.contrib.staticfiles import finders

    css = open(finders.find("portal/portal-print.css"), encoding="utf-8").read()
    hidden = css.split("{ display: none")[0]
    for selector in (
        ".site-header",
        ".search-form",
        ".language-switcher",
        ".site-footer__links",
        ".page-tools",
        ".contrast-toggle",
    ):
        assert selector in hidden
    assert 'content: " (" attr(href) ")"' in css


def test_contrast_toggle_reflects_the_cookie(client, news):
    html = client.get(news["vi"].url).content.decode()
    assert re.search(r'<button type="button" id="contrast-toggle"[^>]*aria-pressed="false"', html)
    assert "Độ tương phản cao" in html
    client.cookies["contrast"] = "high"
    html = client.get(news["vi"].url).content.decode()
    assert re.search(r'id="contrast-toggle"[^>]*aria-pressed="true"', html)


def test_contrast_cookie_renders_the_class_on_html(rf):
    from django.template import engines

    template = engines["django"].from_string('{% load portal_tags %}<html lang="vi"{% html_theme_class %}>')
    request = rf.get("/vi/")
    assert template.render({}, request) == '<html lang="vi">'
    request.COOKIES["contrast"] = "high"
    assert template.render({}, request) == '<html lang="vi" class="high-contrast">'


def test_organisation_page_in_vietnamese_and_english(client, site):
    pages = ensure_organisation_page()
    ensure_organisation_page()  # idempotent
    assert pages["vi"].translation_key == pages["en"].translation_key
    html = client.get(pages["en"].url).content.decode()
    assert "<h1>Organisation and contacts</h1>" in html
    assert "Trade and Investment Promotion Office of Dầu Tiếng" in html
    assert "Responsible officials" in html and "Investment promotion" in html
    assert "Foreign information" in html and "Tourism promotion" in html
    assert 'href="mailto:an.nguyen@dautieng-promo.example"' in html
    assert 'href="tel:+84000000101"' in html
    assert "(sample)" in html and "In bài viết" not in html and ">Print</button>" in html
    html = client.get(pages["vi"].url).content.decode()
    assert "Cán bộ phụ trách" in html and "Thông tin đối ngoại" in html
    assert "Văn phòng Xúc tiến Thương mại và Đầu tư Dầu Tiếng" in html
    assert 'href="mailto:binh.tran@dautieng-promo.example"' in html


def test_document_detail_shows_facts_and_download(client, site):
    docs = ensure_documents()
    ensure_documents()  # idempotent
    assert OfficialDocumentPage.objects.count() == 10  # the plan and the decree, five languages
    plan = docs["plan_64"]["vi"]
    html = client.get(plan.url).content.decode()
    assert "64/KH-UBND" in html and "Kế hoạch" in html and "Ủy ban nhân dân huyện Dầu Tiếng" in html
    assert 'datetime="2022-06-15"' in html
    link = re.search(r'<a class="button button--primary" href="([^"]+)" download>Tải văn bản</a>', html)
    assert link
    response = client.get(link.group(1))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    html = client.get(docs["plan_64"]["en"].url).content.decode()
    assert "Download the document" in html and "People&#x27;s Committee of Dầu Tiếng District" in html


def _titles(html):
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)


def test_document_index_filters_and_paginates_with_a_fixed_number_of_queries(client, site, uncached_pages):
    import datetime

    docs = ensure_documents()
    index = docs["index"]["en"]
    for i in range(25):
        index.add_child(
            instance=OfficialDocumentPage(
                title=f"Decision {i:02d}",
                slug=f"decision-{i}",
                doc_type="decision",
                number=f"{i}/QD-UBND",
                issuer="Office A" if i % 2 else "Office B",
                issued=datetime.date(2023, 1, 1 + i),
                abstract="About something.",
                locale=index.locale,
            )
        )
    html = client.get(index.url).content.decode()
    assert "27 documents" in html and "Page 1 of 2" in html

    html = client.get(index.url, {"type": "plan"}).content.decode()
    assert _titles(html) == ["Dầu Tiếng District foreign information plan for 2022"]
    html = client.get(index.url, {"type": "decree"}).content.decode()
    assert _titles(html) == ["Decree on online information and public services provided by state agencies"]
    html = client.get(index.url, {"year": "2022"}).content.decode()
    assert len(_titles(html)) == 2
    html = client.get(index.url, {"type": "decision", "issuer": "Office A"}).content.decode()
    assert "12 documents" in html and all(int(t.split()[1]) % 2 for t in _titles(html))
    assert "<option selected>Office A</option>" in html

    def queries(params):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(index.url, params).status_code == 200
        return len(ctx)

    assert queries({"type": "decision", "page": "2"}) == queries({"type": "decision"})
    assert queries({}) == queries({"year": "2023"})


@pytest.mark.parametrize("lang", ["ko", "ja", "zh-hans"])
def test_footer_links_the_english_portal_pages_where_they_are_not_translated(client, site, lang):
    pages = ensure_organisation_page(languages=("vi", "en"))
    docs = ensure_documents(languages=("vi", "en"))
    html = client.get(f"/{lang}/").content.decode()
    for page in (pages["en"], docs["index"]["en"]):
        assert f'<a href="{page.url}" hreflang="en" lang="en">{page.title}</a>' in html
    html = client.get("/vi/").content.decode()
    assert f'<a href="{pages["vi"].url}">{pages["vi"].title}</a>' in html
    assert pages["en"].url not in html
