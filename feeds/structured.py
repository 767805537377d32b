"""schema.org JSON-LD for each kind of page, as plain dicts (rendered by seo_tags.json_ld).

Only facts the page shows are stated; properties with no value are left out rather than
emitted empty, as Google's structured-data guidelines ask.
"""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from feeds.common import SITE_NAME, absolute_url, office_name, publication_datetime, with_source_fallback
from promo.languages import bcp47

SCHEMA = "https://schema.org"
# Escapes that keep JSON inert inside <script>: "</script>", "<!--" and entities cannot
# appear, whatever an editor types into a title.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_tag(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def _clean(data):
    """Drop keys whose value is None, "" or an empty list/dict, recursively."""
    if isinstance(data, dict):
        cleaned = {k: _clean(v) for k, v in data.items()}
        return {k: v for k, v in cleaned.items() if v not in (None, "", [], {})}
    if isinstance(data, list):
        return [_clean(v) for v in data if v not in (None, "", [], {})]
    return data


def _number(value):
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


def _address(page):
    commune = getattr(page, "commune", None)
    return {
        "@type": "PostalAddress",
        "addressLocality": commune.name if commune else "Dầu Tiếng",
        "addressRegion": _("Ho Chi Minh City"),
        "addressCountry": "VN",
    }


def _geo(page):
    if getattr(page, "lat", None) is None or getattr(page, "lon", None) is None:
        return None
    return {"@type": "GeoCoordinates", "latitude": float(page.lat), "longitude": float(page.lon)}


def _organization(request, name=None):
    return {"@type": "Organization", "name": name or office_name(request)}


def _description(page):
    return (
        page.search_description
        or getattr(page, "summary", "")
        or strip_tags(getattr(page, "intro", "") or "")
    )


def _common(page, request, image_url):
    return {
        "name": page.title,
        "description": _description(page),
        "url": absolute_url(request, page),
        "image": [image_url] if image_url else None,
    }


def attraction(page, request, image_url):
    from feeds.visit_structured import amenity_features, fee_offers, opening_hours_specification

    data = {
        "@type": "TouristAttraction",
        **_common(page, request, image_url),
        "geo": _geo(page),
        "address": _address(page),
        "openingHoursSpecification": opening_hours_specification(page),
        "isAccessibleForFree": page.is_free,
        "publicAccess": page.public_access,
        "amenityFeature": amenity_features(page),
        "offers": fee_offers(page, absolute_url(request, page)),
        "telephone": page.contact_phone,
    }
    return data


def fair(page, request, image_url):
    texts = with_source_fallback(page, "venue", "organizer")
    data = {
        "@type": "Event",
        **_common(page, request, image_url),
        "startDate": (page.starts_at or page.start).isoformat(),
        "endDate": (page.ends_at or page.end).isoformat(),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": texts["venue"] or (page.commune.name if page.commune else "Dầu Tiếng"),
            "address": _address(page),
            "geo": _geo(page),
        },
        "isAccessibleForFree": page.free_admission,
        "organizer": _organization(request, texts["organizer"] or None),
    }
    if page.registration_url:
        data["offers"] = {
            "@type": "Offer",
            "url": page.registration_url,
            "availability": f"{SCHEMA}/InStock",
            "validThrough": page.registration_deadline.isoformat() if page.registration_deadline else None,
        }
    return data


def itinerary(page, request, image_url):
    from feeds.visit_structured import tourist_trip

    return tourist_trip(page, request, _common(page, request, image_url))


def product(page, request, image_url):
    # No aggregateRating: the site collects no reviews, and an OCOP rating is an official
    # classification, not a visitor rating (stated as an award instead).
    data = {
        "@type": "Product",
        **_common(page, request, image_url),
        "sku": page.ref,
        "category": page.category.name if page.category else None,
    }
    if page.producer:
        data["brand"] = {"@type": "Brand", "name": page.producer}
        data["manufacturer"] = {"@type": "Organization", "name": page.producer}
    if page.ocop_stars:
        data["award"] = _("OCOP %(stars)s-star") % {"stars": page.ocop_stars}
    if page.price_from_vnd is not None:
        data["offers"] = {
            "@type": "Offer",
            "price": str(page.price_from_vnd),
            "priceCurrency": "VND",
            "url": data["url"],
            "availability": f"{SCHEMA}/InStock",
        }
    return data


def news(page, request, image_url):
    published = publication_datetime(page)
    author = {"@type": "Person", "name": page.author} if page.author else _organization(request)
    return {
        "@type": "NewsArticle",
        # Google shows at most 110 characters of a headline.
        "headline": page.title[:110],
        "description": _description(page),
        "url": absolute_url(request, page),
        "mainEntityOfPage": absolute_url(request, page),
        "image": [image_url] if image_url else None,
        "datePublished": published.isoformat() if published else None,
        "dateModified": (page.last_published_at or published).isoformat() if published else None,
        "author": author,
        "publisher": _organization(request),
        "inLanguage": bcp47(page.locale.language_code),
        "articleSection": page.category.name if page.category else None,
    }


