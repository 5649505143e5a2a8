#!/usr/bin/env bash
# Sends lines from stdin to the local broker, one record per line, as "key|value".
# Usage: deploy/local/console-producer.sh [topic] [more ConsoleProducer options]
#   topic defaults to tamroi.step-events.
# '|' rather than Kafka's default tab, so that examples survive copy and paste; only the first
# '|' on a line splits, so the JSON value may itself contain '|'.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/kafka/common.sh"

topic=tamroi.step-events
if [[ $# -gt 0 && "$1" != -* ]]; then
    topic="$1"
    shift
fi

kafka_tool org.apache.kafka.tools.ConsoleProducer \
    --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --topic "$topic" \
    --property parse.key=true \
    --property 'key.separator=|' \
    "$@"
