"""The site chrome's contact block.

{% load site_tags %}
{% office_contact as office %}   the office in the visitor's language, else en, else vi
                                 (office.shown_language says which)
{% contact_settings as contact %} the site's phone and e-mail (ContactSettings)

Both are kept until the content changes (pagecache.memo): every page's footer shows them.
"""

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def office_contact(context):
    from home.models import OfficeContact

    return OfficeContact.for_language(get_language())


@register.simple_tag(takes_context=True)
def contact_settings(context):
    from wagtail.models import Site

    from home.models import ContactSettings
    from pagecache.memo import per_generation

    site = Site.find_for_request(context.get("request"))
    if site is None:
        return None
    return per_generation(("contact-settings", site.pk), lambda: ContactSettings.for_site(site))


@register.simple_tag(takes_context=True)
def section_links(context):
    """[{kind, title, url}] of the catalogue sections in the visitor's language."""
    from promo.templatetags.promo_tags import _section_indexes

    request = context.get("request")
    return [
        {"kind": kind, "title": page.title, "url": page.get_url(request)}
        for kind, page in _section_indexes(request, get_language())
    ]
