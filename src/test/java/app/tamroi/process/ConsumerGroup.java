package app.tamroi.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Tamroi's consumer group as an operator sees it with the Kafka admin tools. */
final class ConsumerGroup implements AutoCloseable {

    private final Admin admin;
    private final String group;
    private final String topic;

    ConsumerGroup(String bootstrapServers, String group, String topic) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        this.admin = Admin.create(props);
        this.group = group;
        this.topic = topic;
    }

    /** Partitions of the topic per member, by the member's client id (the instance's name). */
    Map<String, Set<Integer>> assignment() throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(Set.of(group)).all()
                .get(10, TimeUnit.SECONDS).get(group);
        Map<String, Set<Integer>> byMember = new HashMap<>();
        for (MemberDescription member : description.members()) {
            byMember.put(member.clientId(), member.assignment().topicPartitions().stream()
                    .filter(tp -> tp.topic().equals(topic)).map(TopicPartition::partition)
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        return byMember;
    }

    /** Waits until the member holds exactly these partitions, e.g. before a stream starts. */
    void awaitAssignment(String member, Set<Integer> partitions, java.time.Duration patience) {
        org.awaitility.Awaitility.await(member + " to hold partitions " + partitions).atMost(patience)
                .pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> partitions.equals(assignment().get(member)));
    }

    /** The group's committed offset per partition of the topic: how many records it has finished with. */
    Map<Integer, Long> committed() throws InterruptedException, ExecutionException, TimeoutException {
        Map<Integer, Long> byPartition = new HashMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                .forEach((tp, offset) -> {
                    if (tp.topic().equals(topic) && offset != null) {
                        byPartition.put(tp.partition(), offset.offset());
                    }
                });
        return byPartition;
    }

    /** How many records have ever been written to a topic, over all its partitions. */
    long written(String anyTopic) throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(Set.of(anyTopic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(anyTopic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(anyTopic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }

    /** Records written but not yet committed by the group, over all partitions of the topic. */
    long lag() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Set<TopicPartition> partitions = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
