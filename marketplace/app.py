"""``create_app(settings)``: the one place that wires routes, middleware, errors and start-up."""

from __future__ import annotations

import functools
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import cast

import structlog
from litestar import Litestar, Router
from litestar.datastructures import State
from litestar.enums import ScopeType
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme
from litestar.types import (
    HTTPScope,
    LifeSpanReceive,
    LifeSpanScope,
    LifeSpanSend,
    Message,
    Receive,
    Scope,
    Send,
)

from marketplace import __version__
from marketplace.accounts.auth import authenticate
from marketplace.accounts.controllers import AccountController
from marketplace.api_reference import document as _reference  # noqa: F401 - examples in the document
from marketplace.api_reference.docs import DocsController, schema_router
from marketplace.api_reference.tags import TAGS
from marketplace.buyers.controllers import BuyerController
from marketplace.claims.controllers import (
    ClaimController,
    InvoiceEventController,
    TestHelperController,
)
from marketplace.config import Settings, load_settings
from marketplace.covers import stripe_events  # noqa: F401 - registers the Stripe event handlers
from marketplace.covers.controllers import CoverController
from marketplace.db import Database, create_engine
from marketplace.errors import EXCEPTION_HANDLERS
from marketplace.events.controllers import EventController, WebhookEndpointController
from marketplace.health import HealthController
from marketplace.housekeeping import housekeeping_lifespan
from marketplace.kit.logging import configure_logging
from marketplace.kit.openapi_links import OpenAPIConfigWithLinks
from marketplace.kit.openapi_strict import StrictStructSchemaPlugin
from marketplace.kit.requests import request_id_of, started_ns_of
from marketplace.kit.strict_body import StrictJsonBody
from marketplace.kit.strict_query import reject_unknown_query_parameters
from marketplace.kit.unit_of_work import UNIT_OF_WORK_DEPENDENCIES, UnitOfWorkMiddleware
from marketplace.migrations import head_revision
from marketplace.payments.controllers import StripeWebhookController
from marketplace.payments.wiring import stripe_gateway_lifespan
from marketplace.products.controllers import ProductController
from marketplace.products.in_force import ProductsInForce
from marketplace.quotes.controllers import QuoteController
from marketplace.quotes.service import QuoteContext
from marketplace.underwriting.model import RiskModel

access_log = structlog.get_logger("marketplace.access")


class MarketplaceApp(Litestar):
    """Litestar plus what must wrap every HTTP exchange, routed or not: a ``Request-Id``
    response header, the request id on every log line, and one access log line."""

    async def __call__(
        self,
        scope: Scope | LifeSpanScope,
        receive: Receive | LifeSpanReceive,
        send: Send | LifeSpanSend,
    ) -> None:
        if scope["type"] != ScopeType.HTTP:
            await super().__call__(scope, receive, send)
            return
        await self._serve_http(
            cast("HTTPScope", scope), cast("Receive", receive), cast("Send", send)
        )

    async def _serve_http(self, scope: HTTPScope, receive: Receive, send: Send) -> None:
        structlog.contextvars.clear_contextvars()
        request_id = request_id_of(scope)
        structlog.contextvars.bind_contextvars(request_id=request_id)
        status = 500

        async def send_with_request_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"request-id", request_id.encode()))
                message["headers"] = headers
            await send(message)

        try:
            if scope["method"] == "OPTIONS" and await self._answer_options(
                scope, send_with_request_id
            ):
                return
            await super().__call__(scope, receive, send_with_request_id)
        finally:
            access_log.info(
                "http.request",
                method=scope["method"],
                route=scope.get("path_template", "unmatched"),
                status=status,
                duration_ms=round((time.perf_counter_ns() - started_ns_of(scope)) / 1e6, 3),
            )

    async def _answer_options(self, scope: HTTPScope, send: Send) -> bool:
        """Answer OPTIONS with the route's real methods (Litestar's own answer can miss some)."""
        try:
            *_, path_template = self.asgi_router.handle_routing(
                path=scope["path"], method="OPTIONS"
            )
        except Exception:
            return False
        methods = _methods_by_template(self).get(path_template)
        if methods is None:
            return False
        scope["path_template"] = path_template
        allow = ", ".join(sorted(methods)).encode()
        await send({"type": "http.response.start", "status": 204, "headers": [(b"allow", allow)]})
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        return True


