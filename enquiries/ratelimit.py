"""Counting submissions per client and per e-mail address without storing either.

Keys are salted HMACs (Django's SECRET_KEY), so the cache never holds a raw address. The
count lives in the default cache: in production it must be shared between workers (see the
report / README) or each worker counts on its own.
"""
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from enquiries.conf import rate_limit

_SALT = "enquiries.ratelimit"


def client_address(request):
    # REMOTE_ADDR only: X-Forwarded-For is trivially forged unless a trusted proxy rewrites
    # REMOTE_ADDR, which is the proxy's job, not this module's.
    return request.META.get("REMOTE_ADDR", "")


def _key(kind, value):
    return f"enq:{kind}:" + salted_hmac(_SALT, value.strip().lower()).hexdigest()[:32]


def _keys(request, email):
    keys = [_key("ip", client_address(request))]
    if email:
        keys.append(_key("email", email))
    return keys


def is_limited(request, email=""):
    allowed, _window = rate_limit()
    return any((cache.get(key) or 0) >= allowed for key in _keys(request, email))


def record(request, email=""):
    _allowed, window = rate_limit()
    for key in _keys(request, email):
        if cache.add(key, 1, timeout=window):
            continue
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window)
