from django import template
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

register = template.Library()


def _kind_labels():
    return {
        "product": _("Local product"), "fair": _("Fair or event"), "attraction": _("Tourism"),
        "investment": _("Investment opportunity"), "news": _("News"),
        "document": _("Official document"),
    }


@register.filter
def kind_label(kind):
    return _kind_labels().get(kind, kind)


@register.simple_tag
def kind_label_attributes():
    """`data-ac-kind-<kind>="<label>"` for the search box script, from the same labels as the
    result cards."""
    return format_html_join(" ", 'data-ac-kind-{}="{}"', _kind_labels().items())


@register.filter
def document_type(code):
    """The visitor-language name of an official document's type code."""
    from portal.models.documents import DOCUMENT_TYPES

    return dict(DOCUMENT_TYPES).get(code, "")


@register.filter
def iso_date(value):
    """Result facts carry dates as ISO text; templates format real dates."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
