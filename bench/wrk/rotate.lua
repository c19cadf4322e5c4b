-- wrk script for bench/web.py: rotate over the URL paths of one arm and print the figures as one JSON line
-- (prefix "WRKJSON ") so the script need not parse wrk's human-readable text.
--   wrk -t2 -c16 -d10s --latency -s bench/wrk/rotate.lua http://127.0.0.1:PORT -- /path/to/paths.txt
-- Every thread starts at a different place in the list, so two threads do not ask for the same object in
-- step. The X-Forwarded-Proto header is what the TLS-terminating proxy of a production site sends.
-- Answers with status >= 400 are wrk's "status errors"; bench/web.py has asked every path once beforehand
-- and accepted only 200 (no redirect), so a 3xx cannot slip through. There is deliberately no response()
-- callback: it hands every answer to Lua and cost ~10 % of the floor's throughput on a 2-core machine.

local paths = {}
local counter = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  file:close()
  assert(#paths > 0, "no paths in " .. args[1])
  counter = (id or 0) * math.floor(#paths / 2 + 1)
  wrk.headers["X-Forwarded-Proto"] = "https"
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect_errors": %d, "read_errors": %d, '
      .. '"write_errors": %d, "status_errors": %d, "timeouts": %d, "p50_us": %d, '
      .. '"p90_us": %d, "p99_us": %d, "mean_us": %.1f, "max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max
  ))
end
