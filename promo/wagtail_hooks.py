from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from promo.models import Category, Commune, InvestmentForm, Officer, Sector


class CategoryFilterSet(WagtailFilterSet):
    class Meta:
        model = Category
        fields = ["kind", "locale"]


class CommuneViewSet(SnippetViewSet):
    model = Commune
    icon = "site"
    list_display = ["name", "slug", "unit_type", "locale"]
    list_filter = ["unit_type", "locale"]
    search_fields = ["name"]


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-1"
    list_display = ["name", "slug", "kind", "locale"]
    filterset_class = CategoryFilterSet


class InvestmentFormViewSet(SnippetViewSet):
    model = InvestmentForm
    icon = "list-ul"
    list_display = ["name", "slug", "legal_basis", "locale"]
    list_filter = ["locale"]


class OfficerViewSet(SnippetViewSet):
    model = Officer
    icon = "user"
    list_display = ["name", "title", "email", "phone", "languages", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "title", "email"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (CommuneViewSet, SectorViewSet, CategoryViewSet, InvestmentFormViewSet, OfficerViewSet)


register_snippet(TaxonomyGroup)
