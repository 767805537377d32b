"""Snippets and settings an investment opportunity refers to: the form of investment, the named
officer who answers investors, and the exchange rate its amounts are converted at."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail_localize.fields import SynchronizedField

from promo.languages import LANGUAGE_CODES
from promo.models.taxonomy import TaxonomyBase

# Languages an officer may speak: the site's five and those investors here most often use.
SPOKEN_LANGUAGES = (*LANGUAGE_CODES, "fr", "de", "ru", "th")


class InvestmentForm(TaxonomyBase):
    """A form of investment: Investment Law 2020 (Art. 21–27), PPP, and land practice (lease,
    land-use-right auction, bidding for investor selection). Seeded by a data migration."""

    legal_basis = models.CharField(
        _("legal basis"),
        max_length=200,
        blank=True,
        help_text=_("The law and article this form rests on, e.g. “Luật Đầu tư 2020, Điều 22”."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("legal_basis"), FieldPanel("sort_order")]
    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("sort_order")]

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("form of investment")
        verbose_name_plural = _("forms of investment")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Officer(TaxonomyBase):
    """The person an investor talks to about an opportunity. The name stays as written in every
    language; the job title is translated."""

    title = models.CharField(_("job title"), max_length=200, blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("With the country code, e.g. +84 274 356 1234.")
    )
    email = models.EmailField(_("email"), blank=True)
    languages = models.CharField(
        _("languages spoken"),
        max_length=100,
        blank=True,
        help_text=_("Language codes separated by commas, e.g. vi,en,ko."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("languages"),
        FieldPanel("photo"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("name"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("languages"),
        SynchronizedField("photo"),
    ]

    class Meta(TaxonomyBase.Meta):
        verbose_name = _("investment officer")
        verbose_name_plural = _("investment officers")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        unknown = [code for code in self.language_codes if code not in SPOKEN_LANGUAGES]
        if unknown:
            raise ValidationError(
                {
                    "languages": _("Unknown language code(s): %(codes)s. Use: %(known)s.")
                    % {"codes": ", ".join(unknown), "known": ", ".join(SPOKEN_LANGUAGES)}
                }
            )

    @property
    def language_codes(self):
        return [code.strip().lower() for code in self.languages.split(",") if code.strip()]

    @property
    def language_names(self):
        """The languages spoken, named in the visitor's language."""
        names = []
        for code in self.language_codes:
            try:
                names.append(str(get_language_info(code)["name_translated"]))
            except KeyError:
                names.append(code)
        return names


@register_setting(icon="cogs")
class ExchangeRate(BaseSiteSetting):
    """The VND/USD rate the site converts amounts at, with the date staff took it. Amounts are
    stored in VND (see docs/DESIGN.md); US dollars are shown as an approximation."""

    vnd_per_usd = models.DecimalField(
        _("VND per US dollar"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
    )
    rate_date = models.DateField(_("rate date"), null=True, blank=True)
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the rate comes from, e.g. the State Bank of Vietnam central rate."),
    )

    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("vnd_per_usd"), FieldPanel("rate_date")]), FieldPanel("source")],
            heading=_("Exchange rate"),
        )
    ]

    class Meta:
        verbose_name = _("exchange rate")

    @property
    def usable(self):
        return bool(self.vnd_per_usd) and self.rate_date is not None


def exchange_rate(request=None):
    """The current ExchangeRate of the request's site (else the default site), or None."""
    from wagtail.models import Site

    if request is not None:
        return ExchangeRate.for_request(request)
    site = Site.objects.filter(is_default_site=True).first()
    return ExchangeRate.for_site(site) if site else None
