from django.shortcuts import redirect
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import LinkGroup


class LinkGroupViewSet(SnippetViewSet):
    model = LinkGroup
    icon = "link"
    list_display = ["title", "sort_order", "locale"]
    list_filter = ["locale"]


register_snippet(LinkGroupViewSet)


@hooks.register("before_serve_page")
def go_to_the_translation_when_it_exists(page, request, serve_args, serve_kwargs):
    """An old link to an item under another language's URL (say the Vietnamese slug under
    /en/) lands on the item's own translation when there is one."""
    fallback = getattr(request, "translation_fallback", None)
    if fallback is not None and fallback.redirect_to:
        return redirect(fallback.redirect_to)
    return None
