"""Opening-hours rules without a database: weekly periods, past-midnight periods, special
hours for holidays and seasons, always open / closed, and when the state changes next."""

import datetime as dt

from promo.clock import DISTRICT_TZ
from promo.hours import Period, Schedule, SpecialHours
from promo.models.daysets import mask_of, runs

EVERY_DAY = mask_of(range(7))
T = dt.time


def at(day, hour, minute=0):
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=DISTRICT_TZ)  # 2026-12-07 is a Monday


def test_open_inside_the_period_and_closed_outside():
    schedule = Schedule("scheduled", [(EVERY_DAY, Period(T(5), T(18)))], [])
    assert not schedule.is_open(at(7, 4, 59))
    assert schedule.is_open(at(7, 5))
    assert schedule.is_open(at(7, 17, 59))
    assert not schedule.is_open(at(7, 18))  # closing time is not open


def test_state_says_when_it_closes_and_when_it_opens_next():
    schedule = Schedule(
        "scheduled",
        [
            (mask_of([1, 2, 3, 4, 5, 6]), Period(T(7, 30), T(11, 30))),
            (mask_of([1, 2, 3, 4, 5, 6]), Period(T(13, 30), T(17))),
        ],
        [],
    )
    state = schedule.state(at(8, 9))  # Tuesday morning
    assert state.is_open and state.changes_at == at(8, 11, 30)
    lunch = schedule.state(at(8, 12))
    assert not lunch.is_open and lunch.changes_at == at(8, 13, 30)
    monday = schedule.state(at(7, 10))  # closed on Mondays
    assert not monday.is_open and monday.changes_at == at(8, 7, 30)


def test_a_period_past_midnight_spills_into_the_next_day():
    schedule = Schedule("scheduled", [(mask_of([4]), Period(T(18), T(2)))], [])  # Friday night
    assert schedule.is_open(at(11, 23))
    assert schedule.is_open(at(12, 1, 30))  # Saturday small hours
    assert not schedule.is_open(at(12, 2))
    assert not schedule.is_open(at(12, 23))


def test_closing_at_midnight_is_open_until_the_end_of_the_day():
    schedule = Schedule("scheduled", [(EVERY_DAY, Period(T(8), T(0)))], [])
    assert schedule.is_open(at(7, 23, 59))
    assert not schedule.is_open(at(8, 0, 30))


def test_special_hours_replace_the_week_and_closed_wins():
    tet = SpecialHours("tet", "Tết", dt.date(2026, 12, 9), dt.date(2026, 12, 10), True, None)
    festival = SpecialHours(
        "festival", "Festival", dt.date(2026, 12, 11), dt.date(2026, 12, 11), False, Period(T(4), T(22))
    )
    schedule = Schedule("scheduled", [(EVERY_DAY, Period(T(5), T(18)))], [tet, festival])
    assert not schedule.is_open(at(9, 10))  # closed for the holiday
    assert schedule.is_open(at(11, 4, 30))  # festival opens early
    assert schedule.is_open(at(11, 21))
    assert schedule.is_open(at(12, 10))  # back to the week
    state = schedule.state(at(9, 10))
    assert state.special is tet and state.changes_at == at(11, 4)


def test_always_open_and_closed_until_further_notice():
    assert Schedule("always", [], []).is_open(at(7, 3))
    assert Schedule("always", [], []).state(at(7, 3)).status == "always"
    closed = Schedule("closed", [(EVERY_DAY, Period(T(0, 1), T(23)))], [])
    assert not closed.is_open(at(7, 12)) and closed.state(at(7, 12)).status == "closed"


def test_no_hours_means_unknown_not_closed():
    assert Schedule("scheduled", [], []).state(at(7, 12)).status == "unknown"


def test_month_runs_wrap_round_the_year():
    assert runs([10, 11, 0, 1, 2, 3], 12) == [(10, 3)]  # November – April
    assert runs([0, 1, 5], 12) == [(5, 5), (0, 1)] or runs([0, 1, 5], 12) == [(0, 1), (5, 5)]
    assert runs(range(12), 12) == [(0, 11)]
