"""The hand-written client over the generated operations: ``Marketplace``, ``AsyncMarketplace``
and their exceptions. Not generated: ``make sdk`` copies it from ``openapi/sdk_extras``."""
