#!/usr/bin/env bash
# Runs the packaged Tamroi in its production profile against the local PostgreSQL and the
# broker of kafka.sh, with a JWT key pair of its own instead of the demo key.
# Usage: deploy/local/tamroi.sh start|stop|status|rebuild   (build first: mvn -B package -DskipTests)
#   rebuild: replays the event log into every projection (rebuild-projections) with the same
#   settings, in the foreground, beside a running instance or without one.
# A second instance beside a developer's one (the benchmark's) sets TAMROI_WORK_DIR (pid, log,
# keys), TAMROI_HTTP_PORT, TAMROI_MANAGEMENT_PORT, TAMROI_KAFKA and TAMROI_DB.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/processes.sh"

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$LOCAL_DIR/../.." && pwd)"
WORK_DIR="${TAMROI_WORK_DIR:-$LOCAL_DIR/work}"
APP_JAR="$REPO_DIR/target/quarkus-app/quarkus-run.jar"
PID_FILE="$WORK_DIR/tamroi.pid"
LOG_FILE="$WORK_DIR/tamroi.log"
JWT_DIR="$WORK_DIR/jwt"

PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=postgres
# Another name keeps a trial run's data apart from the usual database.
PG_DB="${TAMROI_DB:-tamroi}"
KAFKA_BOOTSTRAP="${TAMROI_KAFKA:-127.0.0.1:9092}"
JWT_ISSUER=https://tamroi.local
HTTP_PORT="${TAMROI_HTTP_PORT:-8080}"
# Loopback by default: a local stack has no business answering the network. Set 0.0.0.0 to expose it.
HTTP_HOST="${TAMROI_HTTP_HOST:-127.0.0.1}"
# Health and metrics answer on a port of their own, for operators only: loopback whatever HTTP_HOST says.
MANAGEMENT_PORT="${TAMROI_MANAGEMENT_PORT:-9000}"
MANAGEMENT_HOST="${TAMROI_MANAGEMENT_HOST:-127.0.0.1}"
READY_URL=http://127.0.0.1:$MANAGEMENT_PORT/q/health/ready
READY_TIMEOUT=90
TAMROI_JAVA_OPTS="${TAMROI_JAVA_OPTS:-}"

now_ms() { date +%s%3N; }

# The pid file alone could name a reused pid after a crash or reboot, so check it is our app.
running_pid() {
    running_pid_of "$PID_FILE" "-jar $APP_JAR"
}

ensure_database() {
    if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc 'select 1' >/dev/null; then
        echo "PostgreSQL does not answer at $PG_HOST:$PG_PORT as $PG_USER" >&2
        return 1
    fi
    if [[ "$(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc \
            "select 1 from pg_database where datname = '$PG_DB'")" != 1 ]]; then
        createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$PG_DB"
        echo "Created database $PG_DB"
    fi
}

# A key pair that exists only on this machine, so tokens signed with the public demo key are
# refused here just as in any real deployment.
ensure_jwt_keys() {
    [[ -f "$JWT_DIR/private.pem" && -f "$JWT_DIR/public.pem" ]] && return 0
    mkdir -p "$JWT_DIR"
    chmod 700 "$JWT_DIR"
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
        -out "$JWT_DIR/private.pem" 2>/dev/null)
    openssl pkey -in "$JWT_DIR/private.pem" -pubout -out "$JWT_DIR/public.pem"
    echo "Generated a JWT key pair in $JWT_DIR"
}

# The same settings for the server and for a rebuild.
java_args() {
    # System properties outrank application.properties and config/application.properties; outside
    # the embedded demo Tamroi has no verification key of its own and refuses to start without one.
    # No empty inline key (-Dmp.jwt.verify.publickey=) is passed: SmallRye Config treats an empty
    # value as missing and Quarkus then refuses to start. An inline key set elsewhere would still win
    # over these locations, but if it accepts the demo key the app's SigningKeyGuard stops the start.
    # The JDBC URL keeps the batched-insert rewrite of the built-in default, which Kafka batches need.
    # The working directory is the repository root, as for any `java -jar target/...` run.
    JAVA_ARGS=($TAMROI_JAVA_OPTS
        -Dquarkus.profile=prod
        -Dquarkus.http.host="$HTTP_HOST"
        -Dquarkus.http.port="$HTTP_PORT"
        -Dquarkus.management.host="$MANAGEMENT_HOST"
        -Dquarkus.management.port="$MANAGEMENT_PORT"
        -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?reWriteBatchedInserts=true"
        -Dquarkus.datasource.username="$PG_USER"
        -Dkafka.bootstrap.servers="$KAFKA_BOOTSTRAP"
        -Dmp.jwt.verify.publickey.location="file:$JWT_DIR/public.pem"
        -Dmp.jwt.verify.issuer="$JWT_ISSUER"
        -Dsmallrye.jwt.sign.key.location="file:$JWT_DIR/private.pem")
}

