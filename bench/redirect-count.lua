-- wrk script for bench/redirect.sh: counts 302 answers across all threads and prints the
-- figures the script parses (one "name: value" per line).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  found = 0
  other = 0
end

function response(status, headers, body)
  if status == 302 then
    found = found + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local total, others = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("found")
    others = others + t:get("other")
  end
  io.write(string.format("answers_302: %d\n", total))
  io.write(string.format("answers_other: %d\n", others))
  io.write(string.format("socket_errors: %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("requests: %d\n", summary.requests))
  io.write(string.format("rps: %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50_ms: %.3f\n", latency:percentile(50) / 1000))
  io.write(string.format("p99_ms: %.3f\n", latency:percentile(99) / 1000))
end
