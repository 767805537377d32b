"""OpenAPI description of the search API (docs/search-api.md), kept next to its views; the
site's one OpenAPI document (opendata/openapi.py, `/api/openapi.json`) includes it."""

from search.documents import KINDS, LOCALES
from search.params import MAX_FACET_CHARS, MAX_FACET_VALUES, MAX_PAGE

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string"}, "param": {"type": ["string", "null"]}},
}
# A code (`long-hoa`) or a name as the importer accepts it (any language, former communes).
FACET = {
    "type": "array",
    "items": {"type": "string", "minLength": 1, "maxLength": MAX_FACET_CHARS},
    "maxItems": MAX_FACET_VALUES,
}


def _query(name, schema, description, required=False, explode=None):
    parameter = {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema,
        "description": description,
    }
    if explode is not None:
        parameter.update(style="form", explode=explode)
    return parameter


LANG = _query(
    "lang",
    {"type": "string", "enum": list(LOCALES), "default": "vi"},
    "The visitor's language: results are shown in it where a live translation exists, else in Vietnamese.",
)


def paths(responses):
    """{path: path item}; `responses` has the shared 429/503 response objects."""
    hit = {
        "type": "object",
        "required": ["ref", "kind", "locale", "title", "url"],
        "properties": {
            "ref": {"type": "string"},
            "kind": {"type": "string"},
            "locale": {"type": "string"},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "snippet": {"type": "string", "description": "HTML-escaped; only <mark> and </mark> are markup."},
            "score": {"type": "number"},
            "match": {
                "type": "string",
                "description": "Tier of the match (all, variants, most); added after version 1.",
            },
        },
    }
    results = {
        "type": "object",
        "required": ["query", "lang", "engine", "total", "page", "page_size", "results", "facets"],
        "properties": {
            "query": {"type": "string"},
            "lang": {"type": "string"},
            "engine": {"type": "string", "description": "sqlite or elasticsearch"},
            "took_ms": {"type": "number"},
            "total": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1, "maximum": 50},
            "results": {"type": "array", "items": hit},
            "facets": {
                "type": "object",
                "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}},
            },
            "did_you_mean": {"type": ["string", "null"]},
        },
    }
    suggestion = {
        "type": "object",
        "required": ["ref", "kind", "locale", "title", "url"],
        "properties": {
            "ref": {"type": "string"},
            "kind": {"type": "string"},
            "locale": {"type": "string"},
            "title": {"type": "string"},
            "url": {"type": "string"},
        },
    }
    bad = {
        "description": "A parameter is wrong: the message says which and why.",
        "content": {"application/json": {"schema": ERROR}},
    }
    return {
        "/api/v1/search/": {
            "get": {
                "tags": ["search"],
                "operationId": "search",
                "summary": "Search the whole catalogue in any language",
                "description": "The engine and ranking of the site's search page. Every "
                "translation is searched; an item appears once. Vietnamese matches "
                "with or without diacritics. Clients must accept kinds they do not "
                "know.",
                "parameters": [
                    _query(
                        "q",
                        {"type": "string", "minLength": 1, "maxLength": 200},
                        "The words; quotes make a phrase, a leading - excludes a word.",
                        required=True,
                    ),
                    LANG,
                    _query(
                        "kind",
                        {"type": "array", "items": {"type": "string", "enum": list(KINDS)}, "maxItems": 20},
                        "Only these kinds (repeat the parameter).",
                        explode=True,
                    ),
                    _query("commune", FACET, "Commune codes (repeat the parameter).", explode=True),
                    _query("sector", FACET, "Sector codes.", explode=True),
                    _query("category", FACET, "Category codes.", explode=True),
                    _query(
                        "upcoming",
                        {"type": "string", "enum": ["0", "1"]},
                        "1: only fairs whose last day is today or later.",
                    ),
                    _query(
                        "page",
                        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
                        "1-based page.",
                    ),
                    _query(
                        "page_size",
                        {"type": "integer", "minimum": 1, "maximum": 50, "default": 10},
                        "Results per page.",
                    ),
                ],
                "responses": {
                    "200": {
                        "description": "Results, facet counts and the engine that answered.",
                        "content": {"application/json": {"schema": results}},
                    },
                    "400": bad,
                    "429": responses["429"],
                    "503": responses["503"],
                },
            }
        },
        "/api/v1/search/autocomplete/": {
            "get": {
                "tags": ["search"],
                "operationId": "autocomplete",
                "summary": "Suggestions for what the visitor is typing",
                "description": "At most 8 titles (any translation, folded) with a word starting "
                "with q, shown in the visitor's language where possible.",
                "parameters": [
                    _query(
                        "q",
                        {"type": "string", "minLength": 1, "maxLength": 100},
                        "The beginning of a word.",
                        required=True,
                    ),
                    LANG,
                ],
                "responses": {
                    "200": {
                        "description": "Suggestions, best first.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["query", "lang", "suggestions"],
                                    "properties": {
                                        "query": {"type": "string"},
                                        "lang": {"type": "string"},
                                        "suggestions": {"type": "array", "maxItems": 8, "items": suggestion},
                                    },
                                }
                            }
                        },
                    },
                    "400": bad,
                    "429": responses["429"],
                    "503": responses["503"],
                },
            }
        },
    }
