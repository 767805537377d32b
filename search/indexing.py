"""Keep the search engines in step with the pages, losing nothing.

A page change (publish, unpublish, delete, move, a new slug or view restriction on it or on a
section above it — of a source page or a translation) writes a
`PendingUpdate` row for each engine in the same transaction as the change. After commit the
rows are applied: every live translation of the item is turned into documents and sent, and
translations that are no longer live are deleted. A row is marked applied only once its engine
has accepted the change; when an engine is down the row stays, and the next commit, `manage.py
search_index sync` or a rebuild applies it. The database stays the truth throughout.

The editor's request never waits on a remote engine: after commit the embedded index (a local
file, milliseconds) is updated in the request, Elasticsearch by the background thread
(search/background.py) with a write timeout, and not at all while its circuit breaker is open
(search/breaker.py) — the rows stay pending for the five-minute `sync`.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils.timezone import now
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search import background
from search.breaker import breaker_for
from search.documents import LOCALES, documents_for_pages
from search.engines.base import EngineUnavailable

log = logging.getLogger(__name__)
KEEP_APPLIED = timedelta(days=1)


def indexed_models():
    """{kind: page model} for everything the site search finds: the catalogue kinds, the
    portal's official documents and the itineraries."""
    from search.registry import searchable_kinds

    return {kind: entry.model for kind, entry in searchable_kinds().items()}


def _live(model):
    """Live pages of `model` with what `documents_for_pages` reads, in a fixed number of queries."""
    related = ["locale"] + [
        name
        for name in ("commune", "sector", "category")
        if _has_field(model, name) and model._meta.get_field(name).is_relation
    ]
    # Pages behind a view restriction (password, login, groups) stay out of the public search.
    qs = model.objects.live().public().select_related(*related)
    if _has_field(model, "tagged_items"):
        qs = qs.prefetch_related("tagged_items__tag")
    return qs


def indexing_engines():
    """(name, engine) for every engine that must hold the catalogue.

    With Elasticsearch configured, the embedded index is kept too: it is what searches fall
    back to while Elasticsearch is unreachable.
    """
    from search.engines import get_embedded_engine, get_engine

    embedded, configured = get_embedded_engine(), get_engine()
    engines = [("sqlite", embedded)]
    if configured is not embedded:
        engines.insert(0, ("elasticsearch", configured))
    return engines


def live_pages_for(translation_keys):
    pages = []
    keys = list(translation_keys)
    for model in indexed_models().values():
        # In chunks: SQLite refuses one query over thousands of keys ("Expression tree is too
        # large"), which a bulk import of a few thousand pages reaches.
        for start in range(0, len(keys), 500):
            pages.extend(_live(model).filter(translation_key__in=keys[start : start + 500]))
    return pages


def queue(page):
    if isinstance(page, tuple(indexed_models().values())):
        _queue_pages([page])


def queue_subtree(root):
    """Queue every searchable page at or below `root`: moving a section changes its items'
    URLs, and a view restriction on it hides or shows all of them."""
    pages = []
    for model in indexed_models().values():
        fields = ["id", "translation_key"] + (["ref"] if _has_field(model, "ref") else [])
        pages.extend(model.objects.descendant_of(root, inclusive=True).only(*fields))
    _queue_pages(pages)


def _has_field(model, name):
    return name in {f.name for f in model._meta.get_fields()}


def _queue_pages(pages):
    from search.models import PendingUpdate

    if not pages:
        return
    engines = [name for name, _engine in indexing_engines()]
    PendingUpdate.objects.bulk_create(
        [
            PendingUpdate(page_id=page.pk, translation_key=page.translation_key, ref=page.ref, engine=name)
            for page in pages
            for name in engines
        ]
    )
    transaction.on_commit(apply_after_commit)


def apply_after_commit():
    """The embedded index now; a remote engine off the request thread."""
    apply_pending_quietly(only=("sqlite",))
    if any(name != "sqlite" for name, _ in indexing_engines()):
        background.submit(apply_remote_quietly)


def apply_remote_quietly():
    apply_pending_quietly(only=tuple(n for n, _ in indexing_engines() if n != "sqlite"))


