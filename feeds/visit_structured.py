"""schema.org pieces for planning a visit: opening hours, fees as offers, amenities, and the
TouristTrip of an itinerary (rendered through feeds.structured)."""

from django.utils.translation import gettext as _

from feeds.common import absolute_url

SCHEMA = "https://schema.org"
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
AUDIENCE = {
    "child": "children",
    "student": "students",
    "senior": "seniors",
    "foreigner": "foreign visitors",
    "adult": "adults",
}


def _hhmm(value):
    return value.strftime("%H:%M")


def _days(mask):
    return [f"{SCHEMA}/{DAY_NAMES[d]}" for d in range(7) if mask & (1 << d)]


def opening_hours_specification(page):
    """OpeningHoursSpecification nodes: the weekly hours, then special hours with their
    validity (closed days as 00:00–00:00, as Google reads them); always open as 00:00–23:59
    every day."""
    every_day = [f"{SCHEMA}/{name}" for name in DAY_NAMES]
    if page.hours_status == "always":
        return [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": every_day,
                "opens": "00:00",
                "closes": "23:59",
            }
        ]
    if page.hours_status == "closed":
        return [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": every_day,
                "opens": "00:00",
                "closes": "00:00",
            }
        ]
    nodes = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": _days(row.days),
            "opens": _hhmm(row.opens),
            "closes": _hhmm(row.closes),
        }
        for row in page.weekly_hours.all()
    ]
    for row in page.hours_exceptions.all():
        nodes.append(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": row.valid_from.isoformat(),
                "validThrough": row.valid_through.isoformat(),
                "opens": "00:00" if row.closed else _hhmm(row.opens),
                "closes": "00:00" if row.closed else _hhmm(row.closes),
                "description": row.get_reason_display(),
            }
        )
    return nodes


def fee_offers(page, url):
    return [
        {
            "@type": "Offer",
            "name": fee.get_visitor_display(),
            "price": str(fee.price_vnd),
            "priceCurrency": "VND",
            "url": url,
            "audience": {"@type": "Audience", "audienceType": AUDIENCE[fee.visitor]},
        }
        for fee in page.admission_fees.all()
    ]


def amenity_features(page):
    features = []
    for _group, _code, label, value, _value_label in page.amenity_rows():
        if value == "partly":
            features.append(
                {
                    "@type": "LocationFeatureSpecification",
                    "name": str(label),
                    "value": True,
                    "description": _("Partly"),
                }
            )
        else:
            features.append(
                {"@type": "LocationFeatureSpecification", "name": str(label), "value": value == "yes"}
            )
    if page.step_count:
        features.append(
            {"@type": "LocationFeatureSpecification", "name": _("Number of steps"), "value": page.step_count}
        )
    return features


STOP_TYPES = {
    "attraction": "TouristAttraction",
    "fair": "Event",
    "product": "Place",
    "news": "Place",
    "place": "Place",
}


def _stop_item(stop, request):
    item = {
        "@type": STOP_TYPES.get(stop.kind, "Place"),
        "name": stop.title,
        "description": stop.description or None,
    }
    if stop.page is not None:
        item["url"] = absolute_url(request, stop.page)
    if stop.lat is not None and stop.lon is not None:
        item["geo"] = {"@type": "GeoCoordinates", "latitude": stop.lat, "longitude": stop.lon}
    if stop.kind == "fair":
        fair = stop.page
        item["startDate"] = (fair.starts_at or fair.start).isoformat()
        item["endDate"] = (fair.ends_at or fair.end).isoformat()
        item["location"] = {"@type": "Place", "name": fair.venue or stop.title}
    return item


def _item_list(stops, request):
    return {
        "@type": "ItemList",
        "numberOfItems": len(stops),
        "itemListOrder": f"{SCHEMA}/ItemListOrderAscending",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "item": _stop_item(stop, request)}
            for n, stop in enumerate(stops, start=1)
        ],
    }


def tourist_trip(page, request, common):
    days = page.timeline()
    stops = [stop for day in days for stop in day.stops]
    data = {
        "@type": "TouristTrip",
        **common,
        "itinerary": _item_list(stops, request),
        "touristType": _("Independent travellers"),
    }
    if days:
        data["subTrip"] = [
            {
                "@type": "TouristTrip",
                "name": _("Day %(number)s") % {"number": day.number}
                + (f": {day.title}" if day.title else ""),
                "description": day.intro or None,
                "departureTime": day.stops[0].time.strftime("%H:%M:%S"),
                "itinerary": _item_list(day.stops, request),
            }
            for day in days
        ]
    return data
