"""The SDK sends a failed call again when that may succeed, with one Idempotency-Key for all
attempts of a POST, so a lost answer never makes a second object; through a proxy that loses or
replaces the live server's answers."""

from __future__ import annotations

import datetime as dt

import pytest
from marketplace_sdk import (
    APIConnectionError,
    APIError,
    AsyncMarketplace,
    InvalidRequestError,
    Marketplace,
    NotFoundError,
)
from marketplace_sdk.facade.exceptions import MarketplaceError
from marketplace_sdk.facade.retries import RetryPolicy, retry_after_s

from tests.sdk_live import DROP, FlakyProxy, new_parties, operator_key, problem_answer, readme_quote


@pytest.fixture(scope="module")
def operator(live_server):
    with Marketplace(api_key=operator_key(live_server), base_url=live_server.url) as client:
        yield client


@pytest.fixture
def parties(live_server, operator):
    return new_parties(live_server, operator)


def _quotes_of(live_server, parties):
    with Marketplace(api_key=parties.platform_key, base_url=live_server.url) as direct:
        return [quote.id for quote in direct.quotes.list()]


def _posts(proxy):
    return [seen for seen in proxy.seen if seen.method == "POST"]


def test_a_lost_answer_is_asked_again_with_the_same_key_and_makes_one_quote(live_server, parties):
    proxy = FlakyProxy(live_server.url, [DROP])
    with proxy.running() as url, Marketplace(api_key=parties.platform_key, base_url=url) as mk:
        quote = mk.quotes.create(**readme_quote(parties.seller))

    posts = _posts(proxy)
    assert len(posts) == 2
    assert posts[0].idempotency_key == posts[1].idempotency_key is not None
    assert _quotes_of(live_server, parties) == [quote.id]


async def test_the_async_client_does_the_same(live_server, parties):
    proxy = FlakyProxy(live_server.url, [DROP])
    with proxy.running() as url:
        async with AsyncMarketplace(api_key=parties.platform_key, base_url=url) as mk:
            quote = await mk.quotes.create(**readme_quote(parties.seller))

    posts = _posts(proxy)
    assert [p.idempotency_key for p in posts] == [posts[0].idempotency_key] * 2
    assert _quotes_of(live_server, parties) == [quote.id]


@pytest.mark.parametrize(
    "first_answer",
    [
        problem_answer(409, "idempotency_key_in_use"),
        problem_answer(503, "storage_unavailable", retry_after_s=1),
        problem_answer(429, "rate_limited", retry_after_s=1),
        problem_answer(500, "internal_error"),
    ],
    ids=["409-in-use", "503", "429", "500"],
)
def test_a_passing_failure_is_retried_with_the_same_key(live_server, parties, first_answer):
    proxy = FlakyProxy(live_server.url, [first_answer])
    with proxy.running() as url, Marketplace(api_key=parties.platform_key, base_url=url) as mk:
        quote = mk.quotes.create(**readme_quote(parties.seller))

    posts = _posts(proxy)
    assert len(posts) == 2
    assert posts[0].idempotency_key == posts[1].idempotency_key
    assert _quotes_of(live_server, parties) == [quote.id]


def test_the_callers_own_key_is_used(live_server, parties):
    fields = readme_quote(parties.seller)
    proxy = FlakyProxy(live_server.url, [DROP])
    with proxy.running() as url, Marketplace(api_key=parties.platform_key, base_url=url) as mk:
        first = mk.quotes.create(**fields, idempotency_key="checkout-42")
    with Marketplace(api_key=parties.platform_key, base_url=live_server.url) as mk:
        again = mk.quotes.create(**fields, idempotency_key="checkout-42")

    assert [p.idempotency_key for p in _posts(proxy)] == ["checkout-42", "checkout-42"]
    assert again.id == first.id


def test_a_refused_request_is_not_sent_again(live_server, parties):
    proxy = FlakyProxy(live_server.url, [])
    with proxy.running() as url, Marketplace(api_key=parties.platform_key, base_url=url) as mk:
        with pytest.raises(InvalidRequestError):
            mk.quotes.create(**readme_quote(parties.seller, currency="XXX"))
        with pytest.raises(NotFoundError):
            mk.claims.create(cover="cov_01kzzzzzzzzzzzzzzzzzzzzzzz", cause="insolvency")

    assert [seen.method for seen in proxy.seen] == ["POST", "POST"]
    assert _quotes_of(live_server, parties) == []


def test_no_answer_after_every_retry_raises_with_the_key_to_resume_with(live_server, parties):
    proxy = FlakyProxy(live_server.url, [DROP, DROP, DROP])
    with proxy.running() as url, Marketplace(api_key=parties.platform_key, base_url=url) as mk:
        fields = readme_quote(parties.seller)
        with pytest.raises(APIConnectionError) as lost:
            mk.quotes.create(**fields)
        resumed = mk.quotes.create(**fields, idempotency_key=lost.value.idempotency_key)

    assert lost.value.status is None
    assert len({p.idempotency_key for p in _posts(proxy)}) == 1
    assert len(_posts(proxy)) == 4  # the default two retries, then the caller's own
    assert _quotes_of(live_server, parties) == [resumed.id]


def test_max_retries_bounds_the_attempts_and_reads_are_sent_without_a_key(live_server, parties):
    proxy = FlakyProxy(live_server.url, [problem_answer(500, "internal_error")] * 2)
    with (
        proxy.running() as url,
        Marketplace(api_key=parties.platform_key, base_url=url, max_retries=1) as mk,
        pytest.raises(APIError) as failed,
    ):
        mk.accounts.me()

    assert (failed.value.status, failed.value.code) == (500, "internal_error")
    assert [(s.method, s.idempotency_key) for s in proxy.seen] == [("GET", None)] * 2


def _error(status, code=None, retry_after=None):
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    return MarketplaceError("x", status=status, code=code, headers=headers)


def test_the_backoff_doubles_up_to_its_ceiling_with_jitter_below_it():
    policy = RetryPolicy(max_retries=10, initial_delay_s=0.5, max_delay_s=4.0)
    highest = [policy.backoff_s(n, jitter=lambda: 1.0) for n in range(5)]
    lowest = [policy.backoff_s(n, jitter=lambda: 0.0) for n in range(5)]
    assert highest == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert lowest == [0.25, 0.5, 1.0, 2.0, 2.0]


def test_retry_after_is_waited_for_and_a_long_one_is_not_retried():
    policy = RetryPolicy(max_retries=2, max_retry_after_s=60)
    now = dt.datetime(2027, 1, 1, 12, 0, tzinfo=dt.UTC)
    in_ten_s = "Fri, 01 Jan 2027 12:00:10 GMT"
    assert policy.delay_s(0, _error(429, retry_after="7"), now=now) == 7.0
    assert policy.delay_s(0, _error(503, retry_after=in_ten_s), now=now) == 10.0
    assert policy.delay_s(0, _error(429, retry_after="3600"), now=now) is None
    assert policy.delay_s(2, _error(503), now=now) is None
    assert retry_after_s({"retry-after": "soon"}, now) is None


@pytest.mark.parametrize(
    ("status", "code", "retried"),
    [
        (409, "idempotency_key_in_use", True),
        (409, "quote_already_bound", False),
        (422, "validation_error", False),
        (429, "rate_limited", True),
        (502, "payment_outcome_unknown", True),
        (404, "resource_not_found", False),
    ],
)
def test_what_is_retried(status, code, retried):
    assert (RetryPolicy().delay_s(0, _error(status, code)) is not None) is retried
