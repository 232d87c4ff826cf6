"""Life after bind: invoice reports, the claim state machine, collections, waiting period,
indemnity, payouts and recoveries, deadlines, the test clock and the date-driven jobs."""
