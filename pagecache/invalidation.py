"""What makes cached pages stale: every change a visitor could see.

A page's HTML shows more than the page itself: the section listings and the home page show its
title and picture, every page shows the navigation, the footer's links and contact details (a
snippet and a site setting), taxonomy names (snippets) and translations' links. Tracking which
cached page used which object is fragile, and edits are rare next to visits, so a change makes
every cached page stale at once (`store.invalidate`, after the commit). A burst of visitors
then costs one render per page.

Changes that count: a page published, unpublished, moved, deleted, or saved live outside a
revision; a snippet (and the inline rows it owns), a site setting, an image or a document
saved or deleted; a Site, a Locale, a view restriction, a tag renamed; anything in PAGE_CACHE_INVALIDATED_BY.
Drafts, revisions, workflow steps, logs, counters and search logs do not count. A new day counts
without any signal (store.is_fresh).
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from modelcluster.fields import ParentalKey
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache.store import invalidate

# Page.save() with only these fields is Wagtail recording a draft or a lock, not a change to
# what visitors see.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
        "live_revision",
    }
)


@cache
def content_models():
    """The non-page models whose rows appear on public pages."""
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    models = {
        *get_snippet_models(),
        *settings_registry,
        get_image_model(),
        get_document_model(),
        Site,
        Locale,
        PageViewRestriction,  # a private section leaves the navigation and listings
    }
    if apps.is_installed("taggit"):
        models.add(apps.get_model("taggit", "Tag"))
    models.update(apps.get_model(label) for label in settings.PAGE_CACHE_INVALIDATED_BY)
    models = {model for model in models if not issubclass(model, Page)}
    # Inline rows (ParentalKey children) are saved after their owner's post_save signal.
    for model in apps.get_models():
        if any(isinstance(f, ParentalKey) and f.related_model in models for f in model._meta.fields):
            models.add(model)
    return frozenset(models)


def _page_changed(sender, **kwargs):
    invalidate()


def _page_saved(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, Page):
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    if instance.live or (update_fields is not None and "live" in update_fields):
        invalidate()


def _row_changed(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate()
    elif type(instance) in content_models():
        invalidate()


def _relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and (
        isinstance(instance, Page) and instance.live or type(instance) in content_models()
    ):
        invalidate()


def connect():
    page_published.connect(_page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="pagecache-moved")
    post_save.connect(_page_saved, dispatch_uid="pagecache-page-saved")
    post_save.connect(_saved_row, dispatch_uid="pagecache-row-saved")
    post_delete.connect(_row_changed, dispatch_uid="pagecache-row-deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="pagecache-relation-changed")


@cache
def setting_models():
    from wagtail.contrib.settings.registry import registry

    return frozenset(registry)


def _saved_row(sender, instance, created=False, **kwargs):
    if isinstance(instance, Page) or type(instance) not in content_models():
        return
    if created and type(instance) in setting_models():
        # Wagtail creates a site's settings row, with its defaults, the first time a page reads
        # it: no page was ever rendered without it, so nothing cached is out of date.
        return
    invalidate()
