"""Visit counters: one row per (page, day) and one per day for the whole site.

Rows are incremented in place by the view beacon (see portal.stats), so the tables grow with
pages x days, never with traffic, and serving a page never writes to them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageViewDaily(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views per day")
        verbose_name_plural = _("page views per day")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="portal_page_day_unique")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views}"


class DailyVisitStats(models.Model):
    day = models.DateField(_("day"), unique=True)
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("site visits per day")
        verbose_name_plural = _("site visits per day")

    def __str__(self):
        return f"{self.day}: {self.views}"
