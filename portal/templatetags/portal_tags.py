from django import template
from django.utils.safestring import mark_safe

from portal.beacon import issue_token

register = template.Library()

CONTRAST_COOKIE = "contrast"


def high_contrast(request):
    return request is not None and request.COOKIES.get(CONTRAST_COOKIE) == "high"


@register.simple_tag(takes_context=True)
def view_token(context):
    """The beacon token for what this response shows: the Wagtail page, else the path."""
    from wagtail.models import Page

    page = context.get("page")
    request = context.get("request")
    if isinstance(page, Page):
        return issue_token(page=page)
    return issue_token(path=request.path if request is not None else "")


@register.simple_tag(takes_context=True)
def contrast_pressed(context):
    return "true" if high_contrast(context.get("request")) else "false"


@register.simple_tag(takes_context=True)
def html_theme_class(context):
    """` class="high-contrast"` on <html> when the visitor chose it, so there is no flash."""
    return mark_safe(' class="high-contrast"') if high_contrast(context.get("request")) else ""


@register.simple_tag
def portal_pages():
    """The organisation-and-contacts page and the documents section for the footer (a public
    portal must link them from every page): in the current language, else in English (which
    Decree 42/2022 requires for them, and which a Korean, Japanese or Chinese visitor is likelier
    to read than Vietnamese), else in Vietnamese."""
    from django.utils.translation import get_language

    from pagecache.memo import per_generation

    language = get_language()
    return per_generation(("portal-pages", language), lambda: _portal_pages(language))


def _portal_pages(language):
    from wagtail.models import Page

    from portal.models import DocumentIndexPage, OrganisationPage

    preference = list(dict.fromkeys([language, "en", "vi"]))
    best = {}
    for page in (
        Page.objects.live()
        .type(OrganisationPage, DocumentIndexPage)
        .filter(locale__language_code__in=preference)
        .select_related("locale")
        .order_by("path")
    ):
        rank = preference.index(page.locale.language_code)
        if page.translation_key not in best or rank < best[page.translation_key][0]:
            best[page.translation_key] = (rank, page)
    return sorted((page for _rank, page in best.values()), key=lambda page: page.path)
