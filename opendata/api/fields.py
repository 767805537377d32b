"""The public fields of each page type in the headless API (`/api/v2/pages/`), declared here,
in one place, rather than spread over the page models: what a partner may read is a decision
about publishing, taken field by field (docs/open-data.md, "Headless API").

Left out on purpose:
- revisions, owner, locks, workflow and other Wagtail bookkeeping (never in the API);
- an opportunity's raw `contact_email` and `officer` link: `contact` gives exactly what the page
  shows (the officer's public card, or the office address when there is no officer);
- raw StreamField values that point at other pages or documents (`related`, itinerary stops,
  brochures): they are given as resolved lists that keep only live, public pages and documents
  outside private collections, so an id never leads to a draft;
- the view counter and enquiries (not page data).

Each entry is an `APIField`; computed values use `Computed(func)`, where `func(page, context)`
returns plain JSON. The OpenAPI document (opendata/openapi.py) reads the same declarations.
"""

from decimal import Decimal

from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

THUMBNAIL_SPEC = "fill-800x520|format-webp"


class Computed(Field):
    """A read-only value computed from the whole page. `schema` describes it for OpenAPI."""

    def __init__(self, func, schema, **kwargs):
        self.func = func
        self.schema = schema
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return self.func(page, self.context)


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _term(obj):
    return {"code": obj.slug, "name": obj.name} if obj is not None else None


TERM = {
    "type": ["object", "null"],
    "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
    "required": ["code", "name"],
}
STRING_OR_NULL = {"type": ["string", "null"]}


def _choice(field):
    def func(page, context):
        from django.utils import translation

        value = getattr(page, field)
        if not value:
            return None
        with translation.override(page.locale.language_code):  # the page's language
            return {"code": value, "name": str(getattr(page, f"get_{field}_display")())}

    return func


def term_field(name):
    return APIField(name, serializer=Computed(lambda page, context: _term(getattr(page, name)), TERM))


def choice_field(name):
    return APIField(name, serializer=Computed(_choice(name), TERM))


def _translations(page, context):
    view = context.get("view")
    links = getattr(view, "translation_links", None)
    if links is None:
        from opendata.api.translations import translation_links

        links = translation_links([page], context["request"])
    return [link for link in links.get(page.translation_key, []) if link["id"] != page.pk]


TRANSLATIONS = APIField(
    "translations",
    serializer=Computed(
        _translations,
        {
            "type": "array",
            "description": "The live, public translations of this page (not itself).",
            "items": {
                "type": "object",
                "required": ["locale", "id", "title", "html_url", "detail_url"],
                "properties": {
                    "locale": {"type": "string"},
                    "id": {"type": "integer"},
                    "title": {"type": "string"},
                    "html_url": {"type": "string"},
                    "detail_url": {"type": "string"},
                },
            },
        },
    ),
)


def _related(page, context):
    from opendata.api.translations import live_pages

    ids = [child.value.pk for child in page.related if child.value is not None]
    return [
        {
            "id": p.pk,
            "ref": getattr(p, "ref", ""),
            "title": p.title,
            "type": f"{p.specific_class._meta.app_label}.{p.specific_class.__name__}",
        }
        for p in live_pages(ids)
    ]


RELATED = APIField(
    "related",
    serializer=Computed(
        _related,
        {
            "type": "array",
            "description": "Related live pages chosen by the editors.",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "integer"},
                    "ref": {"type": "string"},
                    "title": {"type": "string"},
                    "type": {"type": "string"},
                },
            },
        },
    ),
)


def _hero_thumbnail(page, context):
    if page.hero_image is None:
        return None
    return ImageRenditionField(THUMBNAIL_SPEC).to_representation(page.hero_image)


RENDITION = {
    "type": ["object", "null"],
    "properties": {
        "url": {"type": "string"},
        "full_url": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
        "alt": {"type": "string"},
        "error": {"type": "string"},
    },
}

CATALOGUE_COMMON = [
    APIField("ref"),
    APIField("summary"),
    APIField("hero_image"),
    APIField("hero_thumbnail", serializer=Computed(_hero_thumbnail, RENDITION)),
    APIField("hero_alt"),
    APIField("body"),
    term_field("commune"),
    APIField("published"),
    APIField("tags"),
    RELATED,
    TRANSLATIONS,
]
LOCATION = [APIField("lat"), APIField("lon")]


