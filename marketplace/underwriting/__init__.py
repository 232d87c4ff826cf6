"""Underwriting: from a buyer and an invoice to a probability of default, reasons and a price.

Modules, each with one job:

- ``features``: the one feature spec shared by training and serving (``QuoteFacts``).
- ``book``: the historical book schema; load and validate CSV or Parquet.
- ``synthetic``: a documented, seeded generator of synthetic books.
- ``training``: fit the LightGBM model on a book; ``artifact`` and ``model_card`` write it.
- ``model``: the serving scorer (``RiskModel``) with grades and reason codes.
- ``pricing`` and ``appetite``: pure functions from risk and product terms to a price or a decline.
- ``cli``: the ``marketplace underwriting`` commands (synth, train, score, evaluate).
"""