start() {
    local pid
    if pid="$(running_pid)"; then
        echo "Tamroi is already running (pid $pid)"
        return 0
    fi
    if [[ ! -f "$APP_JAR" ]]; then
        echo "No $APP_JAR; build it first: mvn -B package -DskipTests" >&2
        return 1
    fi
    if ! (exec 3<>"/dev/tcp/${KAFKA_BOOTSTRAP%:*}/${KAFKA_BOOTSTRAP##*:}") 2>/dev/null; then
        echo "Warning: no Kafka at $KAFKA_BOOTSTRAP (start it with deploy/local/kafka.sh start);" \
            "readiness stays DOWN, and this waits, until it is up" >&2
    fi
    # Otherwise another server's health endpoint on the port could pass for ours.
    local port
    for port in "$HTTP_PORT" "$MANAGEMENT_PORT"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "Port $port is taken by another process; not starting." >&2
            return 1
        fi
    done
    mkdir -p "$WORK_DIR"
    ensure_database
    ensure_jwt_keys

    local began
    began=$(now_ms)
    # The log is kept across runs; a marker shows where this run begins.
    echo "=== $(date -u +%Y-%m-%dT%H:%M:%SZ) Tamroi start ===" >>"$LOG_FILE"
    java_args
    rm -f "$PID_FILE"
    # setsid keeps the app alive when the calling terminal or job group goes away; the inner
    # shell records its own pid, which exec hands over to java.
    cd "$REPO_DIR"
    setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$PID_FILE" \
        java "${JAVA_ARGS[@]}" -jar "$APP_JAR" \
        >>"$LOG_FILE" 2>&1 </dev/null &

    until curl -fsS -o /dev/null --max-time 2 "$READY_URL" 2>/dev/null; do
        # The pid file appears a moment after the launch, so give it a little time.
        if ! running_pid >/dev/null && (( $(now_ms) - began > 2000 )); then
            echo "Tamroi exited during start; see $LOG_FILE" >&2
            tail -n 30 "$LOG_FILE" >&2
            return 1
        fi
        if (( $(now_ms) - began >= READY_TIMEOUT * 1000 )); then
            echo "Tamroi was not ready at $READY_URL within ${READY_TIMEOUT}s; see $LOG_FILE" >&2
            curl -sS --max-time 2 "$READY_URL" >&2 || true
            return 1
        fi
        sleep 0.5
    done
    echo "Tamroi is ready after $(( $(now_ms) - began )) ms (pid $(cat "$PID_FILE"), log $LOG_FILE)"
}

stop() {
    stop_process Tamroi "$PID_FILE" "-jar $APP_JAR"
}

status() {
    local pid
    if pid="$(running_pid)"; then
        if curl -fsS -o /dev/null --max-time 2 "$READY_URL" 2>/dev/null; then
            echo "Tamroi is running and ready (pid $pid)"
        else
            echo "Tamroi is running (pid $pid) but not ready at $READY_URL"
            return 1
        fi
    else
        echo "Tamroi is not running"
        return 3
    fi
}

rebuild() {
    if [[ ! -f "$APP_JAR" ]]; then
        echo "No $APP_JAR; build it first: mvn -B package -DskipTests" >&2
        return 1
    fi
    ensure_database
    ensure_jwt_keys
    java_args
    cd "$REPO_DIR"
    java "${JAVA_ARGS[@]}" -jar "$APP_JAR" rebuild-projections
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    rebuild) rebuild ;;
    *) echo "Usage: $0 start|stop|status|rebuild" >&2; exit 2 ;;
esac
