"""Invoice cover marketplace: quote, bind, settle, claim and monitor single-invoice credit cover."""

__version__ = "0.1.0"
