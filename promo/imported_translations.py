"""Translations written by the catalogue importer or the spreadsheet upload, made part of
wagtail-localize's sync like those made in its editor.

wagtail-localize knows a translation by three records: the source's TranslationSource (a
snapshot of the Vietnamese page, cut into segments), a Translation (source → target language)
and a StringTranslation per translated segment. The editor writes them as a translator works;
an import writes the translated page directly. `record_translations` writes the same records
for it: the Vietnamese page's current content becomes the source snapshot and each segment
gets the imported page's text for it. Afterwards "Sync translated pages" treats the imported
translation exactly as an edited one: changed Vietnamese segments show up untranslated in the
editor, unchanged ones keep the imported text.

Segments are paired field by field, in order (a title with the title, the third paragraph of
the body with the third paragraph). A field whose translation has a different number of
segments (say four paragraphs for the source's five) is left for a translator to pair in the
editor rather than guessed at.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue, validate_translation_links

from promo.languages import SOURCE_LANGUAGE

TOOL_NAME = "catalogue import"


def _field(path):
    return path.split(".", 1)[0]


def _target_strings(page):
    """{field: [StringValue, …]} of a page's translatable text, in page order."""
    strings = {}
    for segment in extract_segments(page):
        if isinstance(segment, StringSegmentValue):
            strings.setdefault(_field(segment.path), []).append(segment.string)
    return strings


def _source_segments(source_page):
    """The source page's snapshot (created or refreshed) and its string segments by field."""
    source, _created = TranslationSource.update_or_create_from_instance(source_page)
    by_field = {}
    segments = source.stringsegment_set.select_related("string", "context").order_by("order")
    for segment in segments:
        by_field.setdefault(_field(segment.context.path), []).append(segment)
    return source, by_field


def _pair(source, by_field, translated_page, user=None):
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale_id=translated_page.locale_id, defaults={"enabled": True}
    )
    target = _target_strings(translated_page)
    wanted = {}  # (string id, context id) -> (source segment, translated text)
    for field, source_segments in by_field.items():
        values = target.get(field, [])
        if len(values) != len(source_segments):
            continue
        for segment, value in zip(source_segments, values, strict=True):
            wanted[segment.string_id, segment.context_id] = (segment, value.data)
    _write_string_translations(wanted, translated_page, user)
    Translation.objects.filter(pk=translation.pk).update(translations_last_updated_at=timezone.now())
    return translation, len(wanted)


def _write_string_translations(wanted, translated_page, user):
    """Store each (segment, text) of `wanted` as the manual translation of its segment in the
    page's language: what `StringTranslation.objects.update_or_create(...)` per segment would
    store, in three queries for the page instead of three or four per segment (an item has
    dozens of segments and an import thousands of items)."""
    if not wanted:
        return
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale_id=translated_page.locale_id,
            translation_of_id__in={string_id for string_id, _context in wanted},
            context_id__in={context_id for _string, context_id in wanted},
        )
    }
    now = timezone.now()
    created, updated, titled = [], [], None
    for key, (segment, data) in wanted.items():
        row = existing.get(key) or StringTranslation(
            translation_of_id=segment.string_id,
            locale_id=translated_page.locale_id,
            context_id=segment.context_id,
            created_at=now,
        )
        row.data = data
        row.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
        row.tool_name = TOOL_NAME
        row.last_translated_by = user
        # StringTranslation.save() marks text a page must not use (broken HTML, links that are
        # not the source's); bulk writes skip save(), so the same check runs here.
        row.has_error = not _usable(segment.string.data, data)
        row.field_error = ""
        row.updated_at = now
        (updated if row.pk else created).append(row)
        if segment.context.path == "title":
            titled = data
    StringTranslation.objects.bulk_create(created)
    StringTranslation.objects.bulk_update(updated, UPDATED_FIELDS)
    if titled is not None:
        # wagtail-localize's post_save handler: a translated title is the page's draft title.
        Page.objects.filter(
            translation_key=translated_page.translation_key, locale_id=translated_page.locale_id
        ).update(draft_title=titled)


UPDATED_FIELDS = [
    "data",
    "translation_type",
    "tool_name",
    "last_translated_by",
    "has_error",
    "field_error",
    "updated_at",
]


def _usable(source_html, translated_html):
    try:
        StringValue.from_translated_html(translated_html)
        validate_translation_links(source_html, translated_html)
    except ValueError:
        return False
    return True


def record_translations(pages):
    """Write wagtail-localize's records for every page of `pages` that is a translation of a
    Vietnamese page, written outside its editor (the pages an import just wrote); sources are
    read in one query. Returns how many translations were recorded."""
    from wagtail.models import Locale

    source_locale = Locale.objects.filter(language_code=SOURCE_LANGUAGE).first()
    translated = [p for p in pages if source_locale and p.locale_id != source_locale.pk]
    if not translated:
        return 0
    sources = {
        p.translation_key: p
        for p in Page.objects.filter(
            locale=source_locale, translation_key__in={p.translation_key for p in translated}
        ).specific()
    }
    by_source = {}
    for page in translated:
        if page.translation_key in sources:
            by_source.setdefault(page.translation_key, []).append(page)
    recorded = 0
    # One snapshot of each source for all its languages (taking it is the costly part), and one
    # short transaction per item, so visitors' writes never queue behind a whole file.
    for key, targets in by_source.items():
        with transaction.atomic():
            source, by_field = _source_segments(sources[key])
            for page in targets:
                _pair(source, by_field, page.specific)
                recorded += 1
    return recorded
