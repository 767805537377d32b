from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from promo.limits import URL_MAX_LENGTH
from promo.models.base import CataloguePage
from promo.models.listing import CatalogueIndexPage


class FairTag(TaggedItemBase):
    content_object = ParentalKey("FairPage", on_delete=models.CASCADE, related_name="tagged_items")


class FairPage(CataloguePage):
    kind = "fair"

    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    organizer = models.CharField(_("organizer"), max_length=255, blank=True)
    registration_url = models.URLField(_("registration link"), max_length=URL_MAX_LENGTH, blank=True)
    tags = ClusterTaggableManager(through=FairTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + CataloguePage.common_panels + [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
            FieldPanel("venue"), FieldPanel("organizer"), FieldPanel("registration_url"),
        ], heading=_("Fair")),
    ] + CataloguePage.trailing_panels
    override_translatable_fields = CataloguePage.override_translatable_fields + [
        SynchronizedField("start"), SynchronizedField("end"),
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
        return errors

    @property
    def is_upcoming(self):
        return self.end >= timezone.localdate()

    @property
    def duration_days(self):
        return (self.end - self.start).days + 1 if self.start and self.end else 0


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
        today = timezone.localdate()
        if when == "past":
            qs = qs.filter(end__lt=today)
        elif when != "all":
            when = "upcoming"
            qs = qs.filter(end__gte=today)
        active["when"] = [when]
        return qs, active

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["when"] = context["active_filters"]["when"][0]
        context["when_options"] = [
            ("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All")),
        ]
        return context
