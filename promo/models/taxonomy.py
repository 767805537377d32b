"""Taxonomies are data that staff edit and translate, never free text.

Communes were reorganised on 1 July 2025: each current unit lists the former communes (or
parts of them) it absorbed, so imports written with an old name still resolve and search
treats a former name as a synonym of the unit.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index


class TaxonomyBase(TranslatableMixin, index.Indexed, models.Model):
    slug = models.SlugField(
        _("code"),
        max_length=60,
        help_text=_("Stable code used in imports, filters and URLs; the same in every language."),
    )
    name = models.CharField(_("name"), max_length=120)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Commune(ClusterableModel, TaxonomyBase):
    UNIT_TYPES = [("xa", _("commune")), ("phuong", _("ward"))]
    unit_type = models.CharField(_("unit type"), max_length=10, choices=UNIT_TYPES, default="xa")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("unit_type"),
        InlinePanel("former_names", label=_("Former communes merged into this unit")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class FormerCommuneName(Orderable):
    commune = ParentalKey(Commune, on_delete=models.CASCADE, related_name="former_names")
    name = models.CharField(_("former name"), max_length=120)
    primary = models.BooleanField(
        _("primary successor"),
        default=False,
        help_text=_("When a former commune was split, the unit an old address resolves to."),
    )

    panels = [FieldPanel("name"), FieldPanel("primary")]

    class Meta(Orderable.Meta):
        verbose_name = _("former name")

    def __str__(self):
        return self.name


class Sector(TaxonomyBase):
    class Meta(TranslatableMixin.Meta):
        verbose_name = _("investment sector")
        verbose_name_plural = _("investment sectors")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Category(TaxonomyBase):
    """Categories of products and of news (attraction categories are fixed choices)."""

    KIND_CHOICES = [("product", _("product")), ("news", _("news"))]
    kind = models.CharField(_("used for"), max_length=10, choices=KIND_CHOICES)

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["kind", "name"]
        unique_together = [("translation_key", "locale"), ("kind", "slug", "locale")]
