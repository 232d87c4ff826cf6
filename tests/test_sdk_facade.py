"""An integrator's first day with ``Marketplace`` and ``AsyncMarketplace``, written from the
README alone, against ``marketplace serve``: quote, bind and pay with the test card, receive
``cover.activated`` on a local endpoint (verified), list covers, and a refused request raised as
an exception that names the field."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from pathlib import Path

import pytest
from marketplace_sdk import (
    AsyncMarketplace,
    AuthenticationError,
    ConflictError,
    InvalidRequestError,
    Marketplace,
    NotFoundError,
    PermissionError,
)
from marketplace_sdk.models import CoverOut, QuoteOut

from tests.sdk_live import WebhookReceiver, new_parties, operator_key, readme_quote


@pytest.fixture(scope="module")
def operator(live_server):
    with Marketplace(api_key=operator_key(live_server), base_url=live_server.url) as client:
        yield client


@pytest.fixture
def parties(live_server, operator):
    return new_parties(live_server, operator)


@pytest.fixture
def mk(live_server, parties):
    """The platform's client."""
    with Marketplace(api_key=parties.platform_key, base_url=live_server.url) as client:
        yield client


def _is_activation_of(cover):
    return lambda event: event.type == "cover.activated" and event.data.object["id"] == cover.id


def test_the_readme_journey_with_marketplace(live_server, parties, mk):
    with WebhookReceiver() as receiver:
        endpoint = mk.webhook_endpoints.create(url=receiver.url, enabled_events=["cover.*"])
        receiver.secret = endpoint.secret

        started_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        quote = mk.quotes.create(**readme_quote(parties.seller), cover_ratios=[0.9])
        cover = mk.covers.create(
            quote=quote.id, offer=quote.offers[0].id, payment_method="pm_card_visa"
        )
        activated = receiver.wait_for(_is_activation_of(cover))

    assert isinstance(quote, QuoteOut)
    assert quote.status == "quoted"
    assert [offer.cover_ratio for offer in quote.offers] == [0.9] * len(quote.offers)
    assert isinstance(cover, CoverOut)
    assert cover.status == "active"
    assert activated.data.object["status"] == "active"
    assert mk.quotes.retrieve(quote.id).status == "bound"
    assert [c.id for c in mk.covers.list(status="active")] == [cover.id]
    since = {"gte": started_at}
    assert [e.id for e in mk.events.list(type="cover.activated", created=since)] == [activated.id]

    with pytest.raises(InvalidRequestError) as refused:
        mk.quotes.create(**readme_quote(parties.seller, amount="100"))
    assert refused.value.status == 422
    assert refused.value.code == "validation_error"
    assert refused.value.param == "invoice.amount"
    assert "invoice.amount" in [field.param for field in refused.value.errors]
    assert refused.value.request_id.startswith("req_")


async def test_the_readme_journey_with_async_marketplace(live_server, parties):
    async with AsyncMarketplace(api_key=parties.platform_key, base_url=live_server.url) as mk:
        with WebhookReceiver() as receiver:
            endpoint = await mk.webhook_endpoints.create(
                url=receiver.url, enabled_events=["cover.activated"]
            )
            receiver.secret = endpoint.secret
            quote = await mk.quotes.create(**readme_quote(parties.seller))
            cover = await mk.covers.create(
                quote=quote.id, offer=quote.offers[0].id, payment_method="pm_card_visa"
            )
            activated = await asyncio.to_thread(receiver.wait_for, _is_activation_of(cover))

        listed = [c.id async for c in mk.covers.list()]
        with pytest.raises(InvalidRequestError) as refused:
            await mk.quotes.create(**readme_quote(parties.seller, due_date="2020-01-01"))

    assert cover.status == "active"
    assert activated.type == "cover.activated"
    assert listed == [cover.id]
    assert refused.value.status == 422
    assert refused.value.param == "invoice.due_date"


