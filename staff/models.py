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
