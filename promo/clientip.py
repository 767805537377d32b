"""The visitor's address, as far as this site can trust it.

Behind a reverse proxy every request comes from the proxy, so counting per `REMOTE_ADDR`
counts everyone as one visitor. The proxy appends the address it saw to `X-Forwarded-For`,
but anything to the left of what our own proxies appended was written by the client and can
be forged. So the header is read only when the request comes from a trusted proxy
(`TRUSTED_PROXIES`, networks), and from the right:

- with `TRUSTED_PROXY_COUNT` = N > 0, the client is the address the outermost of the N
  proxies saw (for proxies whose addresses are not known in advance, such as a CDN);
- otherwise addresses of trusted proxies are skipped and the first other one is the client.

Used by the enquiry rate limit, the view counter and the admin login lockout (django-axes),
so all three agree on who the visitor is.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=8)
def _networks(entries):
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is not an IP address or network ({error})"
            ) from None
    return tuple(networks)


def _parse(value):
    """An address from a header hop, or None; tolerates ports and IPv6 brackets."""
    value = value.strip().strip('"')
    if value.startswith("["):  # [2001:db8::1]:4711
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # 203.0.113.7:4711
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    return address.ipv4_mapped or address if address.version == 6 else address


def _trusted(address, networks):
    return address is not None and any(
        address in network for network in networks if network.version == address.version
    )


def client_ip(request):
    """The client's address as a string ('' if the request carries none that parses)."""
    remote = _parse(request.META.get("REMOTE_ADDR", ""))
    networks = _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if remote is None:
        return ""
    if not _trusted(remote, networks):
        return str(remote)

    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [_parse(hop) for hop in forwarded.split(",") if hop.strip()] + [remote]
    count = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if count > 0:
        # hops[-1] is the proxy that connected to us; hops[-count - 1] is what the outermost
        # trusted proxy saw. Fewer hops than proxies means the chain was not built by them.
        candidate = hops[-count - 1] if len(hops) > count else None
        return str(candidate) if candidate is not None else str(remote)
    for hop in reversed(hops):
        if hop is None:  # garbage in the header: stop trusting it here
            break
        if not _trusted(hop, networks):
            return str(hop)
        remote = hop
    return str(remote)
