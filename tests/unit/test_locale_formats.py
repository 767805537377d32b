"""One style per language for dates, numbers and money, wherever the site shows them."""

import datetime

import pytest
from django.utils import translation

from promo.templatetags.promo_tags import date_range, number, usd, vnd

START, END = datetime.date(2026, 4, 5), datetime.date(2026, 4, 12)
EXPECTED = {
    "vi": ("05/04/2026", "12,5", "150.000 đ", "8.000.000 USD"),
    "en": ("5 April 2026", "12.5", "150,000 VND", "US$8,000,000"),
    "ko": ("2026년 4월 5일", "12.5", "150,000동", "8,000,000달러"),
    "ja": ("2026年4月5日", "12.5", "150,000ドン", "8,000,000米ドル"),
    "zh-hans": ("2026年4月5日", "12.5", "150,000越南盾", "8,000,000美元"),
}


@pytest.mark.parametrize("language", EXPECTED)
def test_dates_numbers_and_money_per_language(language):
    day, decimal, price, capital = EXPECTED[language]
    with translation.override(language):
        html = date_range(START, END)
        assert f'<time datetime="2026-04-05">{day}</time>' in html
        assert number(12.5) == decimal
        assert vnd(150000) == price
        assert usd(8000000) == capital
