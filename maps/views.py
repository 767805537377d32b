"""`/api/v1/places.geojson?kind=K&lang=L&…filters`: the located items of one kind as a GeoJSON
FeatureCollection in one language (contract: docs/places-api.md)."""

import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from maps import registry
from pagecache.http import cacheable

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _error(message, status=400, **extra):
    return JsonResponse({"error": message, **extra}, status=status, json_dumps_params={"ensure_ascii": False})


def feature_collection(source, locale, params, request):
    """The GeoJSON FeatureCollection of `source` (a registered PlaceKind) in `locale` with the
    filters in `params`; raises registry.BadFilter. Also builds the open-data GeoJSON files."""
    kind = source.kind
    with translation.override(locale.language_code):
        features = []
        for item in source.items(locale, params):
            lon, lat = source.coordinates(item)
            features.append(
                {
                    "type": "Feature",
                    "id": f"{kind}:{source.feature_id(item)}",
                    "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
                    "properties": {"kind": kind, **source.properties(item, request)},
                }
            )
    return {"type": "FeatureCollection", "features": features}


@require_GET
@cacheable(max_age=300)
def places_geojson(request):
    kind = request.GET.get("kind", "")
    source = registry.get(kind)
    if source is None:
        return _error(f"kind must be one of: {', '.join(registry.kinds())}", kinds=registry.kinds())
    lang = request.GET.get("lang") or settings.LANGUAGE_CODE
    if lang not in LANGUAGES:
        return _error(f"lang must be one of: {', '.join(LANGUAGES)}")
    locale = Locale.objects.filter(language_code=lang).first()
    if locale is None:
        return _error(f"no content in {lang}", status=404)
    try:
        collection = feature_collection(source, locale, request.GET, request)
    except registry.BadFilter as exc:
        return _error(str(exc), errors=exc.errors)
    body = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    response = HttpResponse(body, content_type="application/geo+json; charset=utf-8")
    response["Content-Language"] = lang
    response["Access-Control-Allow-Origin"] = "*"
    # Markers change when staff publish; a minute of reuse spares a map re-fetching them.
    response["Cache-Control"] = "public, max-age=60"
    return response
