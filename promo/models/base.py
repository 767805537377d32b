"""What every catalogue page has in common, whatever its kind."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import PageChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pagecache.memo import ViewRestrictionsFromMemo
from promo.blocks import BaseStreamBlock
from promo.collation import KEY_LENGTH, sort_key

REF_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,79}$")
ref_validator = RegexValidator(
    REF_RE, _("Use 2–80 lowercase letters, digits and hyphens, starting with a letter or digit.")
)


class CataloguePage(ViewRestrictionsFromMemo, Page):
    """Abstract base of the five catalogue kinds (product, fair, attraction, investment, news).

    `ref` is the item's stable id across translations and in the JSON Lines exchange format;
    it is synchronised to every translation and doubles as the URL slug.
    """

    kind: str = ""

    ref = models.CharField(
        _("reference"),
        max_length=80,
        validators=[ref_validator],
        db_index=True,
        help_text=_("Stable id shared by all translations, used in imports and exports."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for listings and results.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required when a hero image is chosen."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    commune = models.ForeignKey(
        "promo.Commune",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published = models.DateField(_("first published"), null=True, blank=True)
    related = StreamField(
        [("item", PageChooserBlock(label=_("related item")))],
        verbose_name=_("related items"),
        blank=True,
    )
    # Alphabetical order in the page's language, whatever the database (promo.collation).
    title_sort_key = models.CharField(max_length=KEY_LENGTH, blank=True, editable=False, db_index=True)

    search_fields = Page.search_fields + [
        index.SearchField("ref"),
        index.SearchField("summary"),
        index.FilterField("locale_id"),
        # The admin's page search finds "Núi Cậu" for "nui cau", as the public search does.
        index.AutocompleteField("folded_title"),
        index.SearchField("folded_title"),
    ]
    common_panels = [
        FieldPanel("ref"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero image")),
    ]
    trailing_panels = [
        FieldPanel("commune"),
        FieldPanel("published"),
        FieldPanel("tags"),
        FieldPanel("body"),
        FieldPanel("related"),
    ]
    override_translatable_fields = [
        SynchronizedField("ref"),
        SynchronizedField("commune"),
        SynchronizedField("published"),
        SynchronizedField("hero_image"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = self.field_errors()
        if errors:
            raise ValidationError(errors)

    def field_errors(self):
        """Every problem with the kind's fields at once, so an editor fixes them in one go."""
        errors = {}
        if self.hero_image_id and not self.hero_alt.strip():
            errors["hero_alt"] = _("Describe the hero image for screen readers.")
        if self.ref:
            clash = find_ref_owner(self.ref)
            if clash is not None and clash.translation_key != self.translation_key:
                errors["ref"] = _("Reference “%(ref)s” is already used by “%(title)s”.") % {
                    "ref": self.ref,
                    "title": clash.title,
                }
        return errors

    @property
    def hero_alt_text(self):
        return self.hero_alt or self.title

    def folded_title(self):
        from search.text import fold

        return fold(self.title or "")

    def save(self, *args, **kwargs):
        language = self.locale.language_code if self.locale_id else "vi"
        self.title_sort_key = sort_key(self.title, language)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "title_sort_key"}
        return super().save(*args, **kwargs)


def find_ref_owner(ref):
    """The page (any kind, any locale) that owns `ref`, or None."""
    from promo.models import CATALOGUE_MODELS

    for model in CATALOGUE_MODELS.values():
        page = model.objects.filter(ref=ref).only("id", "title", "translation_key").first()
        if page is not None:
            return page
    return None
