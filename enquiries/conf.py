"""Enquiry settings, each overridable in Django settings (and the retention from the env)."""

import os

from django.conf import settings


def retention_days():
    default = os.environ.get("ENQUIRY_RETENTION_DAYS", "365")
    return int(getattr(settings, "ENQUIRY_RETENTION_DAYS", default))


def rate_limit():
    """(submissions allowed, window in seconds) per client address and per e-mail address."""
    return (getattr(settings, "ENQUIRY_RATE_LIMIT", 5), getattr(settings, "ENQUIRY_RATE_WINDOW", 3600))
