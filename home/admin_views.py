"""The admin's translation status report: every Vietnamese page × every other language."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from home.translation_status import CURRENT, MISSING, OUTDATED, SOURCE_LANGUAGE, TARGET_LANGUAGES, status_rows
from promo.models import CATALOGUE_MODELS

PAGE_SIZE = 50
LANGUAGE_NAMES = dict(settings.LANGUAGES)


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/admin/translation_status.html"
    page_title = _("Translation status")
    header_icon = "globe"
    _breadcrumbs = [{"url": reverse_lazy("translation_status"), "label": _("Translation status")}]

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + self._breadcrumbs

    def kind_choices(self):
        return [(kind, model._meta.verbose_name_plural) for kind, model in CATALOGUE_MODELS.items()] + [
            ("other", _("Other pages"))
        ]

    def sources(self, kind):
        pages = Page.objects.filter(locale__language_code=SOURCE_LANGUAGE, depth__gt=2).order_by("path")
        catalogue = {
            kind: ContentType.objects.get_for_model(model).pk for kind, model in CATALOGUE_MODELS.items()
        }
        if kind in catalogue:
            pages = pages.filter(content_type_id=catalogue[kind])
        elif kind == "other":
            pages = pages.exclude(content_type_id__in=catalogue.values())
        return pages

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        kind = params.get("kind", "")
        status = params.get("status", "")
        language = params.get("language", "")
        languages = [language] if language in TARGET_LANGUAGES else TARGET_LANGUAGES
        rows = status_rows(self.sources(kind), languages)
        totals = {code: {MISSING: 0, OUTDATED: 0, CURRENT: 0} for code in languages}
        for row in rows:
            for cell in row.cells:
                totals[cell.language][cell.status] += 1
        if status == "todo":
            rows = [row for row in rows if any(cell.status != CURRENT for cell in row.cells)]
        elif status in (MISSING, OUTDATED, CURRENT):
            rows = [row for row in rows if any(cell.status == status for cell in row.cells)]
        page = Paginator(rows, PAGE_SIZE).get_page(params.get("p"))
        query = params.copy()
        query.pop("p", None)
        context.update(
            rows=page,
            languages=[(code, LANGUAGE_NAMES[code]) for code in languages],
            totals=[(code, LANGUAGE_NAMES[code], totals[code]) for code in languages],
            kind=kind,
            status=status,
            language=language,
            kind_choices=self.kind_choices(),
            status_choices=[
                ("todo", _("Missing or outdated")),
                (MISSING, _("Missing")),
                (OUTDATED, _("Outdated")),
                (CURRENT, _("Up to date")),
            ],
            language_choices=[(code, LANGUAGE_NAMES[code]) for code in TARGET_LANGUAGES],
            querystring=query.urlencode(),
        )
        return context
