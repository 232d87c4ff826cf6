"""Single-quote scoring time: the serving scorer with reason codes next to raw LightGBM calls.

Run: ``.venv/bin/python bench/bench_scoring.py [--calls 5000]``. Every variant scores the same
rotation of quotes from a synthetic book with the shipped model, one row at a time, in this
process; the table gives median and p99 in microseconds and the ratio to a plain ``predict``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from harness import say

from marketplace.underwriting.features import QuoteFacts, Vocabularies, encode_facts
from marketplace.underwriting.model import RiskModel
from marketplace.underwriting.synthetic import generate_book

QUOTES = 500
WARM_UP_CALLS = 300


def _facts(row: dict[str, Any]) -> QuoteFacts:
    """The quote for one book row (book columns minus the ``buyer_`` prefix, renamed money)."""
    fields = {name.removeprefix("buyer_"): value for name, value in row.items()}
    fields["amount_minor"] = fields.pop("amount")
    fields["annual_revenue_minor"] = fields.pop("annual_revenue")
    for unused in ("invoice_id", "seller_id", "id", "claim"):
        fields.pop(unused, None)
    return QuoteFacts(**fields)


def _timed(call: Callable[[int], object], calls: int) -> list[float]:
    for index in range(WARM_UP_CALLS):
        call(index)
    durations = []
    for index in range(calls):
        started = time.perf_counter_ns()
        call(index)
        durations.append((time.perf_counter_ns() - started) / 1_000)
    return durations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=5_000)
    calls = parser.parse_args().calls
    model = RiskModel.load()
    booster = model.booster
    facts = [_facts(row) for row in generate_book(QUOTES, 99).table.to_pylist()]
    vocabularies = Vocabularies.from_json(model.metadata["vocabularies"])
    rows = [np.array([encode_facts(f, vocabularies)]) for f in facts]

    variants: dict[str, Callable[[int], object]] = {
        "RiskModel.score (probability, grade, 3 reasons)": lambda i: model.score(facts[i % QUOTES]),
        "LightGBM predict (probability only)": lambda i: booster.predict(rows[i % QUOTES]),
        "LightGBM predict pred_leaf": lambda i: booster.predict(rows[i % QUOTES], pred_leaf=True),
        "LightGBM predict pred_contrib (TreeSHAP)": lambda i: booster.predict(
            rows[i % QUOTES], pred_contrib=True
        ),
    }
    results = {name: _timed(call, calls) for name, call in variants.items()}
    baseline = statistics.median(results["LightGBM predict (probability only)"])
    trees = booster.num_trees()
    say(f"shipped model {model.model_version}: {trees} trees; {calls} calls each, one row a call")
    say(f"{'variant':<50} {'median us':>10} {'p99 us':>10} {'x predict':>10}")
    for name, durations in results.items():
        median = statistics.median(durations)
        p99 = float(np.percentile(durations, 99))
        say(f"{name:<50} {median:>10.1f} {p99:>10.1f} {median / baseline:>10.2f}")
    scored = statistics.median(results["RiskModel.score (probability, grade, 3 reasons)"])
    say(f"reason codes + features + grade over a plain predict: {scored - baseline:.1f} us")


if __name__ == "__main__":
    main()
