-- wrk's script for the bench (bench/load.ts): cycles the paths of a file, one a line, in the file's order, and
-- prints the round's figures as one JSON line that bench/load.ts parses, so that nothing depends on the
-- layout of wrk's own report.
--
--   wrk -t1 -c32 -d3s -H 'authorization: Bearer KEY' -s bench/wrk.lua http://HOST:PORT/ -- PATHS_FILE
--
-- With one thread (-t1) the counter below is shared by every connection, so the whole file goes out in
-- order, over and over, and every cache on the server sees all of its keys. The requests are formatted once,
-- at start, so that sending one costs the generator's core a table lookup and no string building.

local requests = {}
local count = 0
local next_index = 0

function init (args)
  local file = args[1]
  if file == nil then error("bench/wrk.lua needs a file of paths after --") end
  for line in io.lines(file) do
    if line ~= "" then
      count = count + 1
      requests[count] = wrk.format("GET", line)
    end
  end
  if count == 0 then error("no paths in " .. file) end
end

function request ()
  next_index = next_index % count + 1
  return requests[next_index]
end

-- Latencies are in µs. errors.status counts answers with a status above 399.
function done (summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"duration_us":%d,"requests":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,' ..
    '"timeout":%d,"mean_us":%.1f,"p50_us":%d,"p99_us":%d}\n',
    summary.duration, summary.requests, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(99)))
end
