"""Where a webhook may be sent: never into the marketplace's own network.

In live mode an endpoint must be ``https`` and every address its host resolves to must be a
public one: not loopback, private, link-local (cloud metadata at 169.254.169.254 among them),
shared (100.64/10), multicast, reserved or unspecified, in IPv4 or IPv6 (IPv4-mapped IPv6
included), nor an IPv6 address that carries an IPv4 one to be reached through a translator
(NAT64, 6to4, Teredo, IPv4-compatible). An IPv4 address in any spelling the C library accepts
(``2130706433``, ``0x7f.1``, ``0177.0.0.1``) is read as the address it is. Test mode also
accepts ``http`` and loopback, so a developer can receive events on their own machine; private
and metadata addresses stay refused in both modes.

The check runs at registration (``check_url``) and again at each connection
(``resolve_target``): the request is sent to the very address that was checked, with the host
name in the ``Host`` header and TLS SNI, so a name that resolves elsewhere the second time (DNS
rebinding) cannot slip through. Redirects are never followed (the sender does not).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedUrl(ValueError):
    """The URL may not receive webhooks; ``reason`` is a stable code."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Target:
    """Where to connect: ``url`` with the checked address in place of the host name."""

    url: str
    host_header: str
    sni_hostname: str | None


TRANSLATED_IPV4 = tuple(
    ipaddress.IPv6Network(network)
    for network in ("64:ff9b::/96", "64:ff9b:1::/48", "2002::/16", "2001::/32", "::/96")
)
"""IPv6 ranges whose addresses lead to an embedded IPv4 address (NAT64, 6to4, Teredo,
IPv4-compatible): never a webhook's destination."""


def _scheme_and_host(url: str, livemode: bool) -> tuple[str, str, int]:
    parts = urlsplit(url)
    allowed = ("https",) if livemode else ("https", "http")
    if parts.scheme not in allowed:
        raise BlockedUrl("scheme_not_allowed", f"The URL must use {' or '.join(allowed)}")
    if parts.username is not None or parts.password is not None:
        raise BlockedUrl("credentials_in_url", "The URL must not carry a user name or password")
    if not parts.hostname:
        raise BlockedUrl("host_missing", "The URL has no host")
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:
        raise BlockedUrl("port_invalid", "The URL's port is not a number from 1 to 65535")
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def address_allowed(address: IpAddress, livemode: bool) -> bool:
    """A public address; in test mode, loopback too."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return not livemode
    if isinstance(address, ipaddress.IPv6Address) and any(
        address in network for network in TRANSLATED_IPV4
    ):
        return False
    return address.is_global and not address.is_multicast


def _literal(host: str) -> IpAddress | None:
    """The address ``host`` spells, if it is one (IPv4 in any form ``inet_aton`` reads)."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, UnicodeError, ValueError):
        return None


def check_url(url: str, livemode: bool) -> None:
    """Refuse (``BlockedUrl``) a URL that may never receive webhooks, without resolving it:
    wrong scheme, credentials, a literal address that is not allowed, ``localhost`` in live
    mode."""
    _, host, _ = _scheme_and_host(url, livemode)
    literal = _literal(host)
    if literal is not None and not address_allowed(literal, livemode):
        raise BlockedUrl("address_not_allowed", f"{host} is not a public address")
    if livemode and (host == "localhost" or host.endswith(".localhost")):
        raise BlockedUrl("address_not_allowed", f"{host} is not a public address")


async def resolve(host: str, port: int) -> list[IpAddress]:
    """Every address ``host`` resolves to (a literal address is itself)."""
    literal = _literal(host)
    if literal is not None:
        return [literal]
    loop = asyncio.get_running_loop()
    try:
        found = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise BlockedUrl("host_unresolvable", f"{host} does not resolve") from error
    return [ipaddress.ip_address(info[4][0]) for info in found]


async def resolve_target(url: str, livemode: bool) -> Target:
    """Resolve the URL's host, refuse it unless every address is allowed, and say where to
    connect (the first address), for this one request."""
    check_url(url, livemode)
    scheme, host, port = _scheme_and_host(url, livemode)
    addresses = await resolve(host, port)
    blocked = [str(a) for a in addresses if not address_allowed(a, livemode)]
    if blocked or not addresses:
        raise BlockedUrl("address_not_allowed", f"{host} resolves to a non-public address")
    parts = urlsplit(url)
    chosen = addresses[0]
    literal = f"[{chosen}]" if chosen.version == 6 else str(chosen)
    netloc = literal if parts.port is None else f"{literal}:{parts.port}"
    named = f"[{host}]" if ":" in host else host  # an IPv6 literal keeps its brackets
    host_header = named if parts.port is None else f"{named}:{parts.port}"
    pinned = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    return Target(pinned, host_header, host if scheme == "https" else None)