def test_lists_follow_the_pages_both_ways(live_server, parties, mk):
    made = [mk.accounts.create(role="seller", name=f"Page Shop {n}").id for n in range(3)]
    sellers = [parties.seller, *made]

    newest_first = [account.id for account in mk.accounts.list(limit=1)]
    after_the_oldest = [a.id for a in mk.accounts.list(limit=1, ending_before=parties.seller)]
    first = mk.accounts.list(limit=2).first_page()

    assert newest_first == sellers[::-1]
    assert after_the_oldest == made
    assert ([a.id for a in first.data], first.has_more) == (sellers[:1:-1], True)


async def test_async_lists_follow_the_pages(live_server, parties):
    async with AsyncMarketplace(api_key=parties.platform_key, base_url=live_server.url) as mk:
        made = [(await mk.accounts.create(role="seller", name=f"Shop {n}")).id for n in range(2)]
        listed = [account.id async for account in mk.accounts.list(limit=1)]
    assert listed == [*made[::-1], parties.seller]


def test_each_kind_of_refusal_raises_its_own_exception(live_server, parties, mk):
    quote = mk.quotes.create(**readme_quote(parties.seller))
    mk.covers.create(quote=quote.id, offer=quote.offers[0].id, payment_method="pm_card_visa")

    with pytest.raises(ConflictError) as bound_twice:
        mk.covers.create(quote=quote.id, offer=quote.offers[0].id)
    with pytest.raises(NotFoundError) as missing:
        mk.covers.retrieve("cov_01kzzzzzzzzzzzzzzzzzzzzzzz")
    with pytest.raises(PermissionError) as not_an_insurer:
        mk.products.create(name="Not mine")
    with (
        Marketplace(api_key="mk_test_unknown", base_url=live_server.url) as stranger,
        pytest.raises(AuthenticationError) as unknown_key,
    ):
        stranger.accounts.me()

    assert (bound_twice.value.status, bound_twice.value.code) == (409, "quote_already_bound")
    assert (missing.value.status, missing.value.code) == (404, "resource_not_found")
    assert not_an_insurer.value.status == 403
    assert unknown_key.value.status == 401


def test_nested_fields_may_be_generated_models(live_server, parties):
    from marketplace_sdk.models import BuyerIn, InvoiceIn

    fields = readme_quote(parties.seller)
    fields["invoice"] = InvoiceIn.from_dict(fields["invoice"])
    fields["buyer"] = BuyerIn.from_dict(fields["buyer"])
    with Marketplace(api_key=parties.platform_key, base_url=live_server.url) as mk:
        quote = mk.quotes.create(**fields)
    assert quote.invoice.number == fields["invoice"].number


README = Path(__file__).parents[1] / "README.md"
SDK_MARKER = "<!-- readme-sdk -->"


def _readme_sdk_example(api_key: str, base_url: str) -> str:
    """The README's SDK example with a real key and server, and dates around today."""
    text = README.read_text(encoding="utf-8")
    found = re.search(re.escape(SDK_MARKER) + r"\s*```python\n(.*?)```", text, re.DOTALL)
    assert found, "the README has no SDK example"
    today = dt.datetime.now(dt.UTC).date()
    replacements = {
        '"mk_test_…"': repr(api_key),
        '"http://127.0.0.1:8000"': repr(base_url),
        '"2026-11-25"': repr(today.isoformat()),
        '"2027-01-24"': repr((today + dt.timedelta(days=60)).isoformat()),
    }
    code = found.group(1)
    for written, used in replacements.items():
        assert written in code, written
        code = code.replace(written, used)
    return code


def test_the_readme_sdk_example_runs_as_written(live_server, parties, capsys):
    code = _readme_sdk_example(parties.platform_key, live_server.url)
    names: dict[str, object] = {}
    exec(compile(code, str(README), "exec"), names)  # the README's own example
    names["mk"].close()

    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"{names['cover'].id} {names['cover'].insured_amount}"
    refused = printed[1]
    assert refused.startswith("validation_error ")
    assert "'invoice.amount'" in refused
    assert refused.split()[-1].startswith("req_")
