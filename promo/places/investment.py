"""Investment opportunities on the map: the same filters as the section's listing.

Markers are built from plain rows (`values()`), not page objects: a page object is costly to
build, and a thousand markers need only a dozen columns."""

from maps.registry import BadFilter, PlaceKind, register

COLUMNS = (
    "ref",
    "slug",
    "title",
    "status",
    "lat",
    "lon",
    "locale_id",
    "area_ha",
    "capital_vnd",
    "sector__name",
    "commune__name",
    "investment_form__name",
)


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
        qs = screen.queryset.filter(lat__isnull=False, lon__isnull=False)
        ref = params.get("ref")
        if ref:
            qs = qs.filter(ref=ref)
        return qs.order_by("title", "pk").values(*COLUMNS)

    def coordinates(self, item):
        return float(item["lon"]), float(item["lat"])

    def feature_id(self, item):
        return item["ref"]

    def properties(self, item, request):
        from promo.investment.facts import short_facts
        from promo.models import ExchangeRate
        from promo.models.investment import InvestmentStatus

        return {
            "ref": item["ref"],
            "title": item["title"],
            "url": self.url(item, request),
            "facts": short_facts(
                InvestmentStatus(item["status"]).label,
                item["sector__name"],
                item["investment_form__name"],
                item["area_ha"],
                item["capital_vnd"],
                item["commune__name"],
                ExchangeRate.for_request(request),
            ),
            "variant": item["status"],
        }

    def url(self, item, request):
        # Opportunities are children of their language's index page (parent_page_types), so
        # the index URL is worked out once per response rather than once per marker.
        from promo.models import InvestmentIndexPage

        urls = request.__dict__.setdefault("_investment_index_urls", {})
        if item["locale_id"] not in urls:
            index = InvestmentIndexPage.objects.filter(locale_id=item["locale_id"]).first()
            urls[item["locale_id"]] = index.get_url(request) if index else ""
        return f"{urls[item['locale_id']]}{item['slug']}/"
