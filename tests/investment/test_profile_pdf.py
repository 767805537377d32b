"""The PDF profile: in the visitor's language with correct Vietnamese and CJK text (checked by
extracting the text with poppler's pdftotext), with the officer, coordinates and a QR code;
cached, and rebuilt when what it shows changes."""

import os
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.django_db


def en_url():
    """The English page of kcn-a: English pages take their slug from the English title."""
    from promo.models import CATALOGUE_MODELS

    return CATALOGUE_MODELS["investment"].objects.get(ref="kcn-a", locale__language_code="en").url


def pdf_text(data, tmp_path):
    tool = shutil.which("pdftotext")
    if not tool:
        if os.environ.get("CI"):
            pytest.fail("pdftotext (poppler-utils) is not installed")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "profile.pdf"
    path.write_bytes(data)
    return subprocess.run(
        [tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_korean_profile_has_korean_title_and_vietnamese_place_names(client, opportunities, media, tmp_path):
    data = download(client, "/ko/investment/kcn-a/profile/")
    assert data.startswith(b"%PDF")
    text = pdf_text(data, tmp_path)
    assert "Khu công nghiệp A 한국어" in text
    assert "Cảng Cát Lái" in text  # Vietnamese diacritics survive
    assert "Lê Văn An" in text and "담당관" in text
    assert "11.23" in text and "106.51" in text  # coordinates
    assert "/ko/investment/kcn-a/" in text.replace("\n", "")


@pytest.mark.parametrize(
    "lang,section,words",
    [
        ("ja", "investment", ("工業団地A", "担当官", "土地の賃借")),
        ("zh-hans", "investment", ("工业园A", "专员", "土地租赁")),
        ("vi", "dau-tu", ("Khu công nghiệp A", "Chuyên viên", "Thuê đất")),
    ],
)
def test_profiles_in_other_languages(client, opportunities, media, tmp_path, lang, section, words):
    text = pdf_text(download(client, f"/{lang}/{section}/kcn-a/profile/"), tmp_path)
    for word in (*words, "Lê Văn An"):
        assert word in text, word


def test_profile_is_cached_and_rebuilt_when_the_page_or_the_rate_changes(client, opportunities, media, rate):
    from promo.models import InvestmentPage

    download(client, en_url() + "profile/")
    files = sorted(p.name for p in (media / "profiles" / "kcn-a").iterdir())
    assert len(files) == 1 and files[0].startswith("en-")
    download(client, en_url() + "profile/")
    assert sorted(p.name for p in (media / "profiles" / "kcn-a").iterdir()) == files  # cached

    rate.vnd_per_usd = 26000
    rate.save()
    download(client, en_url() + "profile/")
    after_rate = sorted(p.name for p in (media / "profiles" / "kcn-a").iterdir())
    assert len(after_rate) == 1 and after_rate != files  # the old one is gone

    page = InvestmentPage.objects.get(ref="kcn-a", locale__language_code="en")
    page.title = "Renamed"
    page.save_revision().publish()
    assert not list((media / "profiles" / "kcn-a").iterdir())  # publishing forgets the profiles


def test_profile_link_on_the_page(client, opportunities):
    html = client.get(en_url()).content.decode()
    assert f'href="{en_url()}profile/"' in html
