"""Review before publish: editors draft and submit, the reviewers' office approves or rejects,
translators work only on translations, and scheduled pages go live on time."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, WorkflowPage, WorkflowState

from promo.models import INDEX_MODELS, Category, Commune, ProductPage
from staff import setup
from tests.factories import ProductLine, load_lines, translated

pytestmark = pytest.mark.django_db

PRODUCTS = setup.EDITOR_GROUPS["product"]


def product_form(ref, **extra):
    vi_commune = Commune.objects.get(slug="thanh-an", locale__language_code="vi")
    food = Category.objects.get(kind="product", slug="food", locale__language_code="vi")
    return {
        "title": f"Sản phẩm {ref}",
        "slug": ref,
        "ref": ref,
        "summary": "Tóm tắt.",
        "hero_alt": "",
        "commune": vi_commune.pk,
        "category": food.pk,
        "tags": "",
        "producer": "",
        "ocop_stars": "",
        "price_from_vnd": "",
        "unit": "",
        "body-count": "0",
        "related-count": "0",
        **extra,
    }


def add_url(kind="product", locale="vi"):
    index = INDEX_MODELS[kind].objects.get(locale__language_code=locale)
    return reverse("wagtailadmin_pages:add", args=("promo", "productpage", index.pk))


def submit_draft(client, ref):
    response = client.post(add_url(), product_form(ref, **{"action-submit": "1"}))
    assert response.status_code == 302
    return ProductPage.objects.get(ref=ref)


def test_migration_creates_the_groups_and_workflow_without_any_pages(db):
    names = set(Group.objects.values_list("name", flat=True))
    assert {*setup.EDITOR_GROUPS.values(), setup.REVIEWERS, setup.TRANSLATORS} <= names
    task = setup.ensure_roles().get(setup.REVIEWERS).groupapprovaltask_set.get()
    assert task.name == setup.TASK_NAME
    assert task.workflow_tasks.get().workflow.name == setup.WORKFLOW_NAME
    translators = Group.objects.get(name=setup.TRANSLATORS)
    assert translators.permissions.filter(codename="submit_translation").exists()


def test_staff_setup_covers_every_section_in_every_locale_and_is_idempotent(roles):
    before = GroupPagePermission.objects.count()
    call_command("staff_setup", verbosity=0)
    assert GroupPagePermission.objects.count() == before
    for kind, model in INDEX_MODELS.items():
        for index in model.objects.select_related("locale"):
            assert WorkflowPage.objects.get(page=index.page_ptr).workflow.name == setup.WORKFLOW_NAME
            editor = GroupPagePermission.objects.filter(
                page=index.page_ptr, group__name=setup.EDITOR_GROUPS[kind]
            )
            assert set(editor.values_list("permission__codename", flat=True)) == {
                "add_page",
                "change_page",
                "lock_page",
            }
            translator = GroupPagePermission.objects.filter(
                page=index.page_ptr, group__name=setup.TRANSLATORS
            )
            assert translator.exists() == (index.locale.language_code != "vi")


def test_editor_cannot_publish_directly(member):
    _editor, client = member(PRODUCTS)
    response = client.post(add_url(), product_form("thu-publish", **{"action-publish": "1"}))
    assert response.status_code == 302
    page = ProductPage.objects.get(ref="thu-publish")
    assert not page.live and page.latest_revision is not None
    assert not page.permissions_for_user(_editor).can_publish()

    # Publishing an existing draft from the edit view is refused the same way.
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit, product_form("thu-publish", **{"action-publish": "1"}))
    page.refresh_from_db()
    assert not page.live


def test_editor_of_one_section_cannot_add_to_another(member):
    _editor, client = member(setup.EDITOR_GROUPS["news"])
    response = client.get(add_url())
    assert response.status_code in (302, 403)
    assert ProductPage.objects.count() == 0


def test_submitted_page_goes_into_moderation_and_reviewer_approval_publishes_it(member):
    _editor, editor_client = member(PRODUCTS)
    page = submit_draft(editor_client, "cho-duyet")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and not page.live
    assert state.workflow.name == setup.WORKFLOW_NAME

    _reviewer, reviewer_client = member(setup.REVIEWERS)
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = reviewer_client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_reviewer_rejection_keeps_the_page_offline_and_stores_the_comment(member):
    _editor, editor_client = member(PRODUCTS)
    page = submit_draft(editor_client, "bi-tra-lai")
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state

    _reviewer, reviewer_client = member(setup.REVIEWERS)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    reviewer_client.post(url, {"comment": "Ghi sai tên xã; sửa lại rồi gửi duyệt."})
    page.refresh_from_db()
    task_state.refresh_from_db()
    assert not page.live
    assert task_state.status == task_state.STATUS_REJECTED
    assert task_state.comment == "Ghi sai tên xã; sửa lại rồi gửi duyệt."
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES


def test_only_reviewers_may_approve(member):
    _editor, editor_client = member(PRODUCTS)
    page = submit_draft(editor_client, "tu-duyet")
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    editor_client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live


def test_translator_edits_the_english_translation_but_not_the_vietnamese_source(member):
    line = ProductLine(ref="ban-dich")
    load_lines([line, translated(line, "en")])
    vi = ProductPage.objects.get(ref="ban-dich", locale__language_code="vi")
    en = ProductPage.objects.get(ref="ban-dich", locale__language_code="en")
    translator, client = member(setup.TRANSLATORS)

    assert translator.has_perm("wagtail_localize.submit_translation")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[en.pk])).status_code == 200
    response = client.get(reverse("wagtailadmin_pages:edit", args=[vi.pk]))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert not vi.permissions_for_user(translator).can_edit()
    assert en.permissions_for_user(translator).can_edit()
    assert not en.permissions_for_user(translator).can_publish()


def test_scheduled_page_is_published_by_publish_scheduled(roles):
    line = ProductLine(ref="hen-gio")
    load_lines([line])
    page = ProductPage.objects.get(ref="hen-gio")
    page.unpublish()
    page.go_live_at = timezone.now() + dt.timedelta(hours=2)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert page.revisions.filter(approved_go_live_at__isnull=False).exists()

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # not yet time

    # Two hours pass: move the schedule into the past rather than the clock forward.
    past = timezone.now() - dt.timedelta(minutes=1)
    revision = page.revisions.get(approved_go_live_at__isnull=False)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live


def test_groups_have_admin_access_and_media_permissions(db):
    access = Permission.objects.get(codename="access_admin")
    for name in (*setup.EDITOR_GROUPS.values(), setup.REVIEWERS, setup.TRANSLATORS):
        assert access in Group.objects.get(name=name).permissions.all()
    editors = Group.objects.get(name=PRODUCTS)
    codenames = set(editors.collection_permissions.values_list("permission__codename", flat=True))
    assert codenames == {"choose_image", "add_image", "choose_document", "add_document"}
