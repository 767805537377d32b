"""What every page needs and rarely changes, looked up once per content generation.

Every page shows the site chrome (the section navigation, the office's contact details, the
footer's link groups and portal pages) and needs the site, the routing of its URL and the view
restrictions. These change only with an edit that already replaces the page cache's generation
(pagecache.invalidation), so each worker process keeps them in memory under the generation it
read once at the start of the request, and drops them all when the generation changes. This
holds whether or not whole pages are cached (PAGE_CACHE_ENABLED): it is what keeps a page that
must be rendered at a fixed, small number of queries.

    from pagecache.memo import per_generation
    per_generation(("office", language), lambda: OfficeContact.for_language(language))

Values are shared by the requests a process serves: callers must not change them.
"""

import contextvars
import threading

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils.translation import get_language

from pagecache import store

_request_generation = contextvars.ContextVar("pagecache_generation", default=None)
_lock = threading.Lock()
_memo = (None, {})  # (generation, {key: value})


def generation():
    """The content generation: read once per request (RouteMemoMiddleware opens the scope),
    and at each call outside a request (a command, a background task), which may run long."""
    holder = _request_generation.get()
    if holder is not None and holder[0] is not None:
        return holder[0]
    current = store.current_generation()
    if holder is not None:
        holder[0] = current
    return current


def forget_generation():
    """A change in this request replaced the generation: read it again on the next lookup."""
    holder = _request_generation.get()
    if holder is not None:
        holder[0] = None


def per_generation(key, compute):
    """compute(), kept in this process until the content changes. `key` is hashable and names
    everything the value depends on besides the content (language, host...)."""
    global _memo
    current = generation()
    memo_generation, values = _memo
    if memo_generation != current:
        with _lock:
            if _memo[0] != current:
                _memo = (current, {})
            memo_generation, values = _memo
    try:
        return values[key]
    except KeyError:
        pass
    value = compute()
    # Not kept when the content changed while it was read (it may hold the rows from before).
    if store.page_cache().get(store.GENERATION_KEY) == current:
        values[key] = value
    return value


def restricted_paths():
    """Tree paths of the pages behind a view restriction (a password, a login, a group)."""
    from wagtail.models import PageViewRestriction

    return per_generation(
        "restricted-paths",
        lambda: tuple(sorted(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def _paths_needing_wagtails_check():
    """Paths under which Wagtail's own view-restriction lookup is needed: restricted sections,
    and aliases (an alias page takes the restrictions of its source's ancestors)."""
    from wagtail.models import Page

    def load():
        aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        return tuple(sorted({*restricted_paths(), *aliases}))

    return per_generation("restriction-check-paths", load)


class ViewRestrictionsFromMemo:
    """Page mixin: Wagtail checks a page's view restrictions before serving it, with two
    queries (the ancestors, then their restrictions). A page outside every restricted section
    and every alias has none, which the memo knows without a query; any other page asks
    Wagtail as before."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if self.alias_of_id is None and not self.path.startswith(_paths_needing_wagtails_check()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def public(queryset):
    """`queryset.public()` without its query for the view restrictions: pages outside every
    private section (Wagtail's PageQuerySet.public, from the memo)."""
    from django.db.models import Q

    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return queryset.exclude(private) if private else queryset


def locales():
    """{language_code: Locale} and {id: Locale} of every locale."""
    from wagtail.models import Locale

    def load():
        rows = list(Locale.objects.all())
        return {row.language_code: row for row in rows}, {row.pk: row for row in rows}

    return per_generation("locales", load)


def language_of(page):
    """The language code of a page's locale without a query."""
    by_id = locales()[1]
    locale = by_id.get(page.locale_id)
    return locale.language_code if locale is not None else page.locale.language_code


# --- Routing -------------------------------------------------------------------------------
# Wagtail resolves a URL by walking the tree from the site's localized root, two queries a
# level (the child, then its specific row), after finding the Site and the Locale. The walk
# depends on the tree only, so its result (which page, and which path components are left for
# that page's own `route`, e.g. a RoutablePage's sub-URL) is kept per generation and replayed
# with one query for the page. Wagtail's serve view reads both from the request
# (`_wagtail_site`, `_wagtail_route_for_request`).


def _route_key(request, path):
    return ("route", request.get_host(), get_language(), path)


def _components(path):
    return [component for component in path.split("/") if component]


def _site_for(request):
    from wagtail.models import Site

    return per_generation(("site", request.get_host()), lambda: Site.find_for_request(request))


class RouteMemoMiddleware:
    """Replays the routing of Wagtail page URLs from the memo (see above)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_generation.set([None])
        try:
            response = self.get_response(request)
            self._remember(request)
            return response
        finally:
            _request_generation.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        if match is None or match.url_name != "wagtail_serve" or request.method not in ("GET", "HEAD"):
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        request._pagecache_route_path = path
        if not hasattr(request, "_wagtail_site"):
            request._wagtail_site = _site_for(request)
        found = _memo_values().get(_route_key(request, path))
        if found is None or hasattr(request, "_wagtail_route_for_request"):
            return None
        content_type_id, pk, remaining = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        try:
            page = model._default_manager.get(pk=pk)
            request._wagtail_route_for_request = page.route(request, list(remaining))
        except (model.DoesNotExist, Http404):
            request._wagtail_route_for_request = None
        request._pagecache_route_replayed = True
        return None

    @staticmethod
    def _remember(request):
        path = getattr(request, "_pagecache_route_path", None)
        route = getattr(request, "_wagtail_route_for_request", None)
        if path is None or route is None or getattr(request, "_pagecache_route_replayed", False):
            return
        if getattr(request, "translation_fallback", None) is not None or getattr(
            request, "_routing_fallback", False
        ):
            return  # shown in place of a missing translation: routed by request, not by tree
        site = getattr(request, "_wagtail_site", None)
        page = route[0]
        if site is None:
            return
        components = _components(path)
        consumed = page.depth - site.root_page.depth
        if consumed < 0 or consumed > len(components):
            return
        walked = "/".join(components[:consumed])
        if not page.url_path.rstrip("/").endswith("/" + walked if walked else ""):
            return
        key = _route_key(request, path)
        value = (page.content_type_id, page.pk, tuple(components[consumed:]))
        per_generation(key, lambda: value)


def _memo_values():
    current = generation()
    memo_generation, values = _memo
    return values if memo_generation == current else {}
