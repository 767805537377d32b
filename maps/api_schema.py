"""OpenAPI description of `/api/v1/places.geojson` (docs/places-api.md), next to its view; the
site's OpenAPI document (opendata/openapi.py) includes it."""

from django.conf import settings

from maps import registry


def _query(name, schema, description, required=False):
    return {"name": name, "in": "query", "required": required, "schema": schema, "description": description}


def paths(responses):
    error = {
        "type": "object",
        "required": ["error"],
        "properties": {"error": {"type": "string"}, "errors": {"type": "object"}, "kinds": {"type": "array"}},
    }
    feature = {
        "type": "object",
        "required": ["type", "id", "geometry", "properties"],
        "properties": {
            "type": {"const": "Feature"},
            "id": {"type": "string"},
            "geometry": {
                "type": "object",
                "required": ["type", "coordinates"],
                "properties": {
                    "type": {"const": "Point"},
                    "coordinates": {
                        "type": "array",
                        "minItems": 2,
                        "maxItems": 2,
                        "items": {"type": "number"},
                    },
                },
            },
            "properties": {
                "type": "object",
                "required": ["kind", "title", "url"],
                "properties": {
                    "kind": {"type": "string"},
                    "ref": {"type": "string"},
                    "title": {"type": "string"},
                    "url": {"type": "string"},
                    "facts": {"type": "array", "items": {"type": "string"}},
                    "variant": {"type": "string"},
                    "label": {"type": "string"},
                },
            },
        },
    }
    collection = {
        "type": "object",
        "required": ["type", "features"],
        "properties": {
            "type": {"const": "FeatureCollection"},
            "features": {"type": "array", "items": feature},
        },
    }
    filters = [
        _query("ref", {"type": "string"}, "Only this item (required for kind=itinerary)."),
        _query("commune", {"type": "string"}, "investment, attraction, fair: commune code."),
        _query("sector", {"type": "string"}, "investment: sector code."),
        _query("form", {"type": "string"}, "investment: form of investment code."),
        _query("status", {"type": "string"}, "investment: open, negotiating or awarded."),
        _query("area_min", {"type": "string"}, "investment: smallest area, ha."),
        _query("area_max", {"type": "string"}, "investment: largest area, ha."),
        _query("capital_min", {"type": "string"}, "investment: least capital (see currency)."),
        _query("capital_max", {"type": "string"}, "investment: most capital (see currency)."),
        _query(
            "currency", {"type": "string", "enum": ["vnd", "usd"]}, "investment: currency of capital_min/max."
        ),
        _query("category", {"type": "string"}, "attraction: category."),
        _query("open_now", {"type": "string", "enum": ["1"]}, "attraction: open now."),
        _query("free", {"type": "string", "enum": ["1"]}, "attraction: free entry."),
        _query(
            "when",
            {"type": "string", "enum": ["upcoming", "past", "all"]},
            "fair: which fairs (default upcoming).",
        ),
    ]
    return {
        "/api/v1/places.geojson": {
            "get": {
                "tags": ["places"],
                "operationId": "places",
                "summary": "Located items of one kind, as GeoJSON",
                "description": "The markers of the site's maps: live items of one kind in one "
                "language, with the same filters as the kind's listing page.",
                "parameters": [
                    _query(
                        "kind", {"type": "string", "enum": registry.kinds()}, "Kind of place.", required=True
                    ),
                    _query(
                        "lang",
                        {"type": "string", "enum": [c for c, _n in settings.LANGUAGES], "default": "vi"},
                        "Language of titles, facts and URLs.",
                    ),
                    *filters,
                ],
                "responses": {
                    "200": {
                        "description": "A FeatureCollection (coordinates: longitude, latitude).",
                        "content": {"application/geo+json": {"schema": collection}},
                    },
                    "400": {
                        "description": "Unknown kind or a filter value the kind cannot use.",
                        "content": {"application/json": {"schema": error}},
                    },
                    "404": {
                        "description": "No content in that language.",
                        "content": {"application/json": {"schema": error}},
                    },
                    "429": responses["429"],
                },
            }
        }
    }
