"""Filters of `/api/v2/pages/` that mirror the listings: kind, commune, sector, category,
status, form, upcoming, free, open_now, duration, doc_type, year, ref.

Each filter names the kinds it applies to; using one on a listing of another kind is a 400
that says which kind it needs, not an empty answer. Values are codes (`slug`s of the taxonomy
snippets, choice values), the same in every language; repeat a parameter or separate values
with commas to match any of them.
"""

import re

from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
MAX_VALUES = 20


def kind_models():
    """{kind: page model} of the kinds the `kind` parameter accepts."""
    from portal.models import OfficialDocumentPage
    from promo.models import CATALOGUE_MODELS, TripPage

    return {**CATALOGUE_MODELS, "itinerary": TripPage, "document": OfficialDocumentPage}


def codes(request, name):
    values = []
    for raw in request.GET.getlist(name):
        values.extend(v.strip() for v in raw.split(",") if v.strip())
    values = list(dict.fromkeys(values))
    if len(values) > MAX_VALUES:
        raise BadRequestError(f"{name}: at most {MAX_VALUES} values")
    for value in values:
        if not CODE.match(value):
            raise BadRequestError(
                f"{name}: {value[:40]!r} is not a code (lowercase letters, digits, hyphens)"
            )
    return values


def flag(request, name):
    raw = request.GET.get(name)
    if raw in (None, ""):
        return None
    if raw in ("1", "true"):
        return True
    if raw in ("0", "false"):
        return False
    raise BadRequestError(f"{name} must be 1 or 0 (true or false)")


def _choices_check(name, values, allowed):
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise BadRequestError(f"{name}: unknown value {unknown[0]!r}; one of: {', '.join(sorted(allowed))}")


def _kinds_text(kinds):
    return " or ".join(f"kind={k}" for k in kinds)


class Filter:
    """One listing filter: its parameter, the kinds it applies to, and how it filters."""

    name = ""
    kinds = ()
    description = ""
    schema = {"type": "string"}

    def apply(self, request, queryset, kind):
        raise NotImplementedError


class TermFilter(Filter):
    schema = {"type": "string", "pattern": CODE.pattern}

    def __init__(self, name, kinds, field, description):
        self.name, self.kinds, self.field, self.description = name, kinds, field, description

    def apply(self, request, queryset, kind):
        values = codes(request, self.name)
        return queryset.filter(**{f"{self.field}__slug__in": values}) if values else queryset


class ChoiceFilter(Filter):
    def __init__(self, name, kinds, field, choices, description):
        self.name, self.kinds, self.field, self.description = name, kinds, field, description
        self.choices = choices
        self.schema = {"type": "string", "enum": list(choices)}

    def apply(self, request, queryset, kind):
        values = codes(request, self.name)
        _choices_check(self.name, values, self.choices)
        return queryset.filter(**{f"{self.field}__in": values}) if values else queryset


class CategoryFilter(Filter):
    name = "category"
    kinds = ("product", "news", "attraction")
    description = (
        "Category code: a product or news category (snippet code), or an "
        "attraction category (nature, heritage, religious, recreation, food)."
    )
    schema = {"type": "string", "pattern": CODE.pattern}

    def apply(self, request, queryset, kind):
        values = codes(request, self.name)
        if not values:
            return queryset
        if kind == "attraction":
            from promo.models.attractions import AttractionCategory

            _choices_check(self.name, values, AttractionCategory.values)
            return queryset.filter(category__in=values)
        return queryset.filter(category__slug__in=values)


class FlagFilter(Filter):
    schema = {"type": "string", "enum": ["1", "0", "true", "false"]}

    def __init__(self, name, kinds, description, on):
        self.name, self.kinds, self.description, self.on = name, kinds, description, on

    def apply(self, request, queryset, kind):
        value = flag(request, self.name)
        if value is None:
            return queryset
        return self.on(request, queryset, value)


def _upcoming(request, queryset, value):
    from promo import clock

    today = clock.today(request)
    return queryset.filter(end__gte=today) if value else queryset.filter(end__lt=today)


def _free(request, queryset, value):
    return queryset.filter(free_entry=True) if value else queryset.exclude(free_entry=True)


