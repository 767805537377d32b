from django.core.validators import MaxValueValidator, MinValueValidator
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
from promo.models.listing import CatalogueIndexPage


class ProductTag(TaggedItemBase):
    content_object = ParentalKey("ProductPage", on_delete=models.CASCADE, related_name="tagged_items")


class ProductPage(CataloguePage):
    kind = "product"

    producer = models.CharField(_("producer"), max_length=200, blank=True)
    category = models.ForeignKey(
        "promo.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "product"},
    )
    ocop_stars = models.PositiveSmallIntegerField(
        _("OCOP stars"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("Official OCOP rating, 1 to 5 stars; leave empty when not rated."),
    )
    price_from_vnd = models.PositiveBigIntegerField(
        _("price from (VND)"), null=True, blank=True, validators=[MaxValueValidator(MAX_VND)]
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    tags = ClusterTaggableManager(through=ProductTag, blank=True, verbose_name=_("tags"))

    content_panels = (
        Page.content_panels
        + CataloguePage.common_panels
        + [
            MultiFieldPanel(
                [
                    FieldPanel("producer"),
                    FieldPanel("category"),
                    FieldRowPanel(
                        [FieldPanel("ocop_stars"), FieldPanel("price_from_vnd"), FieldPanel("unit")]
                    ),
                ],
                heading=_("Product"),
            ),
        ]
        + CataloguePage.trailing_panels
    )
    override_translatable_fields = CataloguePage.override_translatable_fields + [
        SynchronizedField("category"),
        SynchronizedField("ocop_stars"),
        SynchronizedField("price_from_vnd"),
    ]
    parent_page_types = ["promo.ProductIndexPage"]
    subpage_types = []
    template = "promo/product_page.html"

    class Meta:
        verbose_name = _("local product")
        verbose_name_plural = _("local products")


class ProductIndexPage(CatalogueIndexPage):
    kind = "product"
    facet_fields = CatalogueIndexPage.facet_fields + (("category", _("Category"), "category"),)
    sort_options = CatalogueIndexPage.sort_options + (
        ("price", _("Price, lowest first"), ("price_from_vnd",)),
    )
    subpage_types = ["promo.ProductPage"]
    template = "promo/product_index_page.html"

    class Meta:
        verbose_name = _("product index")

    def facet_limit(self, param):
        return {"kind": "product"} if param == "category" else {}

    def extra_select_related(self):
        return ("category",)
