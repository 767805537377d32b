from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import LinkGroup


class LinkGroupViewSet(SnippetViewSet):
    model = LinkGroup
    icon = "link"
    list_display = ["title", "sort_order", "locale"]
    list_filter = ["locale"]


register_snippet(LinkGroupViewSet)
