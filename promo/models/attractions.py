from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from pagecache.memo import per_generation, public
from pagecache.store import limit_lifetime
from promo import hours as opening
from promo.models.base import CataloguePage
from promo.models.daysets import MonthsField
from promo.models.geo import LocationMixin
from promo.models.listing import LISTING_RENDITIONS, CatalogueIndexPage
from promo.models.visit_exchange import AttractionExchangeMixin
from promo.models.visit_facts import AMENITIES, Availability, HoursStatus, Origin, RoutesBlock


class AttractionTag(TaggedItemBase):
    content_object = ParentalKey("AttractionPage", on_delete=models.CASCADE, related_name="tagged_items")


class AttractionCategory(models.TextChoices):
    NATURE = "nature", _("Nature")
    HERITAGE = "heritage", _("Heritage")
    RELIGIOUS = "religious", _("Religious site")
    RECREATION = "recreation", _("Recreation")
    FOOD = "food", _("Food and markets")


def _amenity_field(code):
    label, _group = AMENITIES[code]
    return models.CharField(
        label,
        max_length=10,
        choices=Availability.choices,
        blank=True,
        help_text=_("Leave empty when not known."),
    )


# An attraction's inline rows that its page, its card and its structured data all read.
VISIT_ROWS = ("weekly_hours", "hours_exceptions", "admission_fees")


