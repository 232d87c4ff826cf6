"""A buyer's marketplace-wide monitoring status, and how each signal moves it.

Insurers and the operator send signals; every signal is recorded, and moves the status by
this table (row: the signal; column: the status before; cell: the status after):

====================================  ==========  =========  =========  ==========
signal                                normal      watch      stop       insolvent
====================================  ==========  =========  =========  ==========
insolvency                            insolvent   insolvent  insolvent  insolvent
payment_default                       stop        stop       stop       insolvent
rating_downgrade                      watch       watch      stop       insolvent
rating_upgrade                        normal      normal     watch      insolvent
bureau_score below 20                 watch       watch      stop       insolvent
bureau_score of 20 or more            normal      watch      stop       insolvent
====================================  ==========  =========  =========  ==========

``insolvent`` is final: nothing moves a buyer out of it. Only a payment default stops a buyer
(hard evidence); ratings and scores put it on watch, and an upgrade lifts one step at a time
(stop to watch, watch to normal). A good bureau score alone lifts nothing: it is what most
buyers have, so it is no news. ``stop`` and ``insolvent`` buyers get no new cover (quotes
decline ``buyer_stopped``, binds are refused).
"""

from __future__ import annotations

from typing import Literal

BuyerStatus = Literal["normal", "watch", "stop", "insolvent"]
SignalType = Literal[
    "insolvency", "payment_default", "rating_downgrade", "rating_upgrade", "bureau_score"
]

INSOLVENT = "insolvent"
STOPPED: frozenset[str] = frozenset(("stop", INSOLVENT))
"""The statuses under which a buyer gets no new cover."""
WATCH_BELOW_BUREAU_SCORE = 20
"""A bureau score (0-100) below this puts a ``normal`` buyer on watch."""

_NEXT: dict[str, dict[str, str]] = {
    "insolvency": {"normal": INSOLVENT, "watch": INSOLVENT, "stop": INSOLVENT},
    "payment_default": {"normal": "stop", "watch": "stop", "stop": "stop"},
    "rating_downgrade": {"normal": "watch", "watch": "watch", "stop": "stop"},
    "rating_upgrade": {"normal": "normal", "watch": "normal", "stop": "watch"},
    "low_bureau_score": {"normal": "watch", "watch": "watch", "stop": "stop"},
    "bureau_score": {"normal": "normal", "watch": "watch", "stop": "stop"},
}


def _row(signal_type: str, bureau_score: int | None) -> str:
    low = bureau_score is not None and bureau_score < WATCH_BELOW_BUREAU_SCORE
    return "low_bureau_score" if signal_type == "bureau_score" and low else signal_type


def next_status(status: str, signal_type: str, bureau_score: int | None) -> str:
    """The buyer's status after a signal (see the module's table)."""
    if status == INSOLVENT:
        return INSOLVENT
    return _NEXT[_row(signal_type, bureau_score)][status]
