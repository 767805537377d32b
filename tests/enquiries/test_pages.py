import pytest

pytestmark = pytest.mark.django_db

LANGS = ["vi", "en", "ko", "ja", "zh-hans"]
CONTACT_HEADINGS = {
    "vi": "Liên hệ",
    "en": "Contact us",
    "ko": "문의하기",
    "ja": "お問い合わせ",
    "zh-hans": "联系我们",
}


@pytest.mark.parametrize("lang", LANGS)
def test_contact_page_renders_in_every_language(client, site, lang):
    response = client.get(f"/{lang}/contact/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{CONTACT_HEADINGS[lang]}</h1>" in html
    assert f'action="/{lang}/contact/"' in html
    assert "csrfmiddlewaretoken" in html


@pytest.mark.parametrize(
    "lang, heading, country",
    [
        ("en", "Express interest", "South Korea"),
        ("ko", "관심 표명하기", "대한민국"),
    ],
)
def test_interest_form_is_on_the_opportunity_page(client, opportunity, lang, heading, country):
    page = opportunity[lang]
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert f'action="/{lang}/enquiries/interest/{page.id}/"' in html
    assert country in html  # the country list is in the visitor's language
    assert "csrfmiddlewaretoken" in html
    # The honeypot is out of the accessibility tree and the tab order.
    assert '<div class="enquiry-form__hp" aria-hidden="true">' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html and 'autocomplete="off"' in html


def test_standalone_interest_page_names_the_opportunity(client, opportunity):
    page = opportunity["en"]
    response = client.get(f"/en/enquiries/interest/{page.id}/")
    assert response.status_code == 200
    assert page.ref in response.content.decode()