class AttractionPageForm(WagtailAdminPageForm):
    """Checks that need the inline rows as well as the page's own fields."""

    def clean(self):
        cleaned = super().clean()
        fees = self.formsets.get("admission_fees")
        if fees is None:
            return cleaned
        rows = [
            form.cleaned_data
            for form in fees.forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if cleaned.get("free_entry") and any((row.get("price_vnd") or 0) > 0 for row in rows):
            self.add_error(
                "free_entry",
                _("Entry cannot be free while a fee above 0 is listed; remove the fee or untick free entry."),
            )
        visitors = [row.get("visitor") for row in rows]
        if len(visitors) != len(set(visitors)):
            self.add_error(None, _("List each visitor type once in the fees."))
        return cleaned


class AttractionPage(AttractionExchangeMixin, LocationMixin, CataloguePage):
    kind = "attraction"

    category = models.CharField(_("category"), max_length=20, choices=AttractionCategory.choices, blank=True)
    # Opening hours
    hours_status = models.CharField(
        _("opening hours"), max_length=12, choices=HoursStatus.choices, default=HoursStatus.SCHEDULED
    )
    opening_hours = models.CharField(
        _("note on opening hours"),
        max_length=120,
        blank=True,
        help_text=_("Words a visitor needs beside the hours, e.g. check-in times."),
    )
    # Fees
    free_entry = models.BooleanField(
        _("free entry"), null=True, blank=True, help_text=_("Leave unknown when fees are not known.")
    )
    fees_note = models.TextField(_("note on fees"), blank=True, max_length=600)
    # Duration and season
    visit_minutes_min = models.PositiveSmallIntegerField(
        _("typical visit from (minutes)"), null=True, blank=True, validators=[MaxValueValidator(7 * 24 * 60)]
    )
    visit_minutes_max = models.PositiveSmallIntegerField(
        _("typical visit up to (minutes)"), null=True, blank=True, validators=[MaxValueValidator(7 * 24 * 60)]
    )
    season_months = MonthsField(_("best months to visit"), blank=True)
    season_note = models.TextField(_("note on the season"), blank=True, max_length=600)
    # Getting there
    routes = StreamField(RoutesBlock(), verbose_name=_("getting there"), blank=True)
    # Access and facilities
    access_wheelchair = _amenity_field("wheelchair")
    access_steps = _amenity_field("steps")
    access_toilet = _amenity_field("accessible_toilet")
    has_parking = _amenity_field("parking")
    has_toilets = _amenity_field("toilets")
    has_food = _amenity_field("food")
    has_lodging = _amenity_field("lodging")
    has_guides = _amenity_field("guides")
    step_count = models.PositiveIntegerField(
        _("number of steps"), null=True, blank=True, validators=[MaxValueValidator(100_000)]
    )
    access_note = models.TextField(_("note on access"), blank=True, max_length=600)
    public_access = models.BooleanField(_("open to the public"), default=True)
    # Booking and contact
    booking_url = models.URLField(_("booking or contact link"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    tags = ClusterTaggableManager(through=AttractionTag, blank=True, verbose_name=_("tags"))

    base_form_class = AttractionPageForm
    content_panels = (
        Page.content_panels
        + CataloguePage.common_panels
        + [
            MultiFieldPanel(
                [
                    FieldPanel("category"),
                    FieldRowPanel([FieldPanel("lat"), FieldPanel("lon")]),
                ],
                heading=_("Place"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("hours_status"),
                    InlinePanel("weekly_hours", label=_("Weekly hours")),
                    InlinePanel("hours_exceptions", label=_("Holidays and seasons")),
                    FieldPanel("opening_hours"),
                ],
                heading=_("Opening hours"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("free_entry"),
                    InlinePanel("admission_fees", label=_("Fees by visitor")),
                    FieldPanel("fees_note"),
                ],
                heading=_("Admission"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("visit_minutes_min"), FieldPanel("visit_minutes_max")]),
                    FieldPanel("season_months"),
                    FieldPanel("season_note"),
                ],
                heading=_("Time and season"),
            ),
            FieldPanel("routes"),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("access_wheelchair"),
                            FieldPanel("access_steps"),
                            FieldPanel("access_toilet"),
                        ]
                    ),
                    FieldPanel("step_count"),
                    FieldPanel("access_note"),
                    FieldPanel("public_access"),
                ],
                heading=_("Accessibility"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("has_parking"), FieldPanel("has_toilets"), FieldPanel("has_food")]
                    ),
                    FieldRowPanel([FieldPanel("has_lodging"), FieldPanel("has_guides")]),
                    FieldRowPanel([FieldPanel("booking_url"), FieldPanel("contact_phone")]),
                ],
                heading=_("Facilities and booking"),
            ),
        ]
        + CataloguePage.trailing_panels
    )
    override_translatable_fields = CataloguePage.override_translatable_fields + [
        SynchronizedField("category"),
        SynchronizedField("lat"),
        SynchronizedField("lon"),
        SynchronizedField("free_entry"),
        SynchronizedField("visit_minutes_min"),
        SynchronizedField("visit_minutes_max"),
        SynchronizedField("season_months"),
        SynchronizedField("step_count"),
        SynchronizedField("public_access"),
        SynchronizedField("contact_phone"),
    ]
    parent_page_types = ["promo.AttractionIndexPage"]
    subpage_types = []
    template = "promo/attraction_page.html"

    class Meta:
        verbose_name = _("tourist attraction")
        verbose_name_plural = _("tourist attractions")

    def field_errors(self):
        errors = super().field_errors()
        low, high = self.visit_minutes_min, self.visit_minutes_max
        if low is not None and high is not None and high < low:
            errors["visit_minutes_max"] = _("The longest visit cannot be shorter than the shortest.")
        return errors

    def get_context(self, request, *args, **kwargs):
        # The schedule, the fees, the card lines and the structured data all read these rows:
        # one query each instead of one per reader.
        prefetch_related_objects([self], *VISIT_ROWS)
        return super().get_context(request, *args, **kwargs)

    # What the page shows, computed once per request
    def schedule(self):
        if not hasattr(self, "_schedule"):
            self._schedule = opening.Schedule.for_page(self)
        return self._schedule

    def open_state(self, at):
        return self.schedule().state(at)

    @property
    def is_free(self):
        """True, False or None (not known): stated, or read from the fees."""
        if self.free_entry is not None:
            return self.free_entry
        prices = [fee.price_vnd for fee in self.admission_fees.all()]
        if prices:
            return not any(prices)
        return None

    def amenity_rows(self):
        """[(group, code, label, availability code, availability label)] of known features."""
        rows = []
        for code, (label, group) in AMENITIES.items():
            value = getattr(self, self.AMENITY_FIELDS[code])
            if value:
                rows.append((group, code, label, value, Availability(value).label))
        return rows

    def route_rows(self):
        """[(origin label, route value)] in the editor's order."""
        return [
            (Origin(child.value["origin"]).label, child.value)
            for child in self.routes
            if child.block_type == "route"
        ]

    AMENITY_FIELDS = {
        "wheelchair": "access_wheelchair",
        "steps": "access_steps",
        "accessible_toilet": "access_toilet",
        "parking": "has_parking",
        "toilets": "has_toilets",
        "food": "has_food",
        "lodging": "has_lodging",
        "guides": "has_guides",
    }


