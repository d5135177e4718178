"""The client's IP address, which the rate limit and the admin lock-out key on.

Behind a reverse proxy the TCP peer is the proxy, and the client's address is in
X-Forwarded-For. That header is trusted only when the request really came from one of
TRUSTED_PROXIES (or over a unix socket, which only local processes can reach): a client
that reaches the app directly can write the header too. django-ipware, the usual
library, trusts the header's contents without checking the peer, so it is not used.
"""

import functools
import ipaddress

from django.conf import settings


@functools.cache
def _trusted_networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _parse(address: str):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def _is_trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def from_trusted_proxy(request) -> bool:
    """Did this request reach us through one of TRUSTED_PROXIES (or a unix socket)?"""
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    peer = _parse(request.META.get("REMOTE_ADDR") or "")
    return _is_trusted(peer, networks) or (peer is None and bool(networks))


def client_ip(request) -> str | None:
    """The address of the client, or None when it cannot be known (a unix socket with no
    proxy header). Never raises, whatever the headers say."""
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXIES))
    peer_text = request.META.get("REMOTE_ADDR") or ""
    peer = _parse(peer_text)
    # gunicorn on a unix socket leaves REMOTE_ADDR empty: the peer is a local process.
    through_proxy = _is_trusted(peer, networks) or (peer is None and bool(networks))
    if not through_proxy:
        return str(peer) if peer is not None else None
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    # Walk from the nearest hop back: the first address no trusted proxy wrote is the client's.
    for hop in reversed(hops):
        address = _parse(hop)
        if address is None:
            break  # a malformed entry: nothing further left can be believed
        if not _is_trusted(address, networks):
            return str(address)
    return str(peer) if peer is not None else None


def client_network(request) -> str:
    """Who a limit counts as one client: the IPv4 address, or the IPv6 /64 it lies in (a
    home or office network is given a /64 and may use any address in it)."""
    address = client_ip(request)
    if address is None:
        return "unknown"
    parsed = ipaddress.ip_address(address)
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped is not None:  # ::ffff:203.0.113.7 is that IPv4 client
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def axes_client_ip(request) -> str | None:
    """django-axes' AXES_CLIENT_IP_CALLABLE (it stores None as an unknown address)."""
    return client_ip(request)
