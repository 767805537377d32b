"""The view-count beacon: called by portal.js with navigator.sendBeacon after the page loaded,
once per page per browser session, with the token the page carries (portal.beacon)."""

import logging
import re
from urllib.parse import urlsplit

from django.db import OperationalError
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from portal.beacon import first_view_today, read_token
from portal.stats import record_view

log = logging.getLogger(__name__)

BOT_UA = re.compile(
    r"bot|crawl|spider|slurp|headless|lighthouse|pagespeed|preview|fetch|curl|wget|python|"
    r"httpclient|java/|go-http|phantom|selenium|puppeteer|playwright|scrapy|monitor|archiver",
    re.IGNORECASE,
)


def _same_site(request):
    """The beacon must come from one of our own pages: sendBeacon sends Origin (and Referer);
    a request with neither, or from another host, is not a visitor's browser on this site."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return False
    return urlsplit(source).netloc == request.get_host()


def is_counted(request):
    agent = request.headers.get("User-Agent", "")
    return bool(agent) and not BOT_UA.search(agent) and _same_site(request)


# sendBeacon cannot add a CSRF header; the same-origin check above and the signed token stand
# in for it, and the endpoint changes nothing but a counter.
@csrf_exempt
@require_POST
def view_beacon(request):
    if not is_counted(request):
        return HttpResponse(status=204)
    viewed = read_token(request.POST.get("token", ""))
    if viewed is None:
        return HttpResponse(status=204)
    page_id, path = viewed
    if page_id is not None and not Page.objects.filter(pk=page_id, live=True).exists():
        return HttpResponse(status=204)
    if first_view_today(request, f"p{page_id}" if page_id is not None else f"u{path}"):
        try:
            record_view(page_id)
        except OperationalError:
            # The database stayed locked past its busy timeout (a long staff import on SQLite):
            # one view uncounted is better than an error in the visitor's console.
            log.warning("view of page %s not counted: database busy", page_id)
    return HttpResponse(status=204)
