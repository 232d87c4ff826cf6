-- wrk script: POST /v1/quotes with a new invoice each time, cycling through 2,000 buyers.
local key = os.getenv("BENCH_KEY")
local seller = os.getenv("BENCH_SELLER")
local issue = os.getenv("BENCH_ISSUE")
local due = os.getenv("BENCH_DUE")
local sectors = {"C", "G", "J", "M", "F", "H"}
local counter = 0

wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. key
wrk.headers["Content-Type"] = "application/json"

request = function()
  counter = counter + 1
  local buyer = counter % 2000
  local body = string.format(
    '{"seller": "%s", "invoice": {"number": "B-%d", "amount": %d, "currency": "EUR",' ..
    ' "issue_date": "%s", "due_date": "%s"},' ..
    ' "buyer": {"country": "FR", "registration_number": "BENCH%05d", "name": "Buyer %d",' ..
    ' "sector": "%s", "years_in_business": %d, "employees": %d, "annual_revenue": %d,' ..
    ' "payment_incidents_12m": %d, "avg_days_beyond_terms": %d},' ..
    ' "relationship": {"months": %d, "prior_invoices_count": %d, "prior_late_ratio": 0.1}}',
    seller, counter, 500000 + (counter % 97) * 10000, issue, due, buyer, buyer,
    sectors[(buyer % #sectors) + 1], 2 + buyer % 30, 5 + buyer % 500, 50000000 + buyer * 100000,
    buyer % 3, buyer % 25, buyer % 60, buyer % 40)
  return wrk.format(nil, nil, nil, body)
end
