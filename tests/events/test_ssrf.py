"""Where webhooks may go: never into the marketplace's own network. The rules of ``ssrf`` one
URL at a time, then the same table through the API in each mode.

There is no name server here: host names resolve through a stand-in (``resolves_to``), or a
stand-in for the event loop's ``getaddrinfo`` where ``ssrf.resolve`` itself is under test.
"""

from __future__ import annotations

import asyncio
import socket

import pytest

from marketplace.events import service, ssrf
from marketplace.models import WebhookEndpoint
from tests.events.api_helpers import PUBLIC_ADDRESS, live_key, resolves_to
from tests.helpers import assert_problem

OK = None
BOTH_REFUSED = [
    "https://10.0.0.1/hooks",
    "https://192.168.1.1/hooks",
    "https://172.16.0.1/hooks",
    "https://169.254.169.254/latest/meta-data/",
    "https://100.64.0.1/hooks",
    "https://[fd00:ec2::254]/hooks",
    "https://[::ffff:10.0.0.1]/hooks",
    "https://0.0.0.0/hooks",
    "https://224.0.0.1/hooks",
    # IPv4 spelled as the C library reads it: metadata and private addresses in disguise
    "https://2852039166/latest/",
    "https://0xa9fea9fe/latest/",
    "https://0251.0376.0251.0376/latest/",
    "https://167772161/hooks",
    "https://012.0.0.1/hooks",
    # IPv6 addresses that lead to an IPv4 one (NAT64, 6to4, Teredo, IPv4-compatible)
    "https://[64:ff9b::a9fe:a9fe]/hooks",
    "https://[64:ff9b::7f00:1]/hooks",
    "https://[2002:7f00:1::]/hooks",
    "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hooks",
    "https://[::127.0.0.1]/hooks",
    "https://[::169.254.169.254]/hooks",
]
TABLE = [
    # (url, reason in test mode, reason in live mode)
    ("https://hooks.example.com/in", OK, OK),
    ("https://93.184.216.34:8443/in", OK, OK),
    ("http://hooks.example.com/in", OK, "scheme_not_allowed"),
    ("https://127.0.0.1/in", OK, "address_not_allowed"),
    ("http://127.0.0.1:8000/in", OK, "scheme_not_allowed"),
    ("https://localhost/in", OK, "address_not_allowed"),
    ("https://api.localhost/in", OK, "address_not_allowed"),
    ("https://[::1]/in", OK, "address_not_allowed"),
    ("http://2130706433:4242/in", OK, "scheme_not_allowed"),  # 127.0.0.1, loopback
    ("https://0x7f.1/in", OK, "address_not_allowed"),
    *((url, "address_not_allowed", "address_not_allowed") for url in BOTH_REFUSED),
    ("https://user:secret@hooks.example.com/in", "credentials_in_url", "credentials_in_url"),
    ("https://token@hooks.example.com/in", "credentials_in_url", "credentials_in_url"),
    ("ftp://hooks.example.com/in", "scheme_not_allowed", "scheme_not_allowed"),
    ("https:///in", "host_missing", "host_missing"),
    ("https://hooks.example.com:99999/in", "port_invalid", "port_invalid"),
    ("https://93.184.216.34:0/in", "port_invalid", "port_invalid"),
]
MODES = [pytest.param(False, id="test"), pytest.param(True, id="live")]


def _reason(url: str, livemode: bool) -> str | None:
    try:
        ssrf.check_url(url, livemode)
    except ssrf.BlockedUrl as blocked:
        return blocked.reason
    return None


@pytest.mark.parametrize(("url", "in_test", "in_live"), TABLE)
def test_check_url_refuses_what_may_never_receive_webhooks(url, in_test, in_live):
    assert (_reason(url, False), _reason(url, True)) == (in_test, in_live)


@pytest.mark.parametrize("url", BOTH_REFUSED)
def test_private_metadata_and_special_addresses_are_refused_in_both_modes(url):
    assert _reason(url, livemode=False) == _reason(url, livemode=True) == "address_not_allowed"


NAME = "https://rebinding.example.com/in?x=1"


@pytest.mark.parametrize(
    ("addresses", "livemode"),
    [
        (["127.0.0.1"], True),
        (["::1"], True),
        (["::ffff:127.0.0.1"], True),
        (["93.184.216.34", "10.0.0.1"], True),
        (["93.184.216.34", "169.254.169.254"], False),
        ([], True),
    ],
)
async def test_a_name_is_refused_if_any_address_it_resolves_to_is(monkeypatch, addresses, livemode):
    monkeypatch.setattr(ssrf, "resolve", resolves_to(*addresses))
    with pytest.raises(ssrf.BlockedUrl) as refused:
        await ssrf.resolve_target(NAME, livemode)
    assert refused.value.reason == "address_not_allowed"


