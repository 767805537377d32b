"""The admin home page shows what needs staff attention."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from enquiries.models import Enquiry
from promo.models import FairPage, ProductPage
from search.models import SearchQueryDay
from staff import setup
from tests.factories import FairLine, ProductLine, load_lines

pytestmark = pytest.mark.django_db


def log(query, lang, results, days_ago=0):
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    row, _ = SearchQueryDay.objects.get_or_create(day=day, query=query, lang=lang)
    row.count += 1
    row.zero_results += 0 if results else 1
    row.save()


def test_panels_render_for_a_superuser_with_data(admin_client, roles, admin_user):
    today = timezone.localdate()
    load_lines(
        [
            FairLine(
                ref="hoi-cho-gan",
                title="Hội chợ sắp tới",
                start=(today + dt.timedelta(days=10)).isoformat(),
                end=(today + dt.timedelta(days=12)).isoformat(),
            ),
            FairLine(
                ref="hoi-cho-xa",
                title="Hội chợ năm sau",
                start=(today + dt.timedelta(days=90)).isoformat(),
                end=(today + dt.timedelta(days=91)).isoformat(),
            ),
            ProductLine(ref="cho-duyet", title="Sản phẩm chờ duyệt"),
        ]
    )
    page = ProductPage.objects.get(ref="cho-duyet")
    page.title = "Sản phẩm chờ duyệt (sửa)"
    page.save_revision(user=admin_user)
    workflow = page.get_workflow()
    assert workflow.name == setup.WORKFLOW_NAME
    workflow.start(page, admin_user)

    for _ in range(3):
        log("cao su", "vi", 12)
    log("rubber", "en", 4)
    log("durian", "en", 0)
    log("durian", "en", 0)
    log("old query", "ko", 0, days_ago=40)

    html = admin_client.get("/admin/").content.decode()

    assert "Waiting for review" in html
    assert "Sản phẩm chờ duyệt (sửa)" in html
    assert f"/admin/pages/{page.pk}/edit/" in html

    assert "Fairs in the next 60 days" in html
    assert "Hội chợ sắp tới" in html
    assert "Hội chợ năm sau" not in html

    assert "Searches in the last 30 days" in html
    assert "cao su" in html and "durian" in html
    assert "old query" not in html
    assert "vi: 3" in html and "en: 3" in html and "ko:" not in html


def test_panels_say_so_when_there_is_nothing(admin_client, roles):
    html = admin_client.get("/admin/").content.decode()
    assert "No pages are waiting for review." in html
    assert "No published fair starts in the next 60 days." in html
    assert "No searches yet." in html


def test_unpublished_and_translated_fairs_are_left_out(admin_client, roles):
    today = timezone.localdate()
    line = FairLine(
        ref="hoi-cho-nhap",
        title="Hội chợ chưa đăng",
        start=(today + dt.timedelta(days=5)).isoformat(),
        end=(today + dt.timedelta(days=6)).isoformat(),
    )
    load_lines([line])
    FairPage.objects.get(ref="hoi-cho-nhap").unpublish()
    assert "Hội chợ chưa đăng" not in admin_client.get("/admin/").content.decode()


def test_enquiries_panel_lists_who_wrote_and_about_which_opportunity(admin_client, roles):
    html = admin_client.get("/admin/").content.decode()
    assert "New enquiries" in html and "0 enquiries in the last 7 days." in html
    Enquiry.objects.create(
        kind=Enquiry.Kind.INTEREST,
        opportunity_ref="du-an-mau",
        opportunity_title="Dự án mẫu",
        language="vi",
        name="Nguyễn Văn A",
        company="Công ty Mẫu",
        email="a@example.com",
        message="Xin thông tin.",
    )
    Enquiry.objects.create(
        kind=Enquiry.Kind.INTEREST,
        opportunity_ref="chi-co-ma",
        language="en",
        name="Jane Roe",
        email="j@example.com",
        message="Details please.",
    )
    Enquiry.objects.create(
        kind=Enquiry.Kind.GENERAL,
        language="ko",
        name="Kim",
        email="k@example.com",
        message="Hello.",
        created_at=timezone.now() - dt.timedelta(days=9),
    )
    soup = BeautifulSoup(admin_client.get("/admin/").content, "html.parser")
    panel = soup.find(id="staff-enquiries-content")
    assert "2 enquiries in the last 7 days." in panel.get_text(" ", strip=True)
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in panel.select("tbody tr")]
    # Newest first: "About" shows the opportunity's title, or its ref when the title is missing.
    assert [row[1:] for row in rows] == [
        ["Jane Roe", "Interest in an opportunity", "chi-co-ma"],
        ["Nguyễn Văn A (Công ty Mẫu)", "Interest in an opportunity", "Dự án mẫu"],
        ["Kim", "General enquiry", ""],
    ]


@pytest.mark.parametrize(
    "lang, review, tools",
    [
        ("vi", "Không có trang nào đang chờ duyệt.", "Nhập bảng tính"),
        ("en", "No pages are waiting for review.", "Import spreadsheet"),
        ("ko", "검토를 기다리는 페이지가 없습니다.", "스프레드시트 가져오기"),
        ("ja", "審査待ちのページはありません。", "スプレッドシートの取り込み"),
        ("zh-hans", "没有等待审核的页面。", "导入电子表格"),
    ],
)
def test_panels_and_import_screen_in_every_language(admin_client, roles, admin_user, lang, review, tools):
    from wagtail.users.models import UserProfile

    UserProfile.objects.filter(user=admin_user).update(preferred_language=lang)
    assert review in admin_client.get("/admin/").content.decode()
    assert tools in admin_client.get("/admin/catalogue-tools/import/").content.decode()
