"""Itineraries (schema.org TouristTrip): days of ordered stops, each a catalogue page
(attraction, product, fair, news) or a named place with coordinates, with a time and the
travel from the stop before.

They live under the tourism section, in an "Itineraries" index. A stop whose page is no
longer live is left out wherever the trip is shown (timeline, map, structured data, search),
so a visitor never meets a dead link; the travel to the next stop then counts from the stop
before it.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from pagecache.memo import per_generation
from promo.models.base import CataloguePage
from promo.models.listing import CatalogueIndexPage

STOP_PAGE_TYPES = ["promo.AttractionPage", "promo.ProductPage", "promo.FairPage", "promo.NewsPage"]


class TripDuration(models.TextChoices):
    HALF_DAY = "half-day", _("Half a day")
    ONE_DAY = "one-day", _("One day")
    TWO_DAYS = "two-days", _("Two days")
    THREE_DAYS = "three-days", _("Three days")


class TravelMode(models.TextChoices):
    CAR = "car", _("by car")
    MOTORBIKE = "motorbike", _("by motorbike")
    BICYCLE = "bicycle", _("by bicycle")
    WALK = "walk", _("on foot")
    BOAT = "boat", _("by boat")
    BUS = "bus", _("by bus")


class StopBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("arrival time"))
    page = blocks.PageChooserBlock(
        label=_("catalogue page"),
        required=False,
        page_type=STOP_PAGE_TYPES,
        help_text=_("An attraction, product, fair or news page; or leave empty and name a place."),
    )
    name = blocks.CharBlock(
        label=_("place name"),
        required=False,
        max_length=120,
        help_text=_("Required without a page; otherwise replaces its title."),
    )
    lat = blocks.DecimalBlock(
        label=_("latitude"), required=False, min_value=-90, max_value=90, decimal_places=6
    )
    lon = blocks.DecimalBlock(
        label=_("longitude"), required=False, min_value=-180, max_value=180, decimal_places=6
    )
    description = blocks.TextBlock(label=_("what to do there"), required=False, max_length=600)
    stay_minutes = blocks.IntegerBlock(
        label=_("time there (minutes)"), required=False, min_value=5, max_value=24 * 60
    )
    travel_mode = blocks.ChoiceBlock(
        label=_("travel from the stop before"), required=False, choices=TravelMode.choices
    )
    travel_minutes = blocks.IntegerBlock(
        label=_("travel time (minutes)"), required=False, min_value=1, max_value=24 * 60
    )
    travel_km = blocks.DecimalBlock(
        label=_("travel distance (km)"), required=False, min_value=0, max_value=2000, decimal_places=1
    )

    class Meta:
        icon = "pick"
        label = _("stop")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        page = value.get("page")
        has_lat, has_lon = value.get("lat") is not None, value.get("lon") is not None
        if has_lat != has_lon:
            errors["lon" if has_lat else "lat"] = ValidationError(_("Give both latitude and longitude."))
        if page is None:
            if not (value.get("name") or "").strip():
                errors["name"] = ValidationError(_("Choose a page or name the place."))
            if not (has_lat and has_lon):
                errors.setdefault(
                    "lat", ValidationError(_("A named place needs its latitude and longitude for the map."))
                )
        elif not (has_lat and has_lon):
            specific = page.specific
            if getattr(specific, "lat", None) is None or getattr(specific, "lon", None) is None:
                errors["lat"] = ValidationError(
                    _("This page has no map position: give the stop a latitude and longitude.")
                )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class DayBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title of the day"), required=False, max_length=120)
    intro = blocks.TextBlock(label=_("introduction"), required=False, max_length=600)
    stops = blocks.ListBlock(StopBlock(), min_num=1, label=_("stops"))

    class Meta:
        icon = "date"
        label = _("day")

    def clean(self, value):
        value = super().clean(value)
        times = [stop["time"] for stop in value["stops"] if stop.get("time")]
        if any(later < earlier for earlier, later in zip(times, times[1:], strict=False)):
            raise blocks.StructBlockValidationError(
                non_block_errors=[ValidationError(_("Stops must be in the order of their times."))]
            )
        return value


class DaysBlock(blocks.StreamBlock):
    day = DayBlock()

    class Meta:
        min_num = 1


class TripTag(TaggedItemBase):
    content_object = ParentalKey("TripPage", on_delete=models.CASCADE, related_name="tagged_items")


@dataclass
class Stop:
    number: int
    time: dt.time
    title: str
    kind: str  # attraction, product, fair, news, or "place"
    url: str = ""
    lang: str = ""  # set when the linked page is shown in another language
    lat: float | None = None
    lon: float | None = None
    description: str = ""
    stay_minutes: int | None = None
    travel_mode: str = ""
    travel_mode_label: str = ""
    travel_minutes: int | None = None
    travel_km: float | None = None
    page: object = None


@dataclass
class Day:
    number: int
    title: str
    intro: str
    stops: list = field(default_factory=list)


class TripPage(CataloguePage):
    kind = "itinerary"

    duration = models.CharField(
        _("duration"), max_length=12, choices=TripDuration.choices, default=TripDuration.ONE_DAY
    )
    start_point = models.CharField(
        _("starting point"),
        max_length=200,
        blank=True,
        help_text=_("Where the times count from, e.g. “Ho Chi Minh City centre, 06:00”."),
    )
    days = StreamField(DaysBlock(), verbose_name=_("days"))
    tags = ClusterTaggableManager(through=TripTag, blank=True, verbose_name=_("tags"))

    content_panels = (
        Page.content_panels
        + CataloguePage.common_panels
        + [
            MultiFieldPanel([FieldPanel("duration"), FieldPanel("start_point")], heading=_("Trip")),
            FieldPanel("days"),
        ]
        + CataloguePage.trailing_panels
    )
    override_translatable_fields = CataloguePage.override_translatable_fields + [
        SynchronizedField("duration"),
    ]
    parent_page_types = ["promo.TripIndexPage"]
    subpage_types = []
    template = "promo/trip_page.html"

    class Meta:
        verbose_name = _("itinerary")
        verbose_name_plural = _("itineraries")

    def field_errors(self):
        errors = super().field_errors()
        if self.ref:
            clash = (
                TripPage.objects.filter(ref=self.ref).exclude(translation_key=self.translation_key).first()
            )
            if clash is not None:
                errors["ref"] = _("Reference “%(ref)s” is already used by “%(title)s”.") % {
                    "ref": self.ref,
                    "title": clash.title,
                }
        return errors

    def timeline(self):
        """[Day] with the stops a visitor can follow, numbered across the trip; cached."""
        if hasattr(self, "_timeline"):
            return self._timeline
        raw_days = [child.value for child in self.days if child.block_type == "day"]
        pages = _shown_pages([stop.get("page") for day in raw_days for stop in day["stops"]], self.locale_id)
        days, number = [], 0
        for day_number, day in enumerate(raw_days, start=1):
            shown = Day(day_number, day.get("title") or "", day.get("intro") or "")
            carried_minutes, carried_km = 0, 0.0
            for stop in day["stops"]:
                page_ref = stop.get("page")
                page = pages.get(page_ref.pk) if page_ref is not None else None
                minutes, km = stop.get("travel_minutes"), stop.get("travel_km")
                if page_ref is not None and page is None:
                    # Unpublished or deleted: skip it, and count its leg into the next one.
                    carried_minutes += minutes or 0
                    carried_km += float(km or 0)
                    continue
                number += 1
                lat = stop.get("lat") if stop.get("lat") is not None else getattr(page, "lat", None)
                lon = stop.get("lon") if stop.get("lon") is not None else getattr(page, "lon", None)
                mode = stop.get("travel_mode") or ""
                shown.stops.append(
                    Stop(
                        number=number,
                        time=stop["time"],
                        title=(stop.get("name") or "").strip() or (page.title if page else ""),
                        kind=page.kind if page is not None else "place",
                        url=page.get_url() if page is not None else "",
                        lang=(
                            page.locale.language_code
                            if page is not None and page.locale_id != self.locale_id
                            else ""
                        ),
                        lat=float(lat) if lat is not None else None,
                        lon=float(lon) if lon is not None else None,
                        description=stop.get("description") or "",
                        stay_minutes=stop.get("stay_minutes"),
                        travel_mode=mode,
                        travel_mode_label=TravelMode(mode).label if mode else "",
                        travel_minutes=(minutes or 0) + carried_minutes or None,
                        travel_km=round(float(km or 0) + carried_km, 1) or None,
                        page=page,
                    )
                )
                carried_minutes, carried_km = 0, 0.0
            if shown.stops:
                days.append(shown)
        self._timeline = days
        return days

    def stops(self):
        return [stop for day in self.timeline() for stop in day.stops]

    @property
    def stop_count(self):
        """How many stops a visitor can follow, for cards: the timeline reads the stops' pages,
        so the count is kept until the content changes (pagecache.memo) instead of costing a
        few queries per card."""
        if hasattr(self, "_timeline"):
            return len(self.stops())
        return per_generation(("trip-stop-count", self.pk), lambda: len(self.stops()))


def _shown_pages(page_refs, locale_id):
    """{source page id: specific live page to link}, in the trip's language where that is
    live, else the page itself when it is live; pages neither are left out."""
    refs = [p for p in page_refs if p is not None]
    if not refs:
        return {}
    chosen = {}
    for p in refs:
        chosen.setdefault(p.translation_key, set()).add(p.pk)
    shown = {}
    live = Page.objects.live().public().filter(translation_key__in=chosen).select_related("locale").specific()
    for page in live:
        for pk in chosen[page.translation_key]:
            if page.locale_id == locale_id or (pk == page.pk and pk not in shown):
                shown[pk] = page
    # A stop chosen in one language whose translation in this language is live but whose
    # chosen page is not still shows (the translation); nothing live means no stop.
    return shown


class TripIndexPage(CatalogueIndexPage):
    kind = "itinerary"
    parent_page_types = ["promo.AttractionIndexPage"]
    subpage_types = ["promo.TripPage"]
    template = "promo/trip_index_page.html"
    facet_fields = ()
    sort_options = (
        ("duration", _("Shortest first"), ("duration_order", "title")),
        ("title", _("Title A–Z"), ("title",)),
    )

    class Meta:
        verbose_name = _("itineraries index")

    @property
    def item_model(self):
        return TripPage

    def base_queryset(self):
        order = models.Case(
            *[models.When(duration=value, then=i) for i, value in enumerate(TripDuration.values)],
            output_field=models.IntegerField(),
        )
        return super().base_queryset().annotate(duration_order=order)

    def facet_choices(self):
        return {"duration": {"label": _("Duration"), "choices": TripDuration.choices}}

    def apply_filters(self, qs, params):
        qs, active = super().apply_filters(qs, params)
        values = [v for v in params.getlist("duration") if v in TripDuration.values]
        if values:
            qs = qs.filter(duration__in=values)
            active["duration"] = values
        return qs, active
