"""The public search: the JSON API (shared/search-api.md) and the search page, one engine path."""
import logging
import time
import unicodedata

from django.core.paginator import Paginator
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from search.documents import KINDS
from search.engines.base import EngineUnavailable
from search.engines.common import FACET_NAMES
from search.models import SearchQueryLog
from search.params import BadParameter, parse_params
from search.promotions import best_bets
from search.service import QueryError, run_autocomplete, run_search
from search.synonyms import synonym_groups

log = logging.getLogger(__name__)


def _search(params):
    started = time.perf_counter()
    results = run_search(
        params.q, lang=params.lang, kinds=params.kinds, communes=params.communes,
        sectors=params.sectors, categories=params.categories, upcoming=params.upcoming,
        page=params.page, page_size=params.page_size, synonyms=synonym_groups,
    )
    took_ms = (time.perf_counter() - started) * 1000
    return results, took_ms


def _loggable(text):
    # PostgreSQL text cannot hold NUL, and control characters are noise in analytics.
    return "".join(" " if unicodedata.category(c)[0] == "C" else c for c in text).strip()[:200]


def _log(params, results, took_ms, source):
    try:
        with transaction.atomic():  # a failed insert must not break an outer transaction
            SearchQueryLog.objects.create(query=_loggable(params.q), lang=params.lang,
                                          results=results.total, took_ms=round(took_ms, 2),
                                          engine=results.engine, source=source)
    except Exception:  # analytics must never cost the visitor their answer
        log.exception("could not log a search")


def _error(message, param, status=400):
    return JsonResponse({"error": message, "param": param}, status=status)


def _facets(results):
    return {name: dict(results.facets.get(name, {})) for name in FACET_NAMES}


@require_GET
def api_search(request):
    try:
        params = parse_params(request.GET)
    except BadParameter as exc:
        return _error(exc.message, exc.param)
    try:
        results, took_ms = _search(params)
    except QueryError as exc:
        return _error(str(exc), "q")
    except EngineUnavailable as exc:
        return JsonResponse({"error": f"search is unavailable: {exc}"}, status=503)
    _log(params, results, took_ms, "api")
    hits = results.hits
    if params.page == 1:
        hits = best_bets(params.q, params.lang, hits)
    return JsonResponse({
        "query": params.q, "lang": params.lang, "engine": results.engine,
        "took_ms": round(took_ms, 2), "total": results.total, "page": params.page,
        "page_size": params.page_size,
        "results": [{"ref": h.ref, "kind": h.kind, "locale": h.locale, "title": h.title,
                     "url": h.url, "snippet": h.snippet, "score": round(h.score, 4)}
                    for h in hits],
        "facets": _facets(results),
    }, json_dumps_params={"ensure_ascii": False})


@require_GET
def api_autocomplete(request):
    prefix = (request.GET.get("q") or "").strip()
    lang = request.GET.get("lang") or "vi"
    if not prefix:
        return _error("q is required: the beginning of a word", "q")
    if len(prefix) > 100:
        return _error("q must be at most 100 characters", "q")
    from search.documents import LOCALES

    if lang not in LOCALES:
        return _error(f"lang must be one of {', '.join(LOCALES)}", "lang")
    try:
        suggestions = run_autocomplete(prefix, lang)
    except EngineUnavailable as exc:
        return JsonResponse({"error": f"search is unavailable: {exc}"}, status=503)
    return JsonResponse({
        "query": prefix, "lang": lang,
        "suggestions": [{"ref": s.ref, "kind": s.kind, "locale": s.locale, "title": s.title,
                         "url": s.url} for s in suggestions],
    }, json_dumps_params={"ensure_ascii": False})


def search_page(request):
    lang = get_language()
    data = request.GET.copy()
    data["lang"] = lang
    context = {"query": (request.GET.get("q") or "").strip(), "kinds": KINDS}
    status = 200
    if context["query"]:
        try:
            params = parse_params(data, default_lang=lang)
            params = params.__class__(**{**params.__dict__, "page_size": 10})
            results, took_ms = _search(params)
        except BadParameter as exc:
            context["error"] = exc.message
            status = 400
        except QueryError as exc:
            context["error"] = str(exc)
        except EngineUnavailable:
            context["error"] = _("Search is unavailable right now. Please try again in a minute.")
            status = 503
        else:
            _log(params, results, took_ms, "page")
            hits = best_bets(params.q, lang, results.hits) if params.page == 1 else results.hits
            paginator = Paginator(range(results.total), params.page_size)
            page_obj = paginator.get_page(params.page)
            query = request.GET.copy()
            query.pop("page", None)
            context.update(
                results=results, hits=hits, page_obj=page_obj, took_ms=took_ms,
                params=params, querystring=query.urlencode(),
                facet_groups=_facet_groups(results, params),
            )
    return render(request, "search/search_page.html", context, status=status)


def _facet_groups(results, params):
    from search.labels import facet_labels

    active = {"kind": params.kinds, "commune": params.communes, "sector": params.sectors,
              "category": params.categories}
    labels = facet_labels(get_language())
    titles = {"kind": _("Section"), "commune": _("Commune"), "sector": _("Sector"),
              "category": _("Category")}
    groups = []
    for name in FACET_NAMES:
        counts = results.facets.get(name, {})
        if not counts:
            continue
        groups.append({
            "name": name, "title": titles[name],
            "options": [{"value": value, "label": labels.get(name, {}).get(value, value),
                         "count": count, "checked": value in active[name]}
                        for value, count in sorted(counts.items(), key=lambda kv: -kv[1])],
        })
    return groups
