"""Staff can create every page type in the Wagtail admin, with its kind's fields."""

import pytest
from django.urls import reverse

from promo.models import CATALOGUE_MODELS, INDEX_MODELS, Category, Commune, Sector

pytestmark = pytest.mark.django_db

KIND_FIELDS = {
    "product": lambda vi: {
        "producer": "Cơ sở mẫu",
        "category": Category.objects.get(kind="product", slug="food", locale=vi).pk,
        "ocop_stars": "3",
        "price_from_vnd": "50000",
        "unit": "hộp",
    },
    "fair": lambda vi: {
        "start": "2027-01-10",
        "end": "2027-01-12",
        "venue": "Nhà văn hóa",
        "organizer": "Trung tâm",
        "registration_url": "https://example.com/r",
        **stream_empty("exhibitor_list"),
    },
    "attraction": lambda vi: {
        "category": "nature",
        "lat": "11.33",
        "lon": "106.33",
        "hours_status": "scheduled",
        "opening_hours": "6–17",
        "public_access": "on",
        **stream_empty("routes"),
        **inline_rows("weekly_hours", {"days": ["0", "6"], "opens": "06:00", "closes": "17:00"}),
        **inline_rows("hours_exceptions"),
        **inline_rows("admission_fees", {"visitor": "adult", "price_vnd": "0"}),
    },
    "investment": lambda vi: {
        "sector": Sector.objects.get(slug="energy", locale=vi).pk,
        "area_ha": "12.5",
        "capital_vnd": "26000000000",
        "status": "open",
        "contact_email": "x@example.com",
        "lease_price_min_vnd": "60000",
        "lease_price_max_vnd": "85000",
        **stream_one(
            "incentives",
            "incentive",
            {"text": "Miễn tiền thuê đất", "legal_basis": "Nghị định 103/2024/NĐ-CP"},
        ),
    },
    "news": lambda vi: {
        "category": Category.objects.get(kind="news", slug="economy", locale=vi).pk,
        "author": "Phóng viên",
    },
}


def stream_one(name, block_type, values):
    """POST data of a StreamField holding one struct block."""
    data = {
        f"{name}-count": "1",
        f"{name}-0-type": block_type,
        f"{name}-0-deleted": "",
        f"{name}-0-order": "0",
        f"{name}-0-id": "",
    }
    data.update({f"{name}-0-value-{key}": value for key, value in values.items()})
    return data


def stream_empty(*names):
    data = {}
    for name in names:
        data.update({f"{name}-count": "0"})
    return data


def inline_rows(relation, *rows):
    """POST data of an InlinePanel holding `rows`."""
    data = {
        f"{relation}-TOTAL_FORMS": str(len(rows)),
        f"{relation}-INITIAL_FORMS": "0",
        f"{relation}-MIN_NUM_FORMS": "0",
        f"{relation}-MAX_NUM_FORMS": "1000",
    }
    for n, row in enumerate(rows):
        data.update({f"{relation}-{n}-{name}": value for name, value in row.items()})
        data[f"{relation}-{n}-ORDER"] = str(n + 1)
    return data


@pytest.mark.parametrize("kind", list(CATALOGUE_MODELS))
def test_admin_creates_and_publishes_each_page_type(admin_client, site, kind):
    model = CATALOGUE_MODELS[kind]
    index = INDEX_MODELS[kind].objects.get(locale__language_code="vi")
    vi = index.locale
    url = reverse("wagtailadmin_pages:add", args=("promo", model.__name__.lower(), index.pk))
    assert admin_client.get(url).status_code == 200
    data = {
        "title": f"Trang {kind} mới",
        "slug": f"{kind}-moi",
        "ref": f"{kind}-moi",
        "summary": "Tóm tắt.",
        "hero_alt": "",
        "published": "2026-11-20",
        "commune": Commune.objects.get(slug="thanh-an", locale=vi).pk,
        "tags": "mẫu, thử",
        "action-publish": "action-publish",
        **stream_empty("body", "related", "brochures"),
        **KIND_FIELDS[kind](vi),
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, _form_errors(response)
    page = model.objects.get(ref=f"{kind}-moi")
    assert page.live and page.commune.slug == "thanh-an"
    if kind == "investment":
        assert [b.value["legal_basis"] for b in page.incentives] == ["Nghị định 103/2024/NĐ-CP"]


def test_admin_rejects_a_duplicate_ref_and_a_fair_ending_before_it_starts(admin_client, site):
    from tests.factories import FairLine, load_lines

    load_lines([FairLine(ref="taken")])
    index = INDEX_MODELS["fair"].objects.get(locale__language_code="vi")
    url = reverse("wagtailadmin_pages:add", args=("promo", "fairpage", index.pk))
    data = {
        "title": "Trùng",
        "slug": "trung",
        "ref": "taken",
        "start": "2027-01-10",
        "end": "2027-01-01",
        "action-publish": "action-publish",
        **stream_empty("body", "related", "exhibitor_list"),
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = _form_errors(response)
    assert "ref" in errors and "end" in errors


def _form_errors(response):
    form = response.context["form"] if response.context and "form" in response.context else None
    return dict(form.errors) if form is not None else response.status_code
