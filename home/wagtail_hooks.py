from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_views import TranslationStatusView
from home.models import REQUIRED_LANGUAGES, LinkGroup, OfficeContact


class LinkGroupViewSet(SnippetViewSet):
    model = LinkGroup
    icon = "link"
    list_display = ["title", "sort_order", "locale"]
    list_filter = ["locale"]


class OfficeContactViewSet(SnippetViewSet):
    model = OfficeContact
    icon = "mail"
    list_display = ["office_name", "locale"]
    list_filter = ["locale"]


register_snippet(LinkGroupViewSet)
register_snippet(OfficeContactViewSet)


@hooks.register("before_delete_snippet")
def keep_the_required_office_languages(request, instances):
    """The office's Vietnamese and English details may be edited, never deleted."""
    required = [
        obj
        for obj in instances
        if isinstance(obj, OfficeContact) and obj.locale.language_code in REQUIRED_LANGUAGES
    ]
    if required:
        messages.error(
            request,
            _(
                "The office's Vietnamese and English details are required: "
                "edit them instead of deleting them."
            ),
        )
        return redirect("wagtailsnippets_home_officecontact:list")
    return None


@hooks.register("before_serve_page")
def go_to_the_translation_when_it_exists(page, request, serve_args, serve_kwargs):
    """An old link to an item under another language's URL (say the Vietnamese slug under
    /en/) lands on the item's own translation when there is one."""
    fallback = getattr(request, "translation_fallback", None)
    if fallback is not None and fallback.redirect_to:
        return redirect(fallback.redirect_to)
    return None


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [path("reports/translation-status/", TranslationStatusView.as_view(), name="translation_status")]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        gettext_lazy("Translation status"),
        reverse("translation_status"),
        name="translation-status",
        icon_name="globe",
        order=900,
    )
