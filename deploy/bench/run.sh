#!/usr/bin/env bash
# Benchmarks Tamroi's production profile on this machine and prints the figures beside the
# ceilings measured in the same run. See docs/benchmarks.md for what each figure means.
# Usage: deploy/bench/run.sh          (full size: about 20 minutes on 2 cores)
# Everything it starts is its own: database tamroi_bench, a broker on 19092/19093 with its data
# in deploy/local/work/bench-kafka, Tamroi on 18080 (management 19000) with its own key pair in
# deploy/local/work/bench.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/../.." && pwd)"
LOCAL_DIR="$REPO_DIR/deploy/local"
WORK="${BENCH_WORK_DIR:-$LOCAL_DIR/work/bench}"

# deploy/local's scripts read these, so they run a second stack beside a developer's own
export TAMROI_WORK_DIR="$WORK/tamroi"
export TAMROI_KAFKA_WORK_DIR="${BENCH_KAFKA_WORK_DIR:-$LOCAL_DIR/work/bench-kafka}"
export TAMROI_KAFKA_PORT="${BENCH_KAFKA_PORT:-19092}"
export TAMROI_KAFKA_CONTROLLER_PORT="${BENCH_KAFKA_CONTROLLER_PORT:-19093}"
export TAMROI_KAFKA="127.0.0.1:$TAMROI_KAFKA_PORT"
export TAMROI_DB="${BENCH_DB:-tamroi_bench}"
export TAMROI_HTTP_PORT="${BENCH_HTTP_PORT:-18080}"
export TAMROI_MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-19000}"
# wrk reads statuses from one address far faster than a person: lift the per-client lookup limit
# so the read figures measure Tamroi (the limiter still runs on every lookup) rather than 429s
export TAMROI_JAVA_OPTS="${BENCH_TAMROI_JAVA_OPTS:--Xmx512m -Dtamroi.limits.lookups.burst=1000000000 -Dtamroi.limits.lookups.per-minute=1000000000}"
export TAMROI_TOKEN_TTL=21600

APPS="${BENCH_APPS:-100000}"
WARMUP_APPS="${BENCH_WARMUP_APPS:-20000}"
READ_APPLICATIONS="${BENCH_READ_APPLICATIONS:-1000000}"
SEED="${BENCH_SEED:-20261116}"
HTTP_CLIENTS="${BENCH_HTTP_CLIENTS:-4}"
LATENCY_RATE="${BENCH_LATENCY_RATE:-1000}"
LATENCY_SECONDS="${BENCH_LATENCY_SECONDS:-60}"
READ_RATE="${BENCH_READ_RATE:-1000}"
READ_SECONDS="${BENCH_READ_SECONDS:-30}"
MAX_SECONDS="${BENCH_MAX_SECONDS:-20}"
WARMUP_SECONDS="${BENCH_WARMUP_SECONDS:-10}"
SAMPLE_THREADS="${BENCH_SAMPLE_THREADS:-0}"
PG="psql -h 127.0.0.1 -p 5432 -U postgres -v ON_ERROR_STOP=1 -qtA"
HTTP_BASE="http://127.0.0.1:$TAMROI_HTTP_PORT"
RESULTS="$WORK/results.properties"
CODES="$WORK/codes.txt"
ANCHOR="$(date +%s)"

UNTIL="${BENCH_UNTIL:-}"
# Ingestion runs once per mode named, in this order; the phases after it run with the last one's
# Tamroi (reads need the statistics on to forecast from history, so "on" comes last). Two passes of
# each, in the order on off off on, so that a drift in what the neighbours take falls on both alike.
FORECAST_MODES="${BENCH_FORECAST_MODES:-on off off on}"
say() { printf '\n=== %s  %s\n' "$(date +%H:%M:%S)" "$*"; }
result() { echo "$1=$2" >>"$RESULTS"; }

# ---- tools ------------------------------------------------------------------------------------
for tool in java mvn psql openssl curl jstat jcmd; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done
if ! command -v wrk >/dev/null; then
    say "Installing wrk (Debian package)"
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
$PG -d postgres -c 'select 1' >/dev/null || { echo "PostgreSQL does not answer on 127.0.0.1:5432 as postgres" >&2; exit 1; }

# ---- build --------------------------------------------------------------------------------------
cd "$REPO_DIR"
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
    say "Building (mvn package, tests compiled not run)"
    mvn -B -q package -DskipTests
fi
if [[ ! -s target/bench.classpath || pom.xml -nt target/bench.classpath ]]; then
    mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
fi

