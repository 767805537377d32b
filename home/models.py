from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin

from pagecache.memo import ViewRestrictionsFromMemo


class HomePage(ViewRestrictionsFromMemo, Page):
    tagline = models.CharField(_("tagline"), max_length=255, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(_("hero image alternative text"), max_length=250, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_alt")], heading=_("Hero image")),
    ]
    subpage_types = [
        "promo.ProductIndexPage",
        "promo.FairIndexPage",
        "promo.AttractionIndexPage",
        "promo.InvestmentIndexPage",
        "promo.NewsIndexPage",
        "portal.OrganisationPage",
        "portal.DocumentIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """A path with no page in this language shows the best available translation of the
        same page instead of "not found" (promo.translation_fallback)."""
        try:
            return super().route(request, path_components)
        except Http404:
            from promo.translation_fallback import route_to_best_translation

            result = route_to_best_translation(self, request, path_components)
            if result is None:
                raise
            return result

    def get_context(self, request, *args, **kwargs):
        from home.sections import home_sections

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections(self, request)
        return context


class LinkGroup(TranslatableMixin, ClusterableModel):
    """A block of links to other agencies' portals, as on the district portal's sidebar
    ("Liên kết website", "Các Sở, Ban ngành", "Các Trang khác")."""

    title = models.CharField(_("title"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("title"), FieldPanel("sort_order"), InlinePanel("links", label=_("links"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("link group")
        verbose_name_plural = _("link groups")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title


class LinkGroupItem(Orderable):
    group = ParentalKey(LinkGroup, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=160)
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return self.label


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """The office's telephone and e-mail, the same in every language (enquiries are delivered
    to this address). Its name, address and hours are in `OfficeContact`, per language."""

    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    panels = [FieldPanel("phone"), FieldPanel("email")]

    class Meta:
        verbose_name = _("contact details")


# The languages the office's details must always exist in: Vietnamese, the source, and English,
# which Decree 42/2022 requires for an agency's contacts.
REQUIRED_LANGUAGES = ("vi", "en")


class OfficeContact(TranslatableMixin, models.Model):
    """The promotion office as the footer, the contact page and the feeds name it, in each
    language: a translatable snippet, translated like any page (the Vietnamese one is the
    source). Where a language has none yet, visitors see the English, else the Vietnamese."""

    office_name = models.CharField(_("office"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)

    panels = [FieldPanel("office_name"), FieldPanel("address"), FieldPanel("office_hours")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("office name and address")
        verbose_name_plural = _("office name and address")

    def __str__(self):
        return self.office_name

    @classmethod
    def for_language(cls, code):
        """The office in `code`, else in English, else in Vietnamese (with `shown_language`
        set), or None; one query, kept until the content changes (pagecache.memo)."""
        from pagecache.memo import per_generation

        return per_generation(("office-contact", code), lambda: cls._for_language(code))

    @classmethod
    def _for_language(cls, code):
        from promo.translation_fallback import fallback_languages

        order = fallback_languages(code)
        found = {
            office.locale.language_code: office
            for office in cls.objects.filter(locale__language_code__in=order).select_related("locale")
        }
        for language in order:
            if language in found:
                found[language].shown_language = language
                return found[language]
        return None
