"""Write a prepared import in one short transaction: the same rows Wagtail writes when an
editor creates and publishes a page, in a few bulk statements instead of ~100 queries a page.

Wagtail's per-page path (`add_child`, `save_revision().publish()`) costs about 100 queries a
page and held the database's write lock for minutes on a large file, so visitors' writes
(enquiries, view counts) waited and failed. Here everything that can be decided without writing
— values, validation, tree paths, revision content, tags — was decided by the importer before
the transaction; the transaction inserts and updates in bulk:

- page rows (wagtailcore_page, then the kind's table), with tree paths under their section;
- one published revision each, and the pages' latest/live revision pointers;
- tags and tagged items;
- inline rows (opening hours, fees: ParentalKey children), replaced as a whole;
- audit log entries (`wagtail.create`, `wagtail.publish`), one import = one log uuid;
- `page_published` for every page written, inside the transaction as Wagtail sends it (the
  search index queues its updates there).

Derived data that Wagtail keeps per object (the reference index behind "usage", the admin
search index) is refreshed after commit by a background task, in small chunks.
Pages that need Wagtail's own publishing logic (scheduled for later, with aliases or with a
workflow in progress) take Wagtail's per-page path inside the same transaction.
"""

import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from modelcluster.models import get_all_child_relations, get_serializable_data_for_fields
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from promo.tasks import batches, enqueue_for_pages, refresh_page_indexes


class SiteChanged(Exception):
    """Pages the import was prepared against changed before it could write."""


@dataclass
class Planned:
    """One page to write: the model instance with its new values set, and what goes with it."""

    line: int
    page: object  # the specific page instance; pk None when it is new
    tags: list  # tag names, in order
    new: bool
    parent: object = None  # the section index page (new pages)
    content: dict = field(default_factory=dict)  # revision content, keys patched on write


@dataclass
class Plan:
    pages: list = field(default_factory=list)  # Planned, vi before translations
    slow: list = field(default_factory=list)  # Planned that take Wagtail's own path


# Rows per bulk statement: well under SQLite's limit on a statement's variables.
BULK_ROWS = 500


def _tag_rows(names):
    """{name: Tag}, creating the missing tags in bulk with unique slugs."""
    names = list(dict.fromkeys(names))
    existing = {t.name: t for t in Tag.objects.filter(name__in=names)}
    missing = [n for n in names if n not in existing]
    if missing:
        probe = Tag()
        wanted = {n: probe.slugify(n) for n in missing}
        taken = set(Tag.objects.filter(slug__in=set(wanted.values())).values_list("slug", flat=True))
        new = []
        for name in missing:
            slug, i = wanted[name], 0
            while slug in taken:
                i += 1
                slug = probe.slugify(name, i)
            taken.add(slug)
            new.append(Tag(name=name, slug=slug))
        for batch in batches(new, BULK_ROWS):
            for tag in Tag.objects.bulk_create(batch):
                existing[tag.name] = tag
        if any(existing[n].pk is None for n in missing):  # a database without RETURNING
            existing.update({t.name: t for t in Tag.objects.filter(name__in=missing)})
    return existing


def _insert_new_pages(planned, now):
    """Insert base and specific rows of new pages; paths continue after each section's last
    child as it is now (read under the write lock)."""
    by_parent = {}
    for item in planned:
        by_parent.setdefault(item.parent.pk, []).append(item)
    for parent_id, items in by_parent.items():
        parent = Page.objects.get(pk=parent_id)
        last = parent.get_last_child()
        step = Page._str2int(last.path[-Page.steplen :]) if last else 0
        for item in items:
            step += 1
            page = item.page
            page.path = Page._get_path(parent.path, parent.depth + 1, step)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.first_published_at = page.last_published_at = now
            page.latest_revision_created_at = now
        Page.objects.filter(pk=parent_id).update(numchild=F("numchild") + len(items))

    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    bases = [Page(**{f.attname: getattr(item.page, f.attname) for f in base_fields}) for item in planned]
    for batch in batches(bases, BULK_ROWS):
        Page.objects.bulk_create(batch)
    # bulk_create returns ids in insertion order; paths are unique, so check the pairing.
    ids = dict(Page.objects.filter(path__in=[b.path for b in bases]).values_list("path", "pk"))
    for base, item in zip(bases, planned, strict=True):
        if ids.get(base.path) != base.pk:
            base.pk = ids[base.path]
        item.page.id = item.page.page_ptr_id = base.pk
        item.page._state.adding = False

    by_model = {}
    for item in planned:
        by_model.setdefault(type(item.page), []).append(item.page)
    for model, pages in by_model.items():
        fields = model._meta.local_concrete_fields
        size = connection.ops.bulk_batch_size(fields, pages) or len(pages)
        for batch in batches(pages, max(size, 1)):
            model._base_manager._insert(batch, fields=fields, using=connection.alias)


