"""The month view of the fairs index: a server-rendered table of weeks, each day listing the
fairs and events on it, with links to the previous and next month.

`?view=calendar&month=2026-04`. A month that is not a month, or one far outside the events
on record, gets a notice and the nearest sensible month rather than an error; the prev/next
links stop a year beyond the events so that crawlers do not walk an endless calendar.
"""

import calendar
import datetime as dt
import re

from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _

from promo import clock

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
MARGIN_MONTHS = 12


def _month_index(day):
    return day.year * 12 + day.month - 1


def _month_of(index):
    return dt.date(index // 12, index % 12 + 1, 1)


def parse_month(raw):
    """First day of the month written YYYY-MM, or None."""
    match = MONTH_RE.match(raw or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        return None
    return dt.date(year, month, 1)


def _bounds(fairs, today):
    """(first, last) month index the calendar offers."""
    from django.db.models import Max, Min

    span = fairs.aggregate(first=Min("start"), last=Max("end"))
    first = min(filter(None, [span["first"], today]))
    last = max(filter(None, [span["last"], today]))
    return _month_index(first) - MARGIN_MONTHS, _month_index(last) + MARGIN_MONTHS


def month_context(index, request):
    from promo.models import FairPage

    today = clock.today(request)
    fairs = FairPage.objects.live().public().filter(locale_id=index.locale_id).descendant_of(index)
    low, high = _bounds(fairs, today)
    raw = request.GET.get("month")
    notice = ""
    month = parse_month(raw) if raw else dt.date(today.year, today.month, 1)
    if month is None:
        notice = _(
            "“%(value)s” is not a month; write it as year-month, e.g. %(example)s. Here is the current month."
        ) % {"value": raw[:20], "example": today.strftime("%Y-%m")}
        month = dt.date(today.year, today.month, 1)
    elif not low <= _month_index(month) <= high:
        notice = _(
            "There are no events on record that far away; here is the nearest month that has the calendar."
        )
        month = _month_of(min(max(_month_index(month), low), high))

    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    first, last = weeks[0][0], weeks[-1][-1]
    in_view = list(
        fairs.filter(start__lte=last, end__gte=first).order_by("start", "title").defer_streamfields()
    )
    rows = []
    for week in weeks:
        cells = []
        for day in week:
            cells.append(
                {
                    "date": day,
                    "in_month": day.month == month.month,
                    "today": day == today,
                    "fairs": [fair for fair in in_view if fair.start <= day <= fair.end],
                }
            )
        rows.append(cells)
    position = _month_index(month)
    extra = clock.clock_query(request)

    def link(index_value):
        if not low <= index_value <= high:
            return ""
        query = f"?view=calendar&month={_month_of(index_value).strftime('%Y-%m')}"
        return query + (f"&{extra}" if extra else "")

    month_fairs = [fair for fair in in_view if fair.start <= _last_day(month) and fair.end >= month]
    return {
        "month": month,
        "weeks": rows,
        "calendar_notice": notice,
        "weekday_names": [(WEEKDAYS[i], WEEKDAYS_ABBR[i]) for i in range(7)],
        "previous_month": link(position - 1),
        "next_month": link(position + 1),
        "previous_month_date": _month_of(position - 1),
        "next_month_date": _month_of(position + 1),
        "this_month": f"?view=calendar&month={today.strftime('%Y-%m')}" + (f"&{extra}" if extra else ""),
        "month_fairs": month_fairs,
        "today": today,
    }


def _last_day(month):
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])
