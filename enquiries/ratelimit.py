"""Counting submissions per client and per e-mail address without storing either.

Keys are salted HMACs (Django's SECRET_KEY), so the cache never holds a raw address. The
client is `promo.clientip.client_ip()` (the visitor behind our reverse proxy, not the proxy).

A submission takes its slot before the enquiry is stored, with the cache's atomic `add`/`incr`
(exact on locmem, Redis and `promo.cache.LockingFileBasedCache`): checking first and counting
after the save let concurrent posts all pass the check. Windows are fixed (the window number
is part of the key), so a counter that outlives its window by accident counts nothing.
"""

import time

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from enquiries.conf import rate_limit
from promo.clientip import client_ip

_SALT = "enquiries.ratelimit"


def _key(kind, value, window):
    bucket = int(time.time() // window)
    return f"enq:{kind}:{bucket}:" + salted_hmac(_SALT, value.strip().lower()).hexdigest()[:32]


def _keys(request, email, window):
    keys = [_key("ip", client_ip(request), window)]
    if email:
        keys.append(_key("email", email, window))
    return keys


def increment(key, window):
    """Count one more in `key` (which lives `window` seconds) atomically; the new count.
    Also the API's per-client limit (opendata.http)."""
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        return 1 if cache.add(key, 1, timeout=window) else cache.incr(key)


def reserve(request, email=""):
    """Take one submission from the allowance of this client and of this e-mail address.

    True if both had one left; otherwise False and nothing is taken."""
    allowed, window = rate_limit()
    taken = []
    for key in _keys(request, email, window):
        count = increment(key, window)
        taken.append(key)
        if count > allowed:
            _give_back(taken)
            return False
    return True


def _give_back(keys):
    for key in keys:
        try:
            cache.decr(key)
        except ValueError:  # the window ended meanwhile
            pass
