package io.cdcharness.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.Diagnostics;
import io.cdcharness.assertions.Eventually;
import io.cdcharness.connect.ConnectClient;
import io.cdcharness.connect.ConnectorStatus;
import io.cdcharness.kafka.RecordedRecord;
import io.cdcharness.sql.Database;
import io.cdcharness.stack.Secrets;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The state of the pipeline at the end of a scenario, read once: what each topic holds, each
 * connector's status, config (masked), task configs and stored offsets, and the server's binlog
 * position. Each part is read within a few seconds or noted as unreadable, so that a dead service
 * never blocks the run.
 */
final class Snapshot {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PART_TIMEOUT = Duration.ofSeconds(15);
    private static final ExecutorService READERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "cdc-harness-evidence");
        thread.setDaemon(true);
        return thread;
    });

    final Instant at = Instant.now();
    final Map<String, List<RecordedRecord>> topics = new TreeMap<>();
    final Map<String, ObjectNode> connectors = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    /** The binlog status row, the statement that read it, and MariaDB's GTID position. */
    Map<String, Object> binlogStatus = Map.of();
    String binlogStatusStatement = "";
    String gtidPosition = "";
    /** One line per connector: state, and where its stored offset is. */
    final List<String> positionLines = new ArrayList<>();

    /** Topics only (a passing scenario's report row); with {@code catchUp}, read every topic to its end first (up to 3 s). */
    static Snapshot topics(CdcHarness harness, boolean catchUp) {
        Snapshot snapshot = new Snapshot();
        if (catchUp) {
            snapshot.bounded("reading every topic to its end", () -> {
                catchUp(harness);
                return null;
            });
        }
        try {
            java.util.Set<String> connectOwn = harness.stack().connectStorageTopics().all(); // offsets are read through REST
            for (String topic : harness.recorder().counts().keySet()) {
                if (connectOwn.contains(topic)) {
                    continue;
                }
                List<RecordedRecord> records = harness.recorder().records(topic);
                if (!records.isEmpty()) {
                    snapshot.topics.put(topic, records);
                }
            }
        } catch (RuntimeException e) {
            snapshot.problems.add("topics: " + e.getMessage());
        }
        return snapshot;
    }

    /** Everything: topics read to their end, connectors, offsets and the binlog position. */
    static Snapshot full(CdcHarness harness) {
        Snapshot snapshot = topics(harness, true);
        ConnectClient connect = harness.connect();
        List<String> names = snapshot.bounded("the connector list (GET /connectors)", connect::connectors);
        for (String name : names == null ? List.<String>of() : names) {
            ObjectNode node = JSON.createObjectNode();
            node.put("name", name);
            ConnectorStatus status = snapshot.bounded("the status of " + name, () -> connect.findStatus(name).orElse(null));
            if (status != null) {
                node.set("status", statusJson(status));
            }
            Map<String, String> config = snapshot.bounded("the config of " + name, () -> connect.config(name));
            if (config != null) {
                node.set("config", JSON.valueToTree(Secrets.maskConfig(config)));
            }
            List<Map<String, String>> tasks = snapshot.bounded("the task configs of " + name, () -> connect.taskConfigs(name));
            if (tasks != null) {
                node.set("tasks", JSON.valueToTree(tasks.stream().map(Secrets::maskConfig).toList()));
            }
            JsonNode offsets = snapshot.bounded("the stored offsets of " + name, () -> connect.offsets(name));
            if (offsets != null) {
                node.set("offsets", offsets);
            }
            snapshot.connectors.put(name, node);
            snapshot.positionLines.add(describeConnector(name, status, offsets));
        }
        snapshot.bounded("the server's binlog position", () -> {
            try (Database session = new Database(harness.stack().database())) {
                snapshot.binlogStatusStatement = session.binlogStatusStatement();
                snapshot.binlogStatus = new LinkedHashMap<>(session.binlogStatus());
                snapshot.gtidPosition = session.gtidPosition();
            }
            return null;
        });
        if (!snapshot.binlogStatus.isEmpty()) {
            snapshot.positionLines.add(0, "server binlog at " + snapshot.binlogStatus.get("File") + ":" + snapshot.binlogStatus.get("Position")
                    + " (" + snapshot.binlogStatusStatement + ")"
                    + (snapshot.gtidPosition.isEmpty() ? "" : ", gtid_binlog_pos " + snapshot.gtidPosition));
        }
        return snapshot;
    }

    private static void catchUp(CdcHarness harness) {
        Map<org.apache.kafka.common.TopicPartition, Long> ends = new java.util.HashMap<>();
        java.util.Set<String> internal = harness.stack().connectStorageTopics().all();
        for (String topic : harness.kafkaTopics().listNonInternal()) {
            if (!topic.startsWith("__") && !internal.contains(topic)) {
                harness.recorder().watch(topic);
                ends.putAll(harness.kafkaTopics().endOffsets(topic));
            }
        }
        Eventually.within(Duration.ofSeconds(3), Diagnostics.NONE).tryUntil("the harness to read every topic to its end",
                () -> harness.recorder().hasRead(ends) ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("reading"));
    }

    private static ObjectNode statusJson(ConnectorStatus status) {
        ObjectNode node = JSON.createObjectNode();
        node.put("state", status.state());
        node.put("worker", status.workerId());
        if (status.trace() != null) {
            node.put("trace", Secrets.scrub(status.trace()));
        }
        var tasks = node.putArray("tasks");
        for (ConnectorStatus.TaskStatus task : status.tasks()) {
            ObjectNode taskNode = tasks.addObject();
            taskNode.put("id", task.id());
            taskNode.put("state", task.state());
            taskNode.put("worker", task.workerId());
            if (task.trace() != null) {
                taskNode.put("trace", Secrets.scrub(task.trace()));
            }
        }
        return node;
    }

    static String describeConnector(String name, ConnectorStatus status, JsonNode offsets) {
        StringBuilder line = new StringBuilder("connector ").append(name).append(": ")
                .append(status == null ? "status unknown" : status.state());
        if (status != null) {
            status.tasks().forEach(task -> line.append(", task ").append(task.id()).append(' ').append(task.state()));
        }
        List<String> stored = new ArrayList<>();
        if (offsets != null) {
            for (JsonNode entry : offsets.path("offsets")) {
                JsonNode offset = entry.path("offset");
                if (offset.has("file")) {
                    stored.add(offset.path("file").asText() + ":" + offset.path("pos").asText()
                            + (offset.has("gtids") ? " gtids " + offset.path("gtids").asText() : "")
                            + (offset.path("snapshot").asBoolean(false) ? " (snapshot)" : ""));
                } else if (!offset.isMissingNode()) {
                    stored.add(offset.toString());
                }
            }
        }
        line.append(stored.isEmpty() ? "; no stored offset" : "; stored offset at " + String.join(", ", stored));
        return line.toString();
    }

    /** Runs one read within {@link #PART_TIMEOUT}; a failure or timeout is noted and gives null. */
    <T> T bounded(String what, Supplier<T> read) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(read, READERS);
        try {
            return future.get(PART_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            future.cancel(true);
            problems.add(what + ": no answer within " + PART_TIMEOUT.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            problems.add(what + ": " + Secrets.scrub(String.valueOf(e.getCause().getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(what + ": interrupted");
        }
        return null;
    }
}