@pytest.mark.parametrize(
    ("address", "livemode", "pinned"),
    [
        ("93.184.216.34", True, "93.184.216.34"),
        ("2606:2800:220:1::1", True, "[2606:2800:220:1::1]"),
        ("127.0.0.1", False, "127.0.0.1"),
    ],
)
async def test_an_allowed_name_is_sent_to_the_address_that_was_checked(
    monkeypatch, address, livemode, pinned
):
    monkeypatch.setattr(ssrf, "resolve", resolves_to(address))
    target = await ssrf.resolve_target(NAME, livemode)
    assert target.url == f"https://{pinned}/in?x=1"
    assert (target.host_header, target.sni_hostname) == (
        "rebinding.example.com",
        "rebinding.example.com",
    )


async def test_resolve_asks_the_event_loop_and_names_a_host_that_does_not_resolve(monkeypatch):
    loop = asyncio.get_running_loop()

    async def getaddrinfo(host, port, **_):
        if host == "nowhere.example.com":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(loop, "getaddrinfo", getaddrinfo)
    assert [str(a) for a in await ssrf.resolve("loopback.example.com", 443)] == ["127.0.0.1"]
    assert [str(a) for a in await ssrf.resolve("10.0.0.1", 443)] == ["10.0.0.1"]
    with pytest.raises(ssrf.BlockedUrl) as refused:
        await ssrf.resolve("nowhere.example.com", 443)
    assert refused.value.reason == "host_unresolvable"
    with pytest.raises(ssrf.BlockedUrl):
        await ssrf.resolve_target("https://loopback.example.com/", livemode=True)


@pytest.fixture
async def keys(client, new_tenant, database, monkeypatch):
    """A seller's test key and live key; in live mode, names resolve to a public address."""
    monkeypatch.setattr(ssrf, "resolve", resolves_to(PUBLIC_ADDRESS))
    seller = await new_tenant("seller")
    return {False: seller, True: await live_key(database, seller)}


async def _register(client, tenant, url):
    body = {"url": url, "enabled_events": ["*"]}
    return await client.post("/v1/webhook_endpoints", headers=tenant.headers, json=body)


@pytest.mark.parametrize(("url", "in_test", "in_live"), TABLE)
@pytest.mark.parametrize("livemode", MODES)
async def test_the_api_registers_only_urls_allowed_in_the_keys_mode(
    client, keys, count_rows, url, in_test, in_live, livemode
):
    reason = in_live if livemode else in_test
    response = await _register(client, keys[livemode], url)
    if reason is None:
        assert response.status_code == 201, response.text
        assert (response.json()["url"], response.json()["livemode"]) == (url, livemode)
    else:
        problem = assert_problem(response, 422, "webhook_url_not_allowed", param="url")
        assert reason in problem["detail"]
        assert await count_rows(WebhookEndpoint) == 0


@pytest.mark.parametrize("livemode", MODES)
async def test_a_url_that_cannot_be_read_is_refused(client, keys, livemode):
    response = await _register(client, keys[livemode], "https://[::1/in")
    problem = assert_problem(response, 422, "webhook_url_not_allowed", param="url")
    assert "url_invalid" in problem["detail"]


async def test_in_live_mode_a_name_that_resolves_to_loopback_is_refused(client, keys, monkeypatch):
    monkeypatch.setattr(ssrf, "resolve", resolves_to("127.0.0.1"))
    url = "https://rebinding.example.com/in"
    refused = await _register(client, keys[True], url)
    assert (
        "address_not_allowed" in assert_problem(refused, 422, "webhook_url_not_allowed")["detail"]
    )
    assert (await _register(client, keys[False], url)).status_code == 201


async def test_in_live_mode_the_host_must_resolve_and_in_time(client, keys, monkeypatch):
    async def nowhere(host, port):
        raise ssrf.BlockedUrl("host_unresolvable", f"{host} does not resolve")

    async def slow(host, port):
        await asyncio.sleep(1)
        return []

    for resolver in (nowhere, slow):
        monkeypatch.setattr(ssrf, "resolve", resolver)
        monkeypatch.setattr(service, "DNS_TIMEOUT_SECONDS", 0.05)
        refused = await _register(client, keys[True], "https://hooks.example.com/in")
        problem = assert_problem(refused, 422, "webhook_url_not_allowed", param="url")
        assert "host_unresolvable" in problem["detail"]


async def test_a_new_url_is_checked_as_a_first_one_is(client, keys, monkeypatch):
    created = (await _register(client, keys[True], "https://hooks.example.com/in")).json()
    monkeypatch.setattr(ssrf, "resolve", resolves_to("169.254.169.254"))
    moved = await client.patch(
        f"/v1/webhook_endpoints/{created['id']}",
        headers=keys[True].headers,
        json={"url": "https://metadata.example.com/"},
    )
    assert_problem(moved, 422, "webhook_url_not_allowed", param="url")


@pytest.mark.parametrize(
    ("url", "host_header"),
    [("http://[::1]:4242/in", "[::1]:4242"), ("https://[::1]/in", "[::1]")],
)
async def test_an_ipv6_literal_keeps_its_brackets_in_the_host_header(url, host_header):
    target = await ssrf.resolve_target(url, livemode=False)
    assert target.host_header == host_header
    assert target.url == url