def _update_pages(planned, now):
    by_model = {}
    for item in planned:
        page = item.page
        page.last_published_at = now
        page.latest_revision_created_at = now
        page.has_unpublished_changes = False
        page.expired = False
        if page.first_published_at is None:  # a draft until now
            page.first_published_at = now
        by_model.setdefault(type(page), []).append(page)
    base = [
        "title",
        "draft_title",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "latest_revision_created_at",
        "expired",
    ]
    for model, pages in by_model.items():
        local = [f.name for f in model._meta.local_concrete_fields if not f.primary_key]
        model.objects.bulk_update(pages, local, batch_size=200)
        Page.objects.bulk_update(pages, base, batch_size=200)


def _tag_items(planned, tags):
    """Replace the tagged items of the pages; return {page id: [serialised items]}."""
    by_through = {}
    for item in planned:
        by_through.setdefault(type(item.page).tags.through, []).append(item)
    serialised = {}
    for through, items in by_through.items():
        updated = [i.page.pk for i in items if not i.new]
        for batch in batches(updated, BULK_ROWS):
            through.objects.filter(content_object_id__in=batch).delete()
        rows = [through(content_object_id=i.page.pk, tag_id=tags[name].pk) for i in items for name in i.tags]
        for batch in batches(rows, BULK_ROWS):
            through.objects.bulk_create(batch)
        for row in rows:
            serialised.setdefault(row.content_object_id, []).append(
                {"pk": row.pk, "tag": row.tag_id, "content_object": row.content_object_id}
            )
    return serialised


# Child relations the importer never writes: editors' comments, and tags (written above).
_NOT_IMPORTED = {"wagtail_admin_comments", "tagged_items"}


def _child_relations(model):
    return [rel for rel in get_all_child_relations(model) if rel.get_accessor_name() not in _NOT_IMPORTED]


def _child_rows(planned):
    """Replace the inline rows of the pages with the ones set on them in memory (or, for a
    page whose rows the line left alone, the ones it had); return
    {page id: {accessor: [serialised rows]}} for the revisions."""
    by_model = {}
    for item in planned:
        by_model.setdefault(type(item.page), []).append(item)
    serialised = {}
    for model, items in by_model.items():
        for rel in _child_relations(model):
            accessor, child_model, fk = rel.get_accessor_name(), rel.related_model, rel.field.attname
            rows = []
            for item in items:
                children = list(getattr(item.page, accessor).all())  # read before the delete
                for order, child in enumerate(children):
                    child.pk = None
                    setattr(child, fk, item.page.pk)
                    if getattr(child, "sort_order", None) is None and hasattr(child, "sort_order"):
                        child.sort_order = order
                    rows.append(child)
            updated = [i.page.pk for i in items if not i.new]
            for batch in batches(updated, BULK_ROWS):
                child_model.objects.filter(**{f"{fk}__in": batch}).delete()
            for batch in batches(rows, BULK_ROWS):
                child_model.objects.bulk_create(batch)
            for item in items:
                serialised.setdefault(item.page.pk, {})[accessor] = []
            for row in rows:
                data = (
                    row.serializable_data()
                    if hasattr(row, "serializable_data")
                    else get_serializable_data_for_fields(row)
                )
                serialised[getattr(row, fk)][accessor].append(data)
    return serialised


