"""The open datasets: which pages each holds and its columns.

Column names are a public contract (docs/open-data.md): they are never renamed or removed,
only added (at the end). Values are the same in every format: codes (commune, sector,
category, status…) are the language-independent codes of the taxonomies and choices, with a
`*_name` column giving the name in the row's language; amounts are in VND as stored; dates
are ISO 8601; coordinates are WGS 84 decimal degrees. One row per live, public translation
(`locale`); `ref` is shared by an item's translations.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # string, integer, number, boolean, date, time, datetime, url, json
    description: str
    get: object = None  # page -> value; default: the attribute of the same name

    def value(self, page):
        value = self.get(page) if self.get is not None else getattr(page, self.name)
        if isinstance(value, Decimal):
            return float(value)
        if value == "" and self.type not in ("string", "url"):
            return None
        return value


def _code(attr):
    return lambda page: getattr(getattr(page, attr), "slug", None)


def _name(attr):
    return lambda page: getattr(getattr(page, attr), "name", None)


def _display(attr):
    def get(page):
        return str(getattr(page, f"get_{attr}_display")()) if getattr(page, attr) else None

    return get


def _iso(attr):
    def get(page):
        value = getattr(page, attr)
        return (
            value.isoformat(timespec="minutes")
            if hasattr(value, "hour") and not hasattr(value, "year")
            else (value.isoformat() if value is not None else None)
        )

    return get


def _stamp(page):
    value = page.last_published_at or page.first_published_at
    return value.isoformat(timespec="seconds") if value else None


COMMON = (
    Column("ref", "string", "Reference shared by all translations of the item."),
    Column(
        "locale",
        "string",
        "Language of the row: vi, en, ko, ja or zh-hans.",
        lambda p: p.locale.language_code,
    ),
    Column("title", "string", "Title in the row's language."),
    Column("summary", "string", "One or two sentences."),
    Column("url", "url", "The item's page on this site."),
)
PLACE = (
    Column("commune", "string", "Commune or ward code (the same in every language).", _code("commune")),
    Column("commune_name", "string", "Commune or ward name in the row's language.", _name("commune")),
)
LOCATION = (
    Column("lat", "number", "Latitude, WGS 84 decimal degrees."),
    Column("lon", "number", "Longitude, WGS 84 decimal degrees."),
)
DATES = (
    Column("published", "date", "Date of first publication given by the editors.", _iso("published")),
    Column("last_modified", "datetime", "When this translation was last published.", _stamp),
)


@dataclass
class Dataset:
    name: str  # URL name: /open-data/<name>.<format>
    kind: str  # search/catalogue kind
    title: object
    description: object
    model_path: str  # "app.Model"
    columns: tuple
    geo_kind: str = ""  # kind in maps' places registry, for GeoJSON
    select_related: tuple = ()
    prefetch_related: tuple = ()
    keywords: tuple = field(default_factory=tuple)

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_path)

    @property
    def formats(self):
        return ("csv", "json", "geojson") if self.geo_kind else ("csv", "json")

    def pages(self, locale_codes=None):
        from opendata.api.translations import public_pages

        qs = (
            self.model.objects.filter(pk__in=public_pages().values("pk"))
            .select_related("locale", *self.select_related)
            .prefetch_related(*self.prefetch_related)
        )
        if locale_codes:
            qs = qs.filter(locale__language_code__in=locale_codes)
        return qs.order_by("pk")

    def rows(self, request, locale_codes=None):
        from django.conf import settings

        order = [code for code, _n in settings.LANGUAGES]
        pages = sorted(
            self.pages(locale_codes),
            key=lambda p: (
                _sort_ref(p),
                order.index(p.locale.language_code) if p.locale.language_code in order else 99,
            ),
        )
        rows = []
        for page in pages:
            page._request = request
            row = {}
            for column in self.columns:
                row[column.name] = page.get_full_url(request) if column.name == "url" else column.value(page)
            rows.append(row)
        return rows


def _sort_ref(page):
    return getattr(page, "ref", "") or ""


def _stops(page):
    return [
        {
            "number": s.number,
            "time": s.time.strftime("%H:%M"),
            "title": s.title,
            "kind": s.kind,
            "lat": s.lat,
            "lon": s.lon,
        }
        for s in page.stops()
    ]


def _document_file(page):
    from opendata.api.media import public_documents

    if page.file_id is None:
        return None
    document = public_documents().filter(pk=page.file_id).first()
    return document.url if document else None


def _officer(attr):
    return lambda page: getattr(page.officer, attr, None) if page.officer else None


DATASETS = (
    Dataset(
        "opportunities",
        "investment",
        _("Investment opportunities"),
        _(
            "Projects the district offers to investors: sector, status, land, capital, "
            "readiness, distances and location."
        ),
        "promo.InvestmentPage",
        COMMON
        + PLACE
        + (
            Column("sector", "string", "Investment sector code.", _code("sector")),
            Column("sector_name", "string", "Sector name in the row's language.", _name("sector")),
            Column("status", "string", "open, negotiating or awarded."),
            Column("investment_form", "string", "Form of investment code.", _code("investment_form")),
            Column(
                "investment_form_name",
                "string",
                "Form of investment in the row's language.",
                _name("investment_form"),
            ),
            Column("promoter", "string", "The body that offers the project."),
            Column("area_ha", "number", "Land area in hectares."),
            Column("land_use_type", "string", "Land-use type code."),
            Column("land_use_term_years", "integer", "Land-use term in years."),
            Column("lease_price_min_vnd", "integer", "Lease price from, VND per m² per year."),
            Column("lease_price_max_vnd", "integer", "Lease price to, VND per m² per year."),
            Column("capital_vnd", "integer", "Total investment capital, VND."),
            Column("in_land_use_plan", "string", "yes, pending or no."),
            Column("site_clearance", "string", "not_needed, not_started, in_progress or completed."),
            Column("policy_decision", "string", "not_required, preparing, submitted or approved."),
            Column(
                "decision_expected", "date", "Expected investment policy decision.", _iso("decision_expected")
            ),
            Column("construction_start", "date", "Expected construction start.", _iso("construction_start")),
            Column("power_kv", "number", "Power supply, kV."),
            Column("hcmc_km", "number", "Road distance to Ho Chi Minh City centre, km."),
            Column("airport_km", "number", "Road distance to Tân Sơn Nhất airport, km."),
            Column("seaport_km", "number", "Road distance to the nearest seaport, km."),
            Column("industrial_park_km", "number", "Road distance to the nearest industrial park, km."),
            Column("officer_name", "string", "Named officer who answers investors.", _officer("name")),
            Column("officer_phone", "string", "The officer's public phone.", _officer("phone")),
            Column(
                "officer_email",
                "string",
                "The officer's public e-mail, else the office's.",
                lambda p: p.officer.email if p.officer and p.officer.email else p.contact_email or None,
            ),
        )
        + LOCATION
        + DATES,
        geo_kind="investment",
        select_related=("commune", "sector", "investment_form", "officer"),
        keywords=("investment", "đầu tư"),
    ),
    Dataset(
        "products",
        "product",
        _("Local products"),
        _("Local products and OCOP-rated goods of Dầu Tiếng with producer, category and price."),
        "promo.ProductPage",
        COMMON
        + PLACE
        + (
            Column("category", "string", "Product category code.", _code("category")),
            Column("category_name", "string", "Category name in the row's language.", _name("category")),
            Column("producer", "string", "Producer."),
            Column("ocop_stars", "integer", "OCOP rating, 1–5 stars."),
            Column("price_from_vnd", "integer", "Price from, VND."),
            Column("unit", "string", "Unit the price is for."),
        )
        + DATES,
        select_related=("commune", "category"),
        keywords=("OCOP", "products"),
    ),
    Dataset(
        "fairs",
        "fair",
        _("Trade fairs and events"),
        _("Trade fairs, festivals and events: dates, daily hours, venue, organiser and registration."),
        "promo.FairPage",
        COMMON
        + PLACE
        + (
            Column("start", "date", "First day.", _iso("start")),
            Column("end", "date", "Last day.", _iso("end")),
            Column("daily_opens", "time", "Opens each day at (Vietnam time).", _iso("daily_opens")),
            Column("daily_closes", "time", "Closes each day at (Vietnam time).", _iso("daily_closes")),
            Column("venue", "string", "Venue."),
            Column("organizer", "string", "Organiser."),
            Column("free_admission", "boolean", "Free admission for visitors."),
            Column("registration_url", "url", "Registration link."),
            Column("registration_deadline", "date", "Registration closes.", _iso("registration_deadline")),
        )
        + LOCATION
        + DATES,
        geo_kind="fair",
        select_related=("commune",),
        keywords=("fairs", "events"),
    ),
    Dataset(
        "attractions",
        "attraction",
        _("Tourist attractions"),
        _("Places to visit: category, opening hours, fees, best season, access and facilities, location."),
        "promo.AttractionPage",
        COMMON
        + PLACE
        + (
            Column("category", "string", "nature, heritage, religious, recreation or food."),
            Column(
                "hours",
                "json",
                "Opening hours: status, weekly periods and exceptions "
                "(the catalogue exchange format's `hours`).",
            ),
            Column("opening_hours", "string", "Note on opening hours."),
            Column("free_entry", "boolean", "Free entry (empty when not known)."),
            Column("fees", "json", "Fees by visitor type, VND: [{visitor, vnd}]."),
            Column("visit_minutes_min", "integer", "Typical visit from, minutes."),
            Column("visit_minutes_max", "integer", "Typical visit up to, minutes."),
            Column("best_months", "json", "Best months to visit, 1–12."),
            Column("amenities", "json", "Access and facilities: {code: yes|partly|no} for the known ones."),
            Column("public_access", "boolean", "Open to the public."),
            Column("booking_url", "url", "Booking or contact link."),
            Column("contact_phone", "string", "Contact phone."),
        )
        + LOCATION
        + DATES,
        geo_kind="attraction",
        select_related=("commune",),
        prefetch_related=("weekly_hours", "hours_exceptions", "admission_fees"),
        keywords=("tourism", "du lịch"),
    ),
    Dataset(
        "itineraries",
        "itinerary",
        _("Itineraries"),
        _("Suggested trips: duration, starting point and the stops of each day in order."),
        "promo.TripPage",
        COMMON
        + (
            Column("duration", "string", "half-day, one-day, two-days or three-days."),
            Column("start_point", "string", "Where the times count from."),
            Column(
                "stops",
                "json",
                "Stops in order: [{number, time, title, kind, lat, lon}]; "
                "stops whose page is not live are left out.",
                _stops,
            ),
        )
        + DATES,
        geo_kind="itinerary",
        keywords=("tourism", "itineraries"),
    ),
    Dataset(
        "documents",
        "document",
        _("Official documents"),
        _(
            "Plans, decisions and notices published on the portal (Decree 42/2022): type, "
            "number, issuer, dates, abstract and file."
        ),
        "portal.OfficialDocumentPage",
        COMMON[:3]
        + (
            Column("doc_type", "string", "decree, circular, plan, decision, notice, report or other."),
            Column("number", "string", "Number as printed on the document."),
            Column("issuer", "string", "Issuing body."),
            Column("issued", "date", "Date issued.", _iso("issued")),
            Column("effective", "date", "Effective date.", _iso("effective")),
            Column("abstract", "string", "Abstract."),
            Column("file_url", "url", "The document file (when public).", _document_file),
            COMMON[4],
            Column("last_modified", "datetime", "When this translation was last published.", _stamp),
        ),
        select_related=("file",),
        keywords=("documents", "văn bản"),
    ),
)

BY_NAME = {dataset.name: dataset for dataset in DATASETS}
