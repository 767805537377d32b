"""The catalogue exchange format carries every deal fact: import and export are lossless, and
bad values are reported with their line and key."""

import json

import pytest

from promo.catalogue.exporter import export_lines
from promo.catalogue.parse import parse_file
from tests.factories import to_jsonl

pytestmark = pytest.mark.django_db


# First: every test after these uses `opportunities`, built once for them (tests/conftest.py,
# shared_content).
def test_bad_facts_are_reported_by_line_and_key():
    lines = [
        {
            "ref": "x-1",
            "kind": "investment",
            "locale": "vi",
            "title": "X",
            "capital_vnd": 1.5,
            "lease_price_min_vnd": 90000,
            "lease_price_max_vnd": 10000,
            "incentives": [{"basis": "no text"}],
            "land_use_term_years": 120,
            "in_land_use_plan": "maybe",
        }
    ]
    _records, problems = parse_file(to_jsonl(lines).encode().splitlines(keepends=True))
    messages = sorted(str(p) for p in problems)
    assert messages == sorted(
        [
            "line 1: capital_vnd: must be a whole number",
            "line 1: in_land_use_plan: must be one of yes, pending, no (got 'maybe')",
            'line 1: incentives: item 1 must be an object with "text" and, optionally, "basis"',
            "line 1: land_use_term_years: must be 1..99 (got 120)",
            "line 1: lease_price_max_vnd: must not be below lease_price_min_vnd",
        ]
    )


def test_unknown_officer_or_form_is_named(site):
    from promo.catalogue.importer import ImportFailed, import_records

    lines = [
        {
            "ref": "x-2",
            "kind": "investment",
            "locale": "vi",
            "title": "X",
            "officer": "nobody",
            "investment_form": "barter",
        }
    ]
    records, problems = parse_file(to_jsonl(lines).encode().splitlines(keepends=True))
    assert not problems
    with pytest.raises(ImportFailed) as failure:
        import_records(records)
    text = " ".join(str(p) for p in failure.value.problems)
    assert "unknown officer 'nobody'" in text and "unknown investment form 'barter'" in text
    assert "land-lease" in text  # the known codes are listed


def test_forms_of_investment_are_seeded_in_five_languages(site):
    from promo.models import InvestmentForm

    slugs = set(InvestmentForm.objects.filter(locale__language_code="vi").values_list("slug", flat=True))
    assert slugs == {
        "new-project",
        "capital-contribution",
        "bcc",
        "ppp",
        "land-lease",
        "land-auction",
        "investor-bidding",
    }
    assert InvestmentForm.objects.count() == 7 * 5
    assert InvestmentForm.objects.get(slug="bcc", locale__language_code="ko").name == "경영협력계약(BCC)"


def test_export_import_export_is_lossless(opportunities, django_capture_on_commit_callbacks):
    from promo.catalogue.importer import import_records

    first = list(export_lines(kinds=["investment"]))
    line = json.loads(first[0])
    for key in (
        "investment_form",
        "officer",
        "capital_vnd",
        "incentives",
        "lease_price_min_vnd",
        "land_use_term_years",
        "power_kv",
        "seaport_name",
        "hcmc_minutes",
        "promoter",
    ):
        assert key in line, key
    assert line["incentives"][0] == {
        "text": "Miễn tiền thuê đất",
        "basis": "Nghị định 31/2021/NĐ-CP, Điều 19",
    }
    records, problems = parse_file(("\n".join(first) + "\n").encode().splitlines(keepends=True))
    assert not problems
    with django_capture_on_commit_callbacks(execute=True):
        summary = import_records(records)
    assert summary.updated == 0 and summary.created == 0  # re-import changes nothing
    assert list(export_lines(kinds=["investment"])) == first


def test_translation_lines_take_shared_facts_from_the_source(opportunities):
    from promo.models import InvestmentPage

    ko = InvestmentPage.objects.select_related("officer", "investment_form").get(
        ref="kcn-a", locale__language_code="ko"
    )
    assert ko.capital_vnd == 1_000_000_000_000 and ko.power_kv == 22
    assert ko.officer.title == "담당관" and ko.investment_form.locale.language_code == "ko"
