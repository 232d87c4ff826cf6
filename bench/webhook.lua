-- wrk script: POST pre-signed Stripe deliveries, one line of BENCH_EVENTS each ("signature<TAB>body").
local events = {}
for line in io.lines(os.getenv("BENCH_EVENTS")) do
  local signature, body = line:match("^([^\t]+)\t(.*)$")
  events[#events + 1] = {signature, body}
end
local sent = 0

request = function()
  sent = sent + 1
  local event = events[((sent - 1) % #events) + 1]
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Stripe-Signature"] = event[1],
  }, event[2])
end
