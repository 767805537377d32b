"""Importing a spreadsheet: preview names every bad cell by row and column; confirming loads
the rows through the catalogue importer; templates open in a spreadsheet program."""

import csv
import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from promo.catalogue.spec import KINDS
from promo.models import CATALOGUE_MODELS, ProductPage
from staff import setup
from staff.spreadsheet import columns_for

pytestmark = pytest.mark.django_db

IMPORT = "/admin/catalogue-tools/import/"


def xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("products.xlsx", out.getvalue())


def csv_file(rows):
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return SimpleUploadedFile("products.csv", out.getvalue().encode())


def upload(client, kind, file):
    response = client.post(reverse("staff_import"), {"kind": kind, "file": file})
    assert response.status_code == 302, response.content[:2000]
    return response["Location"], client.get(response["Location"])


def confirm(client, preview_url):
    return client.post(preview_url + "confirm/")


def test_admin_url_and_menu(admin_client, site):
    assert reverse("staff_import") == IMPORT
    response = admin_client.get(IMPORT)
    assert response.status_code == 200
    assert "Import spreadsheet" in response.content.decode()
    assert "catalogue-tools" in admin_client.get("/admin/").content.decode()


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_imported(admin_client, site):
    header = ["ref", "locale", "title", "commune", "category", "ocop_stars", "price_from_vnd", "colour"]
    rows = [
        header,
        ["mat-ong", "vi", "Mật ong", "xã Dầu Tiếng", "food", "3", "120000", ""],
        ["hat-dieu", "vi", "Hạt điều", "xã Dầu Tiếng", "food", "6", "nhiều", ""],
        ["Bad Ref", "vi", "", "Nowhere", "food", "", "", "red"],
        ["khoai-mi", "fr", "Khoai mì", "xã Dầu Tiếng", "food", "", "", ""],
    ]
    header.append("kind")
    for row in rows[1:]:
        row.append("fair" if row[0] == "mat-ong" else "")
    url, response = upload(admin_client, "product", csv_file(rows))
    page = response.content.decode()
    assert "is not a column of a product sheet" in page  # the unknown "colour" header
    assert "Header row" in page and "column “colour”" in page
    problems = set(re.findall(r"Row (\d+),\s*column “(\w+)”", page))
    assert problems == {
        ("2", "kind"),
        ("3", "ocop_stars"),
        ("3", "price_from_vnd"),
        ("4", "ref"),
        ("4", "title"),
        ("4", "commune"),
        ("5", "locale"),
    }
    assert "must be 1..5 (got 6)" in page
    assert "Import and publish" not in page
    assert page.count("staff-bad-cell") == len(problems)

    confirm(admin_client, url)
    assert ProductPage.objects.count() == 0


def test_unknown_commune_is_reported_against_its_cell(admin_client, site):
    rows = [
        ["ref", "locale", "title", "commune", "category"],
        ["mat-ong", "vi", "Mật ong", "Atlantis", "food"],
    ]
    _url, response = upload(admin_client, "product", csv_file(rows))
    page = response.content.decode()
    assert "Row 2," in page and "column “commune”" in page and "unknown commune" in page


