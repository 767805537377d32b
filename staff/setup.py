"""Who may do what in the admin: the groups, their permissions and the review workflow.

Section index pages are created at run time by `promo.catalogue.site.ensure_site()`, so a
migration cannot attach page permissions to them on a fresh database. The work is split:
`ensure_roles()` (run by migration 0001) creates everything that does not need pages, and
`apply_section_permissions()` (run at the end of `ensure_site()` and by `manage.py staff_setup`)
attaches page permissions and the workflow to whichever section pages exist. Both are
idempotent, and `ensure_roles()` takes an app registry so the migration can pass its own.
"""

from django.apps import apps as global_apps
from django.db import transaction

EDITOR_GROUPS = {
    "product": "Editors – Products",
    "fair": "Editors – Fairs",
    "attraction": "Editors – Tourism",
    "investment": "Editors – Investment",
    "news": "Editors – News",
}
REVIEWERS = "Reviewers — Phòng Văn hóa và Thông tin"
TRANSLATORS = "Translators"
GROUP_NAMES = (*EDITOR_GROUPS.values(), REVIEWERS, TRANSLATORS)
WORKFLOW_NAME = "Review by Phòng Văn hóa và Thông tin"
TASK_NAME = "Approval by Phòng Văn hóa và Thông tin"
SOURCE_LOCALE = "vi"

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page")
REVIEWER_PAGE_PERMISSIONS = ("change_page", "publish_page", "lock_page", "unlock_page")
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page")
MEDIA_PERMISSIONS = (
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
    ("wagtaildocs", "document", "add_document", "Can add document"),
)


def _permission(apps, app_label, model, codename, name):
    # Model permissions normally appear in post_migrate, after every migration has run; on a
    # fresh database they must be made here, the way Wagtail's own data migrations do it.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def ensure_roles(apps=global_apps):
    """Create the groups, their admin/media/translation permissions and the review workflow."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    submit_translation = _permission(
        apps, "wagtail_localize", "translation", "submit_translation", "Can submit translations"
    )
    media = [_permission(apps, *row) for row in MEDIA_PERMISSIONS]
    root_collection = Collection.objects.filter(depth=1).first()

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUP_NAMES}
    for name, group in groups.items():
        group.permissions.add(access_admin)
        if name in EDITOR_GROUPS.values() and root_collection is not None:
            for permission in media:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
    groups[TRANSLATORS].permissions.add(submit_translation)
    # The reviewers' office follows what visitors look for; editors and translators do not
    # need visitors' raw queries.
    groups[REVIEWERS].permissions.add(
        _permission(
            apps, "staff", "staffdashboard", "view_search_analytics", "Can see what visitors search for"
        )
    )
    _ensure_workflow(apps, groups[REVIEWERS])
    return groups


def _ensure_workflow(apps, reviewers):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _roles():
    """({group name: Group}, the review workflow), or None while any of them is missing."""
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow

    groups = {group.name: group for group in Group.objects.filter(name__in=GROUP_NAMES)}
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, workflow_tasks__isnull=False).first()
    if len(groups) != len(GROUP_NAMES) or workflow is None:
        return None
    return groups, workflow


@transaction.atomic
def apply_section_permissions():
    """Give each group its page permissions on the section index pages that exist now, and
    put every section under the review workflow. Safe to run any number of times, and cheap
    when nothing is missing (six queries), since ensure_site() calls it on every import."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import GroupPagePermission, Page, WorkflowPage

    from promo.models import INDEX_MODELS

    roles = _roles()
    if roles is None:
        ensure_roles()
        roles = _roles()
    groups, workflow = roles
    page_perms = {
        p.codename: p
        for p in Permission.objects.filter(content_type__app_label="wagtailcore", content_type__model="page")
    }

    kinds = {
        content_type.pk: kind
        for kind, content_type in (
            (kind, ContentType.objects.get_for_model(model)) for kind, model in INDEX_MODELS.items()
        )
    }
    indexes = Page.objects.filter(content_type_id__in=kinds).values_list(
        "pk", "content_type_id", "locale__language_code"
    )
    wanted, pages = set(), []
    for page_id, content_type_id, language in indexes:
        pages.append(page_id)
        rows = [
            (EDITOR_GROUPS[kinds[content_type_id]], EDITOR_PAGE_PERMISSIONS),
            (REVIEWERS, REVIEWER_PAGE_PERMISSIONS),
        ]
        if language != SOURCE_LOCALE:
            rows.append((TRANSLATORS, TRANSLATOR_PAGE_PERMISSIONS))
        wanted |= {
            (groups[name].pk, page_id, page_perms[codename].pk)
            for name, codenames in rows
            for codename in codenames
        }
    existing = set(
        GroupPagePermission.objects.filter(page_id__in=pages).values_list(
            "group_id", "page_id", "permission_id"
        )
    )
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group_id=g, page_id=p, permission_id=perm)
            for g, p, perm in sorted(wanted - existing)
        ]
    )

    assigned = dict(WorkflowPage.objects.filter(page_id__in=pages).values_list("page_id", "workflow_id"))
    for page_id in pages:
        if page_id not in assigned:
            WorkflowPage.objects.create(page_id=page_id, workflow=workflow)
        elif assigned[page_id] != workflow.pk:
            WorkflowPage.objects.filter(page_id=page_id).update(workflow=workflow)
    return len(pages)