bench() {
    java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
        -Dbench.results="$RESULTS" -Dbench.seed="$SEED" -Dbench.anchor="$ANCHOR" -Dbench.apps="$APPS" \
        -Dbench.warmup.apps="$WARMUP_APPS" \
        -Dbench.jdbc="jdbc:postgresql://127.0.0.1:5432/$TAMROI_DB?user=postgres&reWriteBatchedInserts=true" \
        -Dbench.kafka="$TAMROI_KAFKA" -Dbench.http="$HTTP_BASE" -Dbench.catalogue=config \
        -Dbench.http.clients="$HTTP_CLIENTS" -Dbench.latency.rate="$LATENCY_RATE" \
        -Dbench.latency.seconds="$LATENCY_SECONDS" -Dbench.read.applications="$READ_APPLICATIONS" \
        -Dbench.codes="$CODES" "${TOKENS[@]}" \
        app.tamroi.bench.BenchCommand "$@"
}

tamroi_pid() { cat "$TAMROI_WORK_DIR/tamroi.pid"; }

# Heap as the JVM sees it (jstat, all collectors) and RSS; then the live heap after a full GC.
memory() {
    local phase="$1" pid rss used committed live
    pid="$(tamroi_pid)"
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
    read -r committed used < <(jstat -gc "$pid" | awk 'NR == 2 {printf "%d %d\n", $1 + $2 + $5 + $7, $3 + $4 + $6 + $8}')
    jcmd "$pid" GC.run >/dev/null
    read -r live < <(jstat -gc "$pid" | awk 'NR == 2 {printf "%d\n", $3 + $4 + $6 + $8}')
    result "mem.$phase.rss_mb" $(( rss / 1024 ))
    result "mem.$phase.heap_used_mb" $(( used / 1024 ))
    result "mem.$phase.heap_committed_mb" $(( committed / 1024 ))
    result "mem.$phase.heap_live_mb" $(( live / 1024 ))
    echo "  Tamroi after $phase: RSS $(( rss / 1024 )) MiB, heap used $(( used / 1024 )) of $(( committed / 1024 )) MiB committed, live $(( live / 1024 )) MiB"
}

