from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def kind_label(kind):
    return {
        "product": _("Local product"), "fair": _("Fair or event"), "attraction": _("Tourism"),
        "investment": _("Investment opportunity"), "news": _("News"),
    }.get(kind, kind)
