"""Vietnamese alphabetical order of titles (a ă â b c d đ e ê …, then tone) in vi, "Đ…" and
"Ẩ…" in their places in every language — in SQL, so on SQLite and on PostgreSQL alike — and the
admin's page search matching without diacritics."""

import re

import pytest

from promo.collation import sort_key
from promo.models import INDEX_MODELS
from tests.factories import ProductLine, load_lines, translated

VIETNAMESE_ORDER = [
    "a",
    "à",
    "ả",
    "ã",
    "á",
    "ạ",
    "Anh",
    "Ăn",
    "Ẩm thực",
    "Ấp",
    "Bàu Bàng",
    "Cá",
    "Chợ",
    "Chùa",
    "Dầu Tiếng",
    "Dừa",
    "Đá Trứng",
    "Điểm",
    "Đồng",
    "Eo",
    "Êm",
    "Hoa",
    "Hồ Cần Nôm",
    "Hội chợ",
    "Ô",
    "Ổ",
    "Ông",
    "Ơn",
    "Uống",
    "Ư",
    "Zebra",
]


def test_vietnamese_alphabet_then_tone():
    shuffled = sorted(VIETNAMESE_ORDER, key=lambda w: w[::-1])
    assert sorted(shuffled, key=lambda w: sort_key(w, "vi")) == VIETNAMESE_ORDER


def test_other_languages_keep_d_stroke_and_marked_vowels_in_place():
    words = ["Zebra", "Đá Trứng Boulders", "Ẩm thực", "Dầu Tiếng Lake", "Eagle", "Apple", "Bàu Bàng"]
    ordered = sorted(words, key=lambda w: sort_key(w, "en"))
    assert ordered == [
        "Ẩm thực",
        "Apple",
        "Bàu Bàng",
        "Dầu Tiếng Lake",
        "Đá Trứng Boulders",
        "Eagle",
        "Zebra",
    ]


def test_keys_are_hex_digits_only():
    """Lowercase hexadecimal sorts the same under every database collation."""
    for word in VIETNAMESE_ORDER + ["가나", "ダウ", "油汀湖", "x" * 300]:
        assert re.fullmatch(r"[0-9a-f]+", sort_key(word, "ko"))


def _titles(html):
    return re.findall(r'class="card__title"><a [^>]*>([^<]+)</a>', html)


@pytest.mark.django_db
def test_listing_sorts_by_title_in_vietnamese_order(client, site):
    titles = [
        "Zebra gỗ",
        "Đồng hồ gỗ",
        "Dừa sáp",
        "Ẩm trà",
        "Anh đào",
        "Ăn vặt",
        "Bánh tráng",
        "Ớt xiêm",
        "Ông già",
        "Ô mai",
    ]
    lines = [ProductLine(ref=f"sort-{i}", title=title) for i, title in enumerate(titles)]
    lines += [translated(line, "en", title=f"{line['title']} (en)") for line in lines]
    load_lines(lines)
    vi = INDEX_MODELS["product"].objects.get(locale__language_code="vi")
    html = client.get(vi.get_url() + "?sort=title").content.decode()
    assert _titles(html) == [
        "Anh đào",
        "Ăn vặt",
        "Ẩm trà",
        "Bánh tráng",
        "Dừa sáp",
        "Đồng hồ gỗ",
        "Ô mai",
        "Ông già",
        "Ớt xiêm",
        "Zebra gỗ",
    ]
    en = INDEX_MODELS["product"].objects.get(locale__language_code="en")
    html = client.get(en.get_url() + "?sort=title").content.decode()
    assert [t.removesuffix(" (en)") for t in _titles(html)] == [
        "Ẩm trà",
        "Ăn vặt",
        "Anh đào",
        "Bánh tráng",
        "Dừa sáp",
        "Đồng hồ gỗ",
        "Ô mai",
        "Ông già",
        "Ớt xiêm",
        "Zebra gỗ",
    ]


@pytest.mark.django_db
def test_admin_page_search_ignores_diacritics(
    client, site, django_user_model, django_capture_on_commit_callbacks
):
    from tests.factories import AttractionLine

    # the importer refreshes the admin search index after its commit
    with django_capture_on_commit_callbacks(execute=True):
        load_lines(
            [
                AttractionLine(ref="nui-cau", title="Núi Cậu"),
                AttractionLine(ref="dinh-thanh", title="Đình Định Thành"),
            ]
        )
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "x"))
    for query, title in (("nui cau", "Núi Cậu"), ("Núi Cậu", "Núi Cậu"), ("dinh thanh", "Đình Định Thành")):
        html = client.get("/admin/pages/search/", {"q": query}).content.decode()
        assert title in html, query
