"""`catalogue import`: upsert by (ref, locale), translations, all-or-nothing with every problem."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Revision

from promo.models import CATALOGUE_MODELS, AttractionPage, FairPage, ProductPage
from tests.factories import (
    LINE_FACTORIES,
    AttractionLine,
    FairLine,
    InvestmentLine,
    ProductLine,
    load_lines,
    to_jsonl,
    translated,
)

DEV_CORPUS = Path(__file__).resolve().parents[1] / "data" / "search-eval" / "dev-corpus.jsonl"
pytestmark = pytest.mark.django_db


def run_import(tmp_path, lines_or_text, *extra):
    path = tmp_path / "load.jsonl"
    path.write_text(
        lines_or_text if isinstance(lines_or_text, str) else to_jsonl(lines_or_text), encoding="utf-8"
    )
    out, err = StringIO(), StringIO()
    call_command("catalogue", "import", str(path), *extra, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def page_count():
    return sum(model.objects.count() for model in CATALOGUE_MODELS.values())


def test_every_kind_imports_with_translations(site):
    lines = []
    for kind, factory in LINE_FACTORIES.items():
        line = factory(ref=f"{kind}-one")
        lines += [line, translated(line, "en"), translated(line, "ja")]
    summary = load_lines(lines)
    assert summary.created == 15
    for kind, model in CATALOGUE_MODELS.items():
        pages = model.objects.filter(ref=f"{kind}-one")
        assert {p.locale.language_code for p in pages} == {"vi", "en", "ja"}
        assert len({p.translation_key for p in pages}) == 1
        assert all(p.live for p in pages)


def test_a_later_file_adds_translations_of_items_already_on_the_site(site):
    lines = [factory(ref=f"{kind}-later") for kind, factory in LINE_FACTORIES.items()]
    load_lines(lines)
    summary = load_lines([translated(line, "ko") for line in lines])
    assert summary.created == len(lines)
    for kind, model in CATALOGUE_MODELS.items():
        pages = model.objects.filter(ref=f"{kind}-later")
        assert {p.locale.language_code for p in pages} == {"vi", "ko"}
        assert len({p.translation_key for p in pages}) == 1


def test_translation_takes_shared_values_from_source_and_commune_in_its_language(site):
    line = AttractionLine(ref="nui-cau", title="Núi Cậu", commune="Định Thành", lat=11.35, lon=106.33)
    load_lines([line, translated(line, "en", title="Cau Mountain")])
    vi = AttractionPage.objects.get(ref="nui-cau", locale__language_code="vi")
    en = AttractionPage.objects.get(ref="nui-cau", locale__language_code="en")
    assert en.title == "Cau Mountain"
    assert (en.lat, en.lon, en.category) == (vi.lat, vi.lon, "nature")
    # "Định Thành" is a former commune, merged into xã Dầu Tiếng in 2025
    assert vi.commune.slug == "dau-tieng" and vi.commune.name == "xã Dầu Tiếng"
    assert en.commune.slug == "dau-tieng" and en.commune.name == "Dầu Tiếng Commune"


def test_loading_the_same_file_twice_changes_nothing(site, tmp_path):
    lines = [ProductLine(ref="cashew"), FairLine(ref="expo")]
    lines.append(translated(lines[0], "en"))
    out, _ = run_import(tmp_path, lines)
    assert "3 created" in out
    revisions = Revision.objects.count()
    out, _ = run_import(tmp_path, lines)
    assert "0 created, 0 updated, 3 unchanged" in out
    assert Revision.objects.count() == revisions


def test_changed_line_updates_only_that_page(site):
    line, other = ProductLine(ref="honey", price_from_vnd=100000), ProductLine(ref="other")
    load_lines([line, other])
    summary = load_lines([dict(line, price_from_vnd=150000), other])
    assert (summary.updated, summary.unchanged) == (1, 1)
    page = ProductPage.objects.get(ref="honey")
    assert page.price_from_vnd == 150000
    assert page.live and not page.has_unpublished_changes


def test_every_problem_is_reported_with_line_and_key(site, tmp_path):
    lines = [
        json.dumps(ProductLine(ref="ok-item")),
        "{not json",
        json.dumps(ProductLine(ref="stars", ocop_stars=7)),
        json.dumps(FairLine(ref="fair-bad", start="2026-12-10", end="2026-12-01")),
        json.dumps({k: v for k, v in FairLine(ref="fair-nostart").items() if k != "start"}),
        json.dumps(ProductLine(ref="colour", colour="red")),
        json.dumps(ProductLine(ref="Bad Ref!")),
        json.dumps(ProductLine(ref="ok-item")),
        json.dumps(InvestmentLine(ref="inv", contact_email="nope", area_ha="big")),
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("catalogue", "import", str(path), stdout=StringIO(), stderr=err)
    text = err.getvalue()
    for expected in [
        "line 2: not valid JSON",
        "line 3: ocop_stars: must be 1..5 (got 7)",
        "line 4: end: must not be before start",
        "line 5: start: is required for a fair line",
        "line 6: colour: is not a key of a product line",
        "line 7: ref: required",
        "line 8: ref: ok-item (vi) is already on line 1",
        "line 9: area_ha: must be a number",
        "line 9: contact_email: must be an email address",
    ]:
        assert expected in text, f"missing {expected!r} in:\n{text}"
    assert page_count() == 0


def test_problems_found_against_the_site_also_load_nothing(site, tmp_path):
    lines = [
        ProductLine(ref="fine"),
        ProductLine(ref="where", commune="Atlantis"),
        translated(ProductLine(ref="orphan"), "en"),
        ProductLine(ref="cat", category="weapons"),
    ]
    err = StringIO()
    path = tmp_path / "bad.jsonl"
    path.write_text(to_jsonl(lines), encoding="utf-8")
    with pytest.raises(CommandError, match="3 problem"):
        call_command("catalogue", "import", str(path), stdout=StringIO(), stderr=err)
    text = err.getvalue()
    assert "line 2: commune: unknown commune 'Atlantis'" in text
    assert "line 3: locale: orphan has no vi line" in text
    assert "line 4: category: unknown product category 'weapons'" in text
    assert page_count() == 0


def test_a_ref_cannot_change_kind(site, tmp_path):
    load_lines([ProductLine(ref="shared-ref")])
    with pytest.raises(CommandError):
        run_import(tmp_path, [FairLine(ref="shared-ref")])
    assert not FairPage.objects.exists()


def test_missing_and_non_utf8_files_get_clear_messages(site, tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("catalogue", "import", str(tmp_path / "nope.jsonl"))
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(to_jsonl([ProductLine(ref="a1")]).encode("utf-8") + b'{"t": "\xe9"}\n')
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("catalogue", "import", str(path), stdout=StringIO(), stderr=err)
    assert "line 2: not UTF-8 text" in err.getvalue()


def test_check_mode_changes_nothing(site, tmp_path):
    out, _ = run_import(tmp_path, [ProductLine(ref="checked")], "--check")
    assert "1 lines are valid" in out
    assert page_count() == 0


def test_dev_corpus_imports_cleanly(site, tmp_path):
    out, _ = run_import(tmp_path, DEV_CORPUS.read_text(encoding="utf-8"))
    assert "81 created" in out
    assert page_count() == 81