def _revisions(planned, tagged, children, now):
    page_type = ContentType.objects.get_for_model(Page)
    revisions = []
    for item in planned:
        page = item.page
        content = dict(item.content)
        content.update(
            {
                "pk": page.pk,
                "id": page.pk,
                "page_ptr": page.pk,
                "path": page.path,
                "depth": page.depth,
                "numchild": page.numchild,
                "url_path": page.url_path,
                "live": True,
                "has_unpublished_changes": False,
                "first_published_at": page.first_published_at,
                "last_published_at": now,
                "latest_revision_created_at": now,
                "tagged_items": tagged.get(page.pk, []),
                **children.get(page.pk, {}),
            }
        )
        revisions.append(
            Revision(
                content_type_id=page.content_type_id,
                base_content_type=page_type,
                object_id=str(page.pk),
                created_at=now,
                object_str=page.title[:255],
                content=content,
            )
        )
    for batch in batches(revisions, BULK_ROWS):
        Revision.objects.bulk_create(batch)
    if any(r.pk is None for r in revisions):  # a database without RETURNING
        ids = dict(
            Revision.objects.filter(
                object_id__in=[r.object_id for r in revisions], created_at=now
            ).values_list("object_id", "pk")
        )
        for revision in revisions:
            revision.pk = revision.id = ids[revision.object_id]
    for item, revision in zip(planned, revisions, strict=True):
        item.page.latest_revision = item.page.live_revision = revision
    # One prepared statement run for every page (bulk_update builds a CASE per row in Python).
    table = connection.ops.quote_name(Page._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET latest_revision_id = %s, live_revision_id = %s WHERE id = %s",
            [(r.pk, r.pk, i.page.pk) for i, r in zip(planned, revisions, strict=True)],
        )
    return revisions


def _log(planned, revisions, now):
    action_id = uuid.uuid4()  # one import, one action in the page history
    entries = []
    for item, revision in zip(planned, revisions, strict=True):
        page = item.page
        common = {
            "content_type_id": page.content_type_id,
            "label": page.title[:255],
            "timestamp": now,
            "uuid": action_id,
            "page_id": page.pk,
            "data": {},
        }
        if item.new:
            entries.append(PageLogEntry(action="wagtail.create", content_changed=True, **common))
        entries.append(
            PageLogEntry(action="wagtail.publish", revision=revision, content_changed=True, **common)
        )
    for batch in batches(entries, BULK_ROWS):
        PageLogEntry.objects.bulk_create(batch)


def _refuse_if_site_changed(planned):
    """New (ref, language) pairs must still be free and updated pages still there (an editor may
    have created or deleted a page while the import was being prepared). A ref is shared by an
    item's translations, so a new translation of an existing item is free in its own language."""
    by_model = {}
    for item in planned:
        by_model.setdefault(type(item.page), []).append(item)
    for model, items in by_model.items():
        new_refs = {}
        for i in items:
            if i.new:
                new_refs.setdefault(i.page.locale_id, []).append(i.page.ref)
        old_ids = [i.page.pk for i in items if not i.new]
        for locale_id, refs in new_refs.items():
            for batch in batches(refs, BULK_ROWS):
                if model.objects.filter(locale_id=locale_id, ref__in=batch).exists():
                    raise SiteChanged
        for batch in batches(old_ids, BULK_ROWS):
            if model.objects.filter(pk__in=batch).count() != len(batch):
                raise SiteChanged


def write(plan, wagtail_write=None):
    """Write `plan` in the current transaction (the caller's `transaction.atomic()`)."""
    now = timezone.now()
    slow = {id(item) for item in plan.slow}
    fast = [item for item in plan.pages if id(item) not in slow]
    _refuse_if_site_changed(fast)
    new = [item for item in fast if item.new]
    old = [item for item in fast if not item.new]
    if new:
        _insert_new_pages(new, now)
    if old:
        _update_pages(old, now)
    tags = _tag_rows([name for item in fast for name in item.tags])
    tagged = _tag_items(fast, tags)
    children = _child_rows(fast)
    revisions = _revisions(fast, tagged, children, now) if fast else []
    _log(fast, revisions, now)
    for item in plan.slow:
        wagtail_write(item)
    for item, revision in zip(fast, revisions, strict=True):
        page_published.send(sender=type(item.page), instance=item.page, revision=revision)
    transaction.on_commit(lambda: refresh_derived_later([i.page.pk for i in plan.pages]))


def refresh_derived_later(page_ids):
    """Queue the derived-data refresh (reference index, admin search) in chunks."""
    enqueue_for_pages(refresh_page_indexes, page_ids)
