"""Which views the beacon may count: a token signed into the page, and once a day per client.

The page carries a token naming what was viewed (the page id, or the path of a view that is
not a Wagtail page) and when it was rendered. It holds nothing about the visitor, so the
same cached HTML can be served to everyone (see the page cache); it only proves that someone
fetched that page recently, so a script cannot count views of pages it never loaded, and a
token copied once stops working after `VIEW_TOKEN_MAX_AGE`.

What stops inflation is the server-side mark: a view counts once per client address, page
and day (the site's day). The mark's key is an HMAC of the address, kept in the cache until
the day ends and taken with the cache's atomic `add`.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from promo.clientip import client_ip

_SALT = "portal.view-beacon"
DEFAULT_MAX_AGE = 12 * 3600


def _signer():
    return signing.TimestampSigner(salt=_SALT)


def issue_token(page=None, path=""):
    return _signer().sign(f"p{page.pk}" if page is not None and page.pk else f"u{path}")


def read_token(token):
    """(page id or None, path or None) if the token is genuine and fresh; None otherwise."""
    max_age = getattr(settings, "VIEW_TOKEN_MAX_AGE", DEFAULT_MAX_AGE)
    try:
        value = _signer().unsign(token, max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if value[:1] == "p" and value[1:].isdigit():
        return int(value[1:]), None
    if value[:1] == "u":
        return None, value[1:]
    return None


def first_view_today(request, viewed):
    """True the first time today this client views `viewed`, False after that."""
    now = timezone.localtime()
    tomorrow = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time.min, tzinfo=now.tzinfo
    )
    client = salted_hmac(_SALT, client_ip(request)).hexdigest()[:32]
    viewed_key = salted_hmac(_SALT, viewed).hexdigest()[:16]
    key = f"pv:{now.date().isoformat()}:{viewed_key}:{client}"
    return cache.add(key, 1, timeout=int((tomorrow - now).total_seconds()) + 60)
