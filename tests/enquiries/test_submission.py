import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from enquiries.models import Enquiry

pytestmark = pytest.mark.django_db


def interest_url(page, lang):
    with translation.override(lang):
        return reverse("enquiries:interest", args=[page.id])


def test_valid_interest_is_stored_and_mailed_to_the_opportunity_contact(
    client, opportunity, valid_data, django_capture_on_commit_callbacks
):
    page = opportunity["ko"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(interest_url(page, "ko"), valid_data)

    assert response.status_code == 302
    assert response["Location"] == "/ko/enquiries/thanks/"
    enquiry = Enquiry.objects.get()
    assert enquiry.kind == "interest"
    assert enquiry.opportunity_id == page.id
    assert enquiry.opportunity_ref == page.ref and enquiry.opportunity_title == page.title
    assert enquiry.language == "ko" and enquiry.country == "KR" and enquiry.consent
    assert enquiry.email_status == "sent"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["invest-office@example.com"]
    assert message.reply_to == ["minjun@example.com"]
    assert page.ref in message.subject
    assert "Hanbit Materials" in message.body and "January" in message.body

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "감사합니다" in thanks.content.decode()


def test_general_enquiry_goes_to_the_site_contact_address(
    client, site, valid_data, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    from home.models import ContactSettings

    settings_obj = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.email = "office@dautieng-promo.example"
    settings_obj.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/contact/", valid_data)

    assert response.status_code == 302
    enquiry = Enquiry.objects.get()
    assert enquiry.kind == "general" and enquiry.opportunity is None
    assert [m.to for m in mail.outbox] == [["office@dautieng-promo.example"]]


def test_invalid_submission_shows_errors_next_to_fields_and_stores_nothing(
    client, opportunity, valid_data, django_capture_on_commit_callbacks
):
    data = dict(valid_data, name="", email="not-an-address", consent="")
    del data["consent"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(interest_url(opportunity["en"], "en"), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Please enter your name." in html
    assert "Please enter an email address like name@example.com." in html
    assert "Please agree to be contacted, or we cannot reply." in html
    # The message is tied to its input for screen readers, and the input is flagged.
    assert 'id="id_email_error"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="Hanbit Materials"' in html  # what was typed is kept
    assert Enquiry.objects.count() == 0
    assert mail.outbox == []


def test_error_messages_are_in_the_visitors_language(client, site, valid_data):
    response = client.post("/ko/contact/", dict(valid_data, name=""))
    assert response.status_code == 200
    assert "이름을 입력해 주세요." in response.content.decode()


def test_overlong_fields_are_refused(client, site, valid_data):
    response = client.post("/en/contact/", dict(valid_data, name="x" * 121))
    assert response.status_code == 200
    assert "at most 120 characters" in response.content.decode()
    assert Enquiry.objects.count() == 0


def test_honeypot_looks_like_success_but_keeps_nothing(
    client, opportunity, valid_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            interest_url(opportunity["en"], "en"), dict(valid_data, website="http://spam.example")
        )
    assert response.status_code == 302
    assert response["Location"] == "/en/enquiries/thanks/"
    assert Enquiry.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_answers_429_after_five_per_address(client, site, valid_data, settings):
    settings.ENQUIRY_RATE_LIMIT = 5
    for n in range(5):
        response = client.post("/en/contact/", dict(valid_data, email=f"person{n}@example.com"))
        assert response.status_code == 302
    response = client.post("/en/contact/", dict(valid_data, email="someone-else@example.com"))
    assert response.status_code == 429
    assert "Too many messages" in response.content.decode()
    assert Enquiry.objects.count() == 5


def test_rate_limit_also_counts_per_email_address(client, site, valid_data, settings):
    settings.ENQUIRY_RATE_LIMIT = 2
    for n in range(2):
        client.post("/en/contact/", valid_data, REMOTE_ADDR=f"10.0.0.{n}")
    response = client.post("/ja/contact/", valid_data, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert "送信" in response.content.decode() or "メッセージ" in response.content.decode()
    assert Enquiry.objects.count() == 2


def test_behind_the_reverse_proxy_each_visitor_has_their_own_limit(client, site, valid_data, settings):
    settings.ENQUIRY_RATE_LIMIT = 5
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    proxied = {"REMOTE_ADDR": "127.0.0.1"}
    for n in range(5):
        response = client.post(
            "/en/contact/",
            dict(valid_data, email=f"p{n}@example.com"),
            HTTP_X_FORWARDED_FOR="198.51.100.1",
            **proxied,
        )
        assert response.status_code == 302
    assert (
        client.post(
            "/en/contact/",
            dict(valid_data, email="p9@example.com"),
            HTTP_X_FORWARDED_FOR="198.51.100.1",
            **proxied,
        ).status_code
        == 429
    )
    # someone else behind the same proxy is not blocked ...
    assert (
        client.post(
            "/en/contact/",
            dict(valid_data, email="other@example.com"),
            HTTP_X_FORWARDED_FOR="198.51.100.2",
            **proxied,
        ).status_code
        == 302
    )
    # ... and the blocked visitor cannot get round it by writing their own X-Forwarded-For
    assert (
        client.post(
            "/en/contact/",
            dict(valid_data, email="p10@example.com"),
            HTTP_X_FORWARDED_FOR="203.0.113.99, 198.51.100.1",
            **proxied,
        ).status_code
        == 429
    )
    assert Enquiry.objects.count() == 6


def test_honeypot_catches_do_not_use_up_the_visitors_allowance(client, site, valid_data, settings):
    settings.ENQUIRY_RATE_LIMIT = 2
    for _ in range(10):  # a bot on the same address (or behind the same proxy)
        client.post("/en/contact/", dict(valid_data, website="http://spam.example"))
    for n in range(2):
        response = client.post("/en/contact/", dict(valid_data, email=f"real{n}@example.com"))
        assert response.status_code == 302
    assert Enquiry.objects.count() == 2


def test_invalid_submissions_do_not_count_and_a_refused_one_takes_nothing(client, site, valid_data, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    for _ in range(3):
        assert client.post("/en/contact/", dict(valid_data, name="")).status_code == 200
    assert client.post("/en/contact/", valid_data, REMOTE_ADDR="10.0.0.1").status_code == 302
    # same e-mail, new address: refused by the e-mail's limit; the new address keeps its slot
    assert client.post("/en/contact/", valid_data, REMOTE_ADDR="10.0.0.2").status_code == 429
    assert (
        client.post(
            "/en/contact/", dict(valid_data, email="x@example.com"), REMOTE_ADDR="10.0.0.2"
        ).status_code
        == 302
    )
    assert Enquiry.objects.count() == 2


def test_rate_limit_keys_hold_no_raw_address(client, site, valid_data):
    from django.core.cache import cache

    client.post("/en/contact/", valid_data, REMOTE_ADDR="203.0.113.7")
    keys = list(cache._cache.keys())
    assert keys and not any("203.0.113.7" in key or "minjun" in key for key in keys)


def test_mail_failure_keeps_the_enquiry_as_failed(
    client, opportunity, valid_data, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.enquiries.backends.BrokenEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(interest_url(opportunity["en"], "en"), valid_data)

    assert response.status_code == 302  # the visitor is not told about our mail server
    enquiry = Enquiry.objects.get()
    assert enquiry.email_status == "failed"
    assert "mail server unreachable" in enquiry.email_error


def test_unknown_or_unpublished_opportunity_is_404(client, opportunity, valid_data):
    page = opportunity["en"]
    assert client.post(f"/en/enquiries/interest/{page.id + 999}/", valid_data).status_code == 404
    page.unpublish()
    assert client.post(f"/en/enquiries/interest/{page.id}/", valid_data).status_code == 404
    assert Enquiry.objects.count() == 0


def test_csrf_is_required(site, valid_data):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/en/contact/", valid_data)
    assert response.status_code == 403
    assert Enquiry.objects.count() == 0
