"""Translation status for staff (item × language: missing, up to date, outdated, with the next
step), and imported translations taking part in wagtail-localize's sync like editor ones."""

import re

import pytest
from django.utils import translation
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.translation_status import CURRENT, MISSING, OUTDATED, status_rows
from promo.models import ProductPage
from tests.factories import ProductLine, load_lines, translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def honey(site):
    line = ProductLine(ref="honey", title="Mật ong hoa cao su", summary="Mật ong từ rừng cao su.")
    load_lines(
        [
            line,
            translated(
                line,
                "en",
                title="Rubber blossom honey",
                summary="Honey from the rubber forest.",
                body="First paragraph.\n\nSecond paragraph.",
                unit="jar",
            ),
            translated(
                line,
                "ko",
                title="고무꽃 꿀",
                summary="고무나무 숲의 꿀.",
                body="첫째 단락.\n\n둘째 단락.",
                unit="병",
            ),
        ]
    )
    return line


def _statuses(ref):
    source = ProductPage.objects.get(ref=ref, locale__language_code="vi")
    with translation.override("en"):
        (row,) = status_rows([source])
        return {cell.language: cell for cell in row.cells}


def test_imported_translations_are_recorded_for_wagtail_localize(honey):
    source = ProductPage.objects.get(ref="honey", locale__language_code="vi")
    ts = TranslationSource.objects.get(object_id=source.translation_key, locale=source.locale)
    assert {t.target_locale.language_code for t in Translation.objects.filter(source=ts)} == {"en", "ko"}
    title = StringSegment.objects.get(source=ts, context__path="title")
    english = StringTranslation.objects.get(
        translation_of=title.string, context=title.context, locale__language_code="en"
    )
    assert english.data == "Rubber blossom honey"
    en = Translation.objects.get(source=ts, target_locale__language_code="en")
    total, done = en.get_progress()
    assert total == done and total >= 5  # title, summary, two body paragraphs, unit...


def test_status_per_language(honey):
    cells = _statuses("honey")
    assert (cells["en"].status, cells["ko"].status) == (CURRENT, CURRENT)
    assert cells["ja"].status == cells["zh-hans"].status == MISSING
    source = ProductPage.objects.get(ref="honey", locale__language_code="vi")
    assert cells["ja"].action_url == f"/admin/localize/submit/page/{source.pk}/"


def test_a_changed_source_makes_translations_outdated_until_synced_and_translated(
    honey, client, django_user_model
):
    load_lines([{**honey, "summary": "Mật ong hoa cao su, thu hoạch vào mùa khô."}])
    cells = _statuses("honey")
    assert cells["en"].status == cells["ko"].status == OUTDATED
    assert "/admin/localize/update/" in cells["en"].action_url

    # "Sync translated pages", as staff do it in wagtail-localize
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "x"))
    response = client.post(cells["en"].action_url, {})
    assert response.status_code == 302
    cells = _statuses("honey")
    assert cells["en"].status == OUTDATED and "1 of" in cells["en"].reason  # the new summary

    # a translator translates the changed segment in the editor; the imported text stays
    source = ProductPage.objects.get(ref="honey", locale__language_code="vi")
    ts = TranslationSource.objects.get(object_id=source.translation_key, locale=source.locale)
    summary = StringSegment.objects.get(source=ts, context__path="summary")
    translation = Translation.objects.get(source=ts, target_locale__language_code="en")
    StringTranslation.objects.create(
        translation_of=summary.string,
        context=summary.context,
        locale=translation.target_locale,
        data="Rubber blossom honey, gathered in the dry season.",
    )
    translation.save_target(publish=True)
    en = ProductPage.objects.get(ref="honey", locale__language_code="en")
    assert en.summary == "Rubber blossom honey, gathered in the dry season."
    assert en.title == "Rubber blossom honey"  # from the import, kept by the sync
    assert _statuses("honey")["en"].status == CURRENT


def test_translation_status_report_in_the_admin(honey, client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "x"))
    html = client.get("/admin/").content.decode()
    assert "/admin/reports/translation-status/" in html
    html = client.get("/admin/reports/translation-status/", {"kind": "product"}).content.decode()
    row = re.search(r"<tr>\s*<th scope=\"row\"><a [^>]*>Mật ong hoa cao su</a>.*?</tr>", html, re.S).group(0)
    assert row.count("translation-status__missing") == 2
    assert row.count("translation-status__current") == 2
    html = client.get(
        "/admin/reports/translation-status/", {"kind": "product", "status": "outdated"}
    ).content.decode()
    assert "Mật ong hoa cao su" not in html


def _english_rows(ref):
    source = ProductPage.objects.get(ref=ref, locale__language_code="vi")
    ts = TranslationSource.objects.get(object_id=source.translation_key, locale=source.locale)
    return {
        row.context.path: row
        for row in StringTranslation.objects.filter(
            translation_of__segments__source=ts, locale__language_code="en"
        ).select_related("context")
    }


def test_a_translation_imported_again_updates_its_recorded_segments_in_place(honey):
    before = _english_rows("honey")
    assert before["title"].data == "Rubber blossom honey" and not before["title"].has_error
    load_lines(
        [translated(honey, "en", title="Rubber flower honey", summary="Honey from the rubber forest.")]
    )
    after = _english_rows("honey")
    assert after["title"].pk == before["title"].pk  # the same record, not a second one
    assert after["title"].data == "Rubber flower honey"
    assert after["title"].updated_at > before["title"].updated_at
    assert after["title"].tool_name == "catalogue import"
    assert after["summary"].data == "Honey from the rubber forest."
    en = ProductPage.objects.get(ref="honey", locale__language_code="en")
    assert en.draft_title == en.title == "Rubber flower honey"


def test_recording_a_translation_costs_the_same_queries_for_one_paragraph_or_twenty(site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from promo.imported_translations import record_translations

    counts = []
    for ref, paragraphs in (("short", 1), ("long", 20)):
        line = ProductLine(ref=ref, body="\n\n".join(f"Đoạn {n}." for n in range(paragraphs)))
        body = "\n\n".join(f"Paragraph {n}." for n in range(paragraphs))
        load_lines([line, translated(line, "en", body=body)])
        en = ProductPage.objects.get(ref=ref, locale__language_code="en")
        with CaptureQueriesContext(connection) as queries:
            record_translations([en])
        assert len(_english_rows(ref)) >= paragraphs + 2  # title, summary and each paragraph
        counts.append(len(queries))
    # An import records translations for thousands of segments: a query or three per segment
    # (45 queries for one paragraph, 159 for twenty) made the import's background work crawl.
    assert counts[1] <= counts[0] + 5, counts
