from django import template
from django.utils.safestring import mark_safe

from pagecache import fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def live(context, name, *args):
    """`{% live "page_views" page.pk %}`: a part rendered afresh even when the page around it
    comes from the cache (see pagecache.fragments)."""
    return mark_safe(fragments.marked(name, context.get("request"), args))
