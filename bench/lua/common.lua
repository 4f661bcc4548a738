-- Shared by the benchmark's wrk scripts (run with bench/lua as the working directory).
-- report(): one line "BENCH_JSON {...}" that bench/run.py reads; times in microseconds.

function bench_report(summary, latency, extra)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  local fields = {
    string.format('"requests": %d', summary.requests),
    string.format('"seconds": %.3f', seconds),
    string.format('"rps": %.2f', summary.requests / seconds),
    string.format('"p50_us": %d', latency:percentile(50)),
    string.format('"p95_us": %d', latency:percentile(95)),
    string.format('"p99_us": %d', latency:percentile(99)),
    string.format('"mean_us": %.1f', latency.mean),
    string.format('"max_us": %d', latency.max),
    string.format('"socket_errors": %d', e.connect + e.read + e.write + e.timeout),
    string.format('"timeouts": %d', e.timeout),
    string.format('"status_errors": %d', e.status),
  }
  for key, value in pairs(extra or {}) do
    table.insert(fields, string.format('"%s": %s', key, value))
  end
  io.write("BENCH_JSON {" .. table.concat(fields, ", ") .. "}\n")
end
