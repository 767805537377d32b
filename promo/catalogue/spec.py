"""The JSON Lines exchange format (docs/catalogue-format.md) as data: which keys each kind
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

from promo.languages import LANGUAGE_CODES
from promo.limits import MAX_VND, URL_MAX_LENGTH
from promo.models import CATALOGUE_MODELS
from promo.models.attractions import AttractionCategory
from promo.models.base import REF_RE as REF_RE  # re-exported: the format checks refs with it
from promo.models.investment import (
    ClearanceStatus,
    InvestmentStatus,
    LandUseType,
    PlanStatus,
    PolicyDecisionStatus,
)
from promo.validators import describe, find_control_character

KINDS = tuple(CATALOGUE_MODELS)  # the exchange format carries the catalogue kinds
LOCALES = LANGUAGE_CODES
# The choices are the models' own: the format accepts exactly the values a page can hold.
ATTRACTION_CATEGORIES = tuple(AttractionCategory.values)
INVESTMENT_STATUSES = tuple(InvestmentStatus.values)
PLAN_STATUSES = tuple(PlanStatus.values)
CLEARANCE_STATUSES = tuple(ClearanceStatus.values)
POLICY_DECISION_STATUSES = tuple(PolicyDecisionStatus.values)
LAND_USE_TYPES = tuple(LandUseType.values)
LEGACY_VND_PER_USD = 26_000  # as in migration promo 0004


class Invalid(ValueError):
    """A value that does not fit its key; the message says what was expected."""


def text(value, max_length=None, required=False, multiline=False):
    """A string; only long text (`multiline`) may hold line breaks, nothing may hold other
    control characters (the same rule as the admin forms, promo.validators)."""
    if not isinstance(value, str):
        raise Invalid("must be a string")
    found = find_control_character(value, multiline)
    if found:
        raise Invalid(describe(found, english=True))
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
    text(value, URL_MAX_LENGTH)
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
    for n, tag in enumerate(value, 1):
        try:
            text(tag)
        except Invalid as exc:
            raise Invalid(f"tag {n}: {exc}") from exc
    return [t.strip() for t in value]


def incentive_list(value):
    """[{"text": "…", "basis": "…"}]: each incentive with its legal basis (optional). A plain
    string (the format before deal facts) is one incentive without a basis."""
    if isinstance(value, str):
        return [{"text": text(value, 500, required=True), "basis": ""}]
    if not isinstance(value, list):
        raise Invalid('must be a list of {"text": …, "basis": …} objects')
    items = []
    for n, item in enumerate(value, 1):
        if not isinstance(item, dict) or not set(item) <= {"text", "basis"} or "text" not in item:
            raise Invalid(f'item {n} must be an object with "text" and, optionally, "basis"')
        try:
            items.append(
                {"text": text(item["text"], 500, required=True), "basis": text(item.get("basis", ""), 250)}
            )
        except Invalid as exc:
            raise Invalid(f"item {n}: {exc}") from exc
    return items


def incentives_to_model(items):
    """Catalogue incentives -> the page's StreamField value."""
    return [("incentive", {"text": item["text"], "legal_basis": item.get("basis", "")}) for item in items]


def incentives_from_model(stream):
    """The page's incentives (a StreamValue, or what incentives_to_model made) -> catalogue."""
    items = []
    for block in stream or ():
        value = block[1] if isinstance(block, tuple) else block.value
        item = {"text": value["text"]}
        if value.get("legal_basis"):
            item["basis"] = value["legal_basis"]
        items.append(item)
    return items


@dataclass(frozen=True)
class Key:
    name: str
    check: Callable[[Any], Any]
    required: bool = False
    # "taxonomy" keys name a snippet (commune, category, sector, investment_form, officer) and
    # are resolved later
    taxonomy: str = ""
    # For values whose model form differs from the line's (a StreamField): line -> model value,
    # and model value -> line (also used to compare, so a re-import changes nothing).
    to_model: Callable[[Any], Any] | None = None
    from_model: Callable[[Any], Any] | None = None
    # A key kept so that older files still load: it writes `alias_of` (another key's field),
    # only when present in the line, and export never writes it.
    alias_of: str = ""


