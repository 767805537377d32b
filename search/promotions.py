"""Editor-picked best bets (Wagtail search promotions) shown before the ranked results.

A promotion is made for a query string in the admin; it applies whatever the visitor's
diacritics or case, and shows the picked item in the visitor's language when translated.
"""

import html

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from search.cached import versioned
from search.engines.base import Hit
from search.text import fold


def _key(q):
    return " ".join(fold(q).split())


def _load():
    """{folded query: [(translation key of the picked page, description)]}, in order."""
    table = {}
    for p in (
        SearchPromotion.objects.select_related("query", "page")
        .filter(page__isnull=False)
        .order_by("sort_order")
    ):
        table.setdefault(_key(p.query.query_string), []).append((p.page.translation_key, p.description))
    return table


def best_bets(q, lang, hits):
    promotions = versioned("promotions", _load).get(_key(q))
    if not promotions:
        return hits
    picked = []
    for translation_key, description in promotions:
        translation = (
            Page.objects.live()
            .filter(translation_key=translation_key, locale__language_code__in=[lang, "vi"])
            .select_related("locale")
            .specific()
        )
        chosen = sorted(translation, key=lambda p: p.locale.language_code != lang)
        if not chosen:
            continue
        target = chosen[0]
        ref = getattr(target, "ref", f"page-{target.pk}")
        picked.append(
            Hit(
                ref=ref,
                kind=getattr(target, "kind", "page"),
                locale=target.locale.language_code,
                title=target.title,
                url=target.get_url() or "",
                snippet=html.escape(
                    description or getattr(target, "summary", "") or getattr(target, "abstract", "")
                ),
                score=0.0,
                facts={"best_bet": "1"},
            )
        )
    refs = {hit.ref for hit in picked}
    return picked + [hit for hit in hits if hit.ref not in refs]
