"""Staff sign-in is throttled per account and per address (django-axes behind Wagtail's login
view), with a clear message; the Django admin is not exposed at all."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/"


@pytest.fixture
def staff(django_user_model, settings):
    settings.AXES_FAILURE_LIMIT = 5
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for name in ("editor", "translator", "reviewer"):
        django_user_model.objects.create_superuser(name, f"{name}@example.com", "right-pass")


def sign_in(username, password, address="198.51.100.1", language="en"):
    """A fresh browser behind our reverse proxy, posting Wagtail's login form."""
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    response = client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=address,
    )
    return client, response


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_forty_wrong_passwords_then_the_right_one_is_refused(staff):
    for _ in range(40):
        _client, response = sign_in("editor", "guess")
    assert response.status_code == 429
    client, response = sign_in("editor", "right-pass")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Signing in is paused for 30 minutes" in html and "ask a site administrator" in html
    assert not signed_in(client)


def test_an_account_is_locked_whatever_address_the_guesses_come_from(staff):
    for n in range(5):
        sign_in("editor", "guess", address=f"203.0.113.{n}")
    client, response = sign_in("editor", "right-pass", address="192.0.2.77")
    assert response.status_code == 429 and not signed_in(client)
    # other accounts are not affected
    client, response = sign_in("reviewer", "right-pass", address="192.0.2.77")
    assert response.status_code == 302 and signed_in(client)


def test_an_address_is_locked_whatever_accounts_it_tries(staff):
    for n in range(5):
        sign_in(f"user{n}", "guess", address="203.0.113.50")
    client, response = sign_in("translator", "right-pass", address="203.0.113.50")
    assert response.status_code == 429 and not signed_in(client)
    # the same account from another address (another visitor behind the same proxy) signs in
    client, response = sign_in("translator", "right-pass", address="203.0.113.51")
    assert response.status_code == 302 and signed_in(client)


def test_a_success_clears_the_count(staff):
    for _ in range(4):
        sign_in("editor", "guess")
    assert sign_in("editor", "right-pass")[1].status_code == 302
    for _ in range(4):
        sign_in("editor", "guess")
    client, response = sign_in("editor", "right-pass")
    assert response.status_code == 302 and signed_in(client)


def test_the_message_is_in_the_staff_members_language(staff):
    for _ in range(5):
        sign_in("editor", "guess")
    html = sign_in("editor", "right-pass", language="vi")[1].content.decode()
    assert "30 phút" in html and 'lang="vi"' in html


def test_unlocking_from_the_command_line(staff):
    from django.core.management import call_command

    for _ in range(5):
        sign_in("editor", "guess", address="203.0.113.9")
    call_command("axes_reset_username", "editor")
    call_command("axes_reset_ip", "203.0.113.9")
    assert sign_in("editor", "right-pass", address="203.0.113.9")[1].status_code == 302


def test_the_django_admin_is_not_exposed(admin_client):
    for path in ("/django-admin/", "/django-admin/login/"):
        assert admin_client.get(path, follow=True).status_code == 404
