"""Import a spreadsheet of catalogue items: upload, preview every problem, confirm.

Between preview and confirm the rows live in the user's session under a random token, as the
catalogue lines they became. Confirming queues a background job (staff.jobs) keyed by that
token — a second confirm of the same upload finds the same job — and shows its page: progress,
then the result. The job checks the rows again against the site as it is then, since taxonomy
or pages may have changed meanwhile.
"""

import secrets

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from promo.catalogue.parse import Problem
from promo.catalogue.spec import KINDS
from staff import jobs, spreadsheet
from staff.forms import UploadForm
from staff.models import ImportJob
from staff.permissions import can_import, can_import_live

SESSION_PREFIX = "staff-import:"


class Expired(Exception):
    """The upload a preview or confirm names is not in the session."""


class ImportAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        try:
            return super().dispatch(request, *args, **kwargs)
        except Expired:
            # Imported, replaced by a newer upload, or the session ended.
            messages.warning(request, _("That upload is no longer held; upload the file again."))
            return redirect("staff_import")


class ImportView(ImportAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "staff/import.html"
    page_title = gettext_lazy("Import spreadsheet")
    header_icon = "upload"
    _breadcrumbs = [{"url": reverse_lazy("staff_import"), "label": gettext_lazy("Import spreadsheet")}]

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + self._breadcrumbs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", UploadForm())
        context["templates"] = [
            {
                "kind": kind,
                "label": dict(UploadForm.base_fields["kind"].choices)[kind],
                "xlsx": reverse("staff_import_template", args=[kind, "xlsx"]),
                "csv": reverse("staff_import_template", args=[kind, "csv"]),
            }
            for kind in KINDS
        ]
        context["recent_jobs"] = _visible_jobs(self.request.user)[:10]
        return context

    def post(self, request):
        form = UploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        kind, upload = form.cleaned_data["kind"], form.cleaned_data["file"]
        if not can_import(request.user, kind):
            raise PermissionDenied
        try:
            header, body = spreadsheet.read_upload(upload.name, upload.read())
        except spreadsheet.UnreadableSheet as exc:
            form.add_error("file", str(exc))
            return self.render_to_response(self.get_context_data(form=form))
        sheet, problems = spreadsheet.build_sheet(kind, header, body)
        token = secrets.token_urlsafe(16)
        # Only the latest upload is kept: an abandoned preview must not fill the session.
        for key in [k for k in request.session.keys() if k.startswith(SESSION_PREFIX)]:
            del request.session[key]
        request.session[SESSION_PREFIX + token] = {
            "kind": kind,
            "name": upload.name,
            "header": header,
            "rows": sheet.rows,
            "lines": sheet.lines,
            "header_problems": [[p.line, p.key, p.message] for p in problems],
        }
        return redirect(reverse("staff_import_preview", args=[token]))


def _stored(request, token):
    data = request.session.get(SESSION_PREFIX + token)
    if data is None:
        raise Expired
    sheet = spreadsheet.Sheet(
        data["kind"], [c for c in data["header"] if c], [tuple(r) for r in data["rows"]], data["lines"]
    )
    return data, sheet


class PreviewView(ImportAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "staff/import_preview.html"
    page_title = gettext_lazy("Check the spreadsheet")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("staff_import"), "label": _("Import spreadsheet")},
            {"url": "", "label": _("Check the spreadsheet")},
        ]

    def get_context_data(self, token, **kwargs):
        context = super().get_context_data(**kwargs)
        data, sheet = _stored(self.request, token)
        records, problems = spreadsheet.check(sheet)
        problems = [Problem(*p) for p in data["header_problems"]] + problems
        bad = {(p.line, p.key) for p in problems}
        bad_rows = {p.line for p in problems}
        context.update(
            {
                "token": token,
                "kind": sheet.kind,
                "name": data["name"],
                "columns": sheet.columns,
                "problems": sorted(problems, key=lambda p: (p.line, p.key)),
                "rows": [
                    {
                        "number": number,
                        "bad": number in bad_rows,
                        "cells": [
                            {"value": shown.get(col, ""), "bad": (number, col) in bad}
                            for col in sheet.columns
                        ],
                    }
                    for number, shown in sheet.rows
                ],
                "record_count": len(records),
                "can_confirm": not problems
                and bool(records)
                and can_import_live(self.request.user, sheet.kind, {r.locale for r in records}),
                "may_publish": can_import_live(self.request.user, sheet.kind, {r.locale for r in records}),
            }
        )
        return context


def _visible_jobs(user):
    jobs_qs = ImportJob.objects.select_related("user").defer("sheet")
    return jobs_qs if user.is_superuser else jobs_qs.filter(user=user)


class ConfirmView(ImportAccessMixin, View):
    http_method_names = ["post"]

    def post(self, request, token):
        existing = ImportJob.objects.filter(token=token).only("pk").first()
        if existing is not None:  # confirmed already (a second click, another tab)
            return redirect("staff_import_job", existing.pk)
        data, sheet = _stored(request, token)
        records, problems = spreadsheet.check(sheet)
        preview = reverse("staff_import_preview", args=[token])
        if problems or data["header_problems"] or not records:
            messages.error(request, _("The spreadsheet has problems; nothing was imported."))
            return redirect(preview)
        if not can_import_live(request.user, sheet.kind, {r.locale for r in records}):
            raise PermissionDenied
        job, _created = jobs.start(token, request.user, data)
        del request.session[SESSION_PREFIX + token]
        return redirect("staff_import_job", job.pk)


class JobView(ImportAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """Progress while the job runs (the page refreshes itself), then its result."""

    template_name = "staff/import_job.html"
    page_title = gettext_lazy("Spreadsheet import")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("staff_import"), "label": _("Import spreadsheet")},
            {"url": "", "label": _("Spreadsheet import")},
        ]

    def get_context_data(self, job_id, **kwargs):
        context = super().get_context_data(**kwargs)
        job = _visible_jobs(self.request.user).filter(pk=job_id).first()
        if job is None:
            raise Http404
        context.update(
            {
                "job": job,
                "problems": sorted((Problem(*p) for p in job.problems), key=lambda p: (p.line, p.key)),
            }
        )
        return context


class TemplateDownloadView(ImportAccessMixin, View):
    def get(self, request, kind, fmt):
        if kind not in KINDS or fmt not in ("xlsx", "csv"):
            raise Http404
        if fmt == "xlsx":
            body = spreadsheet.template_xlsx(kind)
            content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        else:
            body = spreadsheet.template_csv(kind)
            content_type = "text/csv; charset=utf-8"
        response = HttpResponse(body, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="catalogue-{kind}.{fmt}"'
        return response
