import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from promo import clock
from promo.limits import URL_MAX_LENGTH
from promo.models.base import REF_RE, CataloguePage
from promo.models.geo import LocationMixin
from promo.models.listing import CatalogueIndexPage
from promo.models.visit_exchange import FairExchangeMixin


class FairTag(TaggedItemBase):
    content_object = ParentalKey("FairPage", on_delete=models.CASCADE, related_name="tagged_items")


class ExhibitorBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("exhibitor"), max_length=200)
    shows = blocks.TextBlock(label=_("what they show"), required=False, max_length=400)
    booth = blocks.CharBlock(label=_("booth"), required=False, max_length=20)
    product = blocks.CharBlock(
        label=_("product page (reference)"),
        required=False,
        max_length=80,
        help_text=_("The “Ref” of a product page in this catalogue, e.g. mat-ong-hoa-cao-su."),
    )
    website = blocks.URLBlock(label=_("website"), required=False)

    class Meta:
        icon = "group"
        label = _("exhibitor")

    def clean(self, value):
        value = super().clean(value)
        ref = (value.get("product") or "").strip()
        if ref:
            from promo.models.products import ProductPage

            if not REF_RE.match(ref) or not ProductPage.objects.filter(ref=ref).exists():
                raise blocks.StructBlockValidationError(
                    block_errors={
                        "product": ValidationError(
                            _("No product page has the reference “%(ref)s”.") % {"ref": ref}
                        )
                    }
                )
        return value


class ExhibitorsBlock(blocks.StreamBlock):
    exhibitor = ExhibitorBlock()


class FairPage(FairExchangeMixin, LocationMixin, CataloguePage):
    kind = "fair"

    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    daily_opens = models.TimeField(_("opens each day at"), null=True, blank=True)
    daily_closes = models.TimeField(_("closes each day at"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    organizer = models.CharField(_("organizer"), max_length=255, blank=True)
    free_admission = models.BooleanField(_("free admission for visitors"), null=True, blank=True)
    registration_url = models.URLField(_("registration link"), max_length=URL_MAX_LENGTH, blank=True)
    registration_deadline = models.DateField(_("registration closes"), null=True, blank=True)
    registration_howto = models.TextField(
        _("how to register"),
        blank=True,
        max_length=1000,
        help_text=_("Who may register (exhibitors, visitors, buyers), how and what it costs."),
    )
    exhibitor_list = StreamField(ExhibitorsBlock(), verbose_name=_("exhibitors"), blank=True)
    tags = ClusterTaggableManager(through=FairTag, blank=True, verbose_name=_("tags"))

    content_panels = (
        Page.content_panels
        + CataloguePage.common_panels
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                    FieldRowPanel([FieldPanel("daily_opens"), FieldPanel("daily_closes")]),
                    FieldPanel("venue"),
                    FieldRowPanel([FieldPanel("lat"), FieldPanel("lon")]),
                    FieldPanel("organizer"),
                    FieldPanel("free_admission"),
                ],
                heading=_("Fair"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("registration_url"),
                    FieldPanel("registration_deadline"),
                    FieldPanel("registration_howto"),
                ],
                heading=_("Registration"),
            ),
            FieldPanel("exhibitor_list"),
        ]
        + CataloguePage.trailing_panels
    )
    override_translatable_fields = CataloguePage.override_translatable_fields + [
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("daily_opens"),
        SynchronizedField("daily_closes"),
        SynchronizedField("lat"),
        SynchronizedField("lon"),
        SynchronizedField("free_admission"),
        SynchronizedField("registration_deadline"),
        SynchronizedField("registration_url"),
    ]
    parent_page_types = ["promo.FairIndexPage"]
    subpage_types = []
    template = "promo/fair_page.html"

    class Meta:
        verbose_name = _("trade fair or event")
        verbose_name_plural = _("trade fairs and events")

    def field_errors(self):
        errors = super().field_errors()
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The last day cannot be before the first day.")
        if (self.daily_opens is None) != (self.daily_closes is None):
            errors["daily_closes"] = _("Give both the opening and the closing time, or neither.")
        elif self.daily_opens and self.start == self.end and self.daily_closes <= self.daily_opens:
            errors["daily_closes"] = _("On a one-day event it must close after it opens.")
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            errors["registration_deadline"] = _("Registration cannot close after the last day.")
        return errors

    @property
    def has_times(self):
        return self.daily_opens is not None and self.daily_closes is not None

    @property
    def starts_at(self):
        """Aware datetime of the opening (None for an event given by dates only)."""
        if not self.has_times:
            return None
        return dt.datetime.combine(self.start, self.daily_opens, clock.DISTRICT_TZ)

    @property
    def ends_at(self):
        if not self.has_times:
            return None
        last = self.end
        if self.daily_closes <= self.daily_opens:  # closes after midnight
            last += dt.timedelta(days=1)
        return dt.datetime.combine(last, self.daily_closes, clock.DISTRICT_TZ)

    def get_context(self, request, *args, **kwargs):
        self._request = request  # "upcoming" and "registration open" by the visitor's clock
        return super().get_context(request, *args, **kwargs)

    @property
    def is_upcoming(self):
        return self.end >= clock.today(getattr(self, "_request", None))

    @property
    def registration_open(self):
        if not self.is_upcoming:
            return False
        return self.registration_deadline is None or self.registration_deadline >= clock.today(
            getattr(self, "_request", None)
        )

    @property
    def duration_days(self):
        return (self.end - self.start).days + 1 if self.start and self.end else 0

    def exhibitor_rows(self):
        """Exhibitors with the live product page each names (this language, else the
        source), or None: an unpublished product is shown without a link."""
        from promo.models.products import ProductPage

        items = [child.value for child in self.exhibitor_list if child.block_type == "exhibitor"]
        refs = {item["product"] for item in items if item.get("product")}
        pages = {}
        if refs:
            for page in (
                ProductPage.objects.live()
                .public()
                .filter(ref__in=refs)
                .filter(locale__language_code__in=[self.locale.language_code, "vi"])
                .select_related("locale")
            ):
                if page.ref not in pages or page.locale_id == self.locale_id:
                    pages[page.ref] = page
        return [(item, pages.get(item.get("product"))) for item in items]


