-- Many users browsing the public pages: each request takes the next path of the file given
-- after "--" (one path a line), each thread starting at another place in the list.
dofile("common.lua")

local paths = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("offset", thread_count)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(paths, line) end
  end
  position = tonumber(offset or 1)
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function done(summary, latency, requests)
  bench_report(summary, latency)
end
