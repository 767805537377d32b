"""Fairs a visitor adds to their calendar: valid iCalendar, whole days, Vietnam's time zone."""

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from promo.models import FairPage
from tests.factories import FairLine, load_lines, translated

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _module_fairs(request):
    from tests.conftest import shared_content

    if not shared_content(request, "fairs"):
        return None
    return request.getfixturevalue("module_content")(add_fairs)


@pytest.fixture
def fairs(_module_fairs, site, settings):
    if _module_fairs:
        return _module_fairs.for_test(settings)
    return add_fairs()


def add_fairs():
    soon = date.today() + timedelta(days=20)
    expo = FairLine(
        ref="expo-2099",
        title="Hội chợ OCOP",
        summary="Gian hàng OCOP.",
        start=soon.isoformat(),
        end=(soon + timedelta(days=3)).isoformat(),
        venue="Nhà văn hóa xã Dầu Tiếng",
        organizer="Trung tâm Xúc tiến (sample)",
        registration_url="https://dautieng-promo.example/dang-ky",
    )
    past = FairLine(ref="expo-2020", title="Hội chợ cũ", start="2020-01-01", end="2020-01-03")
    load_lines(
        [
            expo,
            past,
            translated(expo, "en", title="OCOP fair", summary="OCOP booths."),
            translated(expo, "ja", title="OCOP見本市"),
        ]
    )
    return soon


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_single_fair_is_a_valid_all_day_event(client, fairs):
    response = client.get("/en/calendar/fairs/expo-2099.ics")
    assert 'filename="expo-2099.ics"' in response["Content-Disposition"]
    cal = _parse(response)
    for prop in ("PRODID", "VERSION", "CALSCALE", "METHOD", "X-WR-CALNAME"):
        assert cal.get(prop), prop
    assert str(cal["VERSION"]) == "2.0" and str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    (tz,) = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Asia/Ho_Chi_Minh"
    (standard,) = tz.walk("STANDARD")
    assert standard["TZOFFSETTO"].td == timedelta(hours=7)
    assert not tz.walk("DAYLIGHT")

    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == "expo-2099@dautieng-promo.example"
    assert event["DTSTAMP"].dt.utcoffset() == timedelta(0)
    start, end = event["DTSTART"].dt, event["DTEND"].dt
    assert start == fairs and type(start) is date
    assert end == fairs + timedelta(days=4)  # last day + 1: DTEND is exclusive
    assert str(event["SUMMARY"]) == "OCOP fair"
    assert str(event["LOCATION"]) == "Nhà văn hóa xã Dầu Tiếng"
    page = FairPage.objects.get(ref="expo-2099", locale__language_code="en")
    assert str(event["URL"]) == "http://testserver" + page.get_url()
    assert "LAST-MODIFIED" in event
    description = str(event["DESCRIPTION"])
    assert "OCOP booths." in description
    # free-text organizer is not a CAL-ADDRESS: it is described, not put in ORGANIZER
    assert "ORGANIZER" not in event and "Trung tâm Xúc tiến (sample)" in description
    assert "https://dautieng-promo.example/dang-ky" in description


def test_calendar_texts_are_in_the_visitors_language(client, fairs):
    cal = _parse(client.get("/ja/calendar/fairs/expo-2099.ics"))
    (event,) = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "OCOP見本市"
    assert "会場" in str(event["DESCRIPTION"])
    feed = _parse(client.get("/ko/calendar/fairs.ics"))
    assert str(feed["X-WR-CALNAME"]) != str(_parse(client.get("/en/calendar/fairs.ics"))["X-WR-CALNAME"])


def test_same_fair_has_the_same_uid_in_every_language(client, fairs):
    uids = {
        str(_parse(client.get(f"/{code}/calendar/fairs/expo-2099.ics")).walk("VEVENT")[0]["UID"])
        for code in ("vi", "en", "ja")
    }
    assert uids == {"expo-2099@dautieng-promo.example"}


def test_upcoming_feed_leaves_out_past_fairs(client, fairs):
    cal = _parse(client.get("/vi/calendar/fairs.ics"))
    assert [str(e["UID"]) for e in cal.walk("VEVENT")] == ["expo-2099@dautieng-promo.example"]


def test_unknown_or_unpublished_fair_is_404(client, fairs):
    assert client.get("/vi/calendar/fairs/no-such-fair.ics").status_code == 404
    FairPage.objects.get(ref="expo-2099", locale__language_code="vi").unpublish()
    assert client.get("/vi/calendar/fairs/expo-2099.ics").status_code == 404


def test_fair_page_offers_add_to_calendar(client, fairs):
    page = FairPage.objects.get(ref="expo-2099", locale__language_code="en")
    html = client.get(page.get_url()).content.decode()
    assert 'href="/en/calendar/fairs/expo-2099.ics"' in html
    assert "Add to calendar (.ics)" in html


@pytest.mark.parametrize("path", ["/en/calendar/fairs/expo-2099.ics", "/en/calendar/fairs.ics"])
def test_line_breaks_and_controls_in_texts_cannot_forge_calendar_lines(client, fairs, path):
    """Data stored before the entrances rejected it (or typed into a long text) is escaped in
    every property, X- ones included: one event, no injected line, same text read back."""
    from django.db import connection

    forged = "Hội chợ\nBEGIN:VEVENT\r\nSUMMARY:forged;x,y\\"
    # PostgreSQL cannot store a NUL at all; SQLite can, so old data may hold one there
    nul = "" if connection.vendor == "postgresql" else "\x00"
    FairPage.objects.filter(ref="expo-2099").update(
        title=forged, organizer="Trung tâm\nEND:VEVENT" + nul, venue="Nhà\rvăn hóa"
    )
    response = client.get(path)
    raw = response.content.decode()
    lines = raw.split("\r\n")
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 1
    assert not any(line.startswith(("SUMMARY:forged", "END:VEVENT ")) for line in lines)
    assert "\x00" not in raw
    (event,) = _parse(response).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Hội chợ\nBEGIN:VEVENT\nSUMMARY:forged;x,y\\"
    assert "Trung tâm\nEND:VEVENT" in str(event["DESCRIPTION"])
    assert str(event["LOCATION"]) == "Nhà\nvăn hóa"
    if path.endswith("expo-2099.ics"):
        # X- properties are read back raw by parsers: what matters is that they stay escaped
        assert "X-WR-CALNAME:Hội chợ\\nBEGIN:VEVENT\\nSUMMARY:forged\\;x\\,y\\\\" in lines
