from django import template
from django.utils.safestring import mark_safe

from pagecache import fragments

register = template.Library()


@register.simple_tag(takes_context=True)
def live(context, name, *args):
    """`{% live "page_views" page.pk %}`: a part rendered afresh even when the page around it
    comes from the cache (see pagecache.fragments)."""
    return mark_safe(fragments.marked(name, context.get("request"), args))


@register.tag("chrome")
def chrome(parser, token):
    """`{% chrome "footer" %}…{% endchrome %}`: a part of the site chrome that is the same on
    every page of a language and host (the footer), rendered once and kept until the content
    changes (pagecache.memo). Extra arguments name whatever else it varies on. Nothing inside
    may depend on the page, the visitor or the clock: `{% live %}` parts stay outside."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("{% chrome %} needs a name")
    nodelist = parser.parse(("endchrome",))
    parser.delete_first_token()
    return ChromeNode(nodelist, [parser.compile_filter(bit) for bit in bits])


class ChromeNode(template.Node):
    def __init__(self, nodelist, vary_on):
        self.nodelist = nodelist
        self.vary_on = vary_on

    def render(self, context):
        from django.utils.translation import get_language

        from pagecache.memo import per_generation

        request = context.get("request")
        host = request.get_host() if request is not None else ""
        key = ("chrome", host, get_language(), *(str(part.resolve(context)) for part in self.vary_on))
        return per_generation(key, lambda: self.nodelist.render(context))
