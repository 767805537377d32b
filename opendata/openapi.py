"""The site's one OpenAPI 3.1 document (`/api/openapi.json`).

Nothing in it is written twice: the v1 endpoints are described next to their views
(`search/api_schema.py`, `maps/api_schema.py`); the v2 endpoints are generated from the code
that serves them — the page types and their declared fields (`opendata.api.fields`, each
model field's type, nullability and choices), the listing filters (`opendata.api.filters`),
the sortable fields and the page-size limit; the dataset files from `opendata.datasets`.
tests/opendata/test_fuzz.py checks the responses against it (schemathesis).
"""

from django.conf import settings
from django.db import models
from wagtail.fields import RichTextField, StreamField

from opendata.api.fields import Computed, page_api_fields
from opendata.api.filters import ORDER_FIELDS, kind_models, listing_filters
from opendata.api.views import ID_PARAMETERS, MAX_OFFSET, limit_max
from opendata.datasets import DATASETS

JSON = "application/json"
MESSAGE = {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}}
ERROR = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema, null):
    if not null:
        return schema
    kind = schema.get("type")
    if isinstance(kind, str):
        return {**schema, "type": [kind, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


NESTED_OBJECT = {
    "type": "object",
    "properties": {"id": {"type": "integer"}, "meta": {"type": "object"}, "title": {"type": "string"}},
}


def field_schema(model, api_field):
    """JSON Schema of one declared field, from its serializer or its model field."""
    if isinstance(api_field.serializer, Computed):
        return api_field.serializer.schema
    try:
        field = model._meta.get_field(api_field.name)
    except Exception:  # tags (a manager), properties
        if api_field.name == "tags":
            return {"type": "array", "items": {"type": "string"}}
        return {}
    null = getattr(field, "null", False)
    if isinstance(field, StreamField):
        return {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"type": {"type": "string"}, "value": {}, "id": {"type": "string"}},
            },
        }
    if isinstance(field, RichTextField):
        schema = {"type": "string", "description": "HTML (rich_text_format=html: expanded links)"}
    elif isinstance(field, models.ForeignKey):
        return _nullable(NESTED_OBJECT, null)
    elif isinstance(field, models.BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, (models.IntegerField, models.AutoField)):
        schema = {"type": "integer"}
    elif isinstance(field, (models.DecimalField, models.FloatField)):
        schema = {"type": "number"}
    elif isinstance(field, models.DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, models.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, models.TimeField):
        schema = {"type": "string", "description": "HH:MM:SS, Vietnam time"}
    elif isinstance(field, models.URLField):
        schema = {"type": "string", "description": "URL (empty when not given)"}
    else:
        schema = {"type": "string"}
        if field.choices:
            schema["enum"] = [value for value, _label in field.flatchoices]
            if field.blank:
                schema["enum"].append("")
    if field.verbose_name and "description" not in schema:
        schema["description"] = str(field.verbose_name)
    return _nullable(schema, null)


PAGE_META = {
    "type": "object",
    "properties": {
        "type": {"type": "string", "description": "app_label.ModelName"},
        "detail_url": {"type": "string"},
        "html_url": {"type": ["string", "null"]},
        "slug": {"type": "string"},
        "show_in_menus": {"type": "boolean"},
        "seo_title": {"type": "string"},
        "search_description": {"type": "string"},
        "first_published_at": {"type": ["string", "null"], "format": "date-time"},
        "alias_of": {"type": ["object", "null"]},
        "parent": {"type": ["object", "null"]},
        "locale": {"type": "string"},
    },
}


def page_schemas():
    schemas = {}
    for model, fields in page_api_fields().items():
        properties = {"id": {"type": "integer"}, "meta": PAGE_META, "title": {"type": "string"}}
        for api_field in fields:
            properties[api_field.name] = field_schema(model, api_field)
        name = f"{model._meta.app_label}.{model.__name__}"
        schemas[name.replace(".", "_")] = {
            "type": "object",
            "title": name,
            "properties": properties,
            "description": f"{model._meta.verbose_name}: fields a partner may read "
            f"(`fields=*` in a listing with type={name}).",
        }
    return schemas


def _q(name, schema, description, required=False):
    return {"name": name, "in": "query", "required": required, "schema": schema, "description": description}


