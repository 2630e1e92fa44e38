package io.cdcharness.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;

import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Topic administration for scenarios: list topics (what {@code kafka-topics.sh --list} shows) and
 * delete the ones a scenario created.
 */
public final class KafkaTopics implements AutoCloseable {
    private final Admin admin;
    private final String bootstrapServers;

    public KafkaTopics(String bootstrapServers) {
        this(bootstrapServers, java.util.Map.of());
    }

    /** With client properties of the cluster (security.protocol, sasl.*, ssl.*) beside the bootstrap servers. */
    public KafkaTopics(String bootstrapServers, java.util.Map<String, String> clientProperties) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "cdc-harness-admin");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        this.admin = Admin.create(properties);
        this.bootstrapServers = bootstrapServers;
    }

    /** All topic names, internal ones ({@code __consumer_offsets}) included, sorted. */
    public Set<String> list() {
        return get(admin.listTopics(new ListTopicsOptions().listInternal(true)).names(), "list topics");
    }

    /**
     * The end offset of every partition of the topic as a {@code read_committed} consumer sees it (the
     * last stable offset); empty when the topic does not exist. The recorder reads committed records
     * only, so this is how far it can get: a transaction left open by a killed exactly-once worker
     * holds the end here until a new worker aborts it, instead of naming offsets nobody can read.
     */
    public java.util.Map<org.apache.kafka.common.TopicPartition, Long> endOffsets(String topic) {
        if (!list().contains(topic)) {
            return java.util.Map.of();
        }
        var description = get(admin.describeTopics(java.util.List.of(topic)).allTopicNames(), "describe topic " + topic).get(topic);
        java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> request = new java.util.HashMap<>();
        description.partitions().forEach(partition -> request.put(
                new org.apache.kafka.common.TopicPartition(topic, partition.partition()), org.apache.kafka.clients.admin.OffsetSpec.latest()));
        java.util.Map<org.apache.kafka.common.TopicPartition, Long> ends = new java.util.HashMap<>();
        get(admin.listOffsets(request, new org.apache.kafka.clients.admin.ListOffsetsOptions(
                org.apache.kafka.common.IsolationLevel.READ_COMMITTED)).all(), "list end offsets of " + topic)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Topic names without Kafka's internal ones ({@code __consumer_offsets}, {@code __transaction_state}). */
    public Set<String> listNonInternal() {
        return get(admin.listTopics(new ListTopicsOptions().listInternal(false)).names(), "list topics");
    }

    public void delete(Collection<String> topics) {
        if (!topics.isEmpty()) {
            get(admin.deleteTopics(topics).all(), "delete topics " + topics);
        }
    }

    private <T> T get(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            T value = future.get(30, TimeUnit.SECONDS);
            return value instanceof Set<?> set ? castSorted(set) : value;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not " + what + " within 30 s. Is the broker running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to " + what, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T castSorted(Set<?> set) {
        return (T) new TreeSet<>(set);
    }

    @Override
    public void close() {
        admin.close();
    }
}
