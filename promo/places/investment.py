"""Investment opportunities on the map: the same filters as the section's listing."""
from maps.registry import BadFilter, PlaceKind, register


@register
class InvestmentPlaces(PlaceKind):
    kind = "investment"
    variants = ("open", "negotiating", "awarded")

    def items(self, locale, params):
        from promo.models import InvestmentIndexPage

        index = InvestmentIndexPage.objects.filter(locale=locale).first()
        if index is None:
            return []
        screen = index.screen(params)
        if screen.errors:
            raise BadFilter(screen.errors)
        qs = (screen.queryset.filter(lat__isnull=False, lon__isnull=False)
              .select_related("sector", "commune", "investment_form"))
        ref = params.get("ref")
        if ref:
            qs = qs.filter(ref=ref)
        return qs.order_by("title", "pk")

    def properties(self, item, request):
        from promo.investment.facts import card_facts
        from promo.models import ExchangeRate

        return {
            "ref": item.ref,
            "title": item.title,
            "url": item.get_url(request),
            "facts": card_facts(item, ExchangeRate.for_request(request)),
            "variant": item.status,
        }
