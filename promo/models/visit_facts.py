"""What a visitor needs to plan a visit to an attraction, as data rather than prose.

Rows that hold only numbers and codes (weekly hours, exceptions, fees) are plain orderables:
wagtail-localize copies them to every translation unchanged. Words (how to get there by bus, a
note on fees) live in translatable fields or blocks beside them.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from promo.models.daysets import WeekdaysField


class HoursStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("By the weekly hours below")
    ALWAYS = "always", _("Always open (24 hours, every day)")
    CLOSED = "closed", _("Closed until further notice")


class ExceptionReason(models.TextChoices):
    TET = "tet", _("Lunar New Year (Tết)")
    HOLIDAY = "holiday", _("Public holiday")
    FESTIVAL = "festival", _("Festival")
    DRY_SEASON = "dry-season", _("Dry season")
    RAINY_SEASON = "rainy-season", _("Rainy season")
    FIRE_RISK = "fire-risk", _("Forest fire risk")
    MAINTENANCE = "maintenance", _("Maintenance")
    OTHER = "other", _("Special hours")


class VisitorType(models.TextChoices):
    ADULT = "adult", _("Adult")
    CHILD = "child", _("Child")
    STUDENT = "student", _("Student")
    SENIOR = "senior", _("Senior")
    FOREIGNER = "foreigner", _("Foreign visitor")


class Availability(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


# code -> (label, group); the order is the order on the page.
AMENITIES = {
    "wheelchair": (_("Wheelchair access"), "access"),
    "steps": (_("Steps or steep paths"), "access"),
    "accessible_toilet": (_("Accessible toilet"), "access"),
    "parking": (_("Parking"), "facilities"),
    "toilets": (_("Toilets"), "facilities"),
    "food": (_("Food and drink"), "facilities"),
    "lodging": (_("Lodging nearby"), "facilities"),
    "guides": (_("Guides"), "facilities"),
}


class Origin(models.TextChoices):
    HCMC = "hcmc", _("Ho Chi Minh City centre")
    THU_DAU_MOT = "thu-dau-mot", _("Thủ Dầu Một centre")
    TAY_NINH = "tay-ninh", _("Tây Ninh centre")


def _check_times(opens, closes, errors):
    if opens is None or closes is None:
        return
    if opens == closes:
        errors["closes"] = _(
            "Opening and closing times are the same; for a place that never "
            "closes choose “Always open” instead."
        )


class OpeningHours(Orderable):
    """One opening period on some weekdays. Closing before opening means past midnight
    (18:00–02:00); closing at 00:00 means at midnight."""

    page = ParentalKey("promo.AttractionPage", on_delete=models.CASCADE, related_name="weekly_hours")
    days = WeekdaysField(_("days"))
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldPanel("days"), FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        errors = {}
        if not self.days:
            errors["days"] = _("Choose at least one day.")
        _check_times(self.opens, self.closes, errors)
        if errors:
            raise ValidationError(errors)


class OpeningException(Orderable):
    """Different hours, or closed, on every day of a date range (a holiday, a season)."""

    page = ParentalKey("promo.AttractionPage", on_delete=models.CASCADE, related_name="hours_exceptions")
    reason = models.CharField(
        _("reason"), max_length=20, choices=ExceptionReason.choices, default=ExceptionReason.OTHER
    )
    valid_from = models.DateField(_("from"))
    valid_through = models.DateField(_("until (inclusive)"))
    closed = models.BooleanField(_("closed all day"), default=False)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)

    panels = [
        FieldPanel("reason"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_through")]),
        FieldPanel("closed"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("special opening hours")
        verbose_name_plural = _("special opening hours")

    def clean(self):
        errors = {}
        if self.valid_from and self.valid_through and self.valid_through < self.valid_from:
            errors["valid_through"] = _("The last day cannot be before the first day.")
        if self.closed:
            if self.opens or self.closes:
                errors["closed"] = _("A day that is closed has no opening times.")
        elif self.opens is None or self.closes is None:
            errors["opens"] = _("Give opening and closing times, or tick “closed all day”.")
        _check_times(self.opens, self.closes, errors)
        if errors:
            raise ValidationError(errors)

    def covers(self, day):
        return self.valid_from <= day <= self.valid_through


class AdmissionFee(Orderable):
    page = ParentalKey("promo.AttractionPage", on_delete=models.CASCADE, related_name="admission_fees")
    visitor = models.CharField(_("visitor"), max_length=20, choices=VisitorType.choices)
    price_vnd = models.PositiveBigIntegerField(
        _("price (VND)"),
        validators=[MaxValueValidator(100_000_000)],
        help_text=_("0 means free for this visitor."),
    )

    panels = [FieldRowPanel([FieldPanel("visitor"), FieldPanel("price_vnd")])]

    class Meta(Orderable.Meta):
        verbose_name = _("admission fee")
        verbose_name_plural = _("admission fees")


class RouteBlock(blocks.StructBlock):
    """How to get here from one of the places visitors set out from."""

    origin = blocks.ChoiceBlock(choices=Origin.choices, label=_("from"))
    distance_km = blocks.DecimalBlock(
        label=_("distance (km)"), min_value=0, max_value=2000, decimal_places=1, required=False
    )
    drive_minutes = blocks.IntegerBlock(
        label=_("drive time (minutes)"), min_value=1, max_value=24 * 60, required=False
    )
    public_transport = blocks.TextBlock(label=_("by public transport"), required=False, max_length=600)

    class Meta:
        icon = "site"
        label = _("route")

    def clean(self, value):
        value = super().clean(value)
        if (
            value.get("distance_km") is None
            and not value.get("drive_minutes")
            and not (value.get("public_transport") or "").strip()
        ):
            raise blocks.StructBlockValidationError(
                non_block_errors=[
                    ValidationError(_("Give a distance, a drive time or the public transport."))
                ]
            )
        return value


class RoutesBlock(blocks.StreamBlock):
    route = RouteBlock()

    def clean(self, value):
        value = super().clean(value)
        seen = set()
        for child in value:
            origin = child.value["origin"]
            if origin in seen:
                raise blocks.StreamBlockValidationError(
                    non_block_errors=[ValidationError(_("Each starting point once, please."))]
                )
            seen.add(origin)
        return value