class AttractionIndexPage(CatalogueIndexPage):
    kind = "attraction"
    subpage_types = ["promo.AttractionPage", "promo.TripIndexPage"]
    template = "promo/attraction_index_page.html"
    sort_options = (
        ("title", _("Title A–Z"), ("title",)),
        ("newest", _("Newest first"), ("-published", "-first_published_at")),
    )
    # Boolean filters: GET parameter -> label. Anything but "1"/"on" is reported, not guessed.
    flag_filters = (("open_now", _("Open now")), ("free", _("Free entry")))

    class Meta:
        verbose_name = _("tourism index")

    def extra_prefetch_related(self):
        return VISIT_ROWS

    def facet_choices(self):
        options = super().facet_choices()
        options["category"] = {"label": _("Category"), "choices": AttractionCategory.choices}
        return options

    def apply_filters(self, qs, params):
        from promo import clock

        request = getattr(self, "_request", None)
        qs, active = super().apply_filters(qs, params)
        valid = set(AttractionCategory.values)
        values = [v for v in params.getlist("category") if v in valid]
        if values:
            qs = qs.filter(category__in=values)
            active["category"] = values
        problems = []
        for param, label in self.flag_filters:
            raw = params.get(param)
            if raw in (None, ""):
                continue
            if raw not in ("1", "on", "true"):
                problems.append(
                    _("“%(value)s” is not a value of the filter “%(filter)s” (use 1); it was ignored.")
                    % {"value": raw[:40], "filter": label}
                )
                continue
            active[param] = ["1"]
            if param == "open_now":
                qs = qs.filter(opening.open_at_filter(clock.now(request)))
                limit_lifetime(request, opening.OPEN_NOW_CACHE_SECONDS)
            else:
                qs = qs.filter(free_entry=True)
        if problems:
            active["_problems"] = problems
        return qs, active

    def get_context(self, request, *args, **kwargs):
        from promo import clock
        from promo.view_switch import current_view, view_options

        self._request = request
        context = super().get_context(request, *args, **kwargs)
        views = ("list", "map")
        context.update(
            view=current_view(request, views),
            view_options=view_options(request, views),
            map_kind="attraction",
            map_label=_("Map of the places that match the filters"),
        )
        problems = context["active_filters"].pop("_problems", [])
        context.update(
            filter_problems=problems,
            flag_filters=self.flag_filters,
            visit_now=clock.now(request),
            clock_value=clock.clock_query(request)[4:],
            trips=self.trip_cards(),
            trip_index=self.trip_index(),
        )
        return context

    def trip_index(self):
        from promo.models.itineraries import TripIndexPage

        return per_generation(
            ("trip-index", self.pk), lambda: public(TripIndexPage.objects.live()).child_of(self).first()
        )

    def trip_cards(self):
        from promo.models.itineraries import TripPage

        images = get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS)
        return (
            public(TripPage.objects.live())
            .descendant_of(self)
            .filter(locale_id=self.locale_id)
            .order_by("path")
            .prefetch_related(Prefetch("hero_image", queryset=images))[:6]
        )
