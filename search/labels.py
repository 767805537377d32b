"""Human names for facet values (codes in the index) in the visitor's language."""

from django.utils.translation import gettext as _

from search.registry import facet_provider


def facet_labels(lang):
    kinds = {
        "product": _("Local products"),
        "fair": _("Fairs and events"),
        "attraction": _("Tourism"),
        "investment": _("Investment opportunities"),
        "news": _("News"),
        "document": _("Official documents"),
        "itinerary": _("Itineraries"),
    }
    return {"kind": kinds, **facet_provider().labels(lang)}
