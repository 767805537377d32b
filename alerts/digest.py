"""Finding what each subscriber has not been told yet, and telling them once.

`send_digests()` runs from cron (`manage.py opportunity_alerts send`). For every confirmed
subscription it finds the live opportunities first published after the confirmation that match
its sectors and communes and were never sent to it, claims them (AlertDelivery rows, unique per
subscription and item), sends one message, and releases the claim if sending fails so that the
next run tries again. Two runs at once cannot send the same item twice: the second one's claim
finds the rows taken."""

import uuid
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from alerts.mail import digest_message, send
from alerts.models import AlertDelivery, AlertSubscription


@dataclass
class Outcome:
    subscribers: int = 0
    messages: int = 0
    items: int = 0
    failed: list = field(default_factory=list)


def _sources():
    """Live Vietnamese (source) opportunities with what matching needs, oldest first."""
    from promo.models import InvestmentPage
    from promo.models.investment import InvestmentStatus

    return list(
        InvestmentPage.objects.live()
        .public()
        .filter(locale__language_code="vi")
        .exclude(status=InvestmentStatus.AWARDED)
        .select_related("sector", "commune")
        .order_by("first_published_at", "pk")
    )


def matching(subscription, sources, already):
    found = []
    for page in sources:
        if page.translation_key in already or page.first_published_at is None:
            continue
        if page.first_published_at <= subscription.confirmed_at:
            continue
        if subscription.sectors and (page.sector is None or page.sector.slug not in subscription.sectors):
            continue
        if subscription.communes and (page.commune is None or page.commune.slug not in subscription.communes):
            continue
        found.append(page)
    return found


def localized_items(pages, language, root):
    """[{"title", "url", "summary", "fallback"}] in the subscriber's language where translated."""
    from django.utils import translation

    from promo.investment.facts import card_facts
    from promo.models import InvestmentPage

    keys = [p.translation_key for p in pages]
    translated = {
        p.translation_key: p
        for p in InvestmentPage.objects.live()
        .public()
        .filter(translation_key__in=keys, locale__language_code=language)
        .select_related("sector", "commune", "investment_form")
    }
    items = []
    with translation.override(language):
        for source in pages:
            page = translated.get(source.translation_key, source)
            items.append(
                {
                    "title": page.title,
                    "url": root + page.url,
                    "summary": page.summary,
                    "facts": " · ".join(card_facts(page)),
                    "fallback": page.locale_id == source.locale_id and language != "vi",
                }
            )
    return items


def send_digests(progress=None, dry_run=False, now=None):
    from alerts.conf import base_url

    now = now or timezone.now()
    root = base_url()
    outcome = Outcome()
    sources = _sources()
    subscriptions = list(AlertSubscription.objects.filter(confirmed_at__isnull=False).order_by("pk"))
    sent_keys = {}
    for sub_id, key in AlertDelivery.objects.filter(subscription__in=subscriptions).values_list(
        "subscription_id", "item_key"
    ):
        sent_keys.setdefault(sub_id, set()).add(key)
    for done, subscription in enumerate(subscriptions, 1):
        outcome.subscribers += 1
        pages = matching(subscription, sources, sent_keys.get(subscription.pk, set()))
        if pages and not dry_run:
            run = uuid.uuid4().hex
            with transaction.atomic():
                AlertDelivery.objects.bulk_create(
                    [
                        AlertDelivery(
                            subscription=subscription, item_key=p.translation_key, run=run, sent_at=now
                        )
                        for p in pages
                    ],
                    ignore_conflicts=True,
                )
            claimed = set(
                AlertDelivery.objects.filter(subscription=subscription, run=run).values_list(
                    "item_key", flat=True
                )
            )
            pages = [p for p in pages if p.translation_key in claimed]
            if pages:
                try:
                    send(digest_message(subscription, localized_items(pages, subscription.language, root)))
                except Exception as exc:  # release the claim: the next run tries again
                    AlertDelivery.objects.filter(subscription=subscription, run=run).delete()
                    outcome.failed.append((subscription.pk, f"{type(exc).__name__}: {exc}"))
                else:
                    AlertSubscription.objects.filter(pk=subscription.pk).update(last_sent_at=now)
                    outcome.messages += 1
                    outcome.items += len(pages)
        elif pages:
            outcome.messages += 1
            outcome.items += len(pages)
        if progress:
            progress(done, len(subscriptions))
    return outcome


def purge(now=None, dry_run=False):
    """Delete unconfirmed subscriptions older than ALERT_CONFIRM_DAYS and confirmed ones not
    renewed within ENQUIRY_RETENTION_DAYS; (unconfirmed, lapsed) counts."""
    from datetime import timedelta

    from alerts.conf import confirm_days, retention_days

    now = now or timezone.now()
    unconfirmed = AlertSubscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - timedelta(days=confirm_days())
    )
    lapsed = AlertSubscription.objects.filter(
        confirmed_at__isnull=False, renewed_at__lt=now - timedelta(days=retention_days())
    )
    counts = (unconfirmed.count(), lapsed.count())
    if not dry_run:
        unconfirmed.delete()
        lapsed.delete()
    return counts