def _contact(page, context):
    officer = page.officer
    if officer is not None:
        return {
            "name": officer.name,
            "job_title": officer.title,
            "phone": officer.phone,
            "email": officer.email,
            "languages": officer.language_codes,
        }
    if page.contact_email:
        return {"name": "", "job_title": "", "phone": "", "email": page.contact_email, "languages": []}
    return None


def _incentives(page, context):
    return [
        {"text": b.value["text"], "legal_basis": b.value.get("legal_basis") or ""}
        for b in page.incentives
        if b.block_type == "incentive"
    ]


def _brochures(page, context):
    from opendata.api.media import public_documents

    docs = [b.value for b in page.brochures if b.block_type == "brochure" and b.value]
    allowed = public_documents().filter(pk__in=[d.pk for d in docs])
    return [{"id": d.pk, "title": d.title, "download_url": d.url} for d in allowed]


def _timeline(page, context):
    days = []
    for day in page.timeline():
        days.append(
            {
                "number": day.number,
                "title": day.title,
                "intro": day.intro,
                "stops": [
                    {
                        "number": s.number,
                        "time": s.time.strftime("%H:%M"),
                        "title": s.title,
                        "kind": s.kind,
                        "html_url": s.url or None,
                        "lat": s.lat,
                        "lon": s.lon,
                        "description": s.description,
                        "stay_minutes": s.stay_minutes,
                        "travel_mode": s.travel_mode or None,
                        "travel_minutes": s.travel_minutes,
                        "travel_km": s.travel_km,
                    }
                    for s in day.stops
                ],
            }
        )
    return days


def _hours(page, context):
    return page.hours


def _document_file(page, context):
    from opendata.api.media import public_documents

    if page.file_id is None or not public_documents().filter(pk=page.file_id).exists():
        return None
    return {
        "id": page.file.pk,
        "title": page.file.title,
        "download_url": page.file.url,
        "file_extension": page.file.file_extension,
    }


def _exhibitors(page, context):
    return [
        {
            "name": item.get("name", ""),
            "shows": item.get("shows") or "",
            "booth": item.get("booth") or "",
            "product": (product.ref if product is not None else None),
            "website": item.get("website") or "",
        }
        for item, product in page.exhibitor_rows()
    ]


def _plain_list(func, schema):
    return Computed(func, schema)


DAYS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "number": {"type": "integer"},
            "title": {"type": "string"},
            "intro": {"type": "string"},
            "stops": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "number": {"type": "integer"},
                        "time": {"type": "string"},
                        "title": {"type": "string"},
                        "kind": {"type": "string"},
                        "html_url": STRING_OR_NULL,
                        "lat": {"type": ["number", "null"]},
                        "lon": {"type": ["number", "null"]},
                        "description": {"type": "string"},
                        "stay_minutes": {"type": ["integer", "null"]},
                        "travel_mode": STRING_OR_NULL,
                        "travel_minutes": {"type": ["integer", "null"]},
                        "travel_km": {"type": ["number", "null"]},
                    },
                },
            },
        },
    },
}
FILE_SCHEMA = {
    "type": ["object", "null"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "download_url": {"type": "string"},
        "file_extension": {"type": "string"},
    },
}
OBJECT_OR_NULL = {"type": ["object", "null"]}
LIST_OF_OBJECTS = {"type": "array", "items": {"type": "object"}}


