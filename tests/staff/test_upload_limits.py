"""Uploads are checked while they are read: a cell too large for the CSV reader, a workbook
that expands to a million rows or hundreds of megabytes — each a clear message, in bounded time
and memory, never a 500."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from staff import spreadsheet
from staff.spreadsheet import MAX_ROWS, UnreadableSheet, read_upload


@pytest.fixture(autouse=True)
def english():
    from django.utils import translation

    with translation.override("en"):
        yield


def bomb_xlsx(rows, padding=0):
    """A valid workbook (openpyxl's own parts) whose sheet holds `rows` identical rows, plus
    `padding` bytes of an unused part: small once compressed."""
    from openpyxl import Workbook

    template = io.BytesIO()
    Workbook().save(template)
    # rows and cells without their optional r="…" references: identical, so they compress
    body = '<row><c t="inlineStr"><is><t>x</t></is></c></row>' * rows
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
        f'openxmlformats.org/spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>'
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(template) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z,
    ):
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                z.writestr(info.filename, sheet)
            else:
                z.writestr(info.filename, source.read(info))
        if padding:
            z.writestr("xl/padding.bin", b"\0" * padding)
    return out.getvalue()


def test_million_row_workbook_is_refused_after_reading_a_few_thousand_rows():
    data = bomb_xlsx(1_000_000)
    assert len(data) < 2_000_000
    started = time.process_time()
    with pytest.raises(UnreadableSheet, match=f"more than {MAX_ROWS} rows"):
        read_upload("bomb.xlsx", data)
    assert time.process_time() - started < 5  # was about a minute of CPU before streaming


def test_workbook_expanding_beyond_the_limit_is_refused_before_parsing(monkeypatch):
    data = bomb_xlsx(3, padding=spreadsheet.MAX_XLSX_EXPANDED_BYTES + 1)
    assert len(data) < 1_000_000
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: pytest.fail("was opened"))
    with pytest.raises(UnreadableSheet, match="expands to more than 100 MB"):
        read_upload("bomb.xlsx", data)


def test_csv_with_a_huge_cell_or_too_many_rows_gets_a_message():
    huge = ("ref,locale,title\nok,vi,Fine\nbig,vi," + "x" * 200_000 + "\n").encode()
    with pytest.raises(UnreadableSheet, match="Row 3 of the CSV file cannot be read"):
        read_upload("big.csv", huge)
    many = ("ref,locale,title\n" + "r,vi,t\n" * (MAX_ROWS + 1)).encode()
    with pytest.raises(UnreadableSheet, match=f"more than {MAX_ROWS} rows"):
        read_upload("many.csv", many)
    exactly = ("ref,locale,title\n" + "r,vi,t\n" * MAX_ROWS).encode()
    assert len(read_upload("ok.csv", exactly)[1]) == MAX_ROWS


@pytest.mark.django_db
def test_upload_form_shows_the_problem_instead_of_failing(client, site):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.com", "pw"))
    big = SimpleUploadedFile("big.csv", ("ref,locale,title\nbig,vi," + "x" * 200_000).encode())
    response = client.post(reverse("staff_import"), {"kind": "product", "file": big})
    assert response.status_code == 200
    assert "cannot be read" in response.content.decode()
    bomb = SimpleUploadedFile("bomb.xlsx", bomb_xlsx(200_000))
    response = client.post(reverse("staff_import"), {"kind": "product", "file": bomb})
    assert response.status_code == 200
    assert f"more than {MAX_ROWS} rows" in response.content.decode()
