"""iCalendar (RFC 5545) documents for the fairs: one event, or every upcoming fair.

A fair with opening and closing times runs from its first opening to its last closing, as
DATE-TIME values with TZID=Asia/Ho_Chi_Minh; a fair given by dates only is a whole-day event
with DATE values (DTEND exclusive). The calendar names and defines the site's time zone.
"""

import re
from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneStandard, vCalAddress, vText

from feeds.common import absolute_url, with_source_fallback

TZID = "Asia/Ho_Chi_Minh"
UID_DOMAIN = "dautieng-promo.example"
PRODID = "-//Dau Tieng promotion portal//Fairs calendar//EN"


# C0 controls other than TAB and line breaks are not allowed in iCalendar text (RFC 5545 3.3.11);
# entrances reject them, this keeps a calendar valid should one have got in before that.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text(value):
    """A TEXT value, escaped whatever property it goes in. icalendar escapes only the
    properties it knows as TEXT; X- properties (X-WR-CALNAME …) would be written raw, so a line
    break in a title would end the line and start a forged one."""
    return vText(_CONTROL.sub("", str(value)))


def _vietnam_timezone():
    # Vietnam has kept UTC+7 without daylight saving since 1975: one STANDARD rule suffices.
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1975, 6, 13))
    standard.add("tzoffsetfrom", timedelta(hours=7))
    standard.add("tzoffsetto", timedelta(hours=7))
    standard.add("tzname", "+07")
    tz.add_component(standard)
    return tz


def new_calendar(name, description=""):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", text(name))
    if description:
        cal.add("x-wr-caldesc", text(description))
    cal.add("x-wr-timezone", TZID)
    cal.add_component(_vietnam_timezone())
    return cal


def _organizer_address(organizer):
    """A CAL-ADDRESS (mailto: URI) when the organizer field holds an e-mail address."""
    candidate = organizer.strip().removeprefix("mailto:")
    try:
        validate_email(candidate)
    except ValidationError:
        return None
    return vCalAddress(f"mailto:{candidate}")


def fair_event(fair, request, language_code, stamp=None):
    url = absolute_url(request, fair)
    texts = with_source_fallback(fair, "venue", "organizer")
    venue, organizer_name = texts["venue"], texts["organizer"]
    event = Event()
    event.add("uid", f"{fair.ref}@{UID_DOMAIN}")
    event.add("dtstamp", stamp or timezone.now().astimezone(UTC))
    if fair.has_times:  # opening and closing in Vietnam time (TZID, defined above)
        event.add("dtstart", fair.starts_at)
        event.add("dtend", fair.ends_at)
    else:
        event.add("dtstart", fair.start)
        event.add("dtend", fair.end + timedelta(days=1))
    event.add("summary", text(fair.title), parameters={"LANGUAGE": language_code})

    lines = [fair.summary] if fair.summary else []
    if venue:
        lines.append(_("Venue: %(venue)s") % {"venue": venue})
    organizer = _organizer_address(organizer_name) if organizer_name else None
    if organizer_name and organizer is None:
        # Free text is not a valid CAL-ADDRESS, so the name goes in the description instead.
        lines.append(_("Organizer: %(organizer)s") % {"organizer": organizer_name})
        event.add("x-dautieng-organizer", text(organizer_name))
    if fair.registration_url:
        lines.append(_("Registration: %(url)s") % {"url": fair.registration_url})
    lines.append(_("Details: %(url)s") % {"url": url})
    event.add("description", text("\n".join(lines)), parameters={"LANGUAGE": language_code})

    if venue:
        event.add("location", text(venue))
    if organizer is not None:
        event.add("organizer", organizer)
    event.add("url", url)
    if fair.last_published_at:
        event.add("last-modified", fair.last_published_at.astimezone(UTC))
    event.add("transp", "TRANSPARENT")
    return event


def fairs_calendar(fairs, request, language_code, name, description=""):
    cal = new_calendar(name, description)
    stamp = timezone.now().astimezone(UTC)
    for fair in fairs:
        cal.add_component(fair_event(fair, request, language_code, stamp))
    return cal