def _listing_parameters(order_fields, extra=()):
    return [
        _q(
            "limit",
            {"type": "integer", "minimum": 0, "maximum": limit_max(), "default": 20},
            f"Items per response, at most {limit_max()}.",
        ),
        _q(
            "offset", {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}, "Items to skip."
        ),
        _q(
            "fields",
            {"type": "string", "maxLength": 500},
            "Fields to add (comma-separated), `-field` to remove one, `*` for all the type's "
            "fields, `_` for none; nested: `hero_image(title)`.",
        ),
        _q(
            "order",
            {"type": "string", "maxLength": 500},
            "Sort by up to three fields, `-` reverses: " + ", ".join(order_fields) + ".",
        ),
        *extra,
    ]


def _responses(ok_schema, *codes, content_type=JSON, description="OK"):
    responses = {"200": {"description": description, "content": {content_type: {"schema": ok_schema}}}}
    texts = {"400": "A parameter is wrong (the message says which).", "404": "No such item, or not public."}
    for code in codes:
        responses[code] = {"description": texts[code], "content": {JSON: {"schema": _ref("Message")}}}
    responses["429"] = {"$ref": "#/components/responses/TooManyRequests"}
    return responses


def v2_paths():
    kinds = list(kind_models())
    all_order = sorted({f for fields in ORDER_FIELDS.values() for f in fields})
    filters = [
        _q(
            f.name,
            f.schema,
            f"{f.description} Kinds: {', '.join(f.kinds)}. Comma-separated or repeated values match any.",
        )
        for f in listing_filters()
    ]
    page_types = sorted(page_schemas())
    item = {"anyOf": [_ref(name) for name in page_types]}
    listing = {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count"],
                "properties": {"total_count": {"type": "integer", "minimum": 0}},
            },
            "items": {"type": "array", "items": item},
        },
    }
    page_params = [
        _q(
            "kind",
            {"type": "string", "enum": kinds},
            "Only this kind, with its fields (`fields=*`), filters and sorts.",
        ),
        _q(
            "type",
            {"type": "string", "maxLength": 500},
            "Page type(s) as app_label.ModelName, comma-separated (e.g. promo.ProductPage).",
        ),
        _q(
            "locale",
            {"type": "string", "enum": [c for c, _n in settings.LANGUAGES]},
            "Only pages in this language.",
        ),
        *[
            _q(
                name,
                {"type": "string", "pattern": "^([1-9][0-9]{0,18}|root)$"},
                f"Page id (or root, except ancestor_of): {name.replace('_', ' ')} that page.",
            )
            for name in ID_PARAMETERS
        ],
        _q(
            "rich_text_format",
            {"type": "string", "enum": ["html", "db_html"]},
            "Rich text as HTML with links expanded (html) or as stored (db_html).",
        ),
        *filters,
    ]
    media = {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "meta": {
                "type": "object",
                "properties": {
                    "type": {"type": "string"},
                    "detail_url": {"type": "string"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "download_url": {"type": "string"},
                },
            },
            "title": {"type": "string"},
            "width": {"type": "integer"},
            "height": {"type": "integer"},
        },
    }
    media_listing = {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {"type": "object", "properties": {"total_count": {"type": "integer"}}},
            "items": {"type": "array", "items": media},
        },
    }
    id_param = {
        "name": "id",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
    }
    redirect = {
        "302": {"description": "Found: redirects to the item's detail URL."},
        "400": {"description": "A parameter is wrong.", "content": {JSON: {"schema": _ref("Message")}}},
        "404": {"description": "Not found.", "content": {JSON: {"schema": _ref("Message")}}},
        "429": {"$ref": "#/components/responses/TooManyRequests"},
    }
    paths = {
        "/api/v2/pages/": {
            "get": {
                "tags": ["pages"],
                "operationId": "pages_listing",
                "summary": "Live, public pages, filtered like the site's listings",
                "description": "Drafts and pages with view restrictions never appear. Without "
                "`kind` or `type`, items have the common fields only; with one "
                "kind, `fields=*` gives all its public fields and its filters apply.",
                "parameters": _listing_parameters(
                    [
                        "id",
                        "title",
                        "first_published_at",
                        "and per kind: "
                        + ", ".join(f for f in all_order if f not in ("id", "title", "first_published_at")),
                    ],
                    page_params,
                ),
                "responses": _responses(listing, "400"),
            }
        },
        "/api/v2/pages/{id}/": {
            "get": {
                "tags": ["pages"],
                "operationId": "pages_detail",
                "summary": "One page with all its public fields and its translations",
                "parameters": [
                    id_param,
                    _q(
                        "fields",
                        {"type": "string", "maxLength": 500},
                        "Fields to add or remove (as in the listing).",
                    ),
                    _q(
                        "rich_text_format",
                        {"type": "string", "enum": ["html", "db_html"]},
                        "Rich text format.",
                    ),
                ],
                "responses": _responses(item, "400", "404"),
            }
        },
        "/api/v2/pages/find/": {
            "get": {
                "tags": ["pages"],
                "operationId": "pages_find",
                "summary": "Find a page by its path on the site or its id",
                "parameters": [
                    _q(
                        "html_path",
                        {"type": "string", "maxLength": 500},
                        "The page's path, e.g. /en/tourism/nui-cau/.",
                    ),
                    _q("id", {"type": "integer", "minimum": 1}, "The page's id."),
                ],
                "responses": redirect,
            }
        },
    }
    for name, label in (("images", "Images"), ("documents", "Documents")):
        paths[f"/api/v2/{name}/"] = {
            "get": {
                "tags": [name],
                "operationId": f"{name}_listing",
                "summary": f"{label} outside private collections",
                "parameters": _listing_parameters(["id", "title", "created_at"]),
                "responses": _responses(media_listing, "400"),
            }
        }
        paths[f"/api/v2/{name}/{{id}}/"] = {
            "get": {
                "tags": [name],
                "operationId": f"{name}_detail",
                "summary": f"One of the {name}",
                "parameters": [
                    id_param,
                    _q("fields", {"type": "string", "maxLength": 500}, "Fields to add or remove."),
                ],
                "responses": _responses(media, "400", "404"),
            }
        }
        paths[f"/api/v2/{name}/find/"] = {
            "get": {
                "tags": [name],
                "operationId": f"{name}_find",
                "summary": "Find by id",
                "parameters": [_q("id", {"type": "integer", "minimum": 1}, "The id.")],
                "responses": redirect,
            }
        }
    return paths


def dataset_paths():
    lang = _q(
        "lang",
        {"type": "string", "enum": [c for c, _n in settings.LANGUAGES]},
        "Only rows in this language (GeoJSON: the language, default vi).",
    )
    paths = {}
    types = {
        "csv": ("text/csv", {"type": "string"}),
        "json": (JSON, _ref("Dataset")),
        "geojson": (
            "application/geo+json",
            {
                "type": "object",
                "required": ["type", "features"],
                "properties": {"type": {"const": "FeatureCollection"}, "features": {"type": "array"}},
            },
        ),
    }
    for dataset in DATASETS:
        for fmt in dataset.formats:
            content_type, schema = types[fmt]
            paths[f"/open-data/{dataset.name}.{fmt}"] = {
                "get": {
                    "tags": ["open data"],
                    "operationId": f"dataset_{dataset.name}_{fmt}",
                    "summary": f"{dataset.name} as {fmt.upper()}",
                    "description": "Columns: "
                    + ", ".join(c.name for c in dataset.columns)
                    + ". See docs/open-data.md.",
                    "parameters": [lang],
                    "responses": {
                        "200": {
                            "description": "The dataset (Last-Modified: its last change).",
                            "content": {content_type: {"schema": schema}},
                        },
                        "400": {
                            "description": "Unknown parameter or language.",
                            "content": {JSON: {"schema": ERROR}},
                        },
                        "429": {"$ref": "#/components/responses/TooManyRequests"},
                    },
                }
            }
    paths["/open-data/catalog.jsonld"] = {
        "get": {
            "tags": ["open data"],
            "operationId": "dcat_catalogue",
            "summary": "DCAT catalogue of the datasets (JSON-LD, DCAT-AP style)",
            "responses": {
                "200": {
                    "description": "dcat:Catalog with its datasets and distributions.",
                    "content": {
                        "application/ld+json": {
                            "schema": {"type": "object", "required": ["@context", "@type", "dcat:dataset"]}
                        }
                    },
                },
                "400": {"description": "It takes no parameters.", "content": {JSON: {"schema": ERROR}}},
                "429": {"$ref": "#/components/responses/TooManyRequests"},
            },
        }
    }
    return paths


def openapi_document(request):
    from maps import api_schema as places_schema
    from search import api_schema as search_schema

    shared = {
        "429": {"$ref": "#/components/responses/TooManyRequests"},
        "503": {"description": "Search is unavailable for a moment.", "content": {JSON: {"schema": ERROR}}},
    }
    paths = {}
    paths.update(search_schema.paths(shared))
    paths.update(places_schema.paths(shared))
    paths.update(v2_paths())
    paths.update(dataset_paths())
    schemas = {
        "Message": MESSAGE,
        "Error": ERROR,
        **page_schemas(),
        "Dataset": {
            "type": "object",
            "required": ["dataset", "license", "columns", "items"],
            "properties": {
                "dataset": {"type": "string"},
                "title": {"type": "string"},
                "license": {"type": "string"},
                "license_name": {"type": "string"},
                "modified": {"type": ["string", "null"], "format": "date-time"},
                "columns": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "name": {"type": "string"},
                            "type": {"type": "string"},
                            "description": {"type": "string"},
                        },
                    },
                },
                "items": {"type": "array", "items": {"type": "object"}},
            },
        },
    }
    from opendata.catalogue import license_name, license_url

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Dầu Tiếng catalogue API",
            "version": "2.0",
            "description": (
                "Read-only web services of the Dầu Tiếng trade, investment and tourism portal: "
                "the catalogue search (v1), map places (v1), Wagtail's headless API (v2) and "
                "the open datasets. Anonymous, GET only, CORS open to every origin; a rate "
                "limit per client address answers 429 with Retry-After. Every 200 has an ETag "
                "(and the datasets a Last-Modified): send If-None-Match / If-Modified-Since "
                "for a 304."
            ),
            "license": {"name": license_name(), "url": license_url()},
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
        "tags": [
            {"name": "search", "description": "Catalogue search in five languages (v1)."},
            {"name": "places", "description": "Map markers as GeoJSON (v1)."},
            {"name": "pages", "description": "Wagtail API v2: pages."},
            {"name": "images", "description": "Wagtail API v2: images."},
            {"name": "documents", "description": "Wagtail API v2: documents."},
            {"name": "open data", "description": "Dataset files and the DCAT catalogue."},
        ],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": {
                "TooManyRequests": {
                    "description": "Too many requests from this address: wait Retry-After seconds.",
                    "headers": {
                        "Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}
                    },
                    "content": {
                        JSON: {
                            "schema": {
                                "type": "object",
                                "required": ["error", "retry_after"],
                                "properties": {
                                    "error": {"type": "string"},
                                    "retry_after": {"type": "integer"},
                                },
                            }
                        }
                    },
                }
            },
        },
    }


def reference_sections(document):
    """[(tag, description, [operation])] for the human-readable reference page."""
    sections = []
    for tag in document["tags"]:
        operations = []
        for path, item in document["paths"].items():
            for method, operation in item.items():
                if tag["name"] not in operation.get("tags", []):
                    continue
                operations.append(
                    {
                        "method": method.upper(),
                        "path": path,
                        "id": operation["operationId"],
                        "summary": operation.get("summary", ""),
                        "description": operation.get("description", ""),
                        "parameters": [
                            {
                                "name": p["name"],
                                "in": p["in"],
                                "required": p.get("required", False),
                                "type": _type_text(p.get("schema", {})),
                                "description": p.get("description", ""),
                            }
                            for p in operation.get("parameters", [])
                        ],
                        "responses": [
                            (code, response.get("description", "Too many requests"))
                            for code, response in operation["responses"].items()
                        ],
                    }
                )
        sections.append({"name": tag["name"], "description": tag["description"], "operations": operations})
    return sections


def _type_text(schema):
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    kind = schema.get("type", "")
    if kind == "array":
        return _type_text(schema.get("items", {})) + " (repeatable)"
    if isinstance(kind, list):
        return " or ".join(kind)
    return kind
