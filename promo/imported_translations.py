"""Translations written by the catalogue importer or the spreadsheet upload, made part of
wagtail-localize's sync like those made in its editor.

wagtail-localize knows a translation by three records: the source's TranslationSource (a
snapshot of the Vietnamese page, cut into segments), a Translation (source → target language)
and a StringTranslation per translated segment. The editor writes them as a translator works;
an import writes the translated page directly. `record_translation` writes the same records
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
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

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
    paired = 0
    for field, source_segments in by_field.items():
        values = target.get(field, [])
        if len(values) != len(source_segments):
            continue
        for segment, value in zip(source_segments, values, strict=True):
            StringTranslation.objects.update_or_create(
                translation_of_id=segment.string_id,
                locale_id=translated_page.locale_id,
                context_id=segment.context_id,
                defaults={
                    "data": value.data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": TOOL_NAME,
                    "last_translated_by": user,
                    "has_error": False,
                    "field_error": "",
                },
            )
            paired += 1
    Translation.objects.filter(pk=translation.pk).update(translations_last_updated_at=timezone.now())
    return translation, paired


@transaction.atomic
def record_translation(source_page, translated_page, user=None):
    """Write wagtail-localize's records for `translated_page`, a translation of `source_page`
    written outside its editor. Returns (Translation, segments paired, segments in source)."""
    source, by_field = _source_segments(source_page.specific)
    translation, paired = _pair(source, by_field, translated_page.specific, user)
    return translation, paired, sum(len(segments) for segments in by_field.values())


def record_translations(pages):
    """`record_translation` for every page of `pages` that is a translation of a Vietnamese
    page (the pages an import just wrote); sources are read in one query."""
    from wagtail.models import Locale, Page

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
