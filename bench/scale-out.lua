-- wrk script for bench/scale-out.sh: the 302 counting of redirect-count.lua, with wrk's threads
-- spread round-robin over the nodes in the NODES environment variable ("host:port host:port"),
-- so each node gets the same share of the connections (run with a thread count that is a
-- multiple of the number of nodes), and each request going to the next of the tracking link
-- paths in PATHS ("/r/a /r/b"): clicks are keyed by link, so several links spread them over the
-- topic's partitions and the nodes' consumers.
dofile("bench/redirect-count.lua")

local count_thread = setup
local nodes = {}
for node in string.gmatch(os.getenv("NODES") or "", "%S+") do
  local host, port = string.match(node, "^(.+):(%d+)$")
  table.insert(nodes, wrk.lookup(host, port)[1])
end
local started = 0

function setup(thread)
  if #nodes > 0 then
    thread.addr = nodes[started % #nodes + 1]
  end
  started = started + 1
  count_thread(thread)
end

local paths = {}
for path in string.gmatch(os.getenv("PATHS") or "", "%S+") do
  table.insert(paths, path)
end
local sent = 0

function request()
  sent = sent + 1
  return wrk.format(nil, paths[sent % #paths + 1])
end
