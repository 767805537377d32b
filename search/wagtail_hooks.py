from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    list_display = ["terms", "note", "updated_at"]
    search_fields = ["terms"]
    add_to_admin_menu = True
    menu_order = 260


register_snippet(SynonymGroupViewSet)