def investment(page, request, image_url):
    # schema.org has no "investment opportunity". The page offers a site/project to investors
    # on behalf of a public body, so it is an Offer whose itemOffered is the Place (with its
    # deal facts as properties). RealEstateListing was rejected: it describes a listings web
    # page for property to buy or rent, which fits bare land but not a factory or tourism
    # project; a Demand is the opposite direction (the office seeking, not offering).
    # Every fact of the page's facts panel is a PropertyValue: numbers with their unit (VND is
    # the stored currency; the US dollar figure is an approximation and is not stated).
    from promo.investment.facts import fact_groups, incentive_items
    from promo.models import ExchangeRate

    rate = ExchangeRate.for_request(request) if request is not None else None
    numbers = {
        "capital": (page.capital_vnd, "VND", None),
        "area": (page.area_ha, "ha", "HAR"),
        "land_use_term": (page.land_use_term_years, "years", "ANN"),
        "power": (page.power_kv, "kV", "KVT"),
    }
    properties = []
    for _group, _label, facts in fact_groups(page, rate):
        for fact in facts:
            if fact.key == "officer":
                continue
            value, unit, code = numbers.get(fact.key, (None, None, None))
            item = {"@type": "PropertyValue", "propertyID": fact.key, "name": fact.label}
            if value is not None:
                item.update(value=_number(value), unitText=unit, unitCode=code, description=fact.text)
            else:
                item["value"] = fact.text
            properties.append(item)
    for incentive in incentive_items(page):
        properties.append(
            {
                "@type": "PropertyValue",
                "propertyID": "incentive",
                "name": _("Incentive"),
                "value": incentive["text"],
                "description": incentive["basis"],
            }
        )
    common = _common(page, request, image_url)
    office = _organization(request, page.promoter or None)
    office["@type"] = "GovernmentOrganization"
    officer = page.officer
    if officer is not None:
        office["employee"] = {
            "@type": "Person",
            "name": officer.name,
            "jobTitle": officer.title,
            "telephone": officer.phone,
            "email": officer.email,
            "knowsLanguage": officer.language_codes,
        }
    elif page.contact_email:
        office["email"] = page.contact_email
    availability = {"open": "InStock", "negotiating": "LimitedAvailability", "awarded": "SoldOut"}[
        page.status
    ]
    return {
        "@type": "Offer",
        **common,
        "category": page.sector.name if page.sector else None,
        "availability": f"{SCHEMA}/{availability}",
        "offeredBy": office,
        "areaServed": {
            "@type": "Place",
            "name": page.commune.name if page.commune else "Dầu Tiếng",
            "address": _address(page),
        },
        "itemOffered": {
            "@type": "Place",
            "name": page.title,
            "geo": _geo(page),
            "address": _address(page),
            "additionalProperty": properties,
        },
    }


def website(page, request, language_code):
    home = absolute_url(request, page)
    search = request.build_absolute_uri(f"/{language_code}/search/")
    return {
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": home,
        "inLanguage": bcp47(language_code),
        "publisher": _organization(request),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(page, request):
    # Home page (depth 2) down to this page; the tree root is not a visitor's page.
    from pagecache.memo import per_generation

    ancestors = per_generation(
        ("breadcrumb-ancestors", page.path), lambda: list(page.get_ancestors().filter(depth__gte=2).live())
    )
    trail = [*ancestors, page]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": crumb.title, "item": absolute_url(request, crumb)}
            for i, crumb in enumerate(trail, start=1)
        ],
    }


BUILDERS = {
    "attraction": attraction,
    "fair": fair,
    "product": product,
    "news": news,
    "investment": investment,
    "itinerary": itinerary,
}


def page_graph(page, request, language_code, image_url=None):
    """The JSON-LD document for a page, or None when there is nothing worth stating."""
    from home.models import HomePage

    kind = getattr(page, "kind", "")
    nodes = []
    if isinstance(page, HomePage):
        nodes.append(website(page, request, language_code))
    elif kind and kind in BUILDERS and hasattr(page, "ref"):
        nodes.append(BUILDERS[kind](page, request, image_url))
        nodes.append(breadcrumbs(page, request))
    elif page.depth > 2:
        nodes.append(breadcrumbs(page, request))
    if not nodes:
        return None
    nodes = [_clean(node) for node in nodes]
    if len(nodes) == 1:
        return {"@context": SCHEMA, **nodes[0]}
    return {"@context": SCHEMA, "@graph": nodes}
