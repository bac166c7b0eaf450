-- wrk script for bench/postbacks.sh: each request is a ShareASale-style postback for click
-- "bench-<n>", n = OFFSET + a per-thread counter interleaved across threads, wrapping at COUNT;
-- or, with IDS_FILE, the numbers listed in that file (one per line), cycled.
local key = os.getenv("KEY")
local offset = tonumber(os.getenv("OFFSET") or "0")
local count = tonumber(os.getenv("COUNT") or "100000")
local threads = tonumber(os.getenv("THREADS") or "2")
local ids_file = os.getenv("IDS_FILE")
if ids_file == "" then ids_file = nil end
local next_id = 0

function setup(thread)
  thread:set("thread_index", next_id)
  next_id = next_id + 1
end

function init(args)
  counter = 0
  ids = nil
  if ids_file then
    ids = {}
    for line in io.lines(ids_file) do ids[#ids + 1] = line end
  end
end

function request()
  local n
  if ids then
    n = ids[((counter * threads + thread_index) % #ids) + 1]
  else
    n = offset + ((counter * threads + thread_index) % count)
  end
  counter = counter + 1
  local path = "/postback/" .. key .. "?afftrack=bench-" .. n .. "&transID=" .. n .. "&orderNumber=ORD-" .. n
      .. "&amountOfSale=49.95&commission=4.00&transDate=2026-11-20%2012:00:00&transtype=sale&merchantID=5678"
  return wrk.format("GET", path)
end
