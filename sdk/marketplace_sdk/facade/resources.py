"""The API's resources as ``Marketplace`` attributes, each operation bound to its generated
module (named by the API's ``operationId``): ``mk.quotes.create`` is ``create_quote``."""

from __future__ import annotations

from marketplace_sdk.api.accounts import (
    create_account,
    create_api_key,
    list_accounts,
    list_api_keys,
    retrieve_account,
    retrieve_my_account,
    revoke_api_key,
)
from marketplace_sdk.api.buyers import (
    create_buyer_signal,
    list_buyer_limits,
    list_buyer_signals,
    list_buyers,
    retrieve_buyer,
    set_buyer_limit,
)
from marketplace_sdk.api.claims import (
    approve_claim,
    create_claim,
    create_claim_payout,
    hold_claim,
    list_claim_payouts,
    list_claims,
    reject_claim,
    resume_claim,
    retrieve_claim,
    withdraw_claim,
)
from marketplace_sdk.api.covers import (
    cancel_cover,
    create_cover,
    create_invoice_event,
    list_covers,
    list_invoice_events,
    retrieve_cover,
)
from marketplace_sdk.api.events import list_events, redeliver_event, retrieve_event
from marketplace_sdk.api.products import (
    create_product,
    list_products,
    pause_product,
    resume_product,
    retrieve_product,
    retrieve_product_version,
    update_product,
)
from marketplace_sdk.api.quotes import create_quote, list_quotes, retrieve_quote
from marketplace_sdk.api.test_helpers import advance_cover_clock
from marketplace_sdk.api.webhook_endpoints import (
    create_webhook_endpoint,
    delete_webhook_endpoint,
    list_webhook_endpoints,
    replay_webhook_endpoint,
    retrieve_webhook_endpoint,
    rotate_webhook_endpoint_secret,
    update_webhook_endpoint,
)
from marketplace_sdk.facade.endpoints import Endpoint, Listing, R, Resource


class Quotes(Resource[R]):
    """``/v1/quotes``: an invoice priced by every product that takes the risk."""

    create = Endpoint(create_quote)
    retrieve = Endpoint(retrieve_quote)
    list = Listing(list_quotes)


class InvoiceEvents(Resource[R]):
    """``/v1/covers/{id}/invoice_events``: what happened to the covered invoice."""

    create = Endpoint(create_invoice_event)
    list = Listing(list_invoice_events)


class Covers(Resource[R]):
    """``/v1/covers``: a bound offer, active once its premium is paid."""

    create = Endpoint(create_cover)
    retrieve = Endpoint(retrieve_cover)
    list = Listing(list_covers)
    cancel = Endpoint(cancel_cover)

    def __init__(self, requestor: R) -> None:
        super().__init__(requestor)
        self.invoice_events = InvoiceEvents(requestor)


class Payouts(Resource[R]):
    """``/v1/claims/{id}/payouts``: the indemnity the insurer paid."""

    create = Endpoint(create_claim_payout)
    list = Listing(list_claim_payouts)


class Claims(Resource[R]):
    """``/v1/claims``: an unpaid invoice on its way to an indemnity."""

    create = Endpoint(create_claim)
    retrieve = Endpoint(retrieve_claim)
    list = Listing(list_claims)
    approve = Endpoint(approve_claim)
    reject = Endpoint(reject_claim)
    hold = Endpoint(hold_claim)
    resume = Endpoint(resume_claim)
    withdraw = Endpoint(withdraw_claim)

    def __init__(self, requestor: R) -> None:
        super().__init__(requestor)
        self.payouts = Payouts(requestor)


class Signals(Resource[R]):
    """``/v1/buyers/{id}/signals``: what insurers and the operator report on a buyer."""

    create = Endpoint(create_buyer_signal)
    list = Listing(list_buyer_signals)


class Limits(Resource[R]):
    """``/v1/buyers/{id}/limits``: an insurer's own limit on a buyer."""

    set = Endpoint(set_buyer_limit)
    list = Listing(list_buyer_limits)


class Buyers(Resource[R]):
    """``/v1/buyers``: the companies invoices are insured against."""

    retrieve = Endpoint(retrieve_buyer)
    list = Listing(list_buyers)

    def __init__(self, requestor: R) -> None:
        super().__init__(requestor)
        self.signals = Signals(requestor)
        self.limits = Limits(requestor)


class Events(Resource[R]):
    """``/v1/events``: every change, as webhooks deliver it."""

    retrieve = Endpoint(retrieve_event)
    list = Listing(list_events)
    redeliver = Endpoint(redeliver_event)


class WebhookEndpoints(Resource[R]):
    """``/v1/webhook_endpoints``: where events are sent, signed."""

    create = Endpoint(create_webhook_endpoint)
    retrieve = Endpoint(retrieve_webhook_endpoint)
    list = Listing(list_webhook_endpoints)
    update = Endpoint(update_webhook_endpoint)
    delete = Endpoint(delete_webhook_endpoint)
    rotate_secret = Endpoint(rotate_webhook_endpoint_secret)
    replay = Endpoint(replay_webhook_endpoint)


class ApiKeys(Resource[R]):
    """``/v1/accounts/{id}/keys``: an account's API keys."""

    create = Endpoint(create_api_key)
    list = Listing(list_api_keys)
    revoke = Endpoint(revoke_api_key)


class Accounts(Resource[R]):
    """``/v1/accounts``: the operator's accounts, or a platform's connected sellers."""

    create = Endpoint(create_account)
    retrieve = Endpoint(retrieve_account)
    list = Listing(list_accounts)
    me = Endpoint(retrieve_my_account)

    def __init__(self, requestor: R) -> None:
        super().__init__(requestor)
        self.keys = ApiKeys(requestor)


class Products(Resource[R]):
    """``/v1/products``: an insurer's products and their versioned terms."""

    create = Endpoint(create_product)
    retrieve = Endpoint(retrieve_product)
    list = Listing(list_products)
    update = Endpoint(update_product)
    pause = Endpoint(pause_product)
    resume = Endpoint(resume_product)
    retrieve_version = Endpoint(retrieve_product_version)


class CoverClock(Resource[R]):
    """``/v1/test_helpers/covers/{id}/advance``: a test-mode cover's clock."""

    advance = Endpoint(advance_cover_clock)


class TestHelpers(Resource[R]):
    """Test mode only: play a cover's life in seconds."""

    def __init__(self, requestor: R) -> None:
        super().__init__(requestor)
        self.covers = CoverClock(requestor)
