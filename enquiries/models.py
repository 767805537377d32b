from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from enquiries.countries import COUNTRIES

# Everything a visitor's enquiry holds when it is accepted (not the delivery bookkeeping): what
# the spool keeps and what the staff's export shows.
VISITOR_FIELDS = (
    "kind",
    "opportunity_id",
    "opportunity_ref",
    "opportunity_title",
    "language",
    "name",
    "company",
    "country",
    "email",
    "phone",
    "message",
    "consent",
    "recipient",
)


class Enquiry(models.Model):
    """A message from a visitor, kept even when the e-mail to staff could not be sent."""

    class Kind(models.TextChoices):
        INTEREST = "interest", _("Interest in an opportunity")
        GENERAL = "general", _("General enquiry")

    class EmailStatus(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The page may be deleted or retitled later; the copied ref and title keep the enquiry
    # readable on its own.
    opportunity = models.ForeignKey(
        "promo.InvestmentPage",
        verbose_name=_("opportunity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opportunity_ref = models.CharField(_("opportunity reference"), max_length=100, blank=True)
    opportunity_title = models.CharField(_("opportunity title"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=10)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=120)
    company = models.CharField(_("company"), max_length=160, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    message = models.TextField(_("message"), max_length=4000)
    consent = models.BooleanField(_("consent to be contacted"), default=False)
    # A default, not auto_now_add: an enquiry kept on disk while the database was locked is
    # stored later with the time it was received.
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False, db_index=True)
    # Set by the request that received it: storing a spooled enquiry twice is impossible.
    intake_id = models.UUIDField(_("intake id"), null=True, blank=True, unique=True, editable=False)
    recipient = models.EmailField(_("sent to"), max_length=254, blank=True)
    email_status = models.CharField(
        _("email status"),
        max_length=10,
        choices=EmailStatus.choices,
        default=EmailStatus.PENDING,
    )
    email_error = models.TextField(_("email error"), blank=True)
    email_attempts = models.PositiveSmallIntegerField(_("e-mail attempts"), default=0)
    email_last_attempt_at = models.DateTimeField(_("last e-mail attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-created_at"]

    def __str__(self):
        subject = self.opportunity_title or self.get_kind_display()
        return f"{self.name} — {subject}"
