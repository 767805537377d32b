import pytest
from django.contrib.auth import get_user_model

from enquiries.models import Enquiry

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("lead", "lead@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def enquiry():
    return Enquiry.objects.create(
        kind="interest",
        language="ko",
        name="Kim Min-jun",
        company="Hanbit Materials",
        country="KR",
        email="minjun@example.com",
        message="Site visit in January",
        consent=True,
        opportunity_ref="inv-0001",
        opportunity_title="Khu công nghiệp mẫu",
        recipient="invest@example.com",
        email_status="failed",
        email_error="timeout",
    )


def test_listing_is_in_the_admin_menu_and_searchable(admin_client, enquiry):
    home = admin_client.get("/admin/")
    assert "/admin/enquiries/" in home.content.decode()

    listing = admin_client.get("/admin/enquiries/", {"q": "hanbit"})
    assert listing.status_code == 200
    assert "Kim Min-jun" in listing.content.decode()
    assert "Kim Min-jun" not in admin_client.get("/admin/enquiries/", {"q": "nobody"}).content.decode()

    filtered = admin_client.get("/admin/enquiries/", {"email_status": "sent"})
    assert "Kim Min-jun" not in filtered.content.decode()


def test_detail_is_read_only(admin_client, enquiry):
    detail = admin_client.get(f"/admin/enquiries/inspect/{enquiry.pk}/")
    assert detail.status_code == 200
    assert "Site visit in January" in detail.content.decode()
    assert admin_client.get(f"/admin/enquiries/edit/{enquiry.pk}/").status_code in (302, 403)
    assert admin_client.get("/admin/enquiries/new/").status_code in (302, 403)


def test_csv_export_contains_the_enquiry(admin_client, enquiry):
    response = admin_client.get("/admin/enquiries/", {"export": "csv"})
    assert response.status_code == 200
    assert "enquiries.csv" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8")
    assert "Kim Min-jun" in body and "minjun@example.com" in body and "inv-0001" in body


def test_xlsx_export_works(admin_client, enquiry):
    response = admin_client.get("/admin/enquiries/", {"export": "xlsx"})
    assert response.status_code == 200
    assert "enquiries.xlsx" in response["Content-Disposition"]


def test_csv_export_neutralises_formulas(admin_client, enquiry):
    """A spreadsheet program would run these as formulas; in the export they stay text."""
    hostile = {
        "name": '=HYPERLINK("http://evil.example","click")',
        "company": "+cmd|' /C calc'!A0",
        "message": "@SUM(1+1)*cmd|' /C calc'!A0",
        "phone": "-2+3",
        "email_error": " =1+1",
    }
    Enquiry.objects.filter(pk=enquiry.pk).update(**hostile)
    response = admin_client.get("/admin/enquiries/", {"export": "csv"})
    import csv
    import io

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    cells = [cell for row in rows[1:] for cell in row]
    for value in hostile.values():
        assert "'" + value in cells
        assert value not in cells
    # XLSX keeps them as plain strings (never formulas)
    from openpyxl import load_workbook

    xlsx = admin_client.get("/admin/enquiries/", {"export": "xlsx"})
    book = load_workbook(io.BytesIO(b"".join(xlsx.streaming_content)))
    values = [c for row in book.active.iter_rows(values_only=True) for c in row]
    assert hostile["name"] in values
    assert all(cell.data_type != "f" for row in book.active.iter_rows() for cell in row)


def test_neutralise_leaves_ordinary_text_and_numbers_alone():
    from promo.csv_safety import neutralise

    assert neutralise("Kim Min-jun") == "Kim Min-jun"
    assert neutralise(42) == 42 and neutralise(-3) == -3 and neutralise("") == ""
    assert neutralise("＝1+1") == "'＝1+1" and neutralise("\t=1") == "'\t=1"
