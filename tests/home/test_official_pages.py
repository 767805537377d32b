"""The pages every official site has, in all five languages and linked from every footer: the
404 page (search box, section links), the 500 page (static, no database), the privacy notice,
the accessibility statement, the favicon; and the contact block in the visitor's language."""

import re

import pytest
from django.test import RequestFactory

from home.views import server_error

LANGUAGES = ("vi", "en", "ko", "ja", "zh-hans")
NOT_FOUND = {
    "vi": "Không tìm thấy trang",
    "en": "Page not found",
    "ko": "페이지를 찾을 수 없습니다",
    "ja": "ページが見つかりません",
    "zh-hans": "找不到页面",
}
PRIVACY = {
    "vi": "Chính sách bảo vệ dữ liệu cá nhân",
    "en": "Privacy notice",
    "ko": "개인정보 처리방침",
    "ja": "プライバシーポリシー",
    "zh-hans": "隐私声明",
}
ACCESSIBILITY = {
    "vi": "Tuyên bố về khả năng tiếp cận",
    "en": "Accessibility statement",
    "ko": "웹 접근성 정책",
    "ja": "アクセシビリティ方針",
    "zh-hans": "无障碍声明",
}


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_not_found_page_is_translated_with_search_and_sections(client, site, code):
    response = client.get(f"/{code}/no-such-page/at-all/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{code}"' in html
    assert f"<h1>{NOT_FOUND[code]}</h1>" in html
    assert f'action="/{code}/search/"' in html and 'name="q"' in html
    sections = re.search(r'<nav class="error-page__sections".*?</nav>', html, re.S).group(0)
    from promo.models import INDEX_MODELS

    for model in INDEX_MODELS.values():
        section = model.objects.get(locale__language_code=code)
        assert f'href="{section.get_url()}"' in sections


@pytest.mark.parametrize(
    "code,text",
    [
        ("vi", "Đã xảy ra lỗi"),
        ("ko", "문제가 발생했습니다"),
        ("ja", "問題が発生しました"),
        ("zh-hans", "出错了"),
        ("en", "Something went wrong"),
    ],
)
def test_server_error_page_needs_no_database(code, text):
    """No django_db mark: any database access here would fail the test."""
    response = server_error(RequestFactory().get(f"/{code}/broken/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{code}"' in html and text in html and f'href="/{code}/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_privacy_and_accessibility_pages_in_every_language(client, site, settings, code):
    settings.ENQUIRY_RETENTION_DAYS = 90
    privacy = client.get(f"/{code}/privacy/").content.decode()
    assert f"<h1>{PRIVACY[code]}</h1>" in privacy
    assert "90" in privacy  # the retention the site applies, not a copy of it
    accessibility = client.get(f"/{code}/accessibility/").content.decode()
    assert f"<h1>{ACCESSIBILITY[code]}</h1>" in accessibility
    assert "WCAG" in accessibility and "26/2020/TT-BTTTT" in accessibility
    home = client.get(f"/{code}/").content.decode()
    footer = home[home.index("<footer") :]
    assert f'<a href="/{code}/privacy/">{PRIVACY[code]}</a>' in footer
    assert f'<a href="/{code}/accessibility/">{ACCESSIBILITY[code]}</a>' in footer


@pytest.mark.django_db
def test_favicon(client, site):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"
    html = client.get("/en/").content.decode()
    assert '<link rel="icon" href="/favicon.ico"' in html and "favicon.svg" in html


@pytest.mark.django_db
def test_contact_block_in_the_visitors_language_else_english(client, site):
    from wagtail.models import Locale

    from home.models import OfficeContact

    vi = OfficeContact.objects.get(locale__language_code="vi")
    en = OfficeContact.objects.get(locale__language_code="en")
    en.office_name, en.address = "Dầu Tiếng Promotion Office", "Dầu Tiếng Commune"
    en.save()
    OfficeContact.objects.create(
        locale=Locale.objects.get(language_code="ko"),
        translation_key=vi.translation_key,
        office_name="Dầu Tiếng 진흥사무소",
        address="Dầu Tiếng 사",
    )
    ko = client.get("/ko/").content.decode()
    assert "<strong>Dầu Tiếng 진흥사무소</strong>" in ko
    ja = client.get("/ja/").content.decode()
    assert '<p lang="en"><strong>Dầu Tiếng Promotion Office</strong><br>Dầu Tiếng Commune' in ja
    assert "Dầu Tiếng Promotion Office" in client.get("/ja/contact/").content.decode()


@pytest.mark.django_db
def test_vietnamese_and_english_office_details_cannot_be_deleted(client, site, django_user_model):
    from home.models import OfficeContact

    client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "x"))
    for code in ("vi", "en"):
        office = OfficeContact.objects.get(locale__language_code=code)
        client.post(f"/admin/snippets/home/officecontact/delete/{office.pk}/")
        assert OfficeContact.objects.filter(pk=office.pk).exists(), code


@pytest.mark.django_db
def test_admin_loads_no_avatar_from_another_host(client, site, django_user_model, settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "x"))
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
    # what the page loads (links a user may follow, like Wagtail's guide, are not requests)
    loaded = re.findall(r"<(?:script|img|link|iframe|source|video|audio)\b[^>]*>", html)
    assert not [tag for tag in loaded if re.search(r'(?:src|href|srcset)="(?:https?:)?//', tag)]
