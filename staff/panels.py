"""Panels on the admin home page: what waits for review, new enquiries, coming fairs, and
what visitors search for.

Each panel shows only what its reader may see: the review queue lists pages the user may edit
or review (a draft's title is not public), enquiries need `enquiries.view_enquiry`, and search
analytics need `staff.view_search_analytics` (reviewers and administrators), with phone
numbers and e-mail addresses that visitors typed into the search box masked."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from enquiries.models import Enquiry

FAIR_HORIZON_DAYS = 60
SEARCH_WINDOW_DAYS = 30
LIMIT = 10


class ReviewQueuePanel(Component):
    name = "staff_review_queue"
    template_name = "staff/panels/review_queue.html"
    order = 90

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        page_type = ContentType.objects.get_for_model(Page)
        editable = (
            PagePermissionPolicy()
            .instances_user_has_any_permission_for(user, ["change"])
            .annotate(key=Cast("pk", CharField()))
            .values("key")
        )
        reviewable = TaskState.objects.reviewable_by(user).values("pk")
        states = list(
            WorkflowState.objects.active()
            .filter(base_content_type=page_type)
            .filter(Q(object_id__in=editable) | Q(current_task_state__in=reviewable))
            .select_related("current_task_state__task", "requested_by")
            .order_by("created_at")[:50]
        )
        pages = (
            Page.objects.filter(pk__in=[int(s.object_id) for s in states]).select_related("locale").in_bulk()
        )
        items = [{"state": s, "page": pages[int(s.object_id)]} for s in states if int(s.object_id) in pages]
        return {"items": items}


class EnquiriesPanel(Component):
    name = "staff_enquiries"
    template_name = "staff/panels/enquiries.html"
    order = 95
    permission = "enquiries.view_enquiry"

    @classmethod
    def is_shown_to(cls, user):
        return user.has_perm(cls.permission)

    def get_context_data(self, parent_context):
        since = timezone.now() - dt.timedelta(days=7)
        recent = Enquiry.objects.order_by("-created_at")[:LIMIT]
        items = [
            {
                "created_at": e.created_at,
                "name": e.name,
                "company": e.company,
                "kind": e.get_kind_display(),
                "about": e.opportunity_title or e.opportunity_ref,
            }
            for e in recent
        ]
        return {"items": items, "week_count": Enquiry.objects.filter(created_at__gte=since).count()}


class UpcomingFairsPanel(Component):
    name = "staff_upcoming_fairs"
    template_name = "staff/panels/upcoming_fairs.html"
    order = 96

    def get_context_data(self, parent_context):
        from promo.models import FairPage

        today = timezone.localdate()
        fairs = (
            FairPage.objects.live()
            .filter(locale__language_code="vi")
            .filter(start__gte=today, start__lte=today + dt.timedelta(days=FAIR_HORIZON_DAYS))
            .order_by("start", "title")
        )
        return {"fairs": fairs, "days": FAIR_HORIZON_DAYS}


class SearchAnalyticsPanel(Component):
    name = "staff_search_analytics"
    template_name = "staff/panels/search_analytics.html"
    order = 97
    permission = "staff.view_search_analytics"

    @classmethod
    def is_shown_to(cls, user):
        return user.has_perm(cls.permission)

    def get_context_data(self, parent_context):
        from search.searchlog import summary

        # {total, top, empty, by_lang}: aggregated per day, personal data redacted when counted.
        data = summary(SEARCH_WINDOW_DAYS, LIMIT)
        for row in data["top"] + data["empty"]:
            row["query"] = show_redacted(row["query"])
        return {"days": SEARCH_WINDOW_DAYS, **data}


def redact_personal_data(text):
    """Mask e-mail addresses and phone-like numbers a visitor typed into a search box."""
    from search.searchlog import redact

    return redact(text, email=str(_("[e-mail]")), phone=str(_("[phone number]")))


def show_redacted(query):
    """The search log's masks, in the reader's language."""
    from search.searchlog import EMAIL_MARK, PHONE_MARK

    return query.replace(EMAIL_MARK, str(_("[e-mail]"))).replace(PHONE_MARK, str(_("[phone number]")))
