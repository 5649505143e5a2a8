-- wrk script for deploy/bench/run.sh: GETs PATH_PREFIX followed by a random tracking code from
-- CODES_FILE (or PATH_PREFIX alone without one). With RATE_PER_THREAD set, each wrk thread sends
-- on a fixed schedule (wrk has no rate option); late requests are sent at once to catch up, so the
-- achieved rate is kept, but latency is still measured from the actual send, not the schedule.
-- done() prints one RESULT line for run.sh to read.

local prefix = os.getenv("PATH_PREFIX") or "/"
local codes_file = os.getenv("CODES_FILE") or ""
local rate = tonumber(os.getenv("RATE_PER_THREAD") or "0")
local codes = {}

if codes_file ~= "" then
  for line in io.lines(codes_file) do
    if line ~= "" then codes[#codes + 1] = line end
  end
end

function setup(thread)
  thread:set("thread_seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(thread_seed or 1)
end

function request()
  if #codes == 0 then
    return wrk.format("GET", prefix)
  end
  return wrk.format("GET", prefix .. codes[math.random(#codes)])
end

if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef[[
    struct bench_timespec { long tv_sec; long tv_nsec; };
    int clock_gettime(int clock_id, struct bench_timespec *tp);
  ]]
  local ts = ffi.new("struct bench_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
    return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
  end
  local interval = 1000 / rate
  local next_at = nil
  -- one schedule per thread, shared by its connections: each request takes the next slot
  function delay()
    local now = now_ms()
    if next_at == nil then next_at = now end
    next_at = next_at + interval
    local wait = next_at - now
    if wait < 0 then return 0 end
    return wait
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f socket_errors=%d status_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status))
end
