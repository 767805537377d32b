"""An opportunity's page: deal facts (VND with the dollar figure, rate and date), incentives
linked to the documents section, the named officer, JSON-LD, and the status-driven ending."""

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def en_url():
    """The English page of kcn-a: English pages take their slug from the English title."""
    from promo.models import CATALOGUE_MODELS

    return CATALOGUE_MODELS["investment"].objects.get(ref="kcn-a", locale__language_code="en").url


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_facts_panel_shows_money_in_vnd_and_usd_with_rate_and_date(client, opportunities):
    soup = soup_of(client, en_url())
    panel = soup.select_one(".deal-facts")
    money = panel.select_one(".money")
    assert "1,000,000,000,000" in money.select_one(".money__vnd").get_text()
    assert "US$40,000,000" in money.select_one(".money__usd").get_text()
    assert "25,000 VND/USD" in money.select_one(".money__rate").get_text()
    assert "27/11/2026" in money.select_one(".money__rate").get_text()
    text = panel.get_text(" ", strip=True)
    for expected in (
        "Land lease",
        "50 years",
        "22 kV",
        "62 km, about 80 min by road",
        "Cảng Cát Lái: 72 km, about 95 min by road",
        "Industrial park / cluster land",
        "60,000–85,000 VND/m²/year",
    ):
        assert expected in text, expected


def test_vietnamese_page_formats_for_vietnamese(client, opportunities):
    text = soup_of(client, "/vi/dau-tu/kcn-a/").select_one(".money").get_text(" ", strip=True)
    assert "1.000.000.000.000" in text and "25.000" in text


def test_incentives_list_with_legal_basis_linking_to_the_document_page(client, opportunities):
    import datetime

    from portal.demo import _ensure_document, ensure_documents

    ensure_documents()
    from portal.models.documents import DocumentIndexPage

    index = DocumentIndexPage.objects.get(locale__language_code="vi")
    doc = _ensure_document(
        index,
        index.locale,
        "31/2021/NĐ-CP",
        title="Nghị định 31/2021/NĐ-CP",
        slug="nd-31-2021",
        doc_type="decree",
        issuer="Chính phủ",
        issued=datetime.date(2021, 3, 26),
        abstract="Hướng dẫn Luật Đầu tư.",
    )
    soup = soup_of(client, "/vi/dau-tu/kcn-a/")
    items = soup.select(".incentive-list li")
    assert [li.select_one(".incentive-list__text").get_text() for li in items] == [
        "Miễn tiền thuê đất",
        "Hỗ trợ thủ tục",
    ]
    link = items[0].select_one(".incentive-list__basis a")
    assert link["href"] == doc.url and "31/2021/NĐ-CP" in link.get_text()
    assert items[1].select_one(".incentive-list__basis") is None
    # the body is under its own heading, not under "Incentives"
    assert soup.select_one("#about-heading") is not None


def test_named_officer_with_languages(client, opportunities):
    officer = soup_of(client, "/ko/investment/kcn-a/").select_one(".officer")
    text = officer.get_text(" ", strip=True)
    assert "Lê Văn An" in text and "담당관" in text and "+84 28 0000 0001" in text
    assert officer.select_one('a[href^="mailto:an.le@example.com"]')


def test_json_ld_states_the_deal_facts(client, opportunities):
    soup = soup_of(client, en_url())
    blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    offer = next(
        b
        for b in (blocks[0].get("@graph", blocks) if isinstance(blocks[0], dict) else blocks)
        if isinstance(b, dict) and b.get("@type") == "Offer"
    )
    props = {p["propertyID"]: p for p in offer["itemOffered"]["additionalProperty"]}
    assert props["capital"]["value"] == 1_000_000_000_000 and props["capital"]["unitText"] == "VND"
    assert props["area"]["unitCode"] == "HAR"
    assert props["investment_form"]["value"] == "Land lease"
    assert any(p["propertyID"] == "incentive" for p in offer["itemOffered"]["additionalProperty"])
    assert offer["offeredBy"]["employee"]["name"] == "Lê Văn An"
    assert offer["availability"].endswith("InStock")


def test_open_opportunity_offers_the_interest_form(client, opportunities):
    soup = soup_of(client, en_url())
    assert soup.select_one("#express-interest form") is not None
    assert soup.select_one(".notice--awarded") is None


def test_awarded_opportunity_has_no_form_a_notice_and_similar_open_ones(client, opportunities):
    from promo.models import InvestmentPage

    # A hand-picked related item comes first even though it is not similar.
    awarded = InvestmentPage.objects.get(ref="nha-may-e", locale__language_code="vi")
    awarded.related = [("item", InvestmentPage.objects.get(ref="kho-f", locale__language_code="vi"))]
    awarded.save_revision().publish()
    soup = soup_of(client, "/vi/dau-tu/nha-may-e/")
    assert soup.select_one("#express-interest") is None
    assert soup.select_one('form[action*="/enquiries/interest/"]') is None
    assert soup.select_one(".notice--awarded") is not None
    cards = [a.get_text(strip=True) for a in soup.select(".related .card__title a")]
    # hand-picked, then same sector (manufacturing, open: A and B), then same commune
    assert cards[0] == "Kho F"
    assert set(cards[1:3]) == {"Khu công nghiệp A", "Khu công nghiệp B"}
    assert "Nông nghiệp D" not in cards  # in negotiation, not open


def test_awarded_with_nothing_similar_links_to_open_ones(client, opportunities):
    from promo.models import InvestmentPage

    page = InvestmentPage.objects.get(ref="nong-nghiep-d", locale__language_code="vi")
    page.status = "awarded"
    page.sector = None
    page.commune = None
    page.save_revision().publish()
    soup = soup_of(client, "/vi/dau-tu/nong-nghiep-d/")
    assert soup.select_one('a[href="/vi/dau-tu/?status=open"]') is not None


def test_interest_goes_to_the_officer(client, opportunities, mailoutbox, django_capture_on_commit_callbacks):
    from promo.models import InvestmentPage

    page = InvestmentPage.objects.get(ref="kcn-a", locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/enquiries/interest/{page.pk}/",
            {"name": "Kim", "email": "kim@example.com", "message": "", "consent": "on", "website": ""},
        )
    assert response.status_code == 302
    assert mailoutbox[-1].to == ["an.le@example.com"]


def test_structured_date_fields_render(client, opportunities):
    text = soup_of(client, en_url()).select_one(".deal-facts").get_text(" ", strip=True)
    assert dt.date(2027, 3, 31).strftime("%B") in text  # expected decision date, March 2027
