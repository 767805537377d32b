"""Exchange-format keys for planning a visit: attraction hours, fees, season, routes,
access and facilities; fair times, exhibitors and registration (docs/catalogue-format.md).

Each check returns the value in exactly the shape the page property of the same name gives
back (promo.models.visit_exchange), so an export imports again without changes.
"""

import datetime as dt
import re

from promo.catalogue.spec import Invalid, Key, date, decimal, http_url, integer, text
from promo.models.base import REF_RE
from promo.models.visit_facts import (
    AMENITIES,
    Availability,
    ExceptionReason,
    HoursStatus,
    Origin,
    VisitorType,
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The choices are the models' own: the format accepts exactly the values a page can hold.
HOURS_STATUSES = tuple(HoursStatus.values)
EXCEPTION_REASONS = tuple(ExceptionReason.values)
VISITORS = tuple(VisitorType.values)
ORIGINS = tuple(Origin.values)
AMENITY_CODES = tuple(AMENITIES)
AVAILABILITY = tuple(Availability.values)
TIME_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def _object(value, allowed, where=""):
    if not isinstance(value, dict):
        raise Invalid(f"{where}must be an object")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise Invalid(f"{where}unknown key(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}")
    return value


def _list(value, where=""):
    if not isinstance(value, list):
        raise Invalid(f"{where}must be a list")
    return value


def time_of_day(value, where=""):
    if not isinstance(value, str) or not TIME_RE.match(value):
        raise Invalid(f"{where}must be a time written HH:MM, 00:00 to 23:59 (got {value!r})")
    return value


def boolean(value):
    if not isinstance(value, bool):
        raise Invalid("must be true or false")
    return value


def _choice(value, options, where):
    if value not in options:
        raise Invalid(f"{where}must be one of {', '.join(options)} (got {value!r})")
    return value


def hours(value):
    _object(value, ("status", "weekly", "exceptions"))
    status = _choice(value.get("status", "scheduled"), HOURS_STATUSES, "status ")
    weekly, exceptions = [], []
    for n, row in enumerate(_list(value.get("weekly", []), "weekly "), 1):
        where = f"weekly row {n}: "
        _object(row, ("days", "opens", "closes"), where)
        days = _list(row.get("days"), where + "days ")
        if not days:
            raise Invalid(f"{where}days must name at least one day")
        for day in days:
            _choice(day, WEEKDAYS, where + "days ")
        opens = time_of_day(row.get("opens"), where + "opens ")
        closes = time_of_day(row.get("closes"), where + "closes ")
        if opens == closes:
            raise Invalid(f'{where}opens and closes at the same time; use status "always"')
        weekly.append({"days": [d for d in WEEKDAYS if d in days], "opens": opens, "closes": closes})
    for n, row in enumerate(_list(value.get("exceptions", []), "exceptions "), 1):
        where = f"exception {n}: "
        _object(row, ("reason", "from", "through", "closed", "opens", "closes"), where)
        reason = _choice(row.get("reason", "other"), EXCEPTION_REASONS, where + "reason ")
        first, last = _date(row.get("from"), where + "from "), _date(row.get("through"), where + "through ")
        if last < first:
            raise Invalid(f"{where}through is before from")
        item = {"reason": reason, "from": first.isoformat(), "through": last.isoformat()}
        if row.get("closed") is True:
            if "opens" in row or "closes" in row:
                raise Invalid(f"{where}a closed day has no opens/closes")
            item["closed"] = True
        else:
            if row.get("closed") not in (None, False):
                raise Invalid(f"{where}closed must be true or false")
            item["opens"] = time_of_day(row.get("opens"), where + "opens ")
            item["closes"] = time_of_day(row.get("closes"), where + "closes ")
        exceptions.append(item)
    if status == "scheduled" and not weekly and not exceptions:
        return None
    result = {"status": status}
    if weekly:
        result["weekly"] = weekly
    if exceptions:
        result["exceptions"] = exceptions
    return result


def _date(value, where):
    try:
        return date(value)
    except Invalid as exc:
        raise Invalid(f"{where}{exc}") from exc


def fees(value):
    rows, seen = [], set()
    for n, row in enumerate(_list(value), 1):
        where = f"fee {n}: "
        _object(row, ("visitor", "vnd"), where)
        visitor = _choice(row.get("visitor"), VISITORS, where + "visitor ")
        if visitor in seen:
            raise Invalid(f"{where}visitor {visitor} is listed twice")
        seen.add(visitor)
        try:
            vnd = integer(row.get("vnd"), 0, 100_000_000)
        except Invalid as exc:
            raise Invalid(f"{where}vnd {exc}") from exc
        rows.append({"visitor": visitor, "vnd": vnd})
    return rows or None


def duration_minutes(value):
    _object(value, ("min", "max"))
    result = {}
    for name in ("min", "max"):
        if name in value:
            try:
                result[name] = integer(value[name], 1, 7 * 24 * 60)
            except Invalid as exc:
                raise Invalid(f"{name} {exc}") from exc
    if "min" in result and "max" in result and result["max"] < result["min"]:
        raise Invalid("max is less than min")
    return result or None


def best_months(value):
    months = _list(value)
    for month in months:
        integer(month, 1, 12)
    return sorted(set(months)) or None


def getting_there(value):
    rows, seen = [], set()
    for n, row in enumerate(_list(value), 1):
        where = f"route {n}: "
        _object(row, ("from", "km", "drive_minutes", "public_transport"), where)
        origin = _choice(row.get("from"), ORIGINS, where + "from ")
        if origin in seen:
            raise Invalid(f"{where}from {origin} is listed twice")
        seen.add(origin)
        item = {"from": origin}
        try:
            if "km" in row:
                km = decimal(row["km"], 1, 0, 2000)
                item["km"] = int(km) if km == int(km) else float(km)
            if "drive_minutes" in row:
                item["drive_minutes"] = integer(row["drive_minutes"], 1, 24 * 60)
            if row.get("public_transport"):
                item["public_transport"] = text(row["public_transport"], 600)
        except Invalid as exc:
            raise Invalid(f"{where}{exc}") from exc
        if len(item) == 1:
            raise Invalid(f"{where}give km, drive_minutes or public_transport")
        rows.append(item)
    return rows or None


def amenities(value):
    _object(value, AMENITY_CODES)
    result = {}
    for code in AMENITY_CODES:
        if code in value:
            result[code] = _choice(value[code], AVAILABILITY, f"{code} ")
    return result or None


def exhibitors(value):
    rows = []
    for n, row in enumerate(_list(value), 1):
        where = f"exhibitor {n}: "
        _object(row, ("name", "shows", "booth", "product", "website"), where)
        try:
            item = {"name": text(row.get("name"), 200, required=True)}
            if row.get("shows"):
                item["shows"] = text(row["shows"], 400)
            if row.get("booth"):
                item["booth"] = text(row["booth"], 20)
            if row.get("product"):
                if not isinstance(row["product"], str) or not REF_RE.match(row["product"]):
                    raise Invalid("product must be the ref of a product")
                item["product"] = row["product"]
            if row.get("website"):
                item["website"] = http_url(row["website"])
        except Invalid as exc:
            raise Invalid(f"{where}{exc}") from exc
        rows.append(item)
    return rows or None


ATTRACTION_KEYS = (
    Key("hours", hours),
    Key("free_entry", boolean),
    Key("fees", fees),
    Key("fees_note", lambda v: text(v, 600)),
    Key("duration_minutes", duration_minutes),
    Key("best_months", best_months),
    Key("season_note", lambda v: text(v, 600)),
    Key("getting_there", getting_there),
    Key("amenities", amenities),
    Key("step_count", lambda v: integer(v, 0, 100_000)),
    Key("access_note", lambda v: text(v, 600)),
    Key("public_access", boolean),
    Key("booking_url", http_url),
    Key("contact_phone", lambda v: text(v, 40)),
)
FAIR_KEYS = (
    Key("opens", time_of_day),
    Key("closes", time_of_day),
    Key("lat", lambda v: decimal(v, 6, -90, 90, rounding=True)),
    Key("lon", lambda v: decimal(v, 6, -180, 180, rounding=True)),
    Key("free_admission", boolean),
    Key("registration_deadline", date),
    Key("registration_howto", lambda v: text(v, 1000)),
    Key("exhibitors", exhibitors),
)
# Same in every translation of an item: a translation line may leave them out.
SHARED = {
    "hours",
    "free_entry",
    "fees",
    "duration_minutes",
    "best_months",
    "getting_there",
    "amenities",
    "step_count",
    "public_access",
    "booking_url",
    "contact_phone",
    "opens",
    "closes",
    "free_admission",
    "registration_deadline",
    "exhibitors",
}


def fold_ticket_price(values):
    """`ticket_vnd` is the adult fee: given alone (older files) it becomes one; with `fees`
    it is read from them, so the line says one thing in both keys."""
    ticket = values.pop("ticket_vnd", None)
    if ticket is not None and not values.get("fees"):
        values["fees"] = [{"visitor": "adult", "vnd": ticket}]
    adult = [fee["vnd"] for fee in values.get("fees") or [] if fee["visitor"] == "adult"]
    if adult:
        values["ticket_vnd"] = adult[0]


def check_fair_day(values):
    """Problems across keys of a fair line: [(key, message)]."""
    problems = []
    if ("opens" in values) != ("closes" in values):
        problems.append(("closes" if "opens" in values else "opens", "opens and closes go together"))
    deadline, end = values.get("registration_deadline"), values.get("end")
    if isinstance(deadline, dt.date) and isinstance(end, dt.date) and deadline > end:
        problems.append(("registration_deadline", "must not be after end"))
    return problems


def _fold_ticket_check(values):
    fold_ticket_price(values)
    return []


def _register():
    from promo.catalogue import spec

    if not any(key.name == "hours" for key in spec.BY_KIND["attraction"]):
        spec.BY_KIND["attraction"] += ATTRACTION_KEYS
        spec.BY_KIND["fair"] += FAIR_KEYS
        spec.LINE_CHECKS["attraction"] = (*spec.LINE_CHECKS.get("attraction", ()), _fold_ticket_check)
        spec.LINE_CHECKS["fair"] = (*spec.LINE_CHECKS.get("fair", ()), check_fair_day)


_register()
