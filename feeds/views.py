from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from feeds.common import current_locale
from feeds.ical import fairs_calendar
from promo.models import FairPage

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _live_fairs():
    locale = current_locale(get_language())
    if locale is None:
        raise Http404
    return FairPage.objects.live().public().filter(locale=locale).defer_streamfields()


def _ics_response(cal, filename, disposition):
    response = HttpResponse(cal.to_ical(), content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_GET
def fair_ics(request, ref):
    fair = _live_fairs().filter(ref=ref).first()
    if fair is None:
        raise Http404
    language = get_language()
    cal = fairs_calendar([fair], request, language, fair.title)
    return _ics_response(cal, f"{ref}.ics", "attachment")


@require_GET
def upcoming_fairs_ics(request):
    fairs = _live_fairs().filter(end__gte=timezone.localdate()).order_by("start", "pk")
    language = get_language()
    cal = fairs_calendar(
        fairs,
        request,
        language,
        _("Dầu Tiếng trade fairs and events"),
        _("Upcoming trade fairs and events in Dầu Tiếng."),
    )
    # Inline: calendar apps subscribe to this URL rather than download it once.
    return _ics_response(cal, f"dautieng-fairs-{language}.ics", "inline")


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /api/",
        "",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
