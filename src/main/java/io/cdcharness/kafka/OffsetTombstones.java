package io.cdcharness.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Deletes stored source offsets by writing tombstones to Connect's offset topic, exactly as
 * {@code DELETE /connectors/{name}/offsets} does inside the worker. Needed for connectors that no
 * longer exist (Connect's REST API only reaches existing ones): a connector registered again under
 * the same name must not find the offsets of an earlier scenario.
 */
public final class OffsetTombstones implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;

    public OffsetTombstones(String bootstrapServers) {
        this(bootstrapServers, java.util.Map.of());
    }

    /** With client properties of the cluster (security.protocol, sasl.*, ssl.*) beside the bootstrap servers. */
    public OffsetTombstones(String bootstrapServers, java.util.Map<String, String> clientProperties) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "cdc-harness-offset-reset");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(properties);
    }

    /** The newest record per key that still holds an offset (is not a tombstone). */
    public static List<RecordedRecord> live(List<RecordedRecord> offsetTopicRecords) {
        Map<ByteBuffer, RecordedRecord> latest = new LinkedHashMap<>();
        for (RecordedRecord record : offsetTopicRecords) {
            if (record.key() != null) {
                latest.put(ByteBuffer.wrap(record.key()), record);
            }
        }
        List<RecordedRecord> live = new ArrayList<>();
        latest.values().stream().filter(record -> !record.isTombstone()).forEach(live::add);
        return live;
    }

    /** Writes a tombstone with each record's exact key bytes to its partition, and waits for Kafka to store them. */
    public void tombstone(List<RecordedRecord> records) {
        List<Future<?>> sent = new ArrayList<>();
        for (RecordedRecord record : records) {
            sent.add(producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), null)));
        }
        for (Future<?> future : sent) {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Could not delete stored offsets in Connect's offset topic: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while deleting stored offsets", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
