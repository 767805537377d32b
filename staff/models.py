from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffDashboard(models.Model):
    """No table: holds the permissions of the staff dashboard, the way Wagtail's own
    `wagtailadmin.Admin` holds "Can access Wagtail admin"."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_search_analytics", _("Can see what visitors search for"))]
        verbose_name = _("staff dashboard")

    def __str__(self):
        return str(self._meta.verbose_name)


class ImportJob(models.Model):
    """A confirmed spreadsheet import, run by the task worker; its page shows progress and then
    the result, so a staff member who closes the tab loses nothing."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Not imported")

    # The upload's preview token: confirming the same upload twice finds this job again.
    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=20)
    file_name = models.CharField(max_length=255)
    sheet = models.JSONField()  # header, rows and catalogue lines, as the preview showed them
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    problems = models.JSONField(default=list, blank=True)  # [[row, column, message], …]
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self):
        return int(100 * self.done / self.total) if self.total else 0
