"""The pages every official site has: privacy notice, accessibility statement, "not found",
"server error", and the favicon. Their text is in the interface catalogues (five languages);
the facts they state (how long enquiries are kept, the office's address) come from the
settings and the database, so they cannot drift from what the site does."""

import datetime
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, HttpResponseNotFound, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token

from enquiries.conf import rate_limit, retention_days

# When the accessibility statement was last checked against the site (update on review).
ACCESSIBILITY_REVIEWED = datetime.date(2026, 12, 1)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
STATIC_DIR = Path(settings.BASE_DIR) / "static"


def privacy(request):
    _allowed, window = rate_limit()
    return render(
        request,
        "home/privacy.html",
        {
            "retention_days": retention_days(),
            "rate_window_minutes": max(1, window // 60),
        },
    )


def accessibility(request):
    return render(request, "home/accessibility.html", {"reviewed": ACCESSIBILITY_REVIEWED})


@requires_csrf_token
def page_not_found(request, exception=None):
    """The site's own 404: in the visitor's language, with the search box and the sections."""
    return HttpResponseNotFound(loader.render_to_string("404.html", {}, request))


def _language_of(path):
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGE_CODES else settings.LANGUAGE_CODE


def server_error(request):
    """The 500 page: a static template, no context processors, no database — whatever broke,
    this still renders, in the language of the URL."""
    language = _language_of(getattr(request, "path", "/"))
    with translation.override(language):
        html = loader.get_template("500.html").render(
            {
                "LANGUAGE_CODE": language,
                "STATIC_URL": settings.STATIC_URL,
            }
        )
    return HttpResponseServerError(html)


@cache_control(max_age=86400, public=True)
def favicon(request):
    return FileResponse((STATIC_DIR / "favicon.ico").open("rb"), content_type="image/x-icon")