class FairIndexPage(CatalogueIndexPage):
    kind = "fair"
    sort_options = (
        ("date", _("By date"), ("start",)),
        ("newest", _("Latest first"), ("-start",)),
        ("title", _("Title A–Z"), ("title",)),
    )
    subpage_types = ["promo.FairPage"]
    template = "promo/fair_index_page.html"

    class Meta:
        verbose_name = _("fair index")

    def default_sort(self, params):
        # Past fairs read naturally from the most recent backwards.
        return "newest" if params.get("when") == "past" else "date"

    def apply_filters(self, qs, params):
        qs, active = super().apply_filters(qs, params)
        when = params.get("when", "upcoming")
        today = clock.today(getattr(self, "_request", None))
        if when == "past":
            qs = qs.filter(end__lt=today)
        elif when != "all":
            when = "upcoming"
            qs = qs.filter(end__gte=today)
        active["when"] = [when]
        return qs, active

    def get_context(self, request, *args, **kwargs):
        from promo.fair_calendar import month_context
        from promo.view_switch import current_view, view_options

        self._request = request
        views = ("list", "calendar", "map")
        view = current_view(request, views)
        common = {
            "view": view,
            "view_options": view_options(request, views),
            "clock_value": clock.clock_query(request)[4:],
            "map_kind": "fair",
            "map_label": _("Map of the fair and event venues"),
        }
        if view == "calendar":
            context = Page.get_context(self, request, *args, **kwargs)
            context.update(month_context(self, request))
            context.update(common)
            return context
        context = super().get_context(request, *args, **kwargs)
        context.update(common)
        context["when"] = context["active_filters"]["when"][0]
        context["when_options"] = [
            ("upcoming", _("Upcoming")),
            ("past", _("Past")),
            ("all", _("All")),
        ]
        return context
