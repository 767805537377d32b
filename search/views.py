"""The public search: the JSON API (docs/search-api.md) and the search page, one engine path."""

import logging
import time

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from search import searchlog
from search.documents import KINDS
from search.engines.base import EngineUnavailable
from search.engines.common import FACET_NAMES
from search.params import BadParameter, parse_params
from search.promotions import best_bets
from search.service import QueryError, run_autocomplete, run_search
from search.synonyms import synonym_groups

log = logging.getLogger(__name__)


# What a visitor is told when even the embedded index fails: nothing about the server.
UNAVAILABLE = "Search is temporarily unavailable. Please try again in a minute."


def _search(params, prefix_fallback=False):
    started = time.perf_counter()
    results = run_search(
        params.q,
        lang=params.lang,
        kinds=params.kinds,
        communes=params.communes,
        sectors=params.sectors,
        categories=params.categories,
        upcoming=params.upcoming,
        page=params.page,
        page_size=params.page_size,
        synonyms=synonym_groups,
        prefix_fallback=prefix_fallback,
    )
    took_ms = (time.perf_counter() - started) * 1000
    return results, took_ms


def _error(message, param, status=400):
    return JsonResponse({"error": message, "param": param}, status=status)


def _unavailable(exc):
    # The detail (index path, engine URL) is for the log, never for the client.
    log.error("search failed on every engine: %s", exc)
    return JsonResponse({"error": UNAVAILABLE, "param": None}, status=503)


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
        return _unavailable(exc)
    searchlog.record(params.q, params.lang, results.total)
    hits = results.hits
    if params.page == 1:
        hits = best_bets(params.q, params.lang, hits)
    return JsonResponse(
        {
            "query": params.q,
            "lang": params.lang,
            "engine": results.engine,
            "took_ms": round(took_ms, 2),
            "total": results.total,
            "page": params.page,
            "page_size": params.page_size,
            "results": [
                {
                    "ref": h.ref,
                    "kind": h.kind,
                    "locale": h.locale,
                    "title": h.title,
                    "url": h.url,
                    "snippet": h.snippet,
                    "score": round(h.score, 4),
                    "match": h.match,
                }
                for h in hits
            ],
            "facets": _facets(results),
            "did_you_mean": results.suggestion or None,
        },
        json_dumps_params={"ensure_ascii": False},
    )


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
        return _unavailable(exc)
    return JsonResponse(
        {
            "query": prefix,
            "lang": lang,
            "suggestions": [
                {"ref": s.ref, "kind": s.kind, "locale": s.locale, "title": s.title, "url": s.url}
                for s in suggestions
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )


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
            results, took_ms = _search(params, prefix_fallback=True)
        except BadParameter as exc:
            context["error"] = exc.message
            status = 400
        except QueryError as exc:
            context["error"] = str(exc)
        except EngineUnavailable as exc:
            log.error("search failed on every engine: %s", exc)
            context["error"] = _("Search is unavailable right now. Please try again in a minute.")
            status = 503
        else:
            searchlog.record(params.q, params.lang, results.total)
            hits = best_bets(params.q, lang, results.hits) if params.page == 1 else results.hits
            paginator = Paginator(range(results.total), params.page_size)
            page_obj = paginator.get_page(params.page)
            query = request.GET.copy()
            query.pop("page", None)
            context.update(
                results=results,
                hits=hits,
                page_obj=page_obj,
                took_ms=took_ms,
                params=params,
                querystring=query.urlencode(),
                facet_groups=_facet_groups(results, params),
                suggestion=_suggestion_link(request, results.suggestion),
                prefix_word=params.q.split()[-1] if results.prefix else "",
            )
    return render(request, "search/search_page.html", context, status=status)


def _facet_groups(results, params):
    from search.labels import facet_labels

    active = {
        "kind": params.kinds,
        "commune": params.communes,
        "sector": params.sectors,
        "category": params.categories,
    }
    labels = facet_labels(get_language())
    titles = {"kind": _("Section"), "commune": _("Commune"), "sector": _("Sector"), "category": _("Category")}
    groups = []
    for name in FACET_NAMES:
        counts = results.facets.get(name, {})
        if not counts:
            continue
        groups.append(
            {
                "name": name,
                "title": titles[name],
                "options": [
                    {
                        "value": value,
                        "label": labels.get(name, {}).get(value, value),
                        "count": count,
                        "checked": value in active[name],
                    }
                    for value, count in sorted(counts.items(), key=lambda kv: -kv[1])
                ],
            }
        )
    return groups


def _suggestion_link(request, suggestion):
    """The "did you mean" query and the address that searches it (filters kept, page 1)."""
    if not suggestion:
        return None
    query = request.GET.copy()
    query["q"] = suggestion
    query.pop("page", None)
    return {"q": suggestion, "url": f"{request.path}?{query.urlencode()}"}
