"""Amounts are stored in VND and shown with an approximate US dollar figure at the site's rate:
“1.052.000.000.000 ₫ (≈ US$40,000,000, at 26,300 VND/USD on 29/05/2026)”."""

from decimal import ROUND_HALF_UP, Decimal

from django.template.defaultfilters import date as date_filter
from django.utils.translation import gettext as _

from promo.templatetags.promo_tags import number, usd, vnd


def to_usd(amount_vnd, rate):
    """The amount in US dollars at `rate` (an ExchangeRate), rounded for display, or None."""
    if amount_vnd is None or rate is None or not rate.usable:
        return None
    value = Decimal(amount_vnd) / Decimal(rate.vnd_per_usd)
    if value < 100:
        return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    # Three significant figures: the conversion is an approximation, not a quote.
    digits = len(str(int(value)))
    step = Decimal(10) ** max(0, digits - 3)
    return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


def to_vnd(amount_usd, rate):
    if amount_usd is None or rate is None or not rate.usable:
        return None
    return int((Decimal(amount_usd) * Decimal(rate.vnd_per_usd)).to_integral_value(ROUND_HALF_UP))


def rate_note(rate):
    """“at 26,300 VND/USD on 29/05/2026”, or "" without a usable rate."""
    if rate is None or not rate.usable:
        return ""
    return _("at %(rate)s VND/USD on %(date)s") % {
        "rate": number(rate.vnd_per_usd),
        "date": date_filter(rate.rate_date, "SHORT_DATE_FORMAT"),
    }


def usd_text(amount_vnd, rate):
    value = to_usd(amount_vnd, rate)
    return _("≈ %(amount)s") % {"amount": usd(value)} if value is not None else ""


def money_parts(amount_vnd, rate):
    """{"vnd", "usd", "rate"} texts for one amount ("" where unknown)."""
    if amount_vnd is None:
        return None
    return {"vnd": vnd(amount_vnd), "usd": usd_text(amount_vnd, rate), "rate": rate_note(rate)}


def money_text(amount_vnd, rate):
    parts = money_parts(amount_vnd, rate)
    if parts is None:
        return ""
    if not parts["usd"]:
        return parts["vnd"]
    return _("%(vnd)s (%(usd)s, %(rate)s)") % parts


def range_text(low_vnd, high_vnd, rate, unit=""):
    """A VND range with its dollar equivalent, e.g. lease prices per m² per year."""
    if low_vnd is None and high_vnd is None:
        return ""
    low, high = (low_vnd, high_vnd) if low_vnd is not None else (high_vnd, high_vnd)
    high = high if high is not None else low
    if low == high:
        vnd_part, usd_part = vnd(low), usd(to_usd(low, rate))
    else:
        vnd_part = _("%(low)s–%(high)s") % {"low": number(low), "high": vnd(high)}
        low_usd, high_usd = to_usd(low, rate), to_usd(high, rate)
        usd_part = (
            _("%(low)s–%(high)s") % {"low": usd(low_usd), "high": usd(high_usd)}
            if low_usd is not None
            else ""
        )
    text = f"{vnd_part}{unit}"
    if usd_part:
        text += " " + _("(≈ %(usd)s, %(rate)s)") % {"usd": f"{usd_part}{unit}", "rate": rate_note(rate)}
    return text
