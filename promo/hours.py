"""Opening hours: is a place open at a given moment, when does that change, and the same
question as an SQL filter for the tourism index.

A period opens at `opens` and closes at `closes` on the same day, or on the next day when
`closes` is not after `opens` (18:00–02:00; 08:00–00:00 closes at midnight). On a date covered
by special hours (a holiday, a season) those replace the weekly hours; "closed all day" wins.
The Python and SQL versions follow these same rules; a test checks that they agree.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q

from promo.models.visit_facts import HoursStatus

# A listing filtered by "open now" (or marked open/closed) is recomputed at least this often.
OPEN_NOW_CACHE_SECONDS = 300

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    opens: dt.time
    closes: dt.time

    @property
    def overnight(self):
        return self.closes <= self.opens

    def interval(self, day, tz):
        start = dt.datetime.combine(day, self.opens, tz)
        end = dt.datetime.combine(day + DAY if self.overnight else day, self.closes, tz)
        return start, end


@dataclass(frozen=True)
class SpecialHours:
    reason: str
    reason_label: str
    valid_from: dt.date
    valid_through: dt.date
    closed: bool
    period: Period | None


@dataclass(frozen=True)
class OpenState:
    status: str  # "always", "closed" (until further notice), "open", "shut", "unknown"
    is_open: bool
    changes_at: dt.datetime | None = None  # closes at (when open) / opens at (when shut)
    special: SpecialHours | None = None  # special hours in force today


class Schedule:
    def __init__(self, status, weekly, special):
        self.status = status
        self.weekly = weekly  # [(weekday mask, Period)]
        self.special = special  # [SpecialHours]

    @classmethod
    def for_page(cls, page):
        from promo.models.visit_facts import ExceptionReason

        weekly = [(row.days, Period(row.opens, row.closes)) for row in page.weekly_hours.all()]
        special = [
            SpecialHours(
                row.reason,
                str(ExceptionReason(row.reason).label),
                row.valid_from,
                row.valid_through,
                row.closed,
                None if row.closed else Period(row.opens, row.closes),
            )
            for row in page.hours_exceptions.all()
        ]
        return cls(page.hours_status, weekly, special)

    @property
    def known(self):
        return self.status != HoursStatus.SCHEDULED or bool(self.weekly or self.special)

    def special_on(self, day):
        return [s for s in self.special if s.valid_from <= day <= s.valid_through]

    def periods_on(self, day):
        """The periods that start on `day`."""
        special = self.special_on(day)
        if special:
            if any(s.closed for s in special):
                return []
            return [s.period for s in special]
        return [period for mask, period in self.weekly if mask & (1 << day.weekday())]

    def intervals(self, first_day, last_day, tz):
        """Open intervals starting between the two days, merged where they touch."""
        spans = []
        day = first_day
        while day <= last_day:
            spans += [p.interval(day, tz) for p in self.periods_on(day)]
            day += DAY
        spans.sort()
        merged = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    def is_open(self, at):
        if self.status == HoursStatus.ALWAYS:
            return True
        if self.status == HoursStatus.CLOSED:
            return False
        day = at.date()
        return any(start <= at < end for start, end in self.intervals(day - DAY, day, at.tzinfo))

    def state(self, at):
        if self.status == HoursStatus.ALWAYS:
            return OpenState("always", True)
        if self.status == HoursStatus.CLOSED:
            return OpenState("closed", False)
        if not self.known:
            return OpenState("unknown", False)
        day = at.date()
        special = next(iter(self.special_on(day)), None)
        spans = self.intervals(day - DAY, day + 8 * DAY, at.tzinfo)
        for start, end in spans:
            if start <= at < end:
                return OpenState("open", True, end, special)
        upcoming = [start for start, _end in spans if start > at]
        return OpenState("shut", False, upcoming[0] if upcoming else None, special)

    def week(self):
        """[(weekday 0–6, [Period])] of the regular week, Monday first."""
        return [(d, [p for mask, p in self.weekly if mask & (1 << d)]) for d in range(7)]

    def special_from(self, day):
        """Special hours still to come or in force, soonest first."""
        return sorted(
            (s for s in self.special if s.valid_through >= day), key=lambda s: (s.valid_from, s.valid_through)
        )


def _special(day):
    from promo.models.visit_facts import OpeningException

    return OpeningException.objects.filter(page=OuterRef("pk"), valid_from__lte=day, valid_through__gte=day)


def _weekly(weekday):
    from promo.models.visit_facts import OpeningHours

    return OpeningHours.objects.annotate(on_day=F("days").bitand(1 << weekday)).filter(
        page=OuterRef("pk"), on_day__gt=0
    )


def _open_rows(rows, t):
    return rows.filter(opens__lte=t).filter(Q(closes__gt=t) | Q(closes__lte=F("opens")))


def _spill_rows(rows, t):
    return rows.filter(closes__lte=F("opens"), closes__gt=t)


def _on_day(day, select):
    """Q: the rows `select` picks among the hours that apply on `day`."""
    special = _special(day)
    by_special = (
        Exists(special) & ~Exists(special.filter(closed=True)) & Exists(select(special.filter(closed=False)))
    )
    return by_special | (~Exists(special) & Exists(select(_weekly(day.weekday()))))


def open_at_filter(at):
    """Q selecting the attraction pages open at the aware datetime `at` (in its own zone)."""
    day, t = at.date(), at.time().replace(tzinfo=None)
    scheduled = _on_day(day, lambda rows: _open_rows(rows, t)) | _on_day(
        day - DAY, lambda rows: _spill_rows(rows, t)
    )
    return Q(hours_status=HoursStatus.ALWAYS) | (Q(hours_status=HoursStatus.SCHEDULED) & scheduled)
