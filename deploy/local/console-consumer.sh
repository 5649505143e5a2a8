#!/usr/bin/env bash
# Prints what is on a topic of the local broker from its beginning, as "key|value" with headers.
# Usage: deploy/local/console-consumer.sh [topic] [more ConsoleConsumer options]
#   topic defaults to tamroi.step-events.dlq; stop with Ctrl-C or add --max-messages N.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/kafka/common.sh"

topic=tamroi.step-events.dlq
if [[ $# -gt 0 && "$1" != -* ]]; then
    topic="$1"
    shift
fi

kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer \
    --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --topic "$topic" \
    --from-beginning \
    --property print.key=true \
    --property print.headers=true \
    --property 'key.separator=|' \
    "$@"