def usd_to_vnd(amount):
    """`capital_usd` of older files, in VND at the site's exchange rate (or, with none set, the
    rate the VND migration used)."""
    from decimal import Decimal

    from wagtail.models import Site

    from promo.models import ExchangeRate

    site = Site.objects.filter(is_default_site=True).first()
    rate = ExchangeRate.for_site(site) if site else None
    per_usd = rate.vnd_per_usd if rate is not None and rate.usable else Decimal(LEGACY_VND_PER_USD)
    return int((Decimal(amount) * per_usd).to_integral_value(ROUND_HALF_UP))


COMMON = (
    Key("title", lambda v: text(v, 255, required=True), required=True),
    Key("summary", lambda v: text(v, multiline=True)),
    Key("body", lambda v: text(v, multiline=True)),
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
        Key("price_from_vnd", lambda v: integer(v, 0, MAX_VND)),
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
        LAT,
        LON,
        Key("opening_hours", lambda v: text(v, 120)),
        Key("ticket_vnd", lambda v: integer(v, 0, MAX_VND)),
    ),
    "investment": (
        Key("sector", lambda v: text(v, 120, required=True), taxonomy="sector"),
        Key("status", choice(INVESTMENT_STATUSES)),
        Key("investment_form", lambda v: text(v, 120, required=True), taxonomy="investment_form"),
        Key("promoter", lambda v: text(v, 255)),
        Key("officer", lambda v: text(v, 120, required=True), taxonomy="officer"),
        Key("contact_email", email),
        Key("capital_vnd", lambda v: integer(v, 0, MAX_VND)),
        Key(
            "capital_usd",
            lambda v: decimal(v, 2, 0, Decimal("99999999999999")),
            to_model=usd_to_vnd,
            alias_of="capital_vnd",
        ),
        Key("in_land_use_plan", choice(PLAN_STATUSES)),
        Key("site_clearance", choice(CLEARANCE_STATUSES)),
        Key("policy_decision", choice(POLICY_DECISION_STATUSES)),
        Key("decision_expected", date),
        Key("construction_start", date),
        Key("area_ha", lambda v: decimal(v, 2, 0, Decimal("100000"))),
        Key("land_use_type", choice(LAND_USE_TYPES)),
        Key("land_use_term_years", lambda v: integer(v, 1, 99)),
        Key("lease_price_min_vnd", lambda v: integer(v, 0, MAX_VND)),
        Key("lease_price_max_vnd", lambda v: integer(v, 0, MAX_VND)),
        Key("road_access", lambda v: text(v, 255)),
        Key("power_kv", lambda v: decimal(v, 1, 0, Decimal("1000"))),
        Key("water", lambda v: text(v, 255)),
        Key("wastewater", lambda v: text(v, 255)),
        Key("hcmc_km", lambda v: decimal(v, 1, 0, Decimal("2000"))),
        Key("hcmc_minutes", lambda v: integer(v, 0, 2000)),
        Key("airport_km", lambda v: decimal(v, 1, 0, Decimal("2000"))),
        Key("airport_minutes", lambda v: integer(v, 0, 2000)),
        Key("seaport_name", lambda v: text(v, 120)),
        Key("seaport_km", lambda v: decimal(v, 1, 0, Decimal("2000"))),
        Key("seaport_minutes", lambda v: integer(v, 0, 2000)),
        Key("industrial_park_name", lambda v: text(v, 120)),
        Key("industrial_park_km", lambda v: decimal(v, 1, 0, Decimal("2000"))),
        Key("industrial_park_minutes", lambda v: integer(v, 0, 2000)),
        Key("incentives", incentive_list, to_model=incentives_to_model, from_model=incentives_from_model),
        LAT,
        LON,
    ),
    "news": (Key("category", lambda v: text(v, 120, required=True), taxonomy="news_category"),),
}

# JSON key -> model field, where they differ
MODEL_FIELD = {"commune": "commune", "category": "category", "sector": "sector"}


def _lease_range(values):
    low, high = values.get("lease_price_min_vnd"), values.get("lease_price_max_vnd")
    if low is not None and high is not None and low > high:
        return [("lease_price_max_vnd", "must not be below lease_price_min_vnd")]
    return []


# Checks across the keys of one line: kind -> [function(values) -> [(key, message)]]
LINE_CHECKS = {"investment": (_lease_range,)}


def keys_for(kind):
    return {key.name: key for key in COMMON + BY_KIND[kind]}


# Planning a visit: hours, fees, routes, fair times, exhibitors… (promo.catalogue.visit_keys
# adds its keys to BY_KIND and its checks to LINE_CHECKS when imported, whichever module is
# imported first).
from promo.catalogue import visit_keys  # noqa: E402,F401
