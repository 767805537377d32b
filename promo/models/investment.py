from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from promo.models.base import CataloguePage
from promo.models.geo import LocationMixin
from promo.models.listing import CatalogueIndexPage


class InvestmentTag(TaggedItemBase):
    content_object = ParentalKey(
        "InvestmentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class InvestmentStatus(models.TextChoices):
    OPEN = "open", _("Open for investors")
    NEGOTIATING = "negotiating", _("In negotiation")
    AWARDED = "awarded", _("Awarded")


class InvestmentPage(LocationMixin, CataloguePage):
    kind = "investment"

    sector = models.ForeignKey(
        "promo.Sector", verbose_name=_("sector"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    area_ha = models.DecimalField(
        _("area (ha)"), max_digits=10, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    capital_usd = models.DecimalField(
        _("capital (USD)"), max_digits=16, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InvestmentStatus.choices, default=InvestmentStatus.OPEN
    )
    incentives = models.TextField(_("incentives"), blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    brochures = StreamField(
        [("brochure", DocumentChooserBlock(label=_("brochure")))],
        verbose_name=_("brochures"), blank=True,
    )
    tags = ClusterTaggableManager(through=InvestmentTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + CataloguePage.common_panels + [
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("sector"), FieldPanel("status")]),
            FieldRowPanel([FieldPanel("area_ha"), FieldPanel("capital_usd")]),
            FieldPanel("incentives"),
            FieldRowPanel([FieldPanel("lat"), FieldPanel("lon")]),
            FieldPanel("contact_email"),
            FieldPanel("brochures"),
        ], heading=_("Opportunity")),
    ] + CataloguePage.trailing_panels
    override_translatable_fields = CataloguePage.override_translatable_fields + [
        SynchronizedField("sector"), SynchronizedField("area_ha"), SynchronizedField("capital_usd"),
        SynchronizedField("status"), SynchronizedField("lat"), SynchronizedField("lon"),
        SynchronizedField("contact_email"),
    ]
    parent_page_types = ["promo.InvestmentIndexPage"]
    subpage_types = []
    template = "promo/investment_page.html"

    class Meta:
        verbose_name = _("investment opportunity")
        verbose_name_plural = _("investment opportunities")


class InvestmentIndexPage(CatalogueIndexPage):
    kind = "investment"
    facet_fields = CatalogueIndexPage.facet_fields + (("sector", _("Sector"), "sector"),)
    sort_options = (
        ("newest", _("Newest first"), ("-published", "-first_published_at")),
        ("area", _("Largest area first"), ("-area_ha",)),
        ("capital", _("Largest capital first"), ("-capital_usd",)),
        ("title", _("Title A–Z"), ("title",)),
    )
    subpage_types = ["promo.InvestmentPage"]
    template = "promo/investment_index_page.html"

    class Meta:
        verbose_name = _("investment index")

    def extra_select_related(self):
        return ("sector",)

    def facet_choices(self):
        options = super().facet_choices()
        options["status"] = {"label": _("Status"), "choices": InvestmentStatus.choices}
        return options

    def apply_filters(self, qs, params):
        qs, active = super().apply_filters(qs, params)
        valid = set(InvestmentStatus.values)
        values = [v for v in params.getlist("status") if v in valid]
        if values:
            qs = qs.filter(status__in=values)
            active["status"] = values
        return qs, active
