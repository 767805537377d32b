"""Which pages are translated into which language, and which translations are out of date.

For each Vietnamese page (the source) and each other language, one of:
- missing: no page in that language;
- outdated: the Vietnamese page changed after the translation was last synced with it, or
  segments of the source are still untranslated (wagtail-localize's records: imported and
  editor translations alike, see promo.imported_translations). A translation made outside
  wagtail-localize is outdated when the Vietnamese page was saved after it;
- current: up to date.
Each cell carries the next step: translate (wagtail-localize's "Translate this page"), sync
("Sync translated pages") or edit. A fixed number of queries, plus one per Vietnamese page
saved after its last sync.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
TARGET_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != SOURCE_LANGUAGE]

MISSING, OUTDATED, CURRENT = "missing", "outdated", "current"
STATUS_LABELS = {MISSING: _("Missing"), OUTDATED: _("Outdated"), CURRENT: _("Up to date")}


@dataclass
class Cell:
    language: str
    status: str
    page: Page | None = None
    reason: str = ""
    action_label: str = ""
    action_url: str = ""

    @property
    def label(self):
        return STATUS_LABELS[self.status]


@dataclass
class Row:
    source: Page
    cells: list = field(default_factory=list)

    @property
    def kind(self):
        model = self.source.specific_class
        return model._meta.verbose_name if model else ""


def _changed(source_page):
    return source_page.latest_revision_created_at or source_page.last_published_at


def _content_differs(source_page, translation_source):
    """Whether the Vietnamese page's content differs from wagtail-localize's snapshot of it (a
    page saved again without a change is not a change). Only asked of pages saved after the
    snapshot, so the report's cost stays near its fixed queries."""
    page = source_page.specific
    return json.loads(page.to_json()) != json.loads(translation_source.content_json)


def status_rows(sources, languages=TARGET_LANGUAGES):
    """[Row] for `sources` (Vietnamese pages), one Cell per language of `languages`."""
    sources = list(sources)
    keys = [page.translation_key for page in sources]
    translations = {}
    for page in Page.objects.filter(
        translation_key__in=keys, locale__language_code__in=languages
    ).select_related("locale"):
        translations[(page.translation_key, page.locale.language_code)] = page
    locale_codes = dict(Locale.objects.values_list("pk", "language_code"))
    localize_sources = {
        ts.object_id: ts
        for ts in TranslationSource.objects.filter(object_id__in=keys, locale__language_code=SOURCE_LANGUAGE)
    }
    synced = {
        (t.source_id, locale_codes.get(t.target_locale_id))
        for t in Translation.objects.filter(source__in=localize_sources.values(), enabled=True)
    }
    segments = {}
    for source_id, string_id, context_id in StringSegment.objects.filter(
        source__in=localize_sources.values()
    ).values_list("source_id", "string_id", "context_id"):
        segments.setdefault(source_id, []).append((string_id, context_id))
    translated = set(
        StringTranslation.objects.filter(context__object_id__in=keys, has_error=False).values_list(
            "translation_of_id", "context_id", "locale_id"
        )
    )
    code_to_locale = {code: pk for pk, code in locale_codes.items()}

    rows = []
    for source_page in sources:
        row = Row(source=source_page)
        ts = localize_sources.get(source_page.translation_key)
        for language in languages:
            page = translations.get((source_page.translation_key, language))
            if page is None:
                submit_url = reverse("wagtail_localize:submit_page_translation", args=[source_page.pk])
                row.cells.append(Cell(language, MISSING, action_label=_("Translate"), action_url=submit_url))
                continue
            edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
            changed = _changed(source_page)
            if ts is not None and (ts.pk, language) in synced:
                locale_id = code_to_locale[language]
                required = segments.get(ts.pk, [])
                missing = sum(
                    1
                    for string_id, context_id in required
                    if (string_id, context_id, locale_id) not in translated
                )
                if changed and changed > ts.last_updated_at and _content_differs(source_page, ts):
                    sync_url = reverse("wagtail_localize:update_translations", args=[ts.pk])
                    row.cells.append(
                        Cell(
                            language,
                            OUTDATED,
                            page,
                            _("The Vietnamese page changed after the last sync."),
                            _("Sync"),
                            sync_url,
                        )
                    )
                elif missing:
                    reason = _("%(count)s of %(total)s segments untranslated.") % {
                        "count": missing,
                        "total": len(required),
                    }
                    row.cells.append(Cell(language, OUTDATED, page, reason, _("Translate"), edit_url))
                else:
                    row.cells.append(Cell(language, CURRENT, page, "", _("Edit"), edit_url))
                continue
            own = page.latest_revision_created_at or page.last_published_at
            if changed and own and changed > own:
                row.cells.append(
                    Cell(
                        language,
                        OUTDATED,
                        page,
                        _("The Vietnamese page changed after this translation."),
                        _("Edit"),
                        edit_url,
                    )
                )
            else:
                row.cells.append(Cell(language, CURRENT, page, "", _("Edit"), edit_url))
        rows.append(row)
    return rows
