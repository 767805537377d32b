"""Content-Security-Policy (django-csp) and Permissions-Policy on every response.

Public pages get the strict policy in `CONTENT_SECURITY_POLICY` (scripts, styles and images from
this site only, no inline script or style). Wagtail's admin renders inline scripts (date
pickers, inline panels, the translation editor) and inline styles, so paths under
`CSP_ADMIN_PREFIXES` get `CSP_ADMIN_ADDITIONS` on top. Map tiles come from `MAP_TILE_URL`:
its host is allowed for images (and fetches), derived from the setting so that changing the
tile server is one setting.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings

DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def tile_source(url=None):
    """The CSP source for a tile URL template: `https://{s}.tile.example/{z}/…` → `https://*.tile.example`."""
    url = url if url is not None else getattr(settings, "MAP_TILE_URL", DEFAULT_TILE_URL)
    if not url:
        return None
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:  # a path on this site: 'self' covers it
        return None
    labels = parts.netloc.split(".")
    if "{" in labels[0]:  # a subdomain placeholder ({s}, {switch:a,b}): any subdomain
        labels[0] = "*"
    host = ".".join(labels)
    return f"{parts.scheme}://{host}"


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        additions = {}
        source = tile_source()
        if source:
            additions = {"img-src": [source], "connect-src": [source]}
        if request.path_info.startswith(tuple(getattr(settings, "CSP_ADMIN_PREFIXES", ()))):
            for directive, sources in getattr(settings, "CSP_ADMIN_ADDITIONS", {}).items():
                additions[directive] = [*additions.get(directive, []), *sources]
        if additions:
            merged = dict(parts.update or {})
            for directive, sources in additions.items():
                merged[directive] = [*merged.get(directive, []), *sources]
            parts.update = merged
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        policy = getattr(settings, "PERMISSIONS_POLICY", None)
        if policy and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = ", ".join(
                f"{feature}=({' '.join(allow)})" for feature, allow in policy.items()
            )
        return response
