"""The dashboard shows each member of staff only what they may see: drafts under review only to
those who may edit or review them, visitors' searches only to the reviewers' office and
administrators, with personal data masked; API errors say nothing about the server."""

import pytest
from django.utils import translation
from wagtail.models import Page

from search import searchlog
from staff import setup
from staff.panels import redact_personal_data
from tests.factories import ProductLine, load_lines

pytestmark = pytest.mark.django_db

DRAFT = "Bản nháp: giá thu mua mủ cao su 2027"


@pytest.fixture
def draft_in_review(roles, admin_user):
    load_lines([ProductLine(ref="gia-mu", title="Mủ cao su")])
    page = Page.objects.get(title="Mủ cao su").specific
    page.title = DRAFT
    page.save_revision(user=admin_user)
    page.get_workflow().start(page, admin_user)
    return page


@pytest.mark.parametrize(
    "group, sees",
    [
        (setup.EDITOR_GROUPS["product"], True),  # may edit it
        (setup.REVIEWERS, True),  # reviews it
        (setup.TRANSLATORS, False),  # Vietnamese sources are not theirs
        (setup.EDITOR_GROUPS["news"], False),  # another section
    ],
)
def test_review_queue_shows_a_draft_only_to_who_may_open_it(member, draft_in_review, group, sees):
    _user, client = member(group)
    html = client.get("/admin/").content.decode()
    assert "Waiting for review" in html
    assert (DRAFT in html) is sees
    assert (f"/admin/pages/{draft_in_review.pk}/edit/" in html) is sees
    if not sees:
        assert "No pages are waiting for review." in html


@pytest.mark.parametrize(
    "group, sees",
    [
        (setup.REVIEWERS, True),
        (setup.EDITOR_GROUPS["product"], False),
        (setup.EDITOR_GROUPS["news"], False),
        (setup.TRANSLATORS, False),
    ],
)
def test_search_analytics_only_for_the_reviewers_office(member, roles, group, sees):
    searchlog.record("cao su", "vi", 3)
    _user, client = member(group)
    html = client.get("/admin/").content.decode()
    assert ("Searches in the last 30 days" in html) is sees
    assert ("cao su" in html) is sees


def test_administrators_see_search_analytics_with_personal_data_masked(admin_client, roles):
    for query in (
        "liên hệ 0912 345 678",
        "liên hệ +84 987.654.321",
        "nguyen.van.a@example.com",
        "CCCD 079123456789",
        "cao su",
    ):
        searchlog.record(query, "vi", 0)
    html = admin_client.get("/admin/").content.decode()
    for secret in ("0912", "345 678", "987.654", "nguyen.van.a", "example.com", "079123456789"):
        assert secret not in html
    assert "liên hệ [phone number]" in html and "[e-mail]" in html and "cao su" in html
    # the two masked phone queries are one row now
    assert "<td>liên hệ [phone number]</td><td>2</td>" in html.replace("\n", "")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0912345678", "[phone number]"),
        ("(028) 3456 7890 Dầu Tiếng", "[phone number] Dầu Tiếng"),
        ("gọi 028-3456-7890.", "gọi [phone number]."),
        ("a+b@mail.example.vn cao su", "[e-mail] cao su"),
        ("hội chợ 2026", "hội chợ 2026"),
        ("123/2024/NĐ-CP", "123/2024/NĐ-CP"),
        ("đất 1500000 m2", "đất [phone number] m2"),  # 7 digits: masked rather than risk a number
        ("giá 150.000 đồng", "giá 150.000 đồng"),
    ],
)
def test_redaction_rules(text, expected):
    with translation.override("en"):
        assert redact_personal_data(text) == expected
    with translation.override("vi"):
        assert "[số điện thoại]" in redact_personal_data("0912345678")


def test_reviewers_get_the_permission_on_migration_and_admins_can_grant_it(admin_client, roles):
    from django.contrib.auth.models import Group

    reviewers = Group.objects.get(name=setup.REVIEWERS)
    assert reviewers.permissions.filter(codename="view_search_analytics").exists()
    editors = Group.objects.get(name=setup.EDITOR_GROUPS["product"])
    html = admin_client.get(f"/admin/groups/edit/{editors.pk}/").content.decode()
    assert "Can see what visitors search for" in html


@pytest.mark.parametrize(
    "path", ["/api/v1/search/?q=cao+su&lang=vi", "/api/v1/search/autocomplete/?q=cao&lang=vi"]
)
def test_api_errors_say_nothing_about_the_server(client, site, settings, tmp_path, path):
    from search.engines import reset_engines

    broken = tmp_path / "private-server-dir" / "search.sqlite3"
    broken.parent.mkdir()
    broken.write_bytes(b"this is not a database" * 100)
    settings.SEARCH_INDEX_PATH = broken
    reset_engines()
    response = client.get(path)
    assert response.status_code == 503
    body = response.content.decode()
    assert response.json()["error"]
    for leak in ("private-server-dir", str(tmp_path), "sqlite", ".py", "Traceback"):
        assert leak not in body
