# Sourced by the deploy/local scripts that run Kafka classes; not meant to be run on its own.

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK_DIR="$LOCAL_DIR/work"
KAFKA_LIBS="$WORK_DIR/kafka-libs"
KAFKA_BOOTSTRAP="${KAFKA_BOOTSTRAP:-127.0.0.1:9092}"

# The jars come from Maven rather than a Kafka download, so they resolve like every other
# dependency of the project; fetched once, on first use.
kafka_ensure_libs() {
    if ! compgen -G "$KAFKA_LIBS/kafka_2.13-*.jar" >/dev/null \
        || ! compgen -G "$KAFKA_LIBS/kafka-tools-[0-9]*.jar" >/dev/null; then
        echo "Fetching the Kafka jars into $KAFKA_LIBS ..." >&2
        mvn -B -q -Dstyle.color=never -f "$LOCAL_DIR/kafka/pom.xml" dependency:copy-dependencies >&2
    fi
}

# Runs a Kafka command-line class in the foreground with quiet logging.
kafka_tool() {
    kafka_ensure_libs
    java -Xms64m -Xmx256m \
        -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2-tools.properties" \
        -cp "$KAFKA_LIBS/*" "$@"
}
