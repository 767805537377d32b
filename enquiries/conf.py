"""Enquiry settings, each overridable in Django settings (the retention is read from the
environment by the settings, ENQUIRY_RETENTION_DAYS)."""

from django.conf import settings


def retention_days():
    return int(settings.ENQUIRY_RETENTION_DAYS)


def rate_limit():
    """(submissions allowed, window in seconds) per client address and per e-mail address."""
    return (getattr(settings, "ENQUIRY_RATE_LIMIT", 5), getattr(settings, "ENQUIRY_RATE_WINDOW", 3600))
