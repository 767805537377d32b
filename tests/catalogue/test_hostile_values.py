"""Values the format used to accept and the site then choked on: control characters at every
entrance, numbers and lengths beyond what the models store, ids beyond what the database holds.
The format (promo.catalogue.spec), the models and the URL converters share one set of bounds."""

import json
from io import StringIO

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from promo.catalogue import spec
from promo.limits import MAX_DATABASE_ID, MAX_VND, URL_MAX_LENGTH
from promo.models import CATALOGUE_MODELS, INDEX_MODELS, FairPage, ProductPage
from tests.factories import AttractionLine, FairLine, ProductLine, to_jsonl


def import_problems(tmp_path, lines):
    path = tmp_path / "load.jsonl"
    path.write_text(lines if isinstance(lines, str) else to_jsonl(lines), encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("catalogue", "import", str(path), stdout=StringIO(), stderr=err)
    return err.getvalue()


@pytest.mark.django_db
def test_importer_rejects_control_characters_with_line_and_key(site, tmp_path):
    text = import_problems(
        tmp_path,
        [
            ProductLine(ref="nul-title", title="Mật ong\x00"),
            ProductLine(ref="break-title", title="Mật ong\nBEGIN:VEVENT"),
            FairLine(ref="break-org", organizer="Trung tâm\r\nX"),
            ProductLine(ref="bell-summary", summary="Tóm tắt\x07"),
            ProductLine(ref="tag-esc", tags=["ok", "bad\x1b[31m"]),
            ProductLine(ref="fine-breaks", summary="Dòng một.\nDòng hai.", body="A.\r\n\r\nB."),
        ],
    )
    assert "line 1: title: contains the control character U+0000 at character 8" in text
    assert "line 2: title: must be a single line (line break at character 8)" in text
    assert "line 3: organizer: must be a single line" in text
    assert "line 4: summary: contains the control character U+0007" in text
    assert "line 5: tags: tag 2: contains the control character U+001B" in text
    assert "line 6" not in text  # line breaks in long text are fine
    assert not ProductPage.objects.exists()


@pytest.mark.django_db
def test_bounds_of_the_format_are_the_bounds_of_the_models(site, tmp_path):
    text = import_problems(
        tmp_path,
        [
            ProductLine(ref="huge-price", price_from_vnd=10**19),
            AttractionLine(ref="huge-ticket", ticket_vnd=MAX_VND + 1),
            FairLine(ref="long-url", registration_url="https://example.com/" + "a" * URL_MAX_LENGTH),
        ],
    )
    assert f"line 1: price_from_vnd: must be 0..{MAX_VND} (got {10**19})" in text
    assert "line 2: ticket_vnd: must be 0.." in text
    assert f"line 3: registration_url: must be at most {URL_MAX_LENGTH} characters" in text

    # what the format accepts at its limits, the models store
    path = tmp_path / "edge.jsonl"
    url = "https://example.com/" + "a" * (URL_MAX_LENGTH - len("https://example.com/"))
    path.write_text(
        to_jsonl(
            [
                ProductLine(ref="max-price", price_from_vnd=MAX_VND),
                FairLine(ref="max-url", registration_url=url),
            ]
        ),
        encoding="utf-8",
    )
    call_command("catalogue", "import", str(path), stdout=StringIO(), stderr=StringIO())
    assert ProductPage.objects.get(ref="max-price").price_from_vnd == MAX_VND
    assert FairPage.objects.get(ref="max-url").registration_url == url


def test_every_text_key_is_bounded_like_its_model_field():
    """For each key stored in a model CharField, the format's limit is the field's."""
    for kind, model in CATALOGUE_MODELS.items():
        for name, key in spec.keys_for(kind).items():
            if key.taxonomy or name in ("tags",):
                continue
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:  # a structured value (hours, fees…) checked as a whole
                continue
            limit = getattr(field, "max_length", None)
            if not limit or field.get_internal_type() not in ("CharField", "URLField", "EmailField"):
                continue
            prefix = "https://example.com/" if field.get_internal_type() == "URLField" else ""
            too_long = prefix + "a" * (limit + 1 - len(prefix))
            with pytest.raises(spec.Invalid):
                key.check(too_long)


@pytest.mark.django_db
def test_admin_refuses_control_characters_and_huge_prices(client, site):
    from django.contrib.auth import get_user_model

    from promo.models import Category, Commune

    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.com", "pw"))
    index = INDEX_MODELS["product"].objects.get(locale__language_code="vi")
    vi = index.locale
    url = reverse("wagtailadmin_pages:add", args=("promo", "productpage", index.pk))
    data = {
        "title": "Mật ong\x00",
        "slug": "mat-ong",
        "ref": "mat-ong",
        "summary": "Tóm\x0btắt",
        "producer": "HTX\nmẫu",
        "price_from_vnd": str(10**19),
        "hero_alt": "",
        "category": Category.objects.get(kind="product", slug="food", locale=vi).pk,
        "commune": Commune.objects.get(slug="thanh-an", locale=vi).pk,
        "body-count": "0",
        "related-count": "0",
        "brochures-count": "0",
        "action-publish": "action-publish",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    for field in ("title", "summary", "producer", "price_from_vnd"):
        assert field in errors, (field, dict(errors))
    assert not ProductPage.objects.exists()


@pytest.mark.django_db
def test_huge_ids_in_urls_are_not_found(client, site):
    for page_id in ("99999999999999999999999", str(MAX_DATABASE_ID + 1), "18446744073709551616"):
        assert client.get(f"/en/enquiries/interest/{page_id}/").status_code == 404
    assert client.get(f"/en/enquiries/interest/{MAX_DATABASE_ID}/").status_code == 404


@pytest.mark.django_db
def test_visitors_enquiry_with_control_characters_is_refused_not_stored(client, site):
    from enquiries.models import Enquiry

    response = client.post(
        "/en/contact/",
        {
            "name": "Kim\x00",
            "email": "kim@example.com",
            "message": "Hello\x1b[2J",
            "consent": "on",
            "company": "A\nB",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"name", "message", "company"} <= set(errors)
    assert not Enquiry.objects.exists()
    json.dumps(dict(errors))  # the messages are plain text
