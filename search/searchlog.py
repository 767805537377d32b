"""The aggregated search log: per day, normalised query and language, how many searches and how
many of them found nothing. No single search is stored, nor anything about who searched.

A search only adds to a counter in memory; a timer thread writes the counters
`SEARCH_LOG_FLUSH_SECONDS` later as one upsert per (day, query, language), so a burst of
visitors costs a handful of writes and no visitor waits on the database (0, or
`SEARCH_BACKGROUND = False` as in the tests, writes at once). Queries are
normalised (Unicode NFC, case folded, spaces collapsed, at most 200 characters) and phone
numbers and e-mail addresses in them are replaced by `[phone number]` / `[e-mail]` before anything is
kept. Rows older than `SEARCH_LOG_RETENTION_DAYS` are deleted by `manage.py search_log purge`,
which `manage.py search_index sync` (the five-minute cron) also runs.

`summary(days)` is what the staff dashboard reads.
"""

from __future__ import annotations

import atexit
import datetime as dt
import re
import threading
import unicodedata
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

MAX_QUERY = 200
DEFAULT_RETENTION_DAYS = 365
DEFAULT_FLUSH_SECONDS = 5.0
_EMAIL = re.compile(r"[^\s@<>()\[\],;:\"']+@[^\s@<>()\[\],;:\"']+\.[^\s@<>()\[\],;:\"']+")
# Seven or more digits, possibly grouped by spaces, dots, dashes or brackets, with or without
# a leading +: phone numbers and identity-card numbers; years, prices and document numbers
# ("123/2024/NĐ-CP") stay.
_PHONE = re.compile(r"(?<![\w/])\+?\(?\d(?:[\s.()-]{0,2}\d){6,}(?![\w/])")
# What is stored in place of personal data; the dashboard shows them translated.
EMAIL_MARK = "[e-mail]"
PHONE_MARK = "[phone number]"


def redact(text: str, email: str = EMAIL_MARK, phone: str = PHONE_MARK) -> str:
    """Mask e-mail addresses and phone-like numbers a visitor typed into a search box."""
    text = _EMAIL.sub(email, text)
    return _PHONE.sub(phone, text)


def normalise(query: str) -> str:
    """The form a query is counted under: control characters out, NFC, case folded, one space
    between words, personal data redacted, at most `MAX_QUERY` characters."""
    chars = (" " if unicodedata.category(c)[0] == "C" else c for c in query)
    text = unicodedata.normalize("NFC", "".join(chars)).casefold()
    return redact(" ".join(text.split()))[:MAX_QUERY].strip()


def retention_days() -> int:
    return int(getattr(settings, "SEARCH_LOG_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


class _Buffer:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts: Counter = Counter()
        self.zero: Counter = Counter()
        self.scheduled = False

    def take(self) -> tuple[Counter, Counter]:
        with self.lock:
            counts, zero = self.counts, self.zero
            self.counts, self.zero = Counter(), Counter()
            self.scheduled = False
        return counts, zero


_buffer = _Buffer()


def record(query: str, lang: str, results: int) -> None:
    """Count one search (never raises: analytics must not cost the visitor their answer)."""
    try:
        key = (timezone.localdate(), normalise(query), lang[:10])
    except Exception:  # noqa: BLE001 - a strange query is not worth a failed search
        return
    if not key[1]:
        return
    with _buffer.lock:
        _buffer.counts[key] += 1
        if not results:
            _buffer.zero[key] += 1
        due = not _buffer.scheduled
        _buffer.scheduled = True
    if not due:
        return
    wait = float(getattr(settings, "SEARCH_LOG_FLUSH_SECONDS", DEFAULT_FLUSH_SECONDS))
    if wait <= 0 or not getattr(settings, "SEARCH_BACKGROUND", True):
        _flush_quietly()
        return
    timer = threading.Timer(wait, _flush_in_thread)
    timer.daemon = True
    timer.start()


def _flush_quietly() -> None:
    import logging

    try:
        flush()
    except Exception:  # the counts of a few seconds are not worth an error page
        logging.getLogger(__name__).exception("could not write the search log")


def _flush_in_thread() -> None:
    from django.db import close_old_connections

    try:
        _flush_quietly()
    finally:
        close_old_connections()


def flush() -> int:
    """Write the buffered counts; returns the number of (day, query, language) rows touched."""
    from search.models import SearchQueryDay

    counts, zero = _buffer.take()
    for (day, query, lang), n in counts.items():
        z = zero[(day, query, lang)]
        with transaction.atomic():
            updated = SearchQueryDay.objects.filter(day=day, query=query, lang=lang).update(
                count=F("count") + n, zero_results=F("zero_results") + z
            )
            if not updated:
                try:
                    with transaction.atomic():
                        SearchQueryDay.objects.create(
                            day=day, query=query, lang=lang, count=n, zero_results=z
                        )
                except IntegrityError:  # another process created it first
                    SearchQueryDay.objects.filter(day=day, query=query, lang=lang).update(
                        count=F("count") + n, zero_results=F("zero_results") + z
                    )
    return len(counts)


atexit.register(_flush_quietly)  # a worker that stops writes what it counted


def purge(today: dt.date | None = None, dry_run: bool = False) -> int:
    """Delete rows older than the retention period; returns how many (would be) deleted."""
    from search.models import SearchQueryDay

    cutoff = (today or timezone.localdate()) - dt.timedelta(days=retention_days())
    old = SearchQueryDay.objects.filter(day__lt=cutoff)
    if dry_run:
        return old.count()
    return old.delete()[0]


def summary(days: int = 30, limit: int = 10, today: dt.date | None = None) -> dict:
    """What the staff dashboard shows for the last `days` days: `total` searches, `top` and
    `empty` (queries that found nothing) as [{"query", "count"}], most first, and `by_lang` as
    [{"lang", "count"}]."""
    from search.models import SearchQueryDay

    since = (today or timezone.localdate()) - dt.timedelta(days=days - 1)
    rows = SearchQueryDay.objects.filter(day__gte=since)

    def top(field):
        return [
            {"query": r["query"], "count": r["n"]}
            for r in rows.filter(**{f"{field}__gt": 0})
            .values("query")
            .annotate(n=Sum(field))
            .order_by("-n", "query")[:limit]
        ]

    return {
        "total": rows.aggregate(n=Sum("count"))["n"] or 0,
        "top": top("count"),
        "empty": top("zero_results"),
        "by_lang": [
            {"lang": r["lang"], "count": r["n"]}
            for r in rows.values("lang").annotate(n=Sum("count")).order_by("-n", "lang")
        ],
    }
