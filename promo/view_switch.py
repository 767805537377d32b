"""The "show as" links of a listing (list, map, month calendar): each keeps the page's
filters, so switching views never loses what the visitor chose."""

from django.utils.translation import gettext_lazy as _

VIEW_LABELS = {"list": _("List"), "map": _("Map"), "calendar": _("Month calendar")}
# Parameters that belong to one view only.
VIEW_ONLY = {"page", "view", "month", "untranslated"}


def current_view(request, views):
    view = request.GET.get("view", "list")
    return view if view in views else "list"


def view_options(request, views):
    """[(value, label, url, is_current)]; the calendar keeps only the test clock."""
    current = current_view(request, views)
    options = []
    for value in views:
        if value == "calendar":
            query = request.GET.copy()
            for name in list(query):
                if name != "now":
                    query.pop(name)
        else:
            query = request.GET.copy()
            for name in VIEW_ONLY:
                query.pop(name, None)
        if value != "list":
            query["view"] = value
        encoded = query.urlencode()
        options.append(
            (value, VIEW_LABELS[value], f"?{encoded}" if encoded else request.path, value == current)
        )
    return options
