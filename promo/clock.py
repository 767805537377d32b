"""The visitor's "now", in the district's time zone.

"Open now", "upcoming" and the current month of the fair calendar are all computed in
Asia/Ho_Chi_Minh whatever the server's own zone. Tests fix the clock: with the setting
`VISIT_CLOCK_PARAMETER` on (test settings, or the environment variable of the same name for
the browser tests' server) a request may carry `?now=2026-03-09T06:00`; in production the
parameter is ignored.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

DISTRICT_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
CLOCK_PARAMETER = "now"


def requested_now(request):
    """The fixed time a test asked for, or None."""
    if request is None or not getattr(settings, "VISIT_CLOCK_PARAMETER", False):
        return None
    raw = request.GET.get(CLOCK_PARAMETER, "")
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=DISTRICT_TZ)


def now(request=None):
    """An aware datetime in Asia/Ho_Chi_Minh."""
    return (requested_now(request) or timezone.now()).astimezone(DISTRICT_TZ)


def today(request=None):
    return now(request).date()


def clock_query(request):
    """`now=…` to carry a test clock through the links and forms of a page ("" otherwise)."""
    fixed = requested_now(request)
    return f"{CLOCK_PARAMETER}={fixed.strftime('%Y-%m-%dT%H:%M')}" if fixed else ""


def now_from_params(params):
    """`now()` for code that has the query parameters but not the request (the places API)."""

    class _Request:
        GET = params

    return now(_Request())
