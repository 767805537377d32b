"""Opportunity alerts: double opt-in, one digest per subscriber per run with only new matching
items (exactly once, also when the command runs twice), one-click unsubscribe, retention,
rate limit and honeypot like the enquiry forms."""

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from alerts.models import AlertSubscription
from tests.factories import InvestmentLine, load_lines, translated

pytestmark = pytest.mark.django_db


def subscribe(client, callbacks, **data):
    form = {"email": "investor@example.com", "consent": "on", "website": "", **data}
    with callbacks(execute=True):
        return client.post("/en/alerts/", form)


def link(message, name):
    return re.search(rf"https?://[^\s]+/alerts/{name}/[^\s/]+/", message.body).group(0)


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def publish(lines, callbacks):
    with callbacks(execute=True):
        load_lines(lines)


# First: every test after these uses `opportunities`, built once for them (tests/conftest.py,
# shared_content).
def test_one_click_post_from_a_mail_client(client, site):
    subscription = AlertSubscription.objects.create(email="a@example.com", language="en")
    response = client.post(f"/en/alerts/unsubscribe/{subscription.token}/", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200 and not AlertSubscription.objects.exists()


def test_honeypot_keeps_nothing_and_rate_limit_applies(
    client, site, mailoutbox, settings, django_capture_on_commit_callbacks
):
    response = subscribe(client, django_capture_on_commit_callbacks, website="http://spam.example")
    assert response.status_code == 302 and not AlertSubscription.objects.exists() and not mailoutbox
    settings.ENQUIRY_RATE_LIMIT = 2
    for n in range(2):
        subscribe(client, django_capture_on_commit_callbacks, email=f"p{n}@example.com")
    response = subscribe(client, django_capture_on_commit_callbacks, email="p9@example.com")
    assert response.status_code == 429


def test_consent_and_a_real_address_are_required(client, site):
    response = client.post("/en/alerts/", {"email": "not-an-address", "website": ""})
    assert response.status_code == 200
    text = response.content.decode()
    assert "name@example.com" in text and "Please agree" in text


def test_purge_follows_the_retention_rule(site, settings):
    settings.ENQUIRY_RETENTION_DAYS = 30
    now = timezone.now()
    stale = AlertSubscription.objects.create(email="old@example.com", language="en")
    AlertSubscription.objects.filter(pk=stale.pk).update(created_at=now - dt.timedelta(days=8))
    lapsed = AlertSubscription.objects.create(
        email="lapsed@example.com",
        language="en",
        confirmed_at=now - dt.timedelta(days=40),
        renewed_at=now - dt.timedelta(days=31),
    )
    kept = AlertSubscription.objects.create(
        email="kept@example.com",
        language="en",
        confirmed_at=now - dt.timedelta(days=40),
        renewed_at=now - dt.timedelta(days=2),
    )
    call_command("opportunity_alerts", "purge")
    assert list(AlertSubscription.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not AlertSubscription.objects.filter(pk__in=[stale.pk, lapsed.pk]).exists()


def test_subscribe_confirm_publish_alert_once_unsubscribe(
    client, opportunities, mailoutbox, django_capture_on_commit_callbacks
):
    callbacks = django_capture_on_commit_callbacks
    response = subscribe(client, callbacks, sectors=["tourism"], communes=["thanh-an"])
    assert response.status_code == 302 and response["Location"] == "/en/alerts/sent/"
    assert len(mailoutbox) == 1
    confirmation = mailoutbox[0]
    assert confirmation.to == ["investor@example.com"]
    assert "List-Unsubscribe" in confirmation.extra_headers
    subscription = AlertSubscription.objects.get()
    assert not subscription.confirmed and subscription.sectors == ["tourism"]

    # Nothing is sent before confirmation.
    call_command("opportunity_alerts", "send")
    assert len(mailoutbox) == 1

    confirm_url = link(confirmation, "confirm")
    assert client.get(path_of(confirm_url)).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed

    # Existing opportunities are not "new"; a matching one published now is, others are not.
    match = InvestmentLine(ref="ho-moi", title="Hồ mới", sector="tourism", commune="xã Thanh An")
    other = InvestmentLine(
        ref="nha-may-moi", title="Nhà máy mới", sector="manufacturing", commune="xã Thanh An"
    )
    publish([match, translated(match, "en", title="New lake resort"), other], callbacks)
    call_command("opportunity_alerts", "send")
    assert len(mailoutbox) == 2
    digest = mailoutbox[1]
    assert "New lake resort" in digest.body and "Nhà máy mới" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link(digest, "unsubscribe") in digest.extra_headers["List-Unsubscribe"]

    call_command("opportunity_alerts", "send")  # run twice: nothing new, nothing sent
    assert len(mailoutbox) == 2

    assert client.get(path_of(link(digest, "unsubscribe"))).status_code == 200
    assert not AlertSubscription.objects.exists()
    again = InvestmentLine(ref="ho-moi-2", title="Hồ mới 2", sector="tourism", commune="xã Thanh An")
    publish([again], callbacks)
    call_command("opportunity_alerts", "send")
    assert len(mailoutbox) == 2


def test_one_digest_with_several_items_in_the_subscribers_language(
    client, opportunities, mailoutbox, django_capture_on_commit_callbacks
):
    callbacks = django_capture_on_commit_callbacks
    with callbacks(execute=True):
        client.post("/ko/alerts/", {"email": "k@example.com", "consent": "on", "website": ""})
    AlertSubscription.objects.get().confirm()
    first = InvestmentLine(ref="moi-1", title="Mới 1")
    second = InvestmentLine(ref="moi-2", title="Mới 2")
    publish([first, translated(first, "ko", title="새 기회 1"), second], callbacks)
    mailoutbox.clear()
    call_command("opportunity_alerts", "send")
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert "새 기회 1" in body and "Mới 2" in body  # untranslated one shown in Vietnamese
    assert "/ko/investment/moi-1/" in body and "/vi/dau-tu/moi-2/" in body


def test_a_failed_send_is_retried_next_run(
    client, opportunities, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    import alerts.digest

    subscription = AlertSubscription.objects.create(email="a@example.com", language="en")
    subscription.confirm()
    publish([InvestmentLine(ref="moi-3", title="Mới 3")], django_capture_on_commit_callbacks)

    def broken(message):
        raise OSError("mail server down")

    monkeypatch.setattr(alerts.digest, "send", broken)
    outcome = alerts.digest.send_digests()
    assert outcome.failed and not subscription.deliveries.exists()
    monkeypatch.undo()
    assert alerts.digest.send_digests().messages == 1
    assert len(mailoutbox) == 1
