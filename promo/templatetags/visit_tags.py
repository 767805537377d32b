"""Template helpers for planning a visit: open-now state, durations, months, weekday hours.

{% load visit_tags %}
{% open_state page as state %}       OpenState at the visitor's now (Asia/Ho_Chi_Minh)
{% open_badge page %}                "Open now · closes 17:00" as a badge
{{ minutes|duration }}               "1 h 30 min"
{% visit_length page %}              "1–2 hours"
{{ mask|month_ranges }}              "November – April, August"
{% weekly_hours page as rows %}      [(weekday name, "06:00–17:00" / closed)]
"""

import datetime as dt

from django import template
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pagecache.store import limit_lifetime
from promo import clock
from promo.models.daysets import runs

register = template.Library()


def _hhmm(value):
    return value.strftime("%H:%M")


def period_text(period):
    closes = _hhmm(period.closes)
    if period.overnight and period.closes != dt.time(0, 0):
        closes = _("%(time)s (next day)") % {"time": closes}
    elif period.closes == dt.time(0, 0):
        closes = _("midnight")
    return f"{_hhmm(period.opens)}–{closes}"


@register.simple_tag(takes_context=True)
def open_state(context, page):
    return page.open_state(clock.now(context.get("request")))


def _when(moment, now):
    if moment.date() == now.date():
        return _hhmm(moment)
    if moment.date() == now.date() + dt.timedelta(days=1):
        return _("tomorrow %(time)s") % {"time": _hhmm(moment)}
    return _("%(time)s on %(weekday)s") % {"weekday": WEEKDAYS[moment.weekday()], "time": _hhmm(moment)}


@register.simple_tag(takes_context=True)
def open_badge(context, page):
    """The open/closed badge; nothing when the hours are not known."""
    request = context.get("request")
    now = clock.now(request)
    state = page.open_state(now)
    if state.status == "unknown":
        return ""
    if state.changes_at is not None and request is not None:
        # The badge is true until the next opening or closing: a cached page may not outlive it.
        limit_lifetime(request, max(60, (state.changes_at - now).total_seconds()))
    if state.status == "always":
        text, css = _("Open 24 hours"), "open"
    elif state.status == "closed":
        text, css = _("Closed until further notice"), "closed"
    elif state.is_open:
        text, css = _("Open now"), "open"
        if state.changes_at and state.changes_at - now < dt.timedelta(days=1):
            text = _("Open now · closes %(when)s") % {"when": _when(state.changes_at, now)}
    else:
        text, css = _("Closed now"), "closed"
        if state.changes_at:
            text = _("Closed now · opens %(when)s") % {"when": _when(state.changes_at, now)}
    return format_html(
        '<span class="open-badge open-badge--{}" data-open-state="{}">{}</span>',
        css,
        state.status if state.status in ("always", "closed") else css,
        text,
    )


@register.filter
def duration(minutes):
    """Minutes as hours and minutes in words: "45 min", "2 h", "1 h 30 min"."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}


@register.simple_tag
def visit_length(page):
    low, high = page.visit_minutes_min, page.visit_minutes_max
    if low is None and high is None:
        return ""
    if low is not None and high is not None and low != high:
        if low % 60 == 0 and high % 60 == 0:
            return ngettext("%(low)s–%(high)s hour", "%(low)s–%(high)s hours", high // 60) % {
                "low": low // 60,
                "high": high // 60,
            }
        return _("%(low)s to %(high)s") % {"low": duration(low), "high": duration(high)}
    return _("about %(length)s") % {"length": duration(low if low is not None else high)}


@register.filter
def month_ranges(mask):
    """A month set as ranges in words: "November – April"."""
    if not mask:
        return ""
    parts = []
    for first, last in runs([m for m in range(12) if mask & (1 << m)], 12):
        if first == last:
            parts.append(str(MONTHS[first + 1]))
        else:
            parts.append(_("%(first)s to %(last)s") % {"first": MONTHS[first + 1], "last": MONTHS[last + 1]})
    return ", ".join(parts)


@register.simple_tag
def weekly_hours(page):
    """[(weekday name, [period text], is today)] Monday to Sunday."""
    schedule = page.schedule()
    today = clock.today().weekday()
    return [
        (WEEKDAYS[day], [period_text(p) for p in periods], day == today) for day, periods in schedule.week()
    ]


@register.simple_tag(takes_context=True)
def special_hours(context, page):
    """Holidays and seasons from today on: [(special, dates text, hours text)]."""
    today = clock.today(context.get("request"))
    rows = []
    for special in page.schedule().special_from(today):
        if special.valid_from == special.valid_through:
            dates = date_format(special.valid_from, "DATE_FORMAT")
        else:
            dates = _("%(first)s to %(last)s") % {
                "first": date_format(special.valid_from, "DATE_FORMAT"),
                "last": date_format(special.valid_through, "DATE_FORMAT"),
            }
        hours = _("Closed") if special.closed else period_text(special.period)
        rows.append((special, dates, hours))
    return rows


@register.filter
def km(value):
    from promo.templatetags.promo_tags import number

    if value in (None, ""):
        return ""
    return f"{number(value, 1)} km"


@register.simple_tag
def fair_times(fair):
    """ "08:00–21:00 each day (Vietnam time)" for a fair with times."""
    if not fair.has_times:
        return ""
    hours = f"{_hhmm(fair.daily_opens)}–{_hhmm(fair.daily_closes)}"
    if fair.start == fair.end:
        return _("%(hours)s (Vietnam time, UTC+7)") % {"hours": hours}
    return _("%(hours)s each day (Vietnam time, UTC+7)") % {"hours": hours}


@register.simple_tag
def fair_hours(fair):
    """ "08:00–21:00", the short form for cards and the calendar."""
    if not fair.has_times:
        return ""
    return f"{_hhmm(fair.daily_opens)}–{_hhmm(fair.daily_closes)}"
