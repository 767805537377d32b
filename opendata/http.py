"""How the API and the datasets are served (`/api/…`, `/open-data/…` files):

- a per-client rate limit (`API_RATE_LIMIT` requests per `API_RATE_WINDOW` seconds, counted
  per `promo.clientip.client_ip` with the enquiries' atomic cache counter): beyond it 429 with
  `Retry-After` and a JSON body;
- CORS for reading: `Access-Control-Allow-Origin: *` on GET/HEAD, preflight OPTIONS answered
  here (no credentials: nothing here depends on a session);
- caching: `Cache-Control` (public, a few minutes, unless the view said otherwise), an ETag on
  every 200, and conditional GET (If-None-Match / If-Modified-Since → 304).

The site's security headers (CSP, Permissions-Policy, nosniff…) come from the middleware
around this one, as for every page. The HTML pages (`/<lang>/open-data/`) are not touched.
"""

import hashlib
import json
import time
from urllib.parse import unquote

from django.conf import settings
from django.http import HttpResponse
from django.utils.crypto import salted_hmac
from django.utils.http import parse_http_date_safe

from enquiries.ratelimit import increment
from promo.clientip import client_ip

PREFIXES = ("/api/", "/open-data/")
MIXED_LANGUAGE_PREFIXES = ("/api/v2/", "/api/openapi.json", "/open-data/catalog.jsonld")
EXPOSED = "ETag, Last-Modified, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset"
DEFAULT_CACHE_CONTROL = "public, max-age=300"
# Fields of a JSON answer that change on every request without the data changing (the search
# API's timing): left out of the ETag, which is then weak, so a repeated query still gets 304.
VOLATILE_KEYS = ("took_ms",)
_SALT = "opendata.ratelimit"


def served_here(path):
    return path.startswith(PREFIXES)


def _limits():
    return (int(getattr(settings, "API_RATE_LIMIT", 300)), int(getattr(settings, "API_RATE_WINDOW", 60)))


def take_request(request):
    """(allowed, limit, remaining, seconds until the window ends) for this client."""
    limit, window = _limits()
    now = time.time()
    bucket = int(now // window)
    key = f"api:{bucket}:" + salted_hmac(_SALT, client_ip(request)).hexdigest()[:32]
    count = increment(key, window)
    reset = max(1, int((bucket + 1) * window - now + 0.999))
    return count <= limit, limit, max(0, limit - count), reset


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = EXPOSED
    return response


class OpenDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not served_here(request.path_info) or request.method not in ("GET", "HEAD", "OPTIONS"):
            # Writes under /api/ (the view counter's beacon) are the site's own business.
            return self.get_response(request)
        if request.method == "OPTIONS":
            return self.preflight(request)
        allowed, limit, remaining, reset = take_request(request)
        if not allowed:
            response = HttpResponse(
                json.dumps(
                    {
                        "error": f"too many requests: at most {limit} every "
                        f"{_limits()[1]} seconds; try again in {reset} s",
                        "retry_after": reset,
                    }
                ),
                status=429,
                content_type="application/json",
            )
            response["Retry-After"] = str(reset)
            response["Cache-Control"] = "no-store"
        else:
            response = self.cacheable(request, self.not_redirected(request, self.get_response(request)))
        self.unvary(response)
        if request.path_info.startswith(MIXED_LANGUAGE_PREFIXES):
            # Pages of every language (each says its own in meta.locale): not the request's.
            del response["Content-Language"]
        response["RateLimit-Limit"] = str(limit)
        response["RateLimit-Remaining"] = str(remaining)
        response["RateLimit-Reset"] = str(reset)
        return _cors(response)

    @staticmethod
    def not_redirected(request, response):
        """LocaleMiddleware turns any 404 into a redirect to /<lang>/<same path> (which the
        pages' catch-all route accepts): an API client asked for a resource, so it gets
        the 404, as JSON."""
        location = response.get("Location", "") if response.status_code in (301, 302) else ""
        target = unquote(location.split("?")[0]).rstrip("/")
        prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
        if target.startswith(prefixes) and target.endswith(request.path_info.rstrip("/")):
            key = "message" if request.path_info.startswith("/api/v2/") else "error"
            return HttpResponse(
                json.dumps({key: "not found; see /api/openapi.json"}),
                status=404,
                content_type="application/json",
            )
        return response

    @staticmethod
    def unvary(response):
        """Answers here depend on the URL alone (the language is a parameter, there is no
        session): drop the Vary and Content-Language that the locale and session middleware
        add for pages, so shared caches keep one copy."""
        if response.has_header("Vary"):
            kept = [
                v.strip()
                for v in response["Vary"].split(",")
                if v.strip() and v.strip().lower() not in ("accept-language", "cookie")
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]

    def preflight(self, request):
        response = HttpResponse(status=204)
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
        response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
        response["Access-Control-Max-Age"] = "86400"
        response["Allow"] = "GET, HEAD, OPTIONS"
        return _cors(response)

    @staticmethod
    def set_stable_etag(response):
        if not response.get("Content-Type", "").startswith("application/json"):
            return False
        try:
            data = json.loads(response.content)
        except ValueError:
            return False
        if not isinstance(data, dict) or not any(key in data for key in VOLATILE_KEYS):
            return False
        stable = {key: value for key, value in data.items() if key not in VOLATILE_KEYS}
        digest = hashlib.md5(json.dumps(stable, sort_keys=True).encode(), usedforsecurity=False).hexdigest()
        response["ETag"] = f'W/"{digest}"'
        return True

    def cacheable(self, request, response):
        from django.utils.cache import get_conditional_response, set_response_etag

        if response.status_code == 304:  # ConditionalGetMiddleware already answered
            return response
        if response.status_code != 200:
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "no-cache" if response.status_code < 500 else "no-store"
            return response
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = DEFAULT_CACHE_CONTROL
        if response.streaming:
            return response
        # ConditionalGetMiddleware (inside this one) may have hashed the volatile fields too.
        if not self.set_stable_etag(response) and not response.has_header("ETag"):
            set_response_etag(response)
        last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )
