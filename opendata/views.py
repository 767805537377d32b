"""Open-data files, the DCAT catalogue, the OpenAPI document, and the two human pages (the
open-data page and the API reference), which live under each language."""

import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.http import http_date
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from opendata import catalogue
from opendata.datasets import BY_NAME, DATASETS
from pagecache.http import cacheable


def _error(message, status=400, **extra):
    return JsonResponse({"error": message, **extra}, status=status, json_dumps_params={"ensure_ascii": False})


def _last_modified(response, modified):
    if modified is not None:
        response["Last-Modified"] = http_date(modified.timestamp())
    return response


@require_safe
@cacheable(max_age=300)
def dataset_file(request, name, fmt):
    dataset = BY_NAME.get(name)
    if dataset is None:
        return _error(f"no dataset {name[:40]!r}; datasets: {', '.join(BY_NAME)}", status=404)
    if fmt not in dataset.formats:
        return _error(f"{name} is available as {', '.join(dataset.formats)}", status=404)
    unknown = sorted(set(request.GET) - {"lang"})
    if unknown:
        return _error(
            f"unknown parameter: {', '.join(p[:40] for p in unknown)} (only lang)", param=unknown[0][:40]
        )
    lang = request.GET.get("lang") or None
    if lang is not None and lang not in catalogue.languages():
        return _error(f"lang must be one of: {', '.join(catalogue.languages())}", param="lang")
    if fmt == "geojson" and lang is None:
        lang = settings.LANGUAGE_CODE  # a map shows one language
    data, modified = catalogue.build(dataset, fmt, lang, request)
    content_type = {
        "csv": "text/csv; charset=utf-8; header=present",
        "json": "application/json",
        "geojson": "application/geo+json",
    }[fmt]
    response = HttpResponse(data, content_type=content_type)
    filename = f"dautieng-{dataset.name}{'-' + lang if lang else ''}.{fmt}"
    disposition = "attachment" if fmt == "csv" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Link"] = (
        f'<{catalogue.license_url()}>; rel="license", '
        f"<{request.build_absolute_uri('/open-data/catalog.jsonld')}>; "
        'rel="describedby"; type="application/ld+json"'
    )
    if lang:
        response["Content-Language"] = lang
    return _last_modified(response, modified)


@require_safe
@cacheable(max_age=300)
def dcat_catalogue(request):
    if request.GET:
        return _error("the catalogue takes no parameters")
    document, modified = catalogue.dcat_catalogue(request)
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1), content_type="application/ld+json"
    )
    return _last_modified(response, modified)


@require_safe
@cacheable(max_age=3600)
def openapi_document(request):
    from opendata.openapi import openapi_document as build

    if request.GET:
        return _error("the OpenAPI document takes no parameters")
    return JsonResponse(build(request), json_dumps_params={"ensure_ascii": False, "indent": 1})


def open_data_page(request):
    from django.utils.formats import date_format

    lang = get_language()
    rows = []
    for dataset in DATASETS:
        modified = catalogue.dataset_modified(dataset)
        count = dataset.pages([lang]).count()
        rows.append(
            {
                "dataset": dataset,
                "count": count,
                "modified": date_format(modified, "DATE_FORMAT") if modified else "",
                "modified_iso": modified.date().isoformat() if modified else "",
                "files": [
                    (
                        catalogue.FORMAT_NAMES[fmt],
                        catalogue.file_url(request, dataset, fmt),
                        catalogue.file_url(request, dataset, fmt, lang),
                    )
                    for fmt in dataset.formats
                ],
            }
        )
    return render(
        request,
        "opendata/open_data_page.html",
        {
            "datasets": rows,
            "license_url": catalogue.license_url(),
            "license_name": catalogue.license_name(),
            "dcat_url": request.build_absolute_uri("/open-data/catalog.jsonld"),
            "openapi_url": request.build_absolute_uri("/api/openapi.json"),
            "api_root": request.build_absolute_uri("/api/v2/"),
        },
    )


def api_reference_page(request):
    from opendata.openapi import openapi_document as build
    from opendata.openapi import reference_sections

    document = build(request)
    return render(
        request,
        "opendata/api_reference.html",
        {
            "document": document,
            "sections": reference_sections(document),
            "openapi_url": request.build_absolute_uri("/api/openapi.json"),
        },
    )


def not_found(request, rest=""):
    """Any other address under /api/ or /open-data/: a JSON 404 (not a redirect to a page);
    a path that only lacks its final slash is redirected as CommonMiddleware would."""
    from django.http import HttpResponsePermanentRedirect
    from django.urls import Resolver404, resolve

    if not request.path_info.endswith("/"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(request.path + "/" + ("?" + query if query else ""))
    return _error("no such endpoint; see /api/openapi.json", status=404)
