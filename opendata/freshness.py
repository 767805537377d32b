"""When the published catalogue last changed, for Last-Modified and If-Modified-Since.

`last_published_at` alone would miss an item that was unpublished, deleted or moved (the
dataset shrinks, nothing newer was published), so the answer is the latest entry of Wagtail's
audit log — every publish, unpublish, delete, move and snippet edit writes one, importer
included — or the latest publication, whichever is later. It may move when nothing a
partner sees changed (a draft saved); it never stays put when something did.
"""

from django.db.models import Max
from wagtail.models import ModelLogEntry, Page, PageLogEntry


def catalogue_modified():
    """Aware datetime of the last change to published content or taxonomies, or None."""
    stamps = [
        PageLogEntry.objects.aggregate(at=Max("timestamp"))["at"],
        ModelLogEntry.objects.aggregate(at=Max("timestamp"))["at"],
        Page.objects.aggregate(at=Max("last_published_at"))["at"],
    ]
    stamps = [s for s in stamps if s is not None]
    return max(stamps) if stamps else None
