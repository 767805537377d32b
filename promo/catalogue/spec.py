"""The JSON Lines exchange format (shared/catalogue-format.md) as data: which keys each kind
takes and how each value is checked. The importer and exporter both read this table, so the
format is written down once."""
import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable
from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

KINDS = ("product", "fair", "attraction", "investment", "news")
LOCALES = ("vi", "en", "ko", "ja", "zh-hans")
REF_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,79}$")
ATTRACTION_CATEGORIES = ("nature", "heritage", "religious", "recreation", "food")
INVESTMENT_STATUSES = ("open", "negotiating", "awarded")


class Invalid(ValueError):
    """A value that does not fit its key; the message says what was expected."""


def text(value, max_length=None, required=False):
    if not isinstance(value, str):
        raise Invalid("must be a string")
    if required and not value.strip():
        raise Invalid("must not be empty")
    if max_length and len(value) > max_length:
        raise Invalid(f"must be at most {max_length} characters (got {len(value)})")
    return value


def integer(value, low=None, high=None):
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid("must be a whole number")
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = f"{low}..{high}" if high is not None else f"at least {low}"
        raise Invalid(f"must be {bounds} (got {value})")
    return value


def decimal(value, places, low=None, high=None, rounding=False):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid("must be a number")
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise Invalid("must be a number") from exc
    if not number.is_finite():
        raise Invalid("must be a finite number")
    quantum = Decimal(1).scaleb(-places)
    rounded = number.quantize(quantum, rounding=ROUND_HALF_UP)
    if rounded != number and not rounding:
        raise Invalid(f"must have at most {places} decimal places (got {value})")
    if (low is not None and number < low) or (high is not None and number > high):
        raise Invalid(f"must be between {low} and {high} (got {value})")
    return rounded


def date(value):
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise Invalid("must be a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise Invalid(f"is not a real date ({value})") from exc


def choice(options):
    def check(value):
        if value not in options:
            raise Invalid(f"must be one of {', '.join(options)} (got {value!r})")
        return value
    return check


def http_url(value):
    text(value, 500)
    parts = urlparse(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Invalid("must be an http or https address")
    return value


def email(value):
    text(value, 254)
    try:
        validate_email(value)
    except ValidationError as exc:
        raise Invalid("must be an email address") from exc
    return value


def tag_list(value):
    if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
        raise Invalid("must be a list of non-empty strings")
    if any(len(t) > 100 for t in value):
        raise Invalid("tags must be at most 100 characters")
    return [t.strip() for t in value]


@dataclass(frozen=True)
class Key:
    name: str
    check: Callable[[Any], Any]
    required: bool = False
    # "taxonomy" keys name a snippet (commune, category, sector) and are resolved later
    taxonomy: str = ""


COMMON = (
    Key("title", lambda v: text(v, 255, required=True), required=True),
    Key("summary", text),
    Key("body", text),
    Key("tags", tag_list),
    Key("commune", lambda v: text(v, 120, required=True), taxonomy="commune"),
    Key("published", date),
)

LAT = Key("lat", lambda v: decimal(v, 6, -90, 90, rounding=True))
LON = Key("lon", lambda v: decimal(v, 6, -180, 180, rounding=True))

BY_KIND = {
    "product": (
        Key("producer", lambda v: text(v, 200)),
        Key("category", lambda v: text(v, 120, required=True), taxonomy="product_category"),
        Key("ocop_stars", lambda v: integer(v, 1, 5)),
        Key("price_from_vnd", lambda v: integer(v, 0)),
        Key("unit", lambda v: text(v, 60)),
    ),
    "fair": (
        Key("start", date, required=True),
        Key("end", date, required=True),
        Key("venue", lambda v: text(v, 255)),
        Key("organizer", lambda v: text(v, 255)),
        Key("registration_url", http_url),
    ),
    "attraction": (
        Key("category", choice(ATTRACTION_CATEGORIES)),
        LAT, LON,
        Key("opening_hours", lambda v: text(v, 120)),
        Key("ticket_vnd", lambda v: integer(v, 0)),
    ),
    "investment": (
        Key("sector", lambda v: text(v, 120, required=True), taxonomy="sector"),
        Key("area_ha", lambda v: decimal(v, 2, 0, Decimal("99999999"))),
        Key("capital_usd", lambda v: decimal(v, 2, 0, Decimal("99999999999999"))),
        Key("status", choice(INVESTMENT_STATUSES)),
        Key("incentives", text),
        LAT, LON,
        Key("contact_email", email),
    ),
    "news": (
        Key("category", lambda v: text(v, 120, required=True), taxonomy="news_category"),
    ),
}

# JSON key -> model field, where they differ
MODEL_FIELD = {"commune": "commune", "category": "category", "sector": "sector"}

# Planning a visit: hours, fees, routes, fair times, exhibitors… (promo.catalogue.visit_keys
# adds them to BY_KIND when imported, whichever module is imported first).
from promo.catalogue import visit_keys  # noqa: E402,F401


def keys_for(kind):
    return {key.name: key for key in COMMON + BY_KIND[kind]}
