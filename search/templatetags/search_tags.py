from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

register = template.Library()


def _kind_labels():
    return {
        "product": _("Local product"),
        "fair": _("Fair or event"),
        "attraction": _("Tourism"),
        "investment": _("Investment opportunity"),
        "news": _("News"),
        "document": _("Official document"),
        "itinerary": _("Itinerary"),
    }


@register.filter
def kind_label(kind):
    return _kind_labels().get(kind, kind)


@register.simple_tag
def kind_label_attributes():
    """The labels the search box script shows, from the same words as the result cards:
    `data-ac-kind-<kind>="<label>"`, and `data-ac-lang-<code>="Available in <language>"` for a
    suggestion shown in another language than the page's."""
    from search.templatetags.language_labels import LANGUAGE_LABELS, available_in

    kinds = format_html_join(" ", 'data-ac-kind-{}="{}"', _kind_labels().items())
    langs = format_html_join(
        " ", 'data-ac-lang-{}="{}"', ((code, available_in(code)) for code in LANGUAGE_LABELS)
    )
    return format_html("{} {}", kinds, langs)


@register.filter
def document_type(code):
    """The visitor-language name of an official document's type code."""
    from search.registry import searchable_kinds

    kind = searchable_kinds().get("document")
    return dict(kind.fact_labels.get("doc_type", ())).get(code, "") if kind else ""


@register.filter
def iso_date(value):
    """Result facts carry dates as ISO text; templates format real dates."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