def test_good_xlsx_with_typed_cells_imports_source_and_translation(admin_client, site):
    rows = [
        [
            "ref",
            "locale",
            "title",
            "summary",
            "tags",
            "commune",
            "published",
            "category",
            "ocop_stars",
            "price_from_vnd",
            "unit",
        ],
        [
            "mat-ong",
            "vi",
            "Mật ong hoa cao su",
            "Mật ong.",
            "mật ong, OCOP",
            "xã Dầu Tiếng",
            dt.datetime(2026, 11, 1),
            "food",
            3.0,
            120000.0,
            "chai",
        ],
        ["mat-ong", "en", "Rubber-flower honey", "Honey.", "honey", None, None, None, None, None, "bottle"],
    ]
    url, response = upload(admin_client, "product", xlsx(rows))
    page = response.content.decode()
    assert "problem" not in page.lower()
    assert "Import and publish 2 items" in page

    response = confirm(admin_client, url)
    assert response.status_code == 302
    vi = ProductPage.objects.get(ref="mat-ong", locale__language_code="vi")
    en = ProductPage.objects.get(ref="mat-ong", locale__language_code="en")
    assert vi.live and en.live and en.translation_key == vi.translation_key
    assert vi.ocop_stars == 3 and vi.price_from_vnd == 120000
    assert vi.published == dt.date(2026, 11, 1)
    assert sorted(t.name for t in vi.tags.all()) == ["OCOP", "mật ong"]
    assert en.unit == "bottle" and en.ocop_stars == 3
    job_url = response["Location"]
    assert "/import/job/" in job_url
    followed = admin_client.get(job_url).content.decode()
    assert "Imported 2 rows: 2 created" in followed
    # Confirming the same upload again shows the same job and imports nothing twice.
    response = admin_client.post(url + "confirm/")
    assert response.status_code == 302 and response["Location"] == job_url
    assert ProductPage.objects.count() == 2


def test_confirm_checks_again(admin_client, site):
    from promo.models import Commune

    rows = [
        ["ref", "locale", "title", "commune", "category"],
        ["mat-ong", "vi", "Mật ong", "xã Dầu Tiếng", "food"],
    ]
    url, _response = upload(admin_client, "product", csv_file(rows))
    Commune.objects.filter(name="xã Dầu Tiếng").update(name="xã Đã Đổi Tên", slug="da-doi")
    response = confirm(admin_client, url)
    assert response.status_code == 302 and response["Location"] == url
    assert ProductPage.objects.count() == 0


@pytest.mark.parametrize("kind", KINDS)
def test_templates_open_and_their_example_rows_import(admin_client, site, kind):
    response = admin_client.get(reverse("staff_import_template", args=[kind, "xlsx"]))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    rows = list(book.active.iter_rows(values_only=True))
    assert list(rows[0]) == columns_for(kind) and len(rows) == 2

    response = admin_client.get(reverse("staff_import_template", args=[kind, "csv"]))
    text = response.content.decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text))) == columns_for(kind)

    url, preview = upload(admin_client, kind, SimpleUploadedFile(f"{kind}.csv", response.content))
    assert "Import and publish 1 item" in preview.content.decode()
    confirm(admin_client, url)
    assert CATALOGUE_MODELS[kind].objects.filter(locale__language_code="vi").count() == 1


def test_only_people_who_may_add_catalogue_pages_get_in(member, django_user_model, client, roles):
    plain = django_user_model.objects.create_user("plain", password="x")
    client.force_login(plain)
    assert client.get(IMPORT).status_code in (302, 403)

    _translator, translator_client = member(setup.TRANSLATORS)  # adds en pages: may preview
    assert translator_client.get(IMPORT).status_code == 200

    # An editor may preview, but the importer publishes, so only a publisher may confirm.
    _editor, editor_client = member(setup.EDITOR_GROUPS["product"])
    rows = [
        ["ref", "locale", "title", "commune", "category"],
        ["mat-ong", "vi", "Mật ong", "xã Dầu Tiếng", "food"],
    ]
    url, preview = upload(editor_client, "product", csv_file(rows))
    assert "only someone who may publish" in preview.content.decode()
    assert "Import and publish" not in preview.content.decode()
    assert editor_client.post(url + "confirm/").status_code in (302, 403)
    assert ProductPage.objects.count() == 0


def test_a_file_that_is_not_a_spreadsheet_is_refused_on_the_form(admin_client, site):
    response = admin_client.post(
        reverse("staff_import"), {"kind": "product", "file": SimpleUploadedFile("x.xlsx", b"not a zip")}
    )
    assert response.status_code == 200
    assert "not a readable XLSX workbook" in response.content.decode()
