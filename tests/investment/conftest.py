import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import TestCase

from tests.factories import InvestmentLine, load_lines, translated


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def rate(site):
    return set_rate()


def set_rate():
    from wagtail.models import Site

    from promo.models import ExchangeRate

    setting = ExchangeRate.for_site(Site.objects.get(is_default_site=True))
    setting.vnd_per_usd = Decimal("25000")
    setting.rate_date = dt.date(2026, 11, 27)
    setting.source = "test"
    setting.save()
    return setting


@pytest.fixture
def officer(site):
    from promo.models import Officer

    rows = {row.locale.language_code: row for row in Officer.objects.filter(slug="le-van-an")}
    return rows or add_officer()  # already there with the module's opportunities


def add_officer():
    from wagtail.models import Locale

    from promo.models import Officer

    rows = {}
    key = None
    for code, title in (
        ("vi", "Chuyên viên"),
        ("en", "Officer"),
        ("ko", "담당관"),
        ("ja", "担当官"),
        ("zh-hans", "专员"),
    ):
        row = Officer(
            slug="le-van-an",
            name="Lê Văn An",
            title=title,
            phone="+84 28 0000 0001",
            email="an.le@example.com",
            languages="vi,en,ko",
            locale=Locale.objects.get(language_code=code),
        )
        if key:
            row.translation_key = key
        row.save()
        key = row.translation_key
        rows[code] = row
    return rows


@pytest.fixture(scope="module")
def _module_opportunities(request):
    """The opportunities, built once for a module whose database tests all use them."""
    from tests.conftest import shared_content

    if not shared_content(request, "opportunities"):
        return None
    return request.getfixturevalue("module_content")(lambda: (set_rate(), add_officer(), add_opportunities()))


@pytest.fixture
def opportunities(_module_opportunities, site, rate, officer, settings):
    """Six opportunities with deal facts (vi, en and ko); returns the vi lines by ref."""
    if _module_opportunities:
        return _module_opportunities.for_test(settings)[2]
    return add_opportunities()


def add_opportunities():
    # capital in billions of đồng (tỷ)
    # fmt: off
    columns = ("title", "sector", "commune", "investment_form", "area_ha", "capital_bn", "status")
    table = {
        "kcn-a": ("Khu công nghiệp A", "manufacturing", "xã Long Hòa", "land-lease", 30, 1000, "open"),
        "kcn-b": ("Khu công nghiệp B", "manufacturing", "xã Thanh An", "land-lease", 10, 250, "open"),
        "du-lich-c": ("Du lịch C", "tourism", "xã Long Hòa", "ppp", 120, 2000, "open"),
        "nong-nghiep-d": (
            "Nông nghiệp D", "agriculture", "xã Long Hòa", "land-auction", 50, 300, "negotiating"),
        "nha-may-e": ("Nhà máy E", "manufacturing", "xã Minh Thạnh", "new-project", 15, 600, "awarded"),
        "kho-f": ("Kho F", "logistics", "xã Minh Thạnh", "bcc", 8, 450, "open"),
    }
    places = {
        "kcn-a": (11.23, 106.51), "kcn-b": (11.25, 106.43), "du-lich-c": (11.24, 106.40),
        "nong-nghiep-d": (11.26, 106.45), "nha-may-e": (11.40, 106.48),
    }
    # fmt: on
    decisions_expected = {"kcn-a": "2027-03-31", "kcn-b": "2027-01-31"}
    specs = {}
    for ref, row in table.items():
        values = dict(zip(columns, row, strict=True))
        values["capital_vnd"] = values.pop("capital_bn") * 1_000_000_000
        if ref in places:
            values["lat"], values["lon"] = places[ref]
        if ref in decisions_expected:
            values["decision_expected"] = decisions_expected[ref]
        specs[ref] = values
    lines = []
    for ref, values in specs.items():
        line = InvestmentLine(
            ref=ref,
            officer="le-van-an",
            promoter="Ban Quản lý (mẫu)",
            road_access="ĐT 744",
            power_kv=22,
            hcmc_km=62,
            hcmc_minutes=80,
            seaport_name="Cảng Cát Lái",
            seaport_km=72,
            seaport_minutes=95,
            lease_price_min_vnd=60_000,
            lease_price_max_vnd=85_000,
            land_use_term_years=50,
            land_use_type="industrial",
            incentives=[
                {"text": "Miễn tiền thuê đất", "basis": "Nghị định 31/2021/NĐ-CP, Điều 19"},
                {"text": "Hỗ trợ thủ tục"},
            ],
            published="2026-06-01",
            **values,
        )
        line.pop("contact_email")
        lines += [
            line,
            translated(line, "en", title=f"{values['title']} (en)"),
            translated(line, "ko", title=f"{values['title']} 한국어"),
        ]
        if ref == "kcn-a":  # one item in every language (the PDF profiles' scripts)
            lines += [translated(line, "ja", title="工業団地A"), translated(line, "zh-hans", title="工业园A")]
    with TestCase.captureOnCommitCallbacks(execute=True):  # indexing, as after the import's commit
        load_lines(lines)
    return {line["ref"]: line for line in lines if line["locale"] == "vi"}
