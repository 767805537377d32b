"""Human names for facet values (codes in the index) in the visitor's language."""

from django.utils.translation import gettext as _

from promo.models import Category, Commune, Sector
from promo.models.attractions import AttractionCategory


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

    def names(model):
        rows = {}
        for slug, code, name in model.objects.filter(locale__language_code__in=[lang, "vi"]).values_list(
            "slug", "locale__language_code", "name"
        ):
            if code == lang or slug not in rows:
                rows[slug] = name
        return rows

    categories = names(Category)
    categories.update({value: str(label) for value, label in AttractionCategory.choices})
    return {"kind": kinds, "commune": names(Commune), "sector": names(Sector), "category": categories}
