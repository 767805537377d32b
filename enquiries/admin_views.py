"""The "Enquiries" admin listing: read-only records staff can filter, search and export."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from enquiries.models import VISITOR_FIELDS, Enquiry


class ReadOnlyPolicy(ModelPermissionPolicy):
    """What a visitor wrote is evidence: staff may view and delete (erasure requests), never
    create or rewrite an enquiry."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in ("add", "change")])


class EnquiryFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received"),
        widget=DateRangePickerWidget,
    )

    class Meta:
        model = Enquiry
        fields = ["kind", "email_status", "language", "created_at"]


class EnquiryViewSet(ModelViewSet):
    model = Enquiry
    icon = "mail"
    menu_label = _("Enquiries")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "enquiries"
    name = "enquiry_admin"
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = EnquiryFilterSet
    search_fields = ["name", "company", "email"]
    search_backend_name = None  # plain ORM lookups: no search index for private data
    list_display = [
        TitleColumn("name", label=_("Name"), url_name="enquiry_admin:inspect"),
        "company",
        "email",
        Column("kind", accessor="get_kind_display", label=_("Kind")),
        "opportunity_ref",
        "language",
        Column("email_status", accessor="get_email_status_display", label=_("Email status")),
        DateColumn("created_at", label=_("Received")),
    ]
    list_export = [
        "created_at",
        *(name for name in VISITOR_FIELDS if name != "opportunity_id"),
        "email_status",
        "email_error",
    ]
    export_headings = {"created_at": _("Received"), "opportunity_ref": _("Opportunity reference")}
    export_filename = "enquiries"
    inspect_view_fields = list_export
    ordering = ["-created_at"]
    form_fields = ["name"]  # required by ModelViewSet; add/edit are refused by ReadOnlyPolicy
