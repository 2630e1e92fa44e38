package io.cdcharness.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads topics in the background from their beginning and keeps every record, so that an assertion
 * can look at the whole history of a topic at any time. One consumer thread serves all topics;
 * a topic that does not exist yet is picked up as soon as it appears.
 *
 * <pre>{@code
 * try (TopicRecorder recorder = new TopicRecorder(stack.kafkaBootstrapServers())) {
 *     List<RecordedRecord> records = recorder.records("originDB.user.user_account");
 * }
 * }</pre>
 *
 * No consumer group is used (partitions are assigned by hand), so nothing is committed and no
 * rebalance delays the first read. It reads nothing until a first topic is watched; it then reads every
 * watched topic from its beginning ({@code CdcHarness.reset()} watches Connect's offset topic, so a
 * scenario's topics are all recorded).
 */
public final class TopicRecorder implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(20);
    private static final long METADATA_REFRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** How often new topics are looked for when every wanted topic is assigned (see {@link #watchAllExcept}). */
    private static final long DISCOVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final Map<String, RecordLog> recorded = new ConcurrentHashMap<>();
    private final Set<String> wanted = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> resets = new ConcurrentLinkedQueue<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile java.util.function.Predicate<String> watchAllExcept;
    private volatile boolean running = true;
    private volatile boolean started;
    private long lastExistenceCheck;
    /** Assigned partitions whose topic the last metadata listing did not show (dropped when the next does not either). */
    private final Set<TopicPartition> unlisted = new HashSet<>();
    /** Partitions let go of because their topic was deleted: if it appears again, it is a new topic. */
    private final Set<TopicPartition> deleted = new HashSet<>();
    private volatile AvroRecords avro;
    private volatile java.util.function.Consumer<String> notes = note -> { };
    private volatile RuntimeException failure;
    private volatile long lastMetadataRefresh;

    public TopicRecorder(String bootstrapServers) {
        this(bootstrapServers, java.util.Map.of());
    }

    /** With client properties of the cluster (security.protocol, sasl.*, ssl.*) beside the bootstrap servers. */
    public TopicRecorder(String bootstrapServers, java.util.Map<String, String> clientProperties) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "cdc-harness-recorder");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(properties);
        this.thread = new Thread(this::loop, "cdc-harness-topic-recorder");
        this.thread.setDaemon(true);
    }

    /**
     * The consumer thread starts with the first topic watched: a harness that only keeps a stack running
     * ({@code ./cdc-harness up}) records nothing, although other runs write to its topics.
     */
    private synchronized void ensureStarted() {
        if (!started && running) {
            thread.start();
            started = true; // after the start: checkHealthy must never see a started recorder whose thread is not alive yet
        }
    }

    /** Starts recording a topic (from its beginning) if not already. */
    public void watch(String topic) {
        // The list must exist before the consumer thread can see the topic as wanted, or its first records are dropped.
        recorded.putIfAbsent(topic, new RecordLog());
        ensureStarted();
        if (wanted.add(topic)) {
            lastMetadataRefresh = 0;
        }
    }

    /**
     * Also records every other topic that exists or appears, except those the predicate excludes (for
     * example Kafka's and Connect's own): a record that a broken pipeline sends to the wrong topic is
     * then there to be named. Survives {@link #reset()}.
     */
    public void watchAllExcept(java.util.function.Predicate<String> excluded) {
        this.watchAllExcept = excluded;
        lastMetadataRefresh = 0;
    }

    /**
     * Where the recorder says how much it holds: a line when a topic reaches 10,000 records, and at every
     * tenfold after, with their serialized size and the form they are kept in.
     */
    public void reportVolumesTo(java.util.function.Consumer<String> notes) {
        this.notes = notes;
    }

    /** Decodes Avro records through the schema registry from now on, so that checks read them as they read JSON. */
    public void decodeAvroWith(AvroRecords decoder) {
        this.avro = decoder;
    }

    /** Everything recorded on the topic so far, in partition/offset order as read. Starts watching it if needed. */
    public List<RecordedRecord> records(String topic) {
        checkHealthy();
        watch(topic);
        RecordLog log = recorded.get(topic);
        return log == null ? List.of() : log.snapshot();
    }

    /**
     * True when the recorder has read every partition of the topic up to the given end offsets
     * (what {@link KafkaTopics#endOffsets} answered: the last stable offsets).
     */
    public boolean hasRead(Map<TopicPartition, Long> endOffsets) {
        checkHealthy();
        return endOffsets.entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    /** The topics the recorder has seen so far, with their record counts. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        recorded.forEach((topic, records) -> counts.put(topic, records.size()));
        return counts;
    }

    /**
     * Forgets every topic and record (topics may be deleted and created again between scenarios).
     * Returns once the consumer has let go of all partitions.
     */
    public void reset() {
        checkHealthy();
        if (!started) {
            return; // nothing watched, nothing recorded
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        resets.add(done);
        consumer.wakeup();
        done.orTimeout(30, TimeUnit.SECONDS).join();
    }

    private void loop() {
        try {
            while (running) {
                handleResets();
                refreshAssignment();
                if (assigned.isEmpty()) {
                    parkBriefly();
                    continue;
                }
                try {
                    ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                    for (ConsumerRecord<byte[], byte[]> record : batch) {
                        RecordLog list = recorded.get(record.topic());
                        if (list != null) {
                            noteVolume(record.topic(), list, list.add(toRecorded(record)));
                            positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                        }
                    }
                    notePositions();
                    if (!batch.isEmpty()) {
                        RecordArrivals.signal();
                    }
                } catch (WakeupException wakeup) {
                    // a reset or close asked for attention
                } catch (org.apache.kafka.common.KafkaException e) {
                    // a topic was deleted under us: forget its partitions and look again
                    assigned.clear();
                    consumer.assign(List.of());
                    lastMetadataRefresh = 0;
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            handleResets();
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void noteVolume(String topic, RecordLog log, int size) {
        if (size < 10_000 || !isPowerOfTen(size)) {
            return;
        }
        notes.accept(String.format(java.util.Locale.ROOT, "the recorder holds %,d records of topic %s (%,d MB serialized). It keeps each "
                + "record's bytes and its decoded payload; the envelope as stored is parsed again only for schema checks, dumps and evidence.",
                size, topic, log.bytes() >> 20));
    }

    private static boolean isPowerOfTen(int value) {
        while (value % 10 == 0) {
            value /= 10;
        }
        return value == 1;
    }

    /**
     * The consumer's own position also passes what it does not hand out as records (transaction
     * markers, compacted gaps), so "read to the end offsets" holds for such topics too.
     */
    private void notePositions() {
        for (TopicPartition partition : assigned) {
            try {
                long position = consumer.position(partition, Duration.ZERO);
                positions.merge(partition, position, Math::max);
            } catch (org.apache.kafka.common.errors.TimeoutException notKnownYet) {
                // the position is fetched with the next poll
            }
        }
    }

    private void handleResets() {
        CompletableFuture<Void> reset;
        boolean any = false;
        while ((reset = resets.poll()) != null) {
            if (!any) {
                wanted.clear();
                recorded.clear();
                assigned.clear();
                positions.clear();
                unlisted.clear();
                deleted.clear();
                try {
                    consumer.assign(List.of());
                } catch (RuntimeException ignored) {
                    // the consumer is closing
                }
                any = true;
            }
            reset.complete(null);
        }
    }

    private void refreshAssignment() {
        boolean all = watchAllExcept != null;
        long now = System.nanoTime();
        long sinceRefresh = now - lastMetadataRefresh;
        boolean existenceDue = !assigned.isEmpty() && now - lastExistenceCheck >= DISCOVERY_NANOS;
        if ((wanted.isEmpty() && !all && !existenceDue) || sinceRefresh < METADATA_REFRESH_NANOS) {
            return;
        }
        Set<String> missing = new HashSet<>(wanted);
        assigned.forEach(partition -> missing.remove(partition.topic()));
        if (missing.isEmpty() && !existenceDue && (!all || sinceRefresh < DISCOVERY_NANOS)) {
            return;
        }
        lastMetadataRefresh = now;
        lastExistenceCheck = now;
        Map<String, List<PartitionInfo>> topics;
        try {
            topics = consumer.listTopics(Duration.ofSeconds(2));
        } catch (WakeupException e) {
            return;
        } catch (org.apache.kafka.common.KafkaException e) {
            return;
        }
        dropDeleted(topics.keySet());
        if (all) {
            for (String topic : topics.keySet()) {
                if (!watchAllExcept.test(topic) && !wanted.contains(topic)) {
                    recorded.putIfAbsent(topic, new RecordLog());
                    wanted.add(topic);
                    missing.add(topic);
                }
            }
        }
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : missing) {
            for (PartitionInfo info : topics.getOrDefault(topic, List.of())) {
                added.add(new TopicPartition(topic, info.partition()));
            }
        }
        if (!added.isEmpty()) {
            assigned.addAll(added);
            consumer.assign(assigned);
            for (TopicPartition partition : added) {
                if (deleted.remove(partition)) { // made again after it was deleted: its records so far are gone from Kafka
                    recorded.put(partition.topic(), new RecordLog());
                    positions.remove(partition);
                }
                Long next = positions.get(partition);
                if (next == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, next); // after an error: go on where we were, never record twice
                }
            }
        }
    }

    /**
     * Lets go of the partitions of topics that are gone: the consumer only logs a fetch of a deleted topic
     * and fetches again at once, which kept a core busy (the recorder and the broker). A topic counts as gone
     * when two listings in a row miss it (a broker of a cluster may answer with a stale list once). What was
     * recorded stays until the topic appears again: then it is a new topic, read from its beginning.
     */
    private void dropDeleted(Set<String> existing) {
        List<TopicPartition> gone = new ArrayList<>();
        Set<TopicPartition> missingNow = new HashSet<>();
        for (TopicPartition partition : assigned) {
            if (!existing.contains(partition.topic())) {
                missingNow.add(partition);
                if (unlisted.contains(partition)) {
                    gone.add(partition);
                }
            }
        }
        missingNow.removeAll(gone);
        unlisted.clear();
        unlisted.addAll(missingNow);
        if (!gone.isEmpty()) {
            gone.forEach(assigned::remove);
            deleted.addAll(gone);
            consumer.assign(assigned);
        }
    }

    private RecordedRecord toRecorded(ConsumerRecord<byte[], byte[]> record) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return new RecordedRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), record.value(), headers, avro);
    }

    private void parkBriefly() {
        java.util.concurrent.locks.LockSupport.parkNanos(POLL.toNanos());
    }

    private void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("The topic recorder stopped: " + failure.getMessage(), failure);
        }
        if (!running || (started && !thread.isAlive())) {
            throw new IllegalStateException("The topic recorder is closed; no topic can be read through it any more.");
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            running = false;
            if (!started) {
                consumer.close(Duration.ofSeconds(2));
                return;
            }
        }
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
