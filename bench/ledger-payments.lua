-- wrk script: every request is a new payment of 0.01 to one member, with its own Idempotency-Key.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0
local key = os.getenv("LL_KEY")
local member = os.getenv("LL_MEMBER")
local run = os.getenv("LL_RUN")

request = function()
  counter = counter + 1
  local body = '{"items":[{"memberId":"' .. member .. '","amount":"0.01"}]}'
  return wrk.format("POST", "/api/v1/payments", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. key,
    ["Idempotency-Key"] = run .. "-" .. tid .. "-" .. counter
  }, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
