from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from staff import admin_urls
from staff.panels import EnquiriesPanel, ReviewQueuePanel, SearchAnalyticsPanel, UpcomingFairsPanel
from staff.permissions import can_import


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("catalogue-tools/", include(admin_urls))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


class CatalogueToolsMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_catalogue_tools_menu():
    menu = Menu(
        items=[
            ImportMenuItem(
                _("Import spreadsheet"), reverse("staff_import"), name="staff-import", icon_name="upload"
            )
        ]
    )
    return CatalogueToolsMenuItem(
        _("Catalogue tools"), menu, name="catalogue-tools", icon_name="table", order=260
    )


@hooks.register("register_permissions")
def register_staff_permissions():
    """Lets administrators grant "see search analytics" to a group in Settings → Groups."""
    return Permission.objects.filter(content_type__app_label="staff", codename="view_search_analytics")


@hooks.register("construct_homepage_panels")
def add_staff_panels(request, panels):
    panels.append(ReviewQueuePanel())
    panels.append(UpcomingFairsPanel())
    # Visitors' queries are for the office that reviews the site, not for every editor.
    if SearchAnalyticsPanel.is_shown_to(request.user):
        panels.append(SearchAnalyticsPanel())
    # Enquiries carry names and contact details: shown only to those who may read them.
    if EnquiriesPanel.is_shown_to(request.user):
        panels.append(EnquiriesPanel())
