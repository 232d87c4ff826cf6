"""Realistic examples of the API's bodies, typed: each is a wire Struct built with its own
constructor, so a renamed or new required field fails here (and in mypy), not in a reader's
head. One module per domain; ``catalogue.all_examples`` gathers them.

To add one: build the Struct in its domain's module and list it in that module's
``examples()``; it appears on every request or response body of its schema (or only on the
operations it names).
"""
