"""The site chrome, the routing and the view restrictions are kept per content generation
(pagecache/memo.py), with or without the page cache: an edit is shown on the very next
render, a private section leaves the navigation at once, a moved page is found at its new
address only."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction, Site

from home.models import ContactSettings, LinkGroup, LinkGroupItem, OfficeContact
from promo.models import INDEX_MODELS, ProductPage
from tests.factories import AttractionLine, ProductLine, load_lines, translated

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["page cache off", "page cache on"])
def visitor(request, settings, site):
    settings.PAGE_CACHE_ENABLED = request.param == "page cache on"
    return Client()


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# The view beacon's token is signed with the time of the render: two renders a second apart differ
# there and nowhere else.
VIEW_TOKEN = re.compile(rb'data-token="[^"]*"')


def without_view_token(content):
    return VIEW_TOKEN.sub(b'data-token=""', content)


def section_nav(page_html):
    return re.search(r'<nav class="section-nav".*?</nav>', page_html, re.DOTALL).group(0)


def test_office_contact_edit_shows_on_the_next_render(visitor):
    html(visitor, "/en/products/")  # the chrome is now kept in memory
    office = OfficeContact.objects.get(locale__language_code="en")
    office.office_name = "Dầu Tiếng Investment Desk"
    office.save()
    assert "<strong>Dầu Tiếng Investment Desk</strong>" in html(visitor, "/en/products/")


def test_link_group_and_its_links_show_on_the_next_render(visitor):
    html(visitor, "/en/")
    group = LinkGroup.objects.create(locale=Locale.objects.get(language_code="en"), title="Province links")
    assert "Province links" in html(visitor, "/en/")
    LinkGroupItem.objects.create(group=group, label="Tây Ninh portal", url="https://tayninh.gov.vn/")
    assert "Tây Ninh portal" in html(visitor, "/en/")


def test_contact_setting_edit_shows_on_the_next_render(visitor):
    html(visitor, "/vi/")
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.email = "xuctien@example.vn"
    contact.save()
    assert "mailto:xuctien@example.vn" in html(visitor, "/vi/")


def test_a_section_made_private_leaves_the_navigation_at_once(visitor):
    investment = INDEX_MODELS["investment"].objects.get(locale__language_code="en")
    assert investment.url in section_nav(html(visitor, "/en/products/"))
    restriction = PageViewRestriction.objects.create(
        page=investment, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    assert investment.url not in section_nav(html(visitor, "/en/products/"))
    assert "s3cret" not in html(visitor, "/en/products/")
    assert visitor.get(investment.url).status_code == 200  # the password form, not the listing
    assert "password" in visitor.get(investment.url).content.decode().lower()
    restriction.delete()
    assert investment.url in section_nav(html(visitor, "/en/products/"))


def test_a_page_inside_a_section_made_private_asks_for_the_password_at_once(visitor):
    load_lines([ProductLine(ref="gio-may", title="Giỏ mây")])
    page = ProductPage.objects.get(ref="gio-may")
    assert "Giỏ mây" in html(visitor, page.url)
    with CaptureQueriesContext(connection) as public_view:
        html(visitor, page.url + "?again")
    assert not [q for q in public_view.captured_queries if "pageviewrestriction" in q["sql"]]

    restriction = PageViewRestriction.objects.create(
        page=page.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    shown = html(visitor, page.url)
    assert "Giỏ mây" not in shown and "password" in shown.lower()
    restriction.delete()
    assert "Giỏ mây" in html(visitor, page.url)


def test_an_alias_of_a_private_page_is_private_too(visitor):
    products = INDEX_MODELS["product"].objects.get(locale__language_code="en")
    alias = products.create_alias(parent=products.get_parent(), update_slug="products-again")
    assert alias.title in html(visitor, alias.url)
    PageViewRestriction.objects.create(
        page=products, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    assert "password" in html(visitor, alias.url).lower()


def test_a_page_given_a_new_slug_is_routed_to_its_new_address_only(visitor):
    load_lines([ProductLine(ref="gio-may", title="Giỏ mây")])
    page = ProductPage.objects.get(ref="gio-may")
    old_url = page.url
    html(visitor, old_url)
    html(visitor, old_url)  # routed from the memo
    page.slug = "gio-may-tre"
    page.save_revision().publish()
    page.refresh_from_db()
    assert visitor.get(old_url).status_code == 404
    assert "Giỏ mây" in html(visitor, page.url)


def test_the_language_switcher_follows_a_new_translation_at_once(visitor):
    line = ProductLine(ref="non-la", title="Nón lá")
    load_lines([line])
    page = ProductPage.objects.get(ref="non-la")
    html(visitor, page.url)
    load_lines([translated(line, "ja", title="ノンラー")])
    japanese = ProductPage.objects.get(ref="non-la", locale__language_code="ja")
    assert f'hreflang="ja" href="http://testserver{japanese.url}"' in html(visitor, page.url)


def test_a_sub_url_of_a_routable_page_is_replayed_from_the_memo(visitor):
    index = INDEX_MODELS["investment"].objects.get(locale__language_code="en")
    first = visitor.get(index.url + "compare/")
    second = visitor.get(index.url + "compare/")
    assert first.status_code == second.status_code
    assert without_view_token(first.content) == without_view_token(second.content) or first.status_code != 200


def test_the_footer_kept_for_one_language_is_not_shown_in_another(visitor):
    def footer(page_html):
        return re.search(r'<footer class="site-footer">.*?</footer>', page_html, re.DOTALL).group(0)

    english = footer(html(visitor, "/en/products/"))
    korean = footer(html(visitor, "/ko/products/"))
    assert 'href="/en/contact/"' in english and 'href="/ko/contact/"' in korean
    assert footer(html(visitor, "/en/news/")) == english


def test_a_new_item_reaches_the_home_page_at_once(visitor):
    html(visitor, "/vi/")  # the home sections' choice of items is now kept
    load_lines([ProductLine(ref="mat-ong", title="Mật ong rừng tràm")])
    assert "Mật ong rừng tràm" in html(visitor, "/vi/")
    page = ProductPage.objects.get(ref="mat-ong")
    page.unpublish()
    assert "Mật ong rừng tràm" not in html(visitor, "/vi/")


def test_the_kept_home_sections_still_tell_what_is_open_at_this_hour(visitor, settings):
    """The home page keeps its cards' rows per generation and day; whether a place is open is
    still worked out for each request (here at 06:00 and 23:00 by the test clock)."""
    settings.VISIT_CLOCK_PARAMETER = True
    every_day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    hours = {"status": "scheduled", "weekly": [{"days": every_day, "opens": "05:00", "closes": "18:00"}]}
    load_lines([AttractionLine(ref="nui-cau", title="Núi Cậu", hours=hours)])
    morning = html(visitor, "/vi/?now=2026-12-07T06:00")
    night = html(visitor, "/vi/?now=2026-12-07T23:00")
    assert "Núi Cậu" in morning and "Núi Cậu" in night
    assert "Đang mở cửa" in morning and "Đang mở cửa" not in night
