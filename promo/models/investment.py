"""Investment opportunities: the deal facts an investor screens on, as fields.

Money is stored once, in VND (capital, lease prices): the figures come from Vietnamese plans
and price decisions, which state them in đồng, and a rate change must not rewrite them. US
dollars are shown beside them at the site's exchange rate (promo.models.ExchangeRate), with
the rate and its date. Words are translated with the page; numbers, dates and codes are
synchronised to every translation.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from promo.limits import MAX_VND
from promo.models.base import CataloguePage
from promo.models.geo import LocationMixin
from promo.models.listing import CatalogueIndexPage

MAX_AREA_HA = 100_000


class InvestmentTag(TaggedItemBase):
    content_object = ParentalKey("InvestmentPage", on_delete=models.CASCADE, related_name="tagged_items")


class InvestmentStatus(models.TextChoices):
    OPEN = "open", _("Open for investors")
    NEGOTIATING = "negotiating", _("In negotiation")
    AWARDED = "awarded", _("Awarded")


class PlanStatus(models.TextChoices):
    YES = "yes", _("In the approved plan")
    PENDING = "pending", _("Plan amendment in progress")
    NO = "no", _("Not yet in the plan")


# Short words like "Approved" mean other things elsewhere (Wagtail's workflow): a context keeps
# their translations apart.
class ClearanceStatus(models.TextChoices):
    NOT_NEEDED = "not_needed", _("Not needed (clean land)")
    NOT_STARTED = "not_started", pgettext_lazy("readiness", "Not started")
    IN_PROGRESS = "in_progress", pgettext_lazy("readiness", "In progress")
    COMPLETED = "completed", pgettext_lazy("readiness", "Completed")


class PolicyDecisionStatus(models.TextChoices):
    NOT_REQUIRED = "not_required", pgettext_lazy("readiness", "Not required")
    PREPARING = "preparing", _("Dossier in preparation")
    SUBMITTED = "submitted", _("Submitted, under review")
    APPROVED = "approved", pgettext_lazy("readiness", "Approved")


class LandUseType(models.TextChoices):
    INDUSTRIAL = "industrial", _("Industrial park / cluster land")
    COMMERCIAL = "commercial", _("Commercial and service land")
    PRODUCTION = "production", _("Non-agricultural production and business land")
    AGRICULTURAL = "agricultural", _("Agricultural land")
    TOURISM = "tourism", _("Tourism and recreation land")
    RESIDENTIAL = "residential", _("Urban / residential land")
    MIXED = "mixed", _("Mixed use")


class IncentiveBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("incentive"), max_length=500)
    legal_basis = blocks.CharBlock(
        label=_("legal basis"),
        required=False,
        max_length=250,
        help_text=_(
            "Law, decree and article, e.g. “Nghị định 31/2021/NĐ-CP, Điều 19”. It links "
            "to the document's page when the documents section has one with that number."
        ),
    )

    class Meta:
        icon = "tick-inverse"
        label = _("incentive")


def _km():
    return dict(
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(2000)],
    )


def _minutes():
    return dict(null=True, blank=True, validators=[MaxValueValidator(2000)])


# Deal facts that are numbers, dates and codes: the same in every translation (synchronised by
# wagtail-localize; the importer takes them from the item's other lines).
DEAL_FACT_NUMBERS = (
    "in_land_use_plan",
    "site_clearance",
    "policy_decision",
    "decision_expected",
    "construction_start",
    "area_ha",
    "land_use_type",
    "land_use_term_years",
    "lease_price_min_vnd",
    "lease_price_max_vnd",
    "capital_vnd",
    "power_kv",
    "hcmc_km",
    "hcmc_minutes",
    "airport_km",
    "airport_minutes",
    "seaport_km",
    "seaport_minutes",
    "industrial_park_km",
    "industrial_park_minutes",
)


class InvestmentPage(RoutablePageMixin, LocationMixin, CataloguePage):
    kind = "investment"

    sector = models.ForeignKey(
        "promo.Sector",
        verbose_name=_("sector"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InvestmentStatus.choices,
        default=InvestmentStatus.OPEN,
        db_index=True,
    )
    investment_form = models.ForeignKey(
        "promo.InvestmentForm",
        verbose_name=_("form of investment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    promoter = models.CharField(
        _("promoter / responsible agency"),
        max_length=255,
        blank=True,
        help_text=_("The body that offers the project and answers for it."),
    )
    officer = models.ForeignKey(
        "promo.Officer",
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Where enquiries go when no officer with an e-mail address is chosen."),
    )

    # Readiness
    in_land_use_plan = models.CharField(
        _("land-use / master plan"), max_length=12, blank=True, choices=PlanStatus.choices
    )
    site_clearance = models.CharField(
        _("site clearance"), max_length=12, blank=True, choices=ClearanceStatus.choices
    )
    policy_decision = models.CharField(
        _("investment policy decision"), max_length=12, blank=True, choices=PolicyDecisionStatus.choices
    )
    decision_expected = models.DateField(_("expected decision date"), null=True, blank=True, db_index=True)
    construction_start = models.DateField(_("expected construction start"), null=True, blank=True)

    # Land
    area_ha = models.DecimalField(
        _("area (ha)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_AREA_HA)],
    )
    land_use_type = models.CharField(
        _("land-use type"), max_length=12, blank=True, choices=LandUseType.choices
    )
    land_use_term_years = models.PositiveSmallIntegerField(
        _("land-use term (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
    )
    lease_price_min_vnd = models.BigIntegerField(
        _("lease price from (VND/m²/year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_VND)],
    )
    lease_price_max_vnd = models.BigIntegerField(
        _("lease price to (VND/m²/year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_VND)],
    )

    # Money
    capital_vnd = models.BigIntegerField(
        _("total investment capital (VND)"),
        null=True,
        blank=True,
        db_index=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_VND)],
    )

    # Infrastructure
    road_access = models.CharField(_("road access"), max_length=255, blank=True)
    power_kv = models.DecimalField(
        _("power supply (kV)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    water = models.CharField(_("water supply"), max_length=255, blank=True)
    wastewater = models.CharField(_("wastewater treatment"), max_length=255, blank=True)

    # Distances (road) and drive times
    hcmc_km = models.DecimalField(_("to Ho Chi Minh City centre (km)"), **_km())
    hcmc_minutes = models.PositiveSmallIntegerField(_("to Ho Chi Minh City centre (minutes)"), **_minutes())
    airport_km = models.DecimalField(_("to Tân Sơn Nhất airport (km)"), **_km())
    airport_minutes = models.PositiveSmallIntegerField(_("to Tân Sơn Nhất airport (minutes)"), **_minutes())
    seaport_name = models.CharField(_("nearest seaport"), max_length=120, blank=True)
    seaport_km = models.DecimalField(_("to the seaport (km)"), **_km())
    seaport_minutes = models.PositiveSmallIntegerField(_("to the seaport (minutes)"), **_minutes())
    industrial_park_name = models.CharField(_("nearest industrial park"), max_length=120, blank=True)
    industrial_park_km = models.DecimalField(_("to the industrial park (km)"), **_km())
    industrial_park_minutes = models.PositiveSmallIntegerField(
        _("to the industrial park (minutes)"), **_minutes()
    )

    incentives = StreamField(
        [("incentive", IncentiveBlock())],
        verbose_name=_("incentives"),
        blank=True,
    )
    brochures = StreamField(
        [("brochure", DocumentChooserBlock(label=_("brochure")))],
        verbose_name=_("brochures"),
        blank=True,
    )
    tags = ClusterTaggableManager(through=InvestmentTag, blank=True, verbose_name=_("tags"))

    content_panels = (
        Page.content_panels
        + CataloguePage.common_panels
        + [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("sector"), FieldPanel("status")]),
                    FieldRowPanel([FieldPanel("investment_form"), FieldPanel("capital_vnd")]),
                    FieldPanel("promoter"),
                    FieldRowPanel([FieldPanel("officer"), FieldPanel("contact_email")]),
                    FieldRowPanel([FieldPanel("lat"), FieldPanel("lon")]),
                ],
                heading=_("Opportunity"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("in_land_use_plan"), FieldPanel("site_clearance")]),
                    FieldRowPanel([FieldPanel("policy_decision"), FieldPanel("decision_expected")]),
                    FieldPanel("construction_start"),
                ],
                heading=_("Readiness"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("area_ha"),
                            FieldPanel("land_use_type"),
                            FieldPanel("land_use_term_years"),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("lease_price_min_vnd"), FieldPanel("lease_price_max_vnd")]),
                ],
                heading=_("Land"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("road_access"),
                    FieldPanel("power_kv"),
                    FieldPanel("water"),
                    FieldPanel("wastewater"),
                ],
                heading=_("Infrastructure"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("hcmc_km"), FieldPanel("hcmc_minutes")]),
                    FieldRowPanel([FieldPanel("airport_km"), FieldPanel("airport_minutes")]),
                    FieldRowPanel(
                        [FieldPanel("seaport_name"), FieldPanel("seaport_km"), FieldPanel("seaport_minutes")]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("industrial_park_name"),
                            FieldPanel("industrial_park_km"),
                            FieldPanel("industrial_park_minutes"),
                        ]
                    ),
                ],
                heading=_("Distances and drive times"),
            ),
            FieldPanel("incentives"),
            FieldPanel("brochures"),
        ]
        + CataloguePage.trailing_panels
    )
    override_translatable_fields = CataloguePage.override_translatable_fields + [
        SynchronizedField(name)
        for name in (
            "sector",
            "status",
            "investment_form",
            "officer",
            "contact_email",
            "lat",
            "lon",
            *DEAL_FACT_NUMBERS,
        )
    ]
    parent_page_types = ["promo.InvestmentIndexPage"]
    subpage_types = []
    template = "promo/investment_page.html"

    class Meta:
        verbose_name = _("investment opportunity")
        verbose_name_plural = _("investment opportunities")

    def field_errors(self):
        errors = super().field_errors()
        low, high = self.lease_price_min_vnd, self.lease_price_max_vnd
        if low is not None and high is not None and low > high:
            errors["lease_price_max_vnd"] = _("The highest lease price is below the lowest.")
        return errors

    @property
    def is_awarded(self):
        return self.status == InvestmentStatus.AWARDED

    @property
    def accepts_interest(self):
        return self.status != InvestmentStatus.AWARDED

    @property
    def contact_address(self):
        """Where an enquiry about this opportunity goes: its officer, else its contact e-mail."""
        officer = self.officer
        if officer is not None and officer.email:
            return officer.email
        return self.contact_email

    @property
    def incentives_text(self):
        """Incentives as plain text (for the site search)."""
        return "\n\n".join(
            " — ".join(p for p in (block.value["text"], block.value["legal_basis"]) if p)
            for block in self.incentives
        )

    @property
    def profile_url(self):
        return self.url + self.reverse_subpage("profile_pdf")

    @property
    def compare_url(self):
        return self.get_parent().specific.compare_url + "?ref=" + self.ref

    @path("profile/", name="profile_pdf")
    def profile_pdf(self, request):
        from promo.investment.profile import profile_response

        return profile_response(self, request)

    def get_context(self, request, *args, **kwargs):
        from promo.investment.detail import detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context


class InvestmentIndexPage(RoutablePageMixin, CatalogueIndexPage):
    kind = "investment"
    subpage_types = ["promo.InvestmentPage"]
    template = "promo/investment_index_page.html"

    class Meta:
        verbose_name = _("investment index")

    def extra_select_related(self):
        return ("sector", "investment_form")

    @property
    def compare_url(self):
        return self.url + self.reverse_subpage("compare")

    def screen(self, params):
        """The listing's filters applied to `params` (promo.investment.screening.Screen)."""
        from promo.investment.screening import Screen

        return Screen(self, params)

    def get_context(self, request, *args, **kwargs):
        from promo.investment.screening import listing_context

        context = Page.get_context(self, request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context

    @path("compare/", name="compare")
    def compare(self, request):
        from promo.investment.compare import compare_view

        return compare_view(self, request)
