from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class SynonymGroup(models.Model):
    """Words and phrases that mean the same thing, in any of the five languages.

    One group per line of meaning, e.g. `cao su, rubber, 고무, ゴム, 橡胶`. A search for any of
    them finds items that use any other. Former commune names need no group: they come from the
    commune snippets.
    """

    terms = models.TextField(
        _("terms"), help_text=_("Comma-separated words or phrases that mean the same thing.")
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["terms"]

    def __str__(self):
        return self.terms[:80]

    @property
    def term_list(self):
        return [t.strip() for t in self.terms.replace("\n", ",").split(",") if t.strip()]


class PendingUpdate(models.Model):
    """An index change written in the same transaction as the page change; applied after
    commit and kept until an engine has accepted it, so nothing is lost when search is down."""

    page_id = models.PositiveBigIntegerField()
    translation_key = models.UUIDField(db_index=True)
    ref = models.CharField(max_length=80)
    engine = models.CharField(max_length=20, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Applied rows are kept a while: a rebuild re-applies those written while it ran, since
    # they went into the index being replaced.
    applied_at = models.DateTimeField(null=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.ref} → {self.engine}"


class IndexedItem(models.Model):
    """The ref each item was last indexed under, so a changed ref's old documents are removed."""

    translation_key = models.UUIDField(unique=True)
    ref = models.CharField(max_length=80)

    def __str__(self):
        return self.ref


class SearchQueryDay(models.Model):
    """Searches for one normalised query in one language on one day (search/searchlog.py):
    how many, and how many found nothing. Personal data is redacted before it is counted."""

    day = models.DateField()
    query = models.CharField(max_length=200)
    lang = models.CharField(max_length=10)
    count = models.PositiveIntegerField(default=0)
    zero_results = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "-count"]
        constraints = [
            models.UniqueConstraint(fields=["day", "query", "lang"], name="search_query_day_unique")
        ]
        indexes = [models.Index(fields=["day", "lang"])]

    def __str__(self):
        return f"{self.day} {self.query} ({self.lang}): {self.count}"
