"""What an opportunity's own page shows beyond its fields: the facts panel, incentives with their
legal basis, the officer, and — once an investor has been selected — similar open opportunities."""

from django.db.models import Case, IntegerField, Q, Value, When

from promo.investment.facts import fact_groups, incentive_items
from promo.models.investment import InvestmentStatus

SIMILAR_COUNT = 3


def related_pages(page):
    """The hand-picked related items that are live in the page's language, in the editor's order."""
    found = []
    for block in page.related:
        item = block.value
        if item is None:
            continue
        item = item.specific.localized
        if item.live and item.pk != page.pk and item not in found:
            found.append(item)
    return found


def similar_open(page, exclude=(), limit=SIMILAR_COUNT):
    """Open opportunities in the page's language: same sector first, then same commune, newest
    first within each; computed, one query."""
    from promo.models import InvestmentPage

    if page.sector_id is None and page.commune_id is None:
        return []
    match = Q()
    if page.sector_id is not None:
        match |= Q(sector_id=page.sector_id)
    if page.commune_id is not None:
        match |= Q(commune_id=page.commune_id)
    rank = (
        Case(When(sector_id=page.sector_id, then=Value(0)), default=Value(1), output_field=IntegerField())
        if page.sector_id
        else Value(1)
    )
    return list(
        InvestmentPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id, status=InvestmentStatus.OPEN)
        .filter(match)
        .exclude(pk=page.pk)
        .exclude(pk__in=[p.pk for p in exclude])
        .select_related("sector", "commune", "investment_form")
        .annotate(similarity=rank)
        .order_by("similarity", "-published", "-first_published_at", "pk")[:limit]
    )


def detail_context(page, request):
    from promo.models import ExchangeRate

    rate = ExchangeRate.for_request(request)
    related = related_pages(page)
    context = {
        "rate": rate,
        "fact_groups": fact_groups(page, rate),
        "incentive_items": incentive_items(page),
        "related_items": related,
        "officer": page.officer,
    }
    if page.is_awarded:
        context["similar_items"] = similar_open(page, exclude=related)
    return context
