"""Money and facts of investment opportunities in templates.

{% load investment_tags %}
{% money page.capital_vnd %}          “1.050.000.000.000 VND” + “≈ US$39,800,000, at … on …”
{% investment_card_facts item as facts %}
"""

from django import template
from django.utils.html import format_html

from promo.investment.facts import card_facts
from promo.investment.money import money_parts

register = template.Library()


def _rate(context):
    rate = context.get("rate")
    if rate is None and context.get("request") is not None:
        from promo.models import ExchangeRate

        rate = ExchangeRate.for_request(context["request"])
    return rate


@register.simple_tag(takes_context=True)
def money(context, amount_vnd):
    parts = money_parts(amount_vnd, _rate(context))
    if parts is None:
        return ""
    if not parts["usd"]:
        return format_html('<span class="money"><span class="money__vnd">{}</span></span>', parts["vnd"])
    return format_html(
        '<span class="money"><span class="money__vnd">{}</span> '
        '<span class="money__usd">{}</span> <span class="money__rate">({})</span></span>',
        parts["vnd"],
        parts["usd"],
        parts["rate"],
    )


@register.simple_tag(takes_context=True)
def investment_card_facts(context, item):
    return card_facts(item, _rate(context))