# CPU seconds per process between two marks, split into this run's processes (Tamroi, the broker,
# our PostgreSQL backends, the harness, wrk) and everything else on the machine: other work on a
# shared 2-core machine slows every figure, so each phase says how much there was.
cpu_ticks() { for p in /proc/[0-9]*; do read -r line <"$p/stat" 2>/dev/null || continue; rest=${line##*) }; set -- $rest; echo "${p#/proc/} $(( ${12} + ${13} ))"; done; }
machine_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# CPU of the processes this script ran and waited for (harness JVMs, replay, wrk), in ticks
# (`times` must run in this shell itself: in a pipe or $(...) it would speak for a fresh subshell)
children_ticks() { awk 'NR == 2 {n = 0; for (i = 1; i <= 2; i++) {split($i, t, /[ms]/); n += t[1] * 60 + t[2]} printf "%d\n", n * 100}' "$1"; }
cpu_mark() {
    cpu_ticks >"$WORK/cpu.mark"; date +%s%N >"$WORK/cpu.mark.time"; machine_busy >"$WORK/cpu.mark.busy"
    times >"$WORK/cpu.mark.times"
}
cpu_report() {
    local phase="$1" ours wall
    times >"$WORK/cpu.now.times"
    ours=" $(tamroi_pid 2>/dev/null || true) $(cat "$TAMROI_KAFKA_WORK_DIR/kafka.pid" 2>/dev/null || true) \
$($PG -d postgres -c "select string_agg(pid::text, ' ') from pg_stat_activity where datname = '$TAMROI_DB'") \
$( { pgrep -f app.tamroi.bench.BenchCommand; pgrep -x wrk; } | tr "\n" " " || true) "
    wall=$(( ($(date +%s%N) - $(cat "$WORK/cpu.mark.time")) / 1000000 ))
    # everything else = the machine's busy time less ours, so processes that came and went count too
    read -r mine others < <(cpu_ticks | awk -v ours="$ours" -v busy=$(( $(machine_busy) - $(cat "$WORK/cpu.mark.busy") )) \
        -v children=$(( $(children_ticks "$WORK/cpu.now.times") - $(children_ticks "$WORK/cpu.mark.times") )) \
        'NR == FNR {a[$1] = $2; next} { d = $2 - ($1 in a ? a[$1] : 0); if (index(ours, " " $1 " ")) m += d }
        END { m += children; o = busy - m; if (o < 0) o = 0; printf "%.1f %.1f\n", m / 100, o / 100 }' "$WORK/cpu.mark" -)
    result "cpu.$phase.wall_s" "$(awk -v w="$wall" 'BEGIN {printf "%.1f", w / 1000}')"
    result "cpu.$phase.ours_s" "$mine"
    result "cpu.$phase.others_s" "$others"
    echo "  CPU during $phase: this run ${mine} s, everything else ${others} s, in $(awk -v w="$wall" 'BEGIN {printf "%.1f", w / 1000}') s on $(nproc) cores"
}

# This PostgreSQL may run with autovacuum off (it is a server shared with other work, so the
# harness does not change it). Production would vacuum and analyze as the tables grow; between
# phases the harness does it by hand, so no phase pays for the dead rows of the one before.
vacuum() {
    $PG -d "$TAMROI_DB" -c 'vacuum (analyze) application' -c 'vacuum (analyze) step_event' -c 'vacuum (analyze) service_version'
    # the forecast counters are updated in place batch by batch, so they leave dead rows too
    $PG -d "$TAMROI_DB" -c 'vacuum (analyze) forecast_tally' 2>/dev/null || true
}

# ... and during an ingestion phase, what autovacuum would do on a server that has it: every
# projection update leaves a dead row version in `application`, and without a vacuum the lookups
# wade through them as the phase goes on. BENCH_VACUUM_EVERY=0 turns this off.
VACUUM_EVERY="${BENCH_VACUUM_EVERY:-15}"
VACUUMER=""
vacuum_during() {
    [[ "$VACUUM_EVERY" -gt 0 && "$($PG -d postgres -c 'show autovacuum')" == off ]] || return 0
    ( while sleep "$VACUUM_EVERY"; do
        $PG -d "$TAMROI_DB" -c 'vacuum application' >/dev/null 2>&1 || true
        $PG -d "$TAMROI_DB" -c 'vacuum forecast_tally' >/dev/null 2>&1 || true
    done ) &
    VACUUMER=$!
}
stop_vacuum() { [[ -n "$VACUUMER" ]] && kill "$VACUUMER" 2>/dev/null || true; VACUUMER=""; }

# Optional: a thread dump of Tamroi every second, to see where ingestion spends its time.
SAMPLER=""
sample_threads() {
    [[ "$SAMPLE_THREADS" == 1 ]] || return 0
    local dir="$WORK/threads/$1" pid
    pid="$(tamroi_pid)"
    mkdir -p "$dir"
    ( i=0; while kill -0 "$pid" 2>/dev/null; do jcmd "$pid" Thread.print >"$dir/$i.txt" 2>/dev/null || true; i=$((i + 1)); sleep 1; done ) &
    SAMPLER=$!
}
stop_sampling() { [[ -n "$SAMPLER" ]] && kill "$SAMPLER" 2>/dev/null || true; SAMPLER=""; }

# wrk against one path; its script prints a RESULT line whose fields become read.NAME.* results.
wrk_run() {
    local name="$1" path="$2" codes="$3" rate_per_thread="$4" seconds="$5" connections="$6" out line kv
    out=$(PATH_PREFIX="$path" CODES_FILE="$codes" RATE_PER_THREAD="$rate_per_thread" \
        wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s -s "$BENCH_DIR/track.lua" "$HTTP_BASE/")
    line=$(grep '^RESULT' <<<"$out")
    echo "  $name: ${line#RESULT }"
    [[ -z "$name" || "$name" == warmup* ]] && return 0
    for kv in ${line#RESULT }; do
        result "read.$name.${kv%%=*}" "${kv#*=}"
    done
}

# BENCH_UNTIL=kafka|http|latency|replay stops after that phase, with the table so far.
print_table() {
    say "Results"
    local stamp
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    bench table | tee "$WORK/results-$stamp.md"
    cp "$RESULTS" "$WORK/results-$stamp.properties"
    echo
    echo "Saved: $WORK/results-$stamp.md (raw figures: results-$stamp.properties); Tamroi's log: $TAMROI_WORK_DIR/tamroi.log"
}
phase_done() {
    if [[ "$UNTIL" == "$1" ]]; then
        print_table
        exit 0
    fi
}

cleanup() {
    stop_sampling
    stop_vacuum
    if [[ "${BENCH_KEEP_RUNNING:-0}" != 1 ]]; then
        "$LOCAL_DIR/tamroi.sh" stop >/dev/null 2>&1 || true
        "$LOCAL_DIR/kafka.sh" stop >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

# ---- a fresh stack ------------------------------------------------------------------------------
# Each forecast mode ingests the same workload into a new database and a new broker, so the two
# rates differ only in whether Tamroi keeps the forecast statistics (see fresh_stack).
fresh_stack() {
    "$LOCAL_DIR/tamroi.sh" stop >/dev/null
    "$LOCAL_DIR/kafka.sh" stop >/dev/null
    rm -rf "$TAMROI_KAFKA_WORK_DIR/kafka-data"
    $PG -d postgres -c "drop database if exists $TAMROI_DB with (force)" -c "create database $TAMROI_DB"
    "$LOCAL_DIR/kafka.sh" start
}

say "Broker on $TAMROI_KAFKA, database $TAMROI_DB (both new for each forecast mode), results in $RESULTS"
mkdir -p "$WORK"
rm -rf "$WORK/threads"
: >"$RESULTS"
result machine.nproc "$(nproc)"
result machine.mem_gib "$(awk '/^MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)"
result machine.cpu "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
result machine.java "$(java -version 2>&1 | head -n 1)"
result machine.load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
result machine.postgres "$($PG -d postgres -c 'show server_version')"
result machine.autovacuum "$($PG -d postgres -c 'show autovacuum')"
result bench.seed "$SEED"
result bench.apps "$APPS"
result bench.read_rate "$READ_RATE"
result bench.forecast_modes "$FORECAST_MODES"
result bench.started "$(date -u +%Y-%m-%dT%H:%M:%SZ)"

TOKENS=()
BASE_JAVA_OPTS="$TAMROI_JAVA_OPTS"
declare -A PASS
for mode in $FORECAST_MODES; do
    PASS[$mode]=$(( ${PASS[$mode]:-0} + 1 ))
    case "$mode" in
        on) statistics=true ;;
        off) statistics=false ;;
        *) echo "BENCH_FORECAST_MODES: '$mode' is neither on nor off" >&2; exit 2 ;;
    esac
    export TAMROI_JAVA_OPTS="$BASE_JAVA_OPTS -Dtamroi.forecast.statistics=$statistics"
    # the figures this pass writes are copied under mode.<mode>.<pass>. once it is done
    mode_from=$(( $(wc -l <"$RESULTS") + 1 ))
    say "Forecast statistics $mode, pass ${PASS[$mode]} (-Dtamroi.forecast.statistics=$statistics): a new database and broker"
    fresh_stack

    # ---- Kafka ingestion ------------------------------------------------------------------------
    say "Ceiling: batched inserts into a step_event-shaped table"
    bench ceiling kafka
    say "Producing the Kafka workload ($WARMUP_APPS warm-up, then $APPS measured applications) while Tamroi is not running"
    bench produce
    say "Starting Tamroi; it consumes the topic from the start"
    cpu_mark
    vacuum_during
    bench await-kafka &
    AWAIT=$!
    "$LOCAL_DIR/tamroi.sh" start
    sample_threads "kafka-$mode"
    wait "$AWAIT"
    stop_vacuum
    cpu_report kafka
    stop_sampling
    memory kafka
    vacuum

    # ---- HTTP ingestion -------------------------------------------------------------------------
    if [[ "$UNTIL" != kafka ]]; then
        if [[ ${#TOKENS[@]} -eq 0 ]]; then
            # the key pair is Tamroi's work directory's, kept across restarts: one set of tokens serves every mode
            for agency in $(grep -ho '"agency": *"[^"]*"' config/services/*.json | cut -d'"' -f4 | sort -u); do
                TOKENS+=("-Dbench.token.$agency=$("$LOCAL_DIR/token.sh" "$agency" event-publisher)")
            done
        fi
        say "Ceiling again, beside the idle Tamroi"
        bench ceiling http
        say "HTTP batches ($APPS applications, $HTTP_CLIENTS clients)"
        sample_threads "http-$mode"
        cpu_mark
        vacuum_during
        bench http
        stop_vacuum
        cpu_report http
        stop_sampling
        memory http
        vacuum
    fi
    # what learning wrote: journeys ended (J), visits (V) and where they went (N), entries and exits (E, L)
    result tally.rows "$($PG -d "$TAMROI_DB" -c 'select count(*) from forecast_tally')"
    result tally.journeys "$($PG -d "$TAMROI_DB" -c "select coalesce(sum(count), 0) from forecast_tally where kind = 'J'")"
    result tally.visits "$($PG -d "$TAMROI_DB" -c "select coalesce(sum(count), 0) from forecast_tally where kind = 'V'")"
    tail -n +"$mode_from" "$RESULTS" | sed "s/^/mode.$mode.${PASS[$mode]}./" >"$WORK/mode.properties"
    cat "$WORK/mode.properties" >>"$RESULTS"
done
phase_done kafka
phase_done http

# ---- latency ------------------------------------------------------------------------------------
say "Produce → visible at $LATENCY_RATE events/s for $LATENCY_SECONDS s"
cpu_mark
vacuum_during
bench latency
stop_vacuum
cpu_report latency
memory latency
vacuum
phase_done latency

# ---- replay -------------------------------------------------------------------------------------
# rebuild-projections over the whole log, timed by what the command reports (JVM start not
# included): NAME.events, .applications, .seconds, .events_per_s and, with GNU time, .peak_rss_mb
rebuild_timed() {
    local name="$1" out line apps ms events peak
    events="$($PG -d "$TAMROI_DB" -c 'select count(*) from step_event')"
    result "$name.events" "$events"
    cpu_mark
    # beside the running server: the command's management interface takes any free port, not the server's
    out=$(if [[ -x /usr/bin/time ]]; then TAMROI_MANAGEMENT_PORT=0 /usr/bin/time -f 'PEAK_RSS_KB=%M' "$LOCAL_DIR/tamroi.sh" rebuild 2>&1; \
        else TAMROI_MANAGEMENT_PORT=0 "$LOCAL_DIR/tamroi.sh" rebuild 2>&1; fi) || { echo "$out" | tail -n 30 >&2; exit 1; }
    cpu_report "$name"
    line=$(grep -o 'Rebuilt the projections of [0-9]* applications from the event log in [0-9]* ms' <<<"$out") \
        || { echo "$out" | tail -n 30 >&2; exit 1; }
    echo "  $line"
    read -r apps ms < <(sed -E 's/.* of ([0-9]+) applications.* in ([0-9]+) ms/\1 \2/' <<<"$line")
    result "$name.applications" "$apps"
    result "$name.seconds" "$(awk -v ms="$ms" 'BEGIN {printf "%.3f", ms / 1000}')"
    result "$name.events_per_s" "$(awk -v ms="$ms" -v n="$events" 'BEGIN {printf "%.1f", n * 1000 / ms}')"
    peak=$(grep -o 'PEAK_RSS_KB=[0-9]*' <<<"$out" | cut -d= -f2 || true)
    [[ -n "$peak" ]] && result "$name.peak_rss_mb" $(( peak / 1024 ))
    return 0
}

say "Replay: rebuild-projections over the whole log"
rebuild_timed replay
memory replay
phase_done replay

# ---- status reads over a million applications -----------------------------------------------------
say "Seeding up to $READ_APPLICATIONS applications"
bench seed
# The seed writes applications and events straight into the log, past ingestion; a replay is how
# Tamroi learns a history it did not ingest (rebuild-projections also rebuilds the forecast
# tallies), so the forecasts read below rest on every journey in the log, seeded ones included.
say "Learning the seeded history: rebuild-projections over the whole log"
rebuild_timed learn
result learn.tally_rows "$($PG -d "$TAMROI_DB" -c 'select count(*) from forecast_tally')"
vacuum
say "Forecasts in the status reads: a sample of the codes read"
bench forecast-share
say "Status reads (wrk, 2 threads): warm-up, $READ_RATE requests/s, then flat out"
per_thread=$(( READ_RATE / 2 ))
wrk_run warmup-static /bench.txt "" 0 "$WARMUP_SECONDS" 32
wrk_run warmup-json /api/v1/track/ "$CODES" 0 "$WARMUP_SECONDS" 32
wrk_run warmup-html /track/ "$CODES" 0 "$WARMUP_SECONDS" 32
cpu_mark
wrk_run static_paced /bench.txt "" "$per_thread" "$READ_SECONDS" 16
wrk_run json_paced /api/v1/track/ "$CODES" "$per_thread" "$READ_SECONDS" 16
wrk_run html_paced /track/ "$CODES" "$per_thread" "$READ_SECONDS" 16
wrk_run static_max /bench.txt "" 0 "$MAX_SECONDS" 32
wrk_run json_max /api/v1/track/ "$CODES" 0 "$MAX_SECONDS" 32
wrk_run html_max /track/ "$CODES" 0 "$MAX_SECONDS" 32
cpu_report reads
memory reads
result machine.load_after "$(cut -d' ' -f1-3 /proc/loadavg)"

print_table
