#!/usr/bin/env bash
# A single-node Kafka (KRaft, broker and controller in one process) for running Tamroi locally
# without Docker. Usage: deploy/local/kafka.sh start|stop|status
# A second broker beside a developer's one (the benchmark's) sets TAMROI_KAFKA_PORT,
# TAMROI_KAFKA_CONTROLLER_PORT and TAMROI_KAFKA_WORK_DIR; the fetched jars are shared.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/processes.sh"

source "$(dirname "${BASH_SOURCE[0]}")/kafka/common.sh"

BROKER_DIR="${TAMROI_KAFKA_WORK_DIR:-$WORK_DIR}"
DATA_DIR="$BROKER_DIR/kafka-data"
CONFIG_FILE="$BROKER_DIR/kafka-server.properties"
PID_FILE="$BROKER_DIR/kafka.pid"
LOG_FILE="$BROKER_DIR/kafka.log"
HOST=127.0.0.1
PORT="${TAMROI_KAFKA_PORT:-9092}"
CONTROLLER_PORT="${TAMROI_KAFKA_CONTROLLER_PORT:-9093}"
START_TIMEOUT=60
# name:partitions
TOPICS=("tamroi.step-events:3" "tamroi.step-events.dlq:1")
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"

now_ms() { date +%s%3N; }

port_open() {
    # bash's /dev/tcp avoids depending on nc or ss being installed.
    (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null
}

# The pid file alone could name a reused pid after a crash or reboot, so check it is our broker.
running_pid() {
    running_pid_of "$PID_FILE" "kafka.Kafka $CONFIG_FILE"
}

write_config() {
    # Rewritten on every start so that edits to this script take effect; the data stays.
    cat >"$CONFIG_FILE" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$HOST:$CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$PORT,CONTROLLER://$HOST:$CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR
num.partitions=3
# One node cannot hold the default three replicas of the internal topics.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# A local consumer should not wait 3 s for company that never comes.
group.initial.rebalance.delay.ms=0
PROPS
}

format_once() {
    [[ -f "$DATA_DIR/meta.properties" ]] && return 0
    local cluster_id
    cluster_id="$(kafka_tool kafka.tools.StorageTool random-uuid)"
    # --standalone makes this node the sole voter of a dynamic KRaft quorum.
    kafka_tool kafka.tools.StorageTool format --cluster-id "$cluster_id" \
        --config "$CONFIG_FILE" --standalone >/dev/null
    echo "Formatted $DATA_DIR (cluster $cluster_id)"
}

create_topics() {
    local entry
    for entry in "${TOPICS[@]}"; do
        kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$HOST:$PORT" \
            --create --if-not-exists --topic "${entry%%:*}" \
            --partitions "${entry##*:}" --replication-factor 1
    done
}

start() {
    local pid
    if pid="$(running_pid)"; then
        echo "Kafka is already running (pid $pid) on $HOST:$PORT"
        return 0
    fi
    if port_open "$PORT" || port_open "$CONTROLLER_PORT"; then
        echo "Port $PORT or $CONTROLLER_PORT is taken by another process; not starting." >&2
        return 1
    fi
    mkdir -p "$WORK_DIR" "$BROKER_DIR" "$DATA_DIR"
    kafka_ensure_libs
    write_config
    format_once

    local began
    began=$(now_ms)
    # The log is kept across runs; a marker shows where this run begins.
    echo "=== $(date -u +%Y-%m-%dT%H:%M:%SZ) Kafka start ===" >>"$LOG_FILE"
    rm -f "$PID_FILE"
    # setsid keeps the broker alive when the calling terminal or job group goes away;
    # the inner shell records its own pid, which exec hands over to java.
    setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$PID_FILE" \
        java $KAFKA_HEAP_OPTS \
        -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2-broker.properties" \
        -cp "$KAFKA_LIBS/*" kafka.Kafka "$CONFIG_FILE" \
        >>"$LOG_FILE" 2>&1 </dev/null &

    until port_open "$PORT"; do
        # The pid file appears a moment after the launch, so give it a little time.
        if ! running_pid >/dev/null && (( $(now_ms) - began > 2000 )); then
            echo "Kafka exited during start; see $LOG_FILE" >&2
            tail -n 20 "$LOG_FILE" >&2
            return 1
        fi
        if (( $(now_ms) - began >= START_TIMEOUT * 1000 )); then
            echo "Kafka did not open $HOST:$PORT within ${START_TIMEOUT}s; see $LOG_FILE" >&2
            return 1
        fi
        sleep 0.2
    done
    echo "Kafka is listening on $HOST:$PORT after $(( $(now_ms) - began )) ms (pid $(cat "$PID_FILE"), log $LOG_FILE)"
    create_topics
    echo "Topics ready after $(( $(now_ms) - began )) ms"
}

stop() {
    stop_process Kafka "$PID_FILE" "kafka.Kafka $CONFIG_FILE"
}

status() {
    local pid
    if pid="$(running_pid)" && port_open "$PORT"; then
        echo "Kafka is running (pid $pid) on $HOST:$PORT"
    elif [[ -n "${pid:-}" ]]; then
        echo "Kafka is starting or stuck (pid $pid); $HOST:$PORT does not answer"
        return 1
    else
        echo "Kafka is not running"
        return 3
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "Usage: $0 start|stop|status" >&2; exit 2 ;;
esac