def _open_now(request, queryset, value):
    from promo import clock, hours

    condition = hours.open_at_filter(clock.now(request))
    return queryset.filter(condition) if value else queryset.exclude(condition)


class YearFilter(Filter):
    name = "year"
    kinds = ("document",)
    description = "Year the document was issued (four digits)."
    schema = {"type": "string", "pattern": "^[0-9]{4}$"}

    def apply(self, request, queryset, kind):
        raw = request.GET.get(self.name)
        if raw in (None, ""):
            return queryset
        if not re.fullmatch(r"[0-9]{4}", raw):
            raise BadRequestError("year must be four digits, e.g. 2025")
        return queryset.filter(issued__year=int(raw))


# The catalogue's kinds and its itineraries: the items that carry a `ref` and catalogue facets.
CATALOGUE_KINDS = ("product", "fair", "attraction", "investment", "news", "itinerary")


class RefFilter(Filter):
    name = "ref"
    kinds = CATALOGUE_KINDS
    description = "The item's reference (shared by all its translations)."
    schema = {"type": "string", "pattern": CODE.pattern}

    def apply(self, request, queryset, kind):
        values = codes(request, self.name)
        return queryset.filter(ref__in=values) if values else queryset


def listing_filters():
    from portal.models.documents import DOCUMENT_TYPES
    from promo.models.investment import InvestmentStatus
    from promo.models.itineraries import TripDuration

    catalogue = CATALOGUE_KINDS
    return [
        RefFilter(),
        TermFilter(
            "commune",
            tuple(k for k in catalogue if k != "itinerary"),
            "commune",
            "Commune or ward code (snippet code, e.g. `dau-tieng`).",
        ),
        TermFilter("sector", ("investment",), "sector", "Investment sector code."),
        TermFilter("form", ("investment",), "investment_form", "Form of investment code."),
        ChoiceFilter("status", ("investment",), "status", InvestmentStatus.values, "Opportunity status."),
        CategoryFilter(),
        FlagFilter(
            "upcoming",
            ("fair",),
            "1: fairs whose last day is today or later (Vietnam time); 0: past fairs.",
            _upcoming,
        ),
        FlagFilter("free", ("attraction",), "1: attractions with free entry.", _free),
        FlagFilter("open_now", ("attraction",), "1: attractions open now (Vietnam time).", _open_now),
        ChoiceFilter("duration", ("itinerary",), "duration", TripDuration.values, "Itinerary length."),
        ChoiceFilter(
            "doc_type",
            ("document",),
            "doc_type",
            [code for code, _l in DOCUMENT_TYPES],
            "Official document type.",
        ),
        YearFilter(),
    ]


class ListingFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        kind = view.listing_kind
        for item in listing_filters():
            if item.name not in request.GET:
                continue
            if kind not in item.kinds:
                raise BadRequestError(
                    f"{item.name} filters {_kinds_text(item.kinds)}: add kind= to the query"
                )
            queryset = item.apply(request, queryset, kind)
        return queryset


ORDER_FIELDS = {
    None: ("id", "title", "first_published_at"),
    "product": ("published", "price_from_vnd", "ocop_stars"),
    "fair": ("start", "end"),
    "attraction": ("published",),
    "investment": ("published", "capital_vnd", "area_ha"),
    "news": ("published",),
    "itinerary": ("published",),
    "document": ("issued", "effective"),
}


def order_fields(kind):
    return ORDER_FIELDS[None] + (ORDER_FIELDS.get(kind, ()) if kind else ())


class OrderFilter(BaseFilterBackend):
    """`order=field,-field`: a few sortable fields per kind (a whitelist rather than any
    column, so a sort is always on something that makes sense and is indexed or small)."""

    def filter_queryset(self, request, queryset, view):
        raw = request.GET.get("order")
        if not raw:
            return queryset.order_by("id") if not queryset.ordered else queryset
        allowed = view.get_order_fields()
        fields = [part.strip() for part in raw.split(",")]
        if len(fields) > 3:
            raise BadRequestError("order: at most 3 fields")
        for field in fields:
            if field.lstrip("-") not in allowed:
                raise BadRequestError(
                    f"cannot order by {field[:40]!r}; one of: {', '.join(allowed)} (a leading - reverses)"
                )
        return queryset.order_by(*fields, "id")
