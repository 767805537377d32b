"""Alert settings (Django settings, with defaults). Retention is the enquiries' rule
(ENQUIRY_RETENTION_DAYS): a subscription not renewed within that many days is deleted."""

from django.conf import settings

from enquiries.conf import retention_days  # noqa: F401  (one retention rule for visitors' data)


def confirm_days():
    """Days an unconfirmed subscription is kept before it is deleted."""
    return getattr(settings, "ALERT_CONFIRM_DAYS", 7)


def base_url():
    """Absolute address of the site for links in messages sent outside a request (cron)."""
    return (getattr(settings, "SITE_URL", "") or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
