package io.cdcharness.assertions;

import io.cdcharness.connect.ConnectClient;
import io.cdcharness.connect.ConnectorStatus;
import io.cdcharness.kafka.KafkaTopics;
import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.kafka.SourceOffset;
import io.cdcharness.kafka.StoredOffsets;
import io.cdcharness.kafka.TopicRecorder;
import io.cdcharness.sql.BinlogPosition;
import io.cdcharness.sql.Database;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link Settling} on a real pipeline. The marker is a binlog rotation ({@code FLUSH BINARY LOGS}) on
 * the harness's own database session: it writes no row, no DDL and no transaction, so nothing of the
 * harness shows up in the user's topics, schema changes or transaction metadata; Debezium's heartbeats
 * carry each connector's offset past it. The rotation is repeated every 200 ms until a heartbeat has
 * carried it (a heartbeat is only sent when its interval has passed at an event).
 */
public final class Settler implements Settling {
    private static final long ROTATE_AGAIN_NANOS = 200_000_000L;
    private static final long STATUS_EVERY_NANOS = 250_000_000L;

    private final Database harnessSession;
    private final ConnectClient connect;
    private final TopicRecorder recorder;
    private final KafkaTopics topics;
    private final String offsetTopic;
    private final Supplier<Collection<String>> connectors;

    /**
     * @param harnessSession a database session of the harness's own, never the scenario's
     * @param connectors     the binlog connectors of the scenario, asked anew at each {@link #begin()}
     */
    public Settler(Database harnessSession, ConnectClient connect, TopicRecorder recorder, KafkaTopics topics,
                   String offsetTopic, Supplier<Collection<String>> connectors) {
        this.harnessSession = harnessSession;
        this.connect = connect;
        this.recorder = recorder;
        this.topics = topics;
        this.offsetTopic = offsetTopic;
        this.connectors = connectors;
    }

    /** The same settling, waiting for these connectors only (e.g. to see one connector start streaming). */
    public Settler only(Collection<String> names) {
        List<String> fixed = List.copyOf(names);
        return new Settler(harnessSession, connect, recorder, topics, offsetTopic, () -> fixed);
    }

    @Override
    public Progress begin() {
        recorder.watch(offsetTopic);
        List<String> names = List.copyOf(new LinkedHashSet<>(connectors.get()));
        if (names.isEmpty()) {
            return new Waiting(names, null);
        }
        return new Waiting(names, harnessSession.rotateBinlog());
    }

    private final class Waiting implements Progress {
        private final List<String> names;
        private final BinlogPosition marker;
        private final Set<String> passed = new LinkedHashSet<>();
        private final Map<String, String> idle = new LinkedHashMap<>();
        private final Map<String, Map<TopicPartition, Long>> ends = new LinkedHashMap<>();
        private long lastRotation = System.nanoTime();
        private long lastStatus;

        Waiting(List<String> names, BinlogPosition marker) {
            this.names = names;
            this.marker = marker;
        }

        @Override
        public State check(Collection<String> topicNames) {
            Optional<String> failure = lookAtConnectors();
            if (failure.isPresent()) {
                return State.failed(failure.get());
            }
            List<String> behind = names.stream().filter(name -> !passed.contains(name) && !idle.containsKey(name)).toList();
            if (!behind.isEmpty()) {
                if (System.nanoTime() - lastRotation > ROTATE_AGAIN_NANOS) {
                    harnessSession.rotateBinlog();
                    lastRotation = System.nanoTime();
                }
                return State.waiting(waitingFor(behind));
            }
            List<String> unread = new ArrayList<>();
            for (String topic : topicNames) {
                recorder.watch(topic);
                Map<TopicPartition, Long> end = ends.computeIfAbsent(topic, topics::endOffsets);
                if (!recorder.hasRead(end)) {
                    unread.add(topic + " (end offsets " + end + ")");
                }
            }
            if (!unread.isEmpty()) {
                return State.waiting(how() + "; the harness is still reading " + String.join(", ", unread));
            }
            return State.settled(how());
        }

        private Optional<String> lookAtConnectors() {
            boolean statusDue = System.nanoTime() - lastStatus > STATUS_EVERY_NANOS;
            if (statusDue) {
                lastStatus = System.nanoTime();
            }
            List<RecordedRecord> offsets = recorder.records(offsetTopic);
            for (String name : names) {
                if (passed.contains(name)) {
                    continue;
                }
                Optional<SourceOffset> latest = StoredOffsets.latest(offsets, name);
                if (latest.isPresent() && latest.get().isPast(marker)) {
                    passed.add(name);
                    idle.remove(name);
                    continue;
                }
                if (statusDue) {
                    Optional<ConnectorStatus> status = connect.findStatus(name);
                    if (status.isEmpty()) {
                        idle.put(name, "connector \"" + name + "\" was deleted, so it writes nothing more");
                    } else if (status.get().hasFailed()) {
                        return Optional.of("connector \"" + name + "\" failed, so the pipeline can never catch up with the binlog:\n"
                                + status.get().describe());
                    } else if (status.get().state().equals("PAUSED") || status.get().state().equals("STOPPED")) {
                        idle.put(name, "connector \"" + name + "\" is " + status.get().state() + ", so it writes nothing until it is resumed");
                    } else {
                        idle.remove(name);
                    }
                }
            }
            return Optional.empty();
        }

        private String waitingFor(List<String> behind) {
            List<RecordedRecord> offsets = recorder.records(offsetTopic);
            StringBuilder text = new StringBuilder("waiting for ").append(behind.size() == 1 ? "connector " : "connectors ")
                    .append(String.join(", ", behind.stream().map(name -> "\"" + name + "\"").toList()))
                    .append(" to store an offset past the binlog marker at ").append(marker)
                    .append(" (Debezium's heartbeats carry it; heartbeat.interval.ms must be set)");
            for (String name : behind) {
                text.append("\n  ").append(name).append(" stored: ")
                        .append(StoredOffsets.latest(offsets, name).map(SourceOffset::describe).orElse("no offset yet"));
            }
            return text.toString();
        }

        private String how() {
            if (names.isEmpty()) {
                return "no connector is registered in this scenario, so nothing was in flight";
            }
            List<String> parts = new ArrayList<>();
            if (!passed.isEmpty()) {
                parts.add((passed.size() == 1 ? "connector " : "connectors ")
                        + String.join(", ", passed.stream().map(name -> "\"" + name + "\"").toList())
                        + " stored an offset past the binlog marker at " + marker + ", so every record "
                        + (passed.size() == 1 ? "it" : "they") + " wrote before it is in Kafka");
            }
            parts.addAll(idle.values());
            return String.join("; ", parts);
        }
    }
}
