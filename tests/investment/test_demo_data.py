"""The demo opportunities: ten of them, each with complete deal facts in all five languages,
two officers and a dated exchange rate, all clearly sample data."""

import json

from promo.catalogue import spec
from promo.catalogue.parse import parse_file
from promo.demo.investment import INVESTMENT_FILE, OFFICERS, RATE
from promo.models.investment import DEAL_FACT_NUMBERS

# Every demo opportunity states these (the decision date and the lease prices are optional).
SHARED_FACTS = {
    "commune",
    "investment_form",
    "lat",
    "lon",
    "officer",
    "published",
    "sector",
    "status",
    *DEAL_FACT_NUMBERS,
} - {"decision_expected", "lease_price_max_vnd", "lease_price_min_vnd"}
SAMPLE = {"vi": "(mẫu)", "en": "(sample)", "ko": "(예시)", "ja": "（サンプル）", "zh-hans": "（示例）"}
WORDS = {
    "title",
    "summary",
    "body",
    "promoter",
    "road_access",
    "water",
    "wastewater",
    "seaport_name",
    "industrial_park_name",
    "incentives",
}


def test_ten_opportunities_with_complete_facts_in_five_languages():
    with INVESTMENT_FILE.open("rb") as stream:
        records, problems = parse_file(stream)
    assert not problems
    by_ref = {}
    for record in records:
        by_ref.setdefault(record.ref, {})[record.locale] = record.values
    assert len(by_ref) == 10
    statuses = set()
    for ref, lines in by_ref.items():
        assert set(lines) == set(spec.LOCALES), ref
        missing = SHARED_FACTS - set(lines["vi"])
        assert not missing, (ref, missing)
        statuses.add(lines["vi"]["status"])
        for locale, values in lines.items():
            assert WORDS <= set(values), (ref, locale, WORDS - set(values))
            assert all(item["text"] for item in values["incentives"])
            assert any(item.get("basis") for item in values["incentives"]), (ref, locale)
        # clearly sample data, in every language
        for locale, marker in SAMPLE.items():
            assert marker in lines[locale]["promoter"], (ref, locale)
    assert statuses == {"open", "negotiating", "awarded"}


def test_the_demo_catalogue_holds_no_other_investment_lines():
    from promo.management.commands.load_demo import DEMO_FILES

    lines = [
        json.loads(line)
        for path in DEMO_FILES
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]
    assert not [line["ref"] for line in lines if line["kind"] == "investment"]


def test_two_officers_and_a_dated_rate():
    assert len(OFFICERS) == 2
    for officer in OFFICERS:
        assert set(officer["title"]) == set(spec.LOCALES)
        assert officer["email"].endswith(".example")
    assert 20_000 < RATE["vnd_per_usd"] < 30_000 and RATE["rate_date"].year >= 2026
