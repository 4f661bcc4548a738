-- An officer editing plans: GET the edit form, read the CSRF token and the edit token from
-- it, POST the form back (the summary alternates between two texts, so every save changes the
-- plan), then again. A save counts only when it answers 302 to the plan's page: a 409 (someone
-- else's save in between), a 403 (CSRF) or a 200 (the form again, with an error) is a failure.
--
-- Arguments (after --): plans file, number of wrk threads. Each line of the plans file is
-- "<plan id>\t<form fields A>\t<form fields B>" (URL-encoded, without the two tokens).
-- Each thread edits its own share of the plans, more plans than it has connections, so two
-- connections never edit the same plan at once and every edit token read is still current.
dofile("common.lua")

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_index", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

-- Wall-clock time of each save (POST) alone, through LuaJIT's FFI when wrk has it.
local clock = nil
local ok, ffi = pcall(require, "ffi")
if ok then
  ffi.cdef[[
    typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
    int clock_gettime(int clock_id, bench_timespec *tp);
  ]]
  local ts = ffi.new("bench_timespec")
  clock = function()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
  end
end

local plans = {}     -- id -> {a = fields, b = fields, flip = bool, token, edit}
local queue = {}     -- what to send next: {id, "get"|"post"}
local head, tail = 1, 0
local inflight = {}  -- id -> {kind, started}
local path = "/en/workspace/plans/"
saves_ok, saves_failed, forms_ok, forms_failed, lost = 0, 0, 0, 0, 0
save_times = {}

local function push(id, kind)
  tail = tail + 1
  queue[tail] = {id, kind}
end

local function pop()
  if head > tail then return nil end
  local item = queue[head]
  queue[head] = nil
  head = head + 1
  return item
end

function init(args)
  local file, thread_count = args[1], tonumber(args[2])
  local n = 0
  for line in io.lines(file) do
    local id, a, b = line:match("^(%d+)\t([^\t]*)\t([^\t]*)$")
    if id and n % thread_count == thread_index then
      plans[id] = {a = a, b = b, flip = false}
      push(id, "get")
    end
    n = n + 1
  end
end

function request()
  local item = pop()
  if item == nil then
    -- Every plan is waiting for an answer that will not come (an unparsable error page):
    -- start again with the one sent longest ago.
    local oldest, when = nil, math.huge
    for id, state in pairs(inflight) do
      if state.started < when then oldest, when = id, state.started end
    end
    lost = lost + 1
    item = {oldest, "get"}
  end
  local id, kind = item[1], item[2]
  inflight[id] = {kind = kind, started = clock and clock() or 0}
  if kind == "get" then
    return wrk.format("GET", path .. id .. "/edit/")
  end
  local plan = plans[id]
  plan.flip = not plan.flip
  local body = "csrfmiddlewaretoken=" .. plan.token .. "&edit_token=" .. plan.edit
    .. "&" .. (plan.flip and plan.b or plan.a)
  -- wrk.format uses the headers given instead of wrk.headers (where -H put the cookie).
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  return wrk.format("POST", path .. id .. "/edit/", headers, body)
end

function response(status, headers, body)
  local id = nil
  if status == 302 then
    id = (headers["Location"] or ""):match("/workspace/plans/(%d+)/$")
  elseif body then
    id = body:match('aria%-label="Breadcrumb"[^>]*>.-/workspace/plans/(%d+)/"')
  end
  local state = id and inflight[id]
  if state == nil then
    saves_failed = saves_failed + 1  -- an answer no plan can be matched with: not a save
    return
  end
  inflight[id] = nil
  if state.kind == "post" then
    if status == 302 then
      saves_ok = saves_ok + 1
      if clock then table.insert(save_times, clock() - state.started) end
    else
      saves_failed = saves_failed + 1
    end
    push(id, "get")
    return
  end
  local token = body and body:match('name="csrfmiddlewaretoken" value="([^"]+)"')
  local edit = body and body:match('name="edit_token" value="([^"]+)"')
  if status == 200 and token and edit then
    forms_ok = forms_ok + 1
    -- URL-encoded: the signed token holds ':' among its characters.
    edit = edit:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end)
    plans[id].token, plans[id].edit = token, edit
    push(id, "post")
  else
    forms_failed = forms_failed + 1
    push(id, "get")
  end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  local index = math.max(1, math.ceil(#sorted * p / 100))
  return sorted[index]
end

function done(summary, latency, requests)
  local ok_total, failed, forms, forms_bad, lost_total, times = 0, 0, 0, 0, 0, {}
  for _, thread in ipairs(threads) do
    ok_total = ok_total + thread:get("saves_ok")
    failed = failed + thread:get("saves_failed")
    forms = forms + thread:get("forms_ok")
    forms_bad = forms_bad + thread:get("forms_failed")
    lost_total = lost_total + thread:get("lost")
    for _, t in ipairs(thread:get("save_times")) do table.insert(times, t) end
  end
  table.sort(times)
  bench_report(summary, latency, {
    saves_ok = ok_total,
    saves_failed = failed,
    forms_ok = forms,
    forms_failed = forms_bad,
    lost = lost_total,
    save_timed = #times,
    save_p50_us = string.format("%d", percentile(times, 50)),
    save_p95_us = string.format("%d", percentile(times, 95)),
    save_p99_us = string.format("%d", percentile(times, 99)),
  })
end
