"""Visitors who asked to be told about new investment opportunities (double opt-in).

A subscription matches by sector and/or commune codes (empty = any). It becomes active when its
confirmation link is followed; the unsubscribe link deletes it. Each opportunity is sent to a
subscription at most once: `AlertDelivery` records (subscription, item) with a unique
constraint, claimed before the message goes out and released if sending fails."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(32)


class AlertSubscription(models.Model):
    email = models.EmailField(_("email"), max_length=254)
    language = models.CharField(_("language"), max_length=10)
    sectors = models.JSONField(
        _("sectors"), default=list, blank=True, help_text=_("Sector codes; empty means any sector.")
    )
    communes = models.JSONField(
        _("communes"), default=list, blank=True, help_text=_("Commune codes; empty means any commune.")
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)
    # The retention clock: set on confirmation and by the "keep my alerts" link of each digest.
    renewed_at = models.DateTimeField(_("renewed"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last alert sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("opportunity alert subscription")
        verbose_name_plural = _("opportunity alert subscriptions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} ({self.language})"

    @property
    def confirmed(self):
        return self.confirmed_at is not None

    def confirm(self):
        if self.confirmed_at is None:
            now = timezone.now()
            self.confirmed_at = now
            self.renewed_at = now
            self.save(update_fields=["confirmed_at", "renewed_at"])


class AlertDelivery(models.Model):
    subscription = models.ForeignKey(AlertSubscription, on_delete=models.CASCADE, related_name="deliveries")
    # The opportunity across its translations (Wagtail's translation key).
    item_key = models.UUIDField()
    run = models.CharField(max_length=32, db_index=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["subscription", "item_key"], name="alert_sent_once")]

    def __str__(self):
        return f"{self.subscription_id}: {self.item_key}"
