import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache

from tests.factories import InvestmentLine, load_lines, translated


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def rate(site):
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


def opportunity_line(ref, **values):
    line = InvestmentLine(ref=ref, **values)
    return line


@pytest.fixture
def opportunities(site, rate, officer, django_capture_on_commit_callbacks):
    """Six opportunities with deal facts (vi, en and ko); returns the vi lines by ref."""
    specs = {
        "kcn-a": dict(
            title="Khu công nghiệp A",
            sector="manufacturing",
            commune="xã Long Hòa",
            investment_form="land-lease",
            area_ha=30,
            capital_vnd=1_000_000_000_000,
            status="open",
            lat=11.23,
            lon=106.51,
            decision_expected="2027-03-31",
        ),
        "kcn-b": dict(
            title="Khu công nghiệp B",
            sector="manufacturing",
            commune="xã Thanh An",
            investment_form="land-lease",
            area_ha=10,
            capital_vnd=250_000_000_000,
            status="open",
            lat=11.25,
            lon=106.43,
            decision_expected="2027-01-31",
        ),
        "du-lich-c": dict(
            title="Du lịch C",
            sector="tourism",
            commune="xã Long Hòa",
            investment_form="ppp",
            area_ha=120,
            capital_vnd=2_000_000_000_000,
            status="open",
            lat=11.24,
            lon=106.40,
        ),
        "nong-nghiep-d": dict(
            title="Nông nghiệp D",
            sector="agriculture",
            commune="xã Long Hòa",
            investment_form="land-auction",
            area_ha=50,
            capital_vnd=300_000_000_000,
            status="negotiating",
            lat=11.26,
            lon=106.45,
        ),
        "nha-may-e": dict(
            title="Nhà máy E",
            sector="manufacturing",
            commune="xã Minh Thạnh",
            investment_form="new-project",
            area_ha=15,
            capital_vnd=600_000_000_000,
            status="awarded",
            lat=11.40,
            lon=106.48,
        ),
        "kho-f": dict(
            title="Kho F",
            sector="logistics",
            commune="xã Minh Thạnh",
            investment_form="bcc",
            area_ha=8,
            capital_vnd=450_000_000_000,
            status="open",
        ),
    }
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
    with django_capture_on_commit_callbacks(execute=True):
        load_lines(lines)
    return {line["ref"]: line for line in lines if line["locale"] == "vi"}
