"""Recording and reading visit counts.

Writes happen only in the beacon endpoint, after the page has been served: one in-place
increment per counter row (insert on the day's first view). Reads are one aggregate query,
cached for a minute, so page rendering cost does not grow with traffic."""

import datetime

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone

from portal.models import DailyVisitStats, PageViewDaily

CACHE_SECONDS = 60


def _increment(model, **key):
    if model.objects.filter(**key).update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            model.objects.create(views=1, **key)
    except IntegrityError:  # another request inserted the day's row first
        model.objects.filter(**key).update(views=F("views") + 1)


@transaction.atomic
def record_view(page_id=None, day=None):
    day = day or timezone.localdate()
    if page_id is not None:
        _increment(PageViewDaily, page_id=page_id, day=day)
    _increment(DailyVisitStats, day=day)


def page_views(page_id):
    key = f"portal:views:{page_id}"
    total = cache.get(key)
    if total is None:
        total = PageViewDaily.objects.filter(page_id=page_id).aggregate(n=Sum("views"))["n"] or 0
        cache.set(key, total, CACHE_SECONDS)
    return total


def visit_stats(today=None):
    """{"today", "week", "month", "total"}; weeks start on Monday, in the site's time zone."""
    today = today or timezone.localdate()
    key = f"portal:visits:{today.isoformat()}"
    stats = cache.get(key)
    if stats is None:
        week_start = today - datetime.timedelta(days=today.weekday())
        month_start = today.replace(day=1)
        totals = DailyVisitStats.objects.filter(day__lte=today).aggregate(
            today=Sum("views", filter=Q(day=today)),
            week=Sum("views", filter=Q(day__gte=week_start)),
            month=Sum("views", filter=Q(day__gte=month_start)),
            total=Sum("views"),
        )
        stats = {name: value or 0 for name, value in totals.items()}
        cache.set(key, stats, CACHE_SECONDS)
    return stats
