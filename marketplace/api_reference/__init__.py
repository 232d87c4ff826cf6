"""The API reference served to integrators: example data for every request and response body
and every webhook (``examples``), the step that puts it into the OpenAPI document
(``document``), and the docs page with its vendored Redoc bundle (``docs``, ``static/``)."""