@functools.cache
def _methods_by_template(app: Litestar) -> dict[str, frozenset[str]]:
    """Each route's methods, keyed by its path template as routing reports it."""
    return {_CONVERTER.sub(r"{\1}", route.path): frozenset(route.methods) for route in app.routes}


_CONVERTER = re.compile(r"\{(\w+):[^}]+\}")


def _openapi_config() -> OpenAPIConfig:
    return OpenAPIConfigWithLinks(
        title="Invoice Cover Marketplace API",
        version=__version__,
        description=(
            "Insure one B2B invoice at a time: instant priced quotes from every insurer"
            " product that accepts the risk, bind after Stripe payment, and follow the"
            " invoice to settlement or claim. Authenticate with `Authorization: Bearer"
            " mk_test_…`. Errors are RFC 9457 problem+json with a stable `code`."
        ),
        path="/schema",
        openapi_router=schema_router("/schema"),
        tags=TAGS,
        render_plugins=[SwaggerRenderPlugin()],
        components=Components(
            security_schemes={
                "api_key": SecurityScheme(
                    type="http",
                    scheme="bearer",
                    description="An API key: mk_test_… (test mode) or mk_live_… (live mode).",
                )
            }
        ),
        create_examples=False,
        use_handler_docstrings=True,
    )


def _api_router() -> Router:
    return Router(
        path="/v1",
        route_handlers=[
            AccountController,
            BuyerController,
            ClaimController,
            CoverController,
            InvoiceEventController,
            EventController,
            ProductController,
            QuoteController,
            TestHelperController,
            WebhookEndpointController,
        ],
        middleware=[DefineMiddleware(UnitOfWorkMiddleware, authenticate=authenticate)],
        dependencies=UNIT_OF_WORK_DEPENDENCIES,
        before_request=reject_unknown_query_parameters,
        security=[{"api_key": []}],
        dto=StrictJsonBody,  # bodies decode strictly: "100" is not an integer
        return_dto=None,
    )


def _webhooks_router() -> Router:
    """Stripe's webhooks: signed by Stripe, so no API key; not part of the public API."""
    return Router(
        path="/v1/webhooks",
        route_handlers=[StripeWebhookController],
        middleware=[DefineMiddleware(UnitOfWorkMiddleware)],
        dependencies=UNIT_OF_WORK_DEPENDENCIES,
        include_in_schema=False,
    )


def create_app(settings: Settings | None = None) -> Litestar:
    """The API application for ``settings`` (read from the environment when not given)."""
    settings = settings or load_settings()
    configure_logging(settings)

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        database = Database(create_engine(settings))
        app.state.database = database
        app.state.head_revision = head_revision(settings)
        app.state.products_in_force = ProductsInForce()
        app.state.quote_context = QuoteContext(RiskModel.load(), app.state.products_in_force)
        try:
            yield
        finally:
            await database.dispose()

    return MarketplaceApp(
        route_handlers=[HealthController, DocsController, _api_router(), _webhooks_router()],
        # Entered in this order, left in reverse: upkeep stops before Stripe and the database.
        lifespan=[lifespan, stripe_gateway_lifespan, housekeeping_lifespan],
        exception_handlers=EXCEPTION_HANDLERS,
        openapi_config=_openapi_config(),
        plugins=[StrictStructSchemaPlugin()],
        request_max_body_size=settings.max_body_bytes,
        logging_config=None,
        state=State({"settings": settings}),
    )
