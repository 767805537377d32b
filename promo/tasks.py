"""Background work of the catalogue, run by the task worker (`manage.py worker`)."""

from django.db import transaction
from django_tasks import task


@task()
def refresh_page_indexes(page_ids):
    """Wagtail's per-object derived data for pages a bulk import wrote: the reference index
    (the admin's "usage" counts) and the admin search index. One small transaction per page,
    so visitors' writes never wait behind it."""
    from modelsearch import index
    from wagtail.models import Page, ReferenceIndex

    for page in Page.objects.filter(pk__in=page_ids).specific():
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(page)
        index.insert_or_update_object(page)
    return len(page_ids)


@task()
def record_imported_translations(page_ids):
    """Imported translations join wagtail-localize's sync (home.imported_translations), after
    the import's write: a large file's import and the visitors never wait on it."""
    from wagtail.models import Page

    from home.imported_translations import record_translations

    return record_translations(list(Page.objects.filter(pk__in=page_ids).specific()))
