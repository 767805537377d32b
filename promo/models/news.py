from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from promo.models.base import CataloguePage
from promo.models.listing import CatalogueIndexPage


class NewsTag(TaggedItemBase):
    content_object = ParentalKey("NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(CataloguePage):
    kind = "news"

    category = models.ForeignKey(
        "promo.Category",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": "news"},
    )
    author = models.CharField(_("author"), max_length=120, blank=True)
    photo_credit = models.CharField(_("photo credit"), max_length=120, blank=True)
    tags = ClusterTaggableManager(through=NewsTag, blank=True, verbose_name=_("tags"))

    content_panels = (
        Page.content_panels
        + CataloguePage.common_panels
        + [
            MultiFieldPanel(
                [
                    FieldPanel("category"),
                    FieldRowPanel([FieldPanel("author"), FieldPanel("photo_credit")]),
                ],
                heading=_("Article"),
            ),
        ]
        + CataloguePage.trailing_panels
    )
    override_translatable_fields = CataloguePage.override_translatable_fields + [
        SynchronizedField("category"),
    ]
    parent_page_types = ["promo.NewsIndexPage"]
    subpage_types = []
    template = "promo/news_page.html"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class NewsIndexPage(CatalogueIndexPage):
    kind = "news"
    facet_fields = (("category", _("Category"), "category"),) + CatalogueIndexPage.facet_fields
    subpage_types = ["promo.NewsPage"]
    template = "promo/news_index_page.html"

    class Meta:
        verbose_name = _("news index")

    def facet_limit(self, param):
        return {"kind": "news"} if param == "category" else {}

    def extra_select_related(self):
        return ("category",)
