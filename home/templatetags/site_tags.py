"""The site chrome's contact block.

{% load site_tags %}
{% office_contact as office %}   the office in the visitor's language, else en, else vi
                                 (office.shown_language says which)
"""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def office_contact(context):
    request = context.get("request")
    cache = getattr(request, "_office_contact", None) if request is not None else None
    if cache is None:
        from home.models import OfficeContact

        cache = {"office": OfficeContact.for_language(get_language())}
        if request is not None:
            request._office_contact = cache
    return cache["office"]


@register.simple_tag(takes_context=True)
def section_links(context):
    """[{kind, title, url}] of the catalogue sections in the visitor's language."""
    from promo.templatetags.promo_tags import _section_indexes

    request = context.get("request")
    return [
        {"kind": kind, "title": page.title, "url": page.get_url(request)}
        for kind, page in _section_indexes(request, get_language())
    ]
