"""Pages as anonymous visitors see them, and the links between a page's translations."""

from wagtail.models import Page, Site


def public_pages():
    """Live pages without a view restriction (on themselves or above), under a site's root
    or one of its translations. A logged-in session or a password entered earlier changes
    nothing here: the API answers every client alike (and can be cached)."""
    qs = Page.objects.live().public()
    roots = Page.objects.none()
    for site in Site.objects.select_related("root_page"):
        roots |= Page.objects.filter(translation_key=site.root_page.translation_key)
    scoped = Page.objects.none()
    for root in roots:
        scoped |= qs.descendant_of(root, inclusive=True)
    return scoped


def live_pages(ids):
    """The live, public pages among `ids`, in that order."""
    found = {p.pk: p for p in public_pages().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def translation_links(pages, request):
    """{translation_key: [{locale, id, title, html_url, detail_url}]} of the live, public
    translations of `pages`, in one query."""
    from wagtail.api.v2.utils import get_object_detail_url

    from opendata.api.views import api_router

    keys = {p.translation_key for p in pages}
    links = {}
    rows = (
        public_pages()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    for page in rows:
        links.setdefault(page.translation_key, []).append(
            {
                "locale": page.locale.language_code,
                "id": page.pk,
                "title": page.title,
                "html_url": page.get_full_url(request),
                "detail_url": get_object_detail_url(api_router, request, Page, page.pk),
            }
        )
    return links
