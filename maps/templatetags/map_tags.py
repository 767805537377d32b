"""The map component for templates:

    {% load map_tags %}
    {% place_map "investment" query=filter_querystring label=_("Map of the opportunities") %}
    {% place_map "investment" ref=page.ref zoom=13 label=… %}      one item's own page

Renders a labelled container whose data attributes say where the markers come from
(`/api/v1/places.geojson`, same filters as the page) and which tiles to draw; the script
(`static/maps/map.js`, with Leaflet from `static/vendor/leaflet/`) is included with it, so it
loads only on pages that show a map. No inline script or style (Content-Security-Policy)."""

from urllib.parse import urlencode

from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import get_language

from maps import conf

register = template.Library()


@register.inclusion_tag("maps/map.html", takes_context=True)
def place_map(context, kind, query="", ref="", label="", zoom=None, list_id="", css_class="", route=False):
    params = QueryDict(query, mutable=True) if query else QueryDict(mutable=True)
    for name in ("page", "view", "sort", "untranslated"):
        params.pop(name, None)
    params["kind"] = kind
    params["lang"] = get_language()
    if ref:
        params["ref"] = ref
    source = reverse("api_places_geojson") + "?" + urlencode(sorted(params.lists()), doseq=True)
    return {
        "source": source,
        "tile_url": conf.tile_url(),
        "tile_attribution": conf.tile_attribution(),
        "label": label,
        "zoom": zoom or "",
        "single": bool(ref) and not route,
        "list_id": list_id,
        "css_class": css_class,
        "route": route,
        "map_id": f"map-{kind}-{ref}" if ref else f"map-{kind}",
    }