def apply_pending(limit=None, progress=None, only=None, force=True):
    """Apply pending updates (of the engines named in `only`, else all); return (applied,
    still pending). `force=False` skips a remote engine whose circuit breaker is open."""
    from search.models import IndexedItem, PendingUpdate

    applied = 0
    for name, engine in indexing_engines():
        if only is not None and name not in only:
            continue
        breaker = breaker_for(engine) if name != "sqlite" else None
        if breaker is not None and not force and not breaker.allow():
            continue  # recently failed: the rows wait for `sync` or the next publish
        rows = list(PendingUpdate.objects.filter(engine=name, applied_at=None).order_by("id")[:limit])
        if not rows:
            continue
        keys = {row.translation_key for row in rows}
        try:
            pages = live_pages_for(keys)
            docs = documents_for_pages(pages)
            live = {doc.key for doc in docs}
            refs = {row.ref for row in rows} | {doc.ref for doc in docs}
            refs |= set(IndexedItem.objects.filter(translation_key__in=keys).values_list("ref", flat=True))
            stale = [f"{ref}:{code}" for ref in refs for code in LOCALES if f"{ref}:{code}" not in live]
            if stale:
                engine.delete(stale)
            if docs:
                engine.index(docs)
        except EngineUnavailable as exc:
            if breaker is not None:
                breaker.failed()
            PendingUpdate.objects.filter(pk__in=[r.pk for r in rows]).update(
                last_error=str(exc)[:500], attempts=F("attempts") + 1
            )
            log.warning("search engine %s unavailable, %d updates kept: %s", name, len(rows), exc)
            continue
        if breaker is not None:
            breaker.succeeded()
        # One upsert statement, not a query per page: after a bulk import this transaction
        # would otherwise hold the write lock for thousands of queries.
        items = {page.translation_key: page.ref for page in pages}
        with transaction.atomic():
            IndexedItem.objects.bulk_create(
                [IndexedItem(translation_key=key, ref=ref) for key, ref in items.items()],
                batch_size=500,
                update_conflicts=True,
                unique_fields=["translation_key"],
                update_fields=["ref"],
            )
            PendingUpdate.objects.filter(pk__in=[r.pk for r in rows]).update(applied_at=now())
        applied += len(rows)
        if progress:
            progress(name, len(rows))
    PendingUpdate.objects.filter(applied_at__lt=now() - KEEP_APPLIED).delete()
    return applied, PendingUpdate.objects.filter(applied_at=None).count()


def apply_pending_quietly(only=None):
    from search.models import PendingUpdate

    try:
        # A bulk import registers this once per page; the first call applies them all, the
        # others find nothing to do and return after one read.
        pending = PendingUpdate.objects.filter(applied_at=None)
        if only is not None:
            pending = pending.filter(engine__in=only)
        if not pending.exists():
            return
        apply_pending(only=only, force=False)
    except Exception:  # a failed index update must never fail the editor's publish
        log.exception("applying pending search updates failed; they stay pending")


def all_live_documents(chunk=500):
    """Every live translation of everything searchable as documents, streamed for rebuilds."""
    shared = {}
    for model in indexed_models().values():
        qs = _live(model).order_by("pk")
        last = 0
        while True:
            batch = list(qs.filter(pk__gt=last)[:chunk])
            if not batch:
                break
            yield from documents_for_pages(batch, shared)
            last = batch[-1].pk


def count_live_documents():
    from collections import Counter

    counts = Counter()
    for model in indexed_models().values():
        for code in model.objects.live().public().values_list("locale__language_code", flat=True):
            counts[code] += 1
    return dict(counts)


def _on_page_change(sender, instance, **kwargs):
    queue(instance.specific if hasattr(instance, "specific") else instance)


def _on_move(sender, instance, **kwargs):
    queue_subtree(instance)


def _on_restriction_change(sender, instance, **kwargs):
    # When a page is deleted its restrictions go with it: the page's own delete signal queues it.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        queue_subtree(page)


def connect_signals():
    page_published.connect(_on_page_change, dispatch_uid="search-published")
    page_unpublished.connect(_on_page_change, dispatch_uid="search-unpublished")
    post_page_move.connect(_on_move, dispatch_uid="search-moved")
    # a section's new slug changes the URL of everything below it
    page_slug_changed.connect(_on_move, dispatch_uid="search-slug-changed")
    post_save.connect(_on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-restricted")
    post_delete.connect(
        _on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-unrestricted"
    )
    for model in indexed_models().values():
        post_delete.connect(_on_page_change, sender=model, dispatch_uid=f"search-del-{model.__name__}")
