from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def kind_label(kind):
    return {
        "product": _("Local product"), "fair": _("Fair or event"), "attraction": _("Tourism"),
        "investment": _("Investment opportunity"), "news": _("News"),
    }.get(kind, kind)


@register.filter
def iso_date(value):
    """Result facts carry dates as ISO text; templates format real dates."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
