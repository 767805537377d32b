"""Tourism places on the shared map: attractions (with the tourism index's filters), fair
venues, and the stops of one itinerary in order (docs/places-api.md)."""

from django.utils.translation import gettext as _

from maps.registry import BadFilter, PlaceKind, register
from pagecache.store import limit_lifetime
from promo import clock, hours
from promo.templatetags.visit_tags import fair_hours

FLAG_VALUES = ("1", "on", "true")


def _flags(params, names):
    """{name: True} for boolean filters that are on; BadFilter for values that are not."""
    errors, on = {}, {}
    for name in names:
        raw = params.get(name)
        if raw in (None, ""):
            continue
        if raw not in FLAG_VALUES:
            errors[name] = f"{name} takes 1 (got {raw[:40]!r})"
        else:
            on[name] = True
    if errors:
        raise BadFilter(errors)
    return on


@register
class AttractionPlaces(PlaceKind):
    kind = "attraction"
    variants = ("nature", "heritage", "religious", "recreation", "food")

    def items(self, locale, params):
        from promo.models import AttractionPage
        from promo.models.attractions import AttractionCategory

        qs = (
            AttractionPage.objects.live()
            .public()
            .filter(locale=locale)
            .exclude(lat=None)
            .exclude(lon=None)
            .prefetch_related("weekly_hours", "hours_exceptions", "admission_fees")
        )
        if params.get("ref"):
            qs = qs.filter(ref=params["ref"])
        categories = params.getlist("category")
        unknown = [c for c in categories if c not in AttractionCategory.values]
        if unknown:
            raise BadFilter({"category": f"unknown category {unknown[0][:40]!r}"})
        if categories:
            qs = qs.filter(category__in=categories)
        communes = [c for c in params.getlist("commune") if c]
        if communes:
            qs = qs.filter(commune__slug__in=communes)
        flags = _flags(params, ("open_now", "free"))
        self._now = clock.now_from_params(params)
        if flags.get("open_now"):
            qs = qs.filter(hours.open_at_filter(self._now))
        if flags.get("free"):
            qs = qs.filter(free_entry=True)
        return qs.order_by("title")

    def properties(self, item, request):
        limit_lifetime(request, hours.OPEN_NOW_CACHE_SECONDS)  # "open now" / "closed now" below
        facts = [str(item.get_category_display())] if item.category else []
        state = item.open_state(self._now)
        if state.status == "always":
            facts.append(_("Open 24 hours"))
        elif state.status == "closed":
            facts.append(_("Closed until further notice"))
        elif state.status != "unknown":
            facts.append(_("Open now") if state.is_open else _("Closed now"))
        if item.is_free:
            facts.append(_("Free entry"))
        return {
            "ref": item.ref,
            "title": item.title,
            "url": item.get_url(request),
            "facts": facts,
            "variant": item.category or "",
        }


@register
class FairPlaces(PlaceKind):
    kind = "fair"
    variants = ("upcoming", "past")

    def items(self, locale, params):
        from promo.models import FairPage

        qs = (
            FairPage.objects.live()
            .public()
            .filter(locale=locale)
            .exclude(lat=None)
            .exclude(lon=None)
            .defer_streamfields()
        )
        if params.get("ref"):
            return qs.filter(ref=params["ref"])
        when = params.get("when", "upcoming")
        if when not in ("upcoming", "past", "all"):
            raise BadFilter({"when": "when must be upcoming, past or all"})
        today = clock.now_from_params(params).date()
        if when == "upcoming":
            qs = qs.filter(end__gte=today)
        elif when == "past":
            qs = qs.filter(end__lt=today)
        communes = [c for c in params.getlist("commune") if c]
        if communes:
            qs = qs.filter(commune__slug__in=communes)
        return qs.order_by("start", "title")

    def properties(self, item, request):
        limit_lifetime(request, hours.OPEN_NOW_CACHE_SECONDS)  # "open now" / "closed now" below
        from django.utils.html import strip_tags

        from promo.templatetags.promo_tags import date_range

        facts = [strip_tags(date_range(item.start, item.end))]
        if item.has_times:
            facts.append(fair_hours(item))
        if item.venue:
            facts.append(item.venue)
        return {
            "ref": item.ref,
            "title": item.title,
            "url": item.get_url(request),
            "facts": facts,
            "variant": "upcoming" if item.is_upcoming else "past",
        }


class _StopPlace:
    def __init__(self, trip, stop):
        self.ref = f"{trip.ref}-{stop.number}"
        self.trip, self.stop = trip, stop
        self.lat, self.lon = stop.lat, stop.lon


@register
class ItineraryPlaces(PlaceKind):
    """The stops of one itinerary (`ref` required), numbered and in the order of the trip."""

    kind = "itinerary"
    variants = ("stop",)
    route = True

    def items(self, locale, params):
        from promo.models import TripPage

        ref = params.get("ref")
        if not ref:
            raise BadFilter({"ref": "ref (the itinerary) is required"})
        trip = TripPage.objects.live().public().filter(locale=locale, ref=ref).first()
        if trip is None:
            return []
        return [_StopPlace(trip, stop) for stop in trip.stops() if stop.lat is not None]

    def properties(self, item, request):
        limit_lifetime(request, hours.OPEN_NOW_CACHE_SECONDS)  # "open now" / "closed now" below
        stop = item.stop
        facts = [stop.time.strftime("%H:%M")]
        if stop.description:
            facts.append(stop.description)
        url = stop.url or f"{item.trip.get_url(request)}#stop-{stop.number}"
        return {
            "ref": item.ref,
            "title": f"{stop.number}. {stop.title}",
            "url": url,
            "facts": facts,
            "variant": "stop",
            "label": str(stop.number),
            "order": stop.number,
        }
