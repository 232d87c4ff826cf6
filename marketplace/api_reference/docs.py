"""The docs page: Redoc over the served OpenAPI document, at ``/docs``, working offline.

The Redoc bundle is vendored in ``static/`` (see its README) and served by this app: the page
loads nothing from another origin, and its Content-Security-Policy says so to the browser.
``/schema/redoc`` (where Litestar would serve Redoc from a CDN) redirects to it.
"""

from __future__ import annotations

import html
from functools import cache
from importlib.resources import files
from typing import Any

from litestar import Controller, Request, Response, Router, get
from litestar.enums import MediaType
from litestar.response import Redirect

REDOC_VERSION = "2.5.4"
DOCS_PATH = "/docs"
BUNDLE_PATH = f"{DOCS_PATH}/redoc.standalone.js"
BUNDLE_URL = f"{BUNDLE_PATH}?v={REDOC_VERSION}"
"""The bundle as the page asks for it: a new version is a new URL, so it may be cached long."""
OPENAPI_PATH = "/schema/openapi.json"
_BUNDLE_FILE = "redoc.standalone.js"

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # Redoc styles its components inline
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",  # its search index runs in a worker made from a blob
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
_REDOC_OPTIONS = (
    'expand-responses="200,201" required-props-first="true" json-sample-expand-level="3"'
)


def page_html(title: str) -> str:
    """The docs page: Redoc reads the document from this server, with this server's bundle."""
    return f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{html.escape(title)}: API reference</title>
    <style>body {{ margin: 0; padding: 0; }}</style>
  </head>
  <body>
    <redoc spec-url="{OPENAPI_PATH}" {_REDOC_OPTIONS}></redoc>
    <script src="{BUNDLE_URL}"></script>
  </body>
</html>
"""


@cache
def _bundle() -> bytes:
    return files("marketplace.api_reference").joinpath("static", _BUNDLE_FILE).read_bytes()


class DocsController(Controller):
    path = DOCS_PATH
    include_in_schema = False

    @get("/", sync_to_thread=False)
    def page(self, request: Request[Any, Any, Any]) -> Response[str]:
        """The API reference, rendered by Redoc."""
        title = request.app.openapi_config.title if request.app.openapi_config else "API"
        return Response(page_html(title), media_type=MediaType.HTML, headers=PAGE_HEADERS)

    @get("/redoc.standalone.js", sync_to_thread=False)
    def bundle(self) -> Response[bytes]:
        """Redoc's vendored bundle."""
        return Response(
            _bundle(),
            media_type="text/javascript",
            headers={
                "Cache-Control": "public, max-age=31536000, immutable",
                "X-Content-Type-Options": "nosniff",
            },
        )


@get("/redoc", include_in_schema=False, sync_to_thread=False)
def _redoc_elsewhere() -> Redirect:
    """Litestar's usual place for Redoc: the page is at ``/docs``."""
    return Redirect(path=DOCS_PATH, status_code=308)


def schema_router(path: str) -> Router:
    """The router of Litestar's ``/schema`` pages (``OpenAPIConfig.openapi_router``), with
    ``/schema/redoc`` sending readers to ``/docs``."""
    return Router(path=path, route_handlers=[_redoc_elsewhere], include_in_schema=False)
