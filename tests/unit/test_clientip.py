"""The client address behind our reverse proxy: X-Forwarded-For is believed only as far as
our own proxies wrote it."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from promo.clientip import client_ip


def request(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.fixture(autouse=True)
def loopback_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    settings.TRUSTED_PROXY_COUNT = 0


def test_without_a_proxy_the_connecting_address_is_the_client():
    assert client_ip(request("203.0.113.7")) == "203.0.113.7"


def test_a_forwarded_header_from_anyone_but_our_proxy_is_ignored():
    assert client_ip(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_behind_the_proxy_the_address_it_saw_is_the_client():
    assert client_ip(request("127.0.0.1", "198.51.100.9")) == "198.51.100.9"
    assert client_ip(request("::1", "2001:db8::5")) == "2001:db8::5"


def test_what_the_client_wrote_before_the_proxy_appended_is_not_believed():
    # nginx appends $remote_addr to whatever X-Forwarded-For the client sent.
    assert client_ip(request("127.0.0.1", "10.9.9.9, 1.2.3.4, 198.51.100.9")) == "198.51.100.9"


def test_chains_of_trusted_proxies_are_skipped(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert client_ip(request("127.0.0.1", "6.6.6.6, 198.51.100.9, 10.1.2.3")) == "198.51.100.9"


def test_a_proxy_count_takes_what_the_outermost_proxy_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 2  # CDN (addresses unknown) -> nginx on loopback -> us
    assert client_ip(request("127.0.0.1", "6.6.6.6, 198.51.100.9, 192.0.2.50")) == "198.51.100.9"
    # a chain shorter than the proxies we have was not written by them
    assert client_ip(request("127.0.0.1", "")) == "127.0.0.1"
    # the count does not make a stranger's header believable
    assert client_ip(request("203.0.113.7", "6.6.6.6, 198.51.100.9")) == "203.0.113.7"


def test_ports_brackets_mapped_addresses_and_garbage():
    assert client_ip(request("127.0.0.1", "[2001:db8::7]:4711")) == "2001:db8::7"
    assert client_ip(request("127.0.0.1", "198.51.100.9:5555")) == "198.51.100.9"
    assert client_ip(request("::ffff:203.0.113.7")) == "203.0.113.7"
    assert client_ip(request("127.0.0.1", "not-an-address")) == "127.0.0.1"
    assert client_ip(request("127.0.0.1", "198.51.100.9, garbage")) == "127.0.0.1"
    assert client_ip(request("")) == ""


def test_no_trusted_proxies_means_the_header_is_never_read(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request("127.0.0.1", "198.51.100.9")) == "127.0.0.1"


def test_a_misconfigured_proxy_list_fails_loudly(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "nginx.local"]
    with pytest.raises(ImproperlyConfigured, match="nginx.local"):
        client_ip(request("127.0.0.1", "198.51.100.9"))
