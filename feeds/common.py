"""Small helpers shared by the feeds, the calendar, the sitemap and the structured data."""

from datetime import datetime, time

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from promo.languages import LANGUAGE_CODES  # noqa: F401 (the feeds' modules import it from here)

SITE_NAME = settings.WAGTAIL_SITE_NAME
DEFAULT_LANGUAGE = settings.LANGUAGE_CODE


def current_locale(language_code):
    """The Wagtail locale of a language prefix, or None when the site has no such locale."""
    try:
        return Locale.objects.get_for_language(language_code)
    except Locale.DoesNotExist:
        return None


def absolute_url(request, page):
    """The page's URL on the host the visitor used, as canonical/hreflang links do."""
    return request.build_absolute_uri(page.get_url(request))


def as_datetime(value):
    """A date as midnight in the site's time zone; datetimes pass through."""
    if value is None or isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.min))


def publication_datetime(page):
    """When a catalogue page was first published: the editorial date, else Wagtail's record."""
    return as_datetime(page.published) or page.first_published_at


def office_name(request):
    """The promotion office's name in the active language (else English, else Vietnamese)."""
    from django.utils.translation import get_language

    from home.models import OfficeContact

    office = OfficeContact.for_language(get_language())
    return office.office_name if office is not None else SITE_NAME


def with_source_fallback(page, *names):
    """{name: value} of translatable text fields, taking the Vietnamese source's value where
    a translation left one empty (a venue in Vietnamese beats no venue at all)."""
    values = {name: getattr(page, name) for name in names}
    missing = [name for name, value in values.items() if not value]
    if missing and page.locale.language_code != DEFAULT_LANGUAGE:
        source = (
            type(page)
            .objects.filter(translation_key=page.translation_key, locale__language_code=DEFAULT_LANGUAGE)
            .values(*missing)
            .first()
        )
        if source:
            values.update({name: source[name] for name in missing if source[name]})
    return values
