"""Background work of the catalogue, run by the task worker (`manage.py worker`)."""

from django.db import transaction
from django_tasks import task

# Pages a task handles in one job: small enough that a job is short, large enough that a big
# import queues dozens of jobs, not thousands.
PAGES_PER_JOB = 200


def batches(items, size):
    """`items` (a list) in consecutive slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def enqueue_for_pages(task_, page_ids):
    """Queue `task_` over `page_ids`, PAGES_PER_JOB at a time."""
    for batch in batches(list(page_ids), PAGES_PER_JOB):
        task_.enqueue(batch)


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
    """Imported translations join wagtail-localize's sync (promo.imported_translations), after
    the import's write: a large file's import and the visitors never wait on it."""
    from wagtail.models import Page

    from promo.imported_translations import record_translations

    return record_translations(list(Page.objects.filter(pk__in=page_ids).specific()))
