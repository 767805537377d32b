from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from promo.limits import MAX_VND
from promo.models.base import CataloguePage
from promo.models.geo import LocationMixin
from promo.models.listing import CatalogueIndexPage


class AttractionTag(TaggedItemBase):
    content_object = ParentalKey(
        "AttractionPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class AttractionCategory(models.TextChoices):
    NATURE = "nature", _("Nature")
    HERITAGE = "heritage", _("Heritage")
    RELIGIOUS = "religious", _("Religious site")
    RECREATION = "recreation", _("Recreation")
    FOOD = "food", _("Food and markets")


class AttractionPage(LocationMixin, CataloguePage):
    kind = "attraction"

    category = models.CharField(
        _("category"), max_length=20, choices=AttractionCategory.choices, blank=True
    )
    opening_hours = models.CharField(_("opening hours"), max_length=120, blank=True)
    ticket_vnd = models.PositiveBigIntegerField(
        _("ticket price (VND)"), null=True, blank=True, validators=[MaxValueValidator(MAX_VND)])
    tags = ClusterTaggableManager(through=AttractionTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + CataloguePage.common_panels + [
        MultiFieldPanel([
            FieldPanel("category"),
            FieldRowPanel([FieldPanel("lat"), FieldPanel("lon")]),
            FieldRowPanel([FieldPanel("opening_hours"), FieldPanel("ticket_vnd")]),
        ], heading=_("Visiting")),
    ] + CataloguePage.trailing_panels
    override_translatable_fields = CataloguePage.override_translatable_fields + [
        SynchronizedField("category"), SynchronizedField("lat"), SynchronizedField("lon"),
        SynchronizedField("ticket_vnd"),
    ]
    parent_page_types = ["promo.AttractionIndexPage"]
    subpage_types = []
    template = "promo/attraction_page.html"

    class Meta:
        verbose_name = _("tourist attraction")
        verbose_name_plural = _("tourist attractions")


class AttractionIndexPage(CatalogueIndexPage):
    kind = "attraction"
    subpage_types = ["promo.AttractionPage"]
    template = "promo/attraction_index_page.html"
    sort_options = (
        ("title", _("Title A–Z"), ("title",)),
        ("newest", _("Newest first"), ("-published", "-first_published_at")),
    )

    class Meta:
        verbose_name = _("tourism index")

    def facet_choices(self):
        options = super().facet_choices()
        options["category"] = {"label": _("Category"), "choices": AttractionCategory.choices}
        return options

    def apply_filters(self, qs, params):
        qs, active = super().apply_filters(qs, params)
        valid = set(AttractionCategory.values)
        values = [v for v in params.getlist("category") if v in valid]
        if values:
            qs = qs.filter(category__in=values)
            active["category"] = values
        return qs, active
