-- One page, requested over and over (wrk's static request); the cookie comes with -H.
dofile("common.lua")

function done(summary, latency, requests)
  bench_report(summary, latency)
end