def page_api_fields():
    """{model: [APIField]} for every page type the API serves."""
    from home.models import HomePage
    from portal.models import DocumentIndexPage, OfficialDocumentPage, OrganisationPage
    from promo.models import (
        AttractionIndexPage,
        AttractionPage,
        FairIndexPage,
        FairPage,
        InvestmentIndexPage,
        InvestmentPage,
        NewsIndexPage,
        NewsPage,
        ProductIndexPage,
        ProductPage,
        TripIndexPage,
        TripPage,
    )

    index = [APIField("intro"), TRANSLATIONS]
    return {
        HomePage: [
            APIField("tagline"),
            APIField("intro"),
            APIField("hero_image"),
            APIField("hero_alt"),
            TRANSLATIONS,
        ],
        ProductIndexPage: index,
        FairIndexPage: index,
        AttractionIndexPage: index,
        InvestmentIndexPage: index,
        NewsIndexPage: index,
        TripIndexPage: index,
        DocumentIndexPage: index,
        ProductPage: CATALOGUE_COMMON
        + [
            APIField("producer"),
            term_field("category"),
            APIField("ocop_stars"),
            APIField("price_from_vnd"),
            APIField("unit"),
        ],
        FairPage: CATALOGUE_COMMON
        + LOCATION
        + [
            APIField("start"),
            APIField("end"),
            APIField("daily_opens"),
            APIField("daily_closes"),
            APIField("venue"),
            APIField("organizer"),
            APIField("free_admission"),
            APIField("registration_url"),
            APIField("registration_deadline"),
            APIField("registration_howto"),
            APIField("exhibitors", serializer=Computed(_exhibitors, LIST_OF_OBJECTS)),
        ],
        AttractionPage: CATALOGUE_COMMON
        + LOCATION
        + [
            choice_field("category"),
            APIField("hours", serializer=Computed(_hours, OBJECT_OR_NULL)),
            APIField("opening_hours"),
            APIField("free_entry"),
            APIField("fees", serializer=Computed(lambda p, c: p.fees or [], LIST_OF_OBJECTS)),
            APIField("fees_note"),
            APIField("visit_minutes_min"),
            APIField("visit_minutes_max"),
            APIField(
                "best_months",
                serializer=Computed(
                    lambda p, c: p.best_months or [],
                    {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 12}},
                ),
            ),
            APIField("season_note"),
            APIField(
                "getting_there", serializer=Computed(lambda p, c: p.getting_there or [], LIST_OF_OBJECTS)
            ),
            APIField("amenities", serializer=Computed(lambda p, c: p.amenities or {}, {"type": "object"})),
            APIField("step_count"),
            APIField("access_note"),
            APIField("public_access"),
            APIField("booking_url"),
            APIField("contact_phone"),
        ],
        InvestmentPage: CATALOGUE_COMMON
        + LOCATION
        + [
            term_field("sector"),
            choice_field("status"),
            term_field("investment_form"),
            APIField("promoter"),
            APIField("contact", serializer=Computed(_contact, OBJECT_OR_NULL)),
            choice_field("in_land_use_plan"),
            choice_field("site_clearance"),
            choice_field("policy_decision"),
            APIField("decision_expected"),
            APIField("construction_start"),
            APIField("area_ha"),
            choice_field("land_use_type"),
            APIField("land_use_term_years"),
            APIField("lease_price_min_vnd"),
            APIField("lease_price_max_vnd"),
            APIField("capital_vnd"),
            APIField("road_access"),
            APIField("power_kv"),
            APIField("water"),
            APIField("wastewater"),
            APIField("hcmc_km"),
            APIField("hcmc_minutes"),
            APIField("airport_km"),
            APIField("airport_minutes"),
            APIField("seaport_name"),
            APIField("seaport_km"),
            APIField("seaport_minutes"),
            APIField("industrial_park_name"),
            APIField("industrial_park_km"),
            APIField("industrial_park_minutes"),
            APIField("incentives", serializer=Computed(_incentives, LIST_OF_OBJECTS)),
            APIField("brochures", serializer=Computed(_brochures, LIST_OF_OBJECTS)),
        ],
        NewsPage: CATALOGUE_COMMON + [term_field("category"), APIField("author"), APIField("photo_credit")],
        TripPage: CATALOGUE_COMMON
        + [
            choice_field("duration"),
            APIField("start_point"),
            APIField("days", serializer=Computed(_timeline, DAYS_SCHEMA)),
        ],
        OfficialDocumentPage: [
            APIField("ref", serializer=Computed(lambda p, c: p.ref, {"type": "string"})),
            choice_field("doc_type"),
            APIField("number"),
            APIField("issuer"),
            APIField("issued"),
            APIField("effective"),
            APIField("abstract"),
            APIField("file", serializer=Computed(_document_file, FILE_SCHEMA)),
            APIField("body"),
            TRANSLATIONS,
        ],
        OrganisationPage: [
            APIField("intro"),
            APIField("functions"),
            APIField("officials"),
            APIField("office_name"),
            APIField("address"),
            APIField("office_hours"),
            APIField("phone"),
            APIField("email"),
            TRANSLATIONS,
        ],
    }


def declare_api_fields():
    for model, fields in page_api_fields().items():
        model.api_fields = fields
