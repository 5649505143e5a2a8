package app.tamroi.support;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real single-node KRaft broker inside the test JVM, so ITs exercise the actual Kafka client
 * and connector without Docker or a separate process.
 */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {

    public static final String STEP_EVENTS = "tamroi.step-events";
    public static final String STEP_EVENTS_DLQ = "tamroi.step-events.dlq";

    /**
     * Quarkus may instantiate test resources in a different class loader than the one that loads
     * the test class, so a static field alone would read as null there; a system property is
     * shared by every loader in the JVM.
     */
    private static final String BOOTSTRAP_PROPERTY = "tamroi.test.kafka.bootstrap-servers";

    private static volatile String bootstrapServers;

    private KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        long began = System.nanoTime();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION)
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    // Internal topics default to 50 partitions and RF 3, which one node cannot
                    // host and which would slow the first consumer group join.
                    .setConfigProp("offsets.topic.num.partitions", "1")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("default.replication.factor", "1")
                    // Otherwise every fresh consumer group waits 3 s before its first assignment.
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();

            String servers = cluster.bootstrapServers();
            createTopics(servers);
            bootstrapServers = servers;
            System.setProperty(BOOTSTRAP_PROPERTY, servers);
            System.out.printf("Kafka test broker ready at %s in %d ms%n",
                    servers, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
            return Map.of("kafka.bootstrap.servers", servers);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Could not start the in-JVM Kafka broker", e);
        }
    }

    private static void createTopics(String servers) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(
                            new NewTopic(STEP_EVENTS, 3, (short) 1),
                            new NewTopic(STEP_EVENTS_DLQ, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void stop() {
        bootstrapServers = null;
        System.clearProperty(BOOTSTRAP_PROPERTY);
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the in-JVM Kafka broker", e);
            } finally {
                cluster = null;
            }
        }
    }

    /**
     * Shuts the broker down the way an operator restarting it would (a controlled shutdown that
     * keeps its log directories, so topics, records and committed offsets survive); the KRaft
     * controller beside it stays up. Clients lose the broker until {@link #startBrokerNodes()}.
     */
    public void stopBrokerNodes() {
        cluster.brokers().values().forEach(broker -> {
            broker.shutdown();
            broker.awaitShutdown();
        });
    }

    /** Starts the broker stopped by {@link #stopBrokerNodes()} again, on the same port and logs. */
    public void startBrokerNodes() throws Exception {
        cluster.brokers().values().forEach(kafka.server.BrokerServer::startup);
        cluster.waitForReadyBrokers();
    }

    /** Bootstrap servers of the running broker, for tests that bring their own clients. */
    public static String bootstrapServers() {
        String servers = bootstrapServers;
        if (servers == null) {
            servers = System.getProperty(BOOTSTRAP_PROPERTY);
        }
        if (servers == null) {
            throw new IllegalStateException("The Kafka test broker is not running; annotate the test with "
                    + "@WithTestResource(KafkaBroker.class) or @QuarkusTestResource(KafkaBroker.class)");
        }
        return servers;
    }
}
