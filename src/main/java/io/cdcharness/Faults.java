package io.cdcharness;

import io.cdcharness.sql.BinlogPosition;
import io.cdcharness.sql.Database;
import io.cdcharness.sql.LoadWriter;
import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.StackFaults;
import io.cdcharness.stack.StackFaults.Service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Breaks the pipeline on purpose, in the Java DSL: services killed and started again, the network
 * between Connect and the database cut, slowed or reset, the binlog purged, and a background writer
 * that keeps writing while it happens. Every fault is logged with its time, and "streaming again
 * after" is measured from the fault to the moment the scenario's connectors stream again.
 *
 * <pre>{@code
 * Faults faults = cdc.faults();
 * faults.startWriter("shop.load", 200);
 * faults.kill(Service.CONNECT);
 * faults.start(Service.CONNECT);        // returns once the connectors stream again
 * faults.stopWriter();
 * cdc.reconcile("shop.shop.load", "shop.load").holds(Reconciliation.Delivery.AT_LEAST_ONCE);
 * }</pre>
 */
public final class Faults {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final CdcHarness cdc;
    private final Log log;

    Faults(CdcHarness cdc, Log log) {
        this.cdc = cdc;
        this.log = log;
    }

    /** What one scenario did to its pipeline, in order, and its background writer. */
    static final class Log {
        private final List<String> entries = new ArrayList<>();
        private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cdc-harness-fault-timer");
            thread.setDaemon(true);
            return thread;
        });
        private Instant pendingFault;
        private String pendingWhat;
        /** Restores and resumes scheduled by timed faults, cancelled at the next reset. */
        private final List<ScheduledFuture<?>> pending = new ArrayList<>();
        private LoadWriter writer;
        private volatile java.util.function.Consumer<String> listener;
        /** Per connector: its stored offset and its topics' record counts when the Connect worker went down. */
        private final java.util.Map<String, DownMark> downMarks = new java.util.LinkedHashMap<>();

        synchronized void add(String entry) {
            entries.add(entry);
            HarnessLog.info("fault: " + entry);
            java.util.function.Consumer<String> heard = listener;
            if (heard != null) {
                heard.accept(entry);
            }
        }

        synchronized List<String> entries() {
            return List.copyOf(entries);
        }

        /** Ends what a scenario left running (a writer, a scheduled restore): called at each reset. */
        synchronized void clear(StackFaults faults) {
            pending.forEach(task -> task.cancel(false));
            pending.clear();
            if (writer != null) {
                writer.close();
                writer = null;
            }
            entries.clear();
            downMarks.clear();
            pendingFault = null;
        }
    }

    private static String clock(Instant instant) {
        return CLOCK.format(LocalTime.ofInstant(instant, ZoneId.systemDefault()));
    }

    private StackFaults stack() {
        return cdc.stack().faults();
    }

    /** Where a connector stood when the Connect worker went down: its stored offset and its topics' record counts. */
    record DownMark(Optional<io.cdcharness.kafka.SourceOffset> stored, java.util.Map<String, Integer> counts) {
    }

    /**
     * Once the Connect worker is down, notes for each connector its stored offset (what a new worker
     * resumes from) and its topics' end offsets (records after them came after the restart).
     */
    private void markConnectorsDown(Service service) {
        if (service != Service.CONNECT) {
            return;
        }
        cdc.readConnectOffsetTopic(); // the stored offsets below are read from it
        synchronized (log) {
            for (CdcHarness.Connector connector : cdc.connectors().values()) {
                java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
                for (String topic : cdc.kafkaTopics().listNonInternal()) {
                    if (topic.startsWith(connector.topicPrefix() + ".")) {
                        counts.put(topic, (int) cdc.kafkaTopics().endOffsets(topic).values().stream().mapToLong(Long::longValue).sum());
                    }
                }
                log.downMarks.put(connector.name(), new DownMark(cdc.offsets(connector.name()).latest(), counts));
            }
        }
    }

    /**
     * After the Connect worker was killed or stopped and started again: the connector picked up at or
     * before its stored offset. The first change event after the restart lies at or before the first
     * row change the binlog holds after the stored offset (for the tables the connector captures), so
     * nothing between them was skipped.
     */
    public void resumedAtOrBefore(String connectorName) {
        DownMark mark;
        synchronized (log) {
            mark = log.downMarks.get(connectorName);
        }
        if (mark == null) {
            throw new IllegalStateException("No stop or kill of the Connect worker was noted in this scenario while connector \"" + connectorName
                    + "\" ran, so there is no restart to judge. Kill or stop the Connect worker first: When I kill the Connect worker");
        }
        cdc.settleAll();
        new io.cdcharness.assertions.ResumeAssert(cdc.recorder(), cdc.harnessDatabase()::binlogEvents)
                .resumedAtOrBefore(connectorName, mark.stored(), mark.counts());
    }

    /** Kills the service at once ({@code kill -9}); it stays down until {@link #start}. */
    public void kill(Service service) {
        Instant at = Instant.now();
        stack().kill(service);
        note(at, service.word() + " killed (kill -9)");
        markConnectorsDown(service);
    }

    /** Stops the service gracefully; it stays down until {@link #start}. */
    public void stop(Service service) {
        Instant at = Instant.now();
        stack().stop(service);
        note(at, service.word() + " stopped");
        markConnectorsDown(service);
    }

    /**
     * Starts a killed or stopped service again on the same ports and data, then waits until every
     * connector of the scenario streams again, and logs how long that took since the fault. After the
     * Kafka broker, a task that Debezium 3.4 failed with its schema history race (see
     * features/faults/services.feature) is restarted once, saying so; any other failure fails.
     */
    public void start(Service service) {
        stack().start(service);
        awaitStreamingAgain(service.word() + " started again", service == Service.KAFKA);
    }

    /** A graceful restart: stop, start, and wait until the connectors stream again. */
    public void restart(Service service) {
        stop(service);
        start(service);
    }

    private boolean failedOnHistoryRace(String name) {
        return cdc.connect().findStatus(name).map(Faults::isHistoryRace).orElse(false);
    }

    /** True when a task failed with Debezium 3.4's schema history race as Kafka came back (and with nothing else). */
    static boolean isHistoryRace(io.cdcharness.connect.ConnectorStatus status) {
        return status.hasFailed() && status.tasks().stream().filter(task -> "FAILED".equals(task.state())).allMatch(task ->
                task.trace() != null && task.trace().contains("RejectedExecutionException") && task.trace().contains("KafkaSchemaHistory"))
                && !"FAILED".equals(status.state());
    }

    /** Cuts the network between Connect and the database until {@link #restoreNetwork}. */
    public void cutNetwork() {
        Instant at = Instant.now();
        stack().cutDatabaseLink();
        note(at, "network between Connect and the database cut");
    }

    /** Cuts the network between Connect and the database, and restores it after {@code duration}, in the background. */
    public void cutNetworkFor(Duration duration) {
        cutNetwork();
        synchronized (log) {
            log.pending.add(log.later.schedule(() -> {
                stack().restoreDatabaseLink();
                log.add("network between Connect and the database restored at " + clock(Instant.now()) + " (after " + duration.toSeconds() + " s)");
            }, duration.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /**
     * Pauses the connector now and resumes it after {@code duration}, in the background. A pause longer
     * than Debezium takes to fill its queue leaves the binlog reader waiting without reading, as a slow
     * Kafka or a busy worker would.
     */
    public void pauseConnectorFor(String name, Duration duration) {
        cdc.pause(name);
        log.add("connector \"" + name + "\" paused at " + clock(Instant.now()) + " for " + duration.toSeconds() + " s");
        synchronized (log) {
            log.pending.add(log.later.schedule(() -> {
                try {
                    cdc.resume(name);
                    log.add("connector \"" + name + "\" resumed and streaming at " + clock(Instant.now()));
                } catch (RuntimeException | AssertionError e) {
                    log.add("connector \"" + name + "\" could not be resumed: " + e.getMessage());
                }
            }, duration.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    /** Ends a cut and waits until the connectors stream again. */
    public void restoreNetwork() {
        stack().restoreDatabaseLink();
        awaitStreamingAgain("network between Connect and the database restored", false);
    }

    /** Delays every chunk of bytes between Connect and the database (zero ends it). */
    public void latency(Duration latency) {
        stack().databaseLinkLatency(latency);
        log.add((latency.isZero() ? "latency between Connect and the database removed" : latency.toMillis()
                + " ms of latency added between Connect and the database") + " at " + clock(Instant.now()));
    }

    /**
     * Closes every open connection between Connect and the database at once. What the connector does
     * next is Debezium's to decide (3.4 fails the task on a reset binlog connection; see features/faults).
     */
    public void resetConnections() {
        Instant at = Instant.now();
        stack().resetDatabaseLink();
        note(at, "connections between Connect and the database reset");
    }

    /**
     * Purges the binary log up to a fresh file ({@code FLUSH BINARY LOGS}, then {@code PURGE BINARY LOGS TO}
     * it), as an expiring binlog would while a connector is stopped; returns the first file kept. A
     * binlog dump thread that a stopped connector left behind still holds its file (the server then keeps
     * it), so such threads are ended first; a running connector's reader reconnects.
     */
    public String purgeBinaryLogs() {
        Database harness = cdc.harnessDatabase();
        BinlogPosition rotated = harness.rotateBinlog();
        String current = harness.binlogPosition().file();
        List<String> kept = cdc.eventually().tryUntil("the server to purge every binlog file before " + current, () -> {
            endBinlogDumpThreads(harness);
            harness.execute("PURGE BINARY LOGS TO '" + current + "'");
            List<String> left = harness.query("SHOW BINARY LOGS").stream().map(row -> String.valueOf(row.values().iterator().next())).toList();
            return left.equals(List.of(current)) ? io.cdcharness.assertions.Eventually.Attempt.success(left)
                    : io.cdcharness.assertions.Eventually.Attempt.failure("left: " + left);
        }).orElse(null);
        if (kept == null) {
            throw new IllegalStateException("PURGE BINARY LOGS TO '" + current + "' kept older files on the server: a file still being read "
                    + "is kept. The fault needs every connector that reads the binlog stopped first: When I stop the connector \"...\"");
        }
        log.add("binary logs before " + current + " purged at " + clock(Instant.now()) + " (the last position before was " + rotated + ")");
        return current;
    }

    /** A binlog dump thread a stopped connector left behind still holds its file: end it (a running reader reconnects). */
    private static void endBinlogDumpThreads(Database harness) {
        for (java.util.Map<String, Object> thread : harness.query("SHOW PROCESSLIST")) {
            if (String.valueOf(thread.get("Command")).startsWith("Binlog Dump")) {
                try {
                    harness.execute("KILL " + thread.get("Id"));
                } catch (RuntimeException gone) {
                    // it ended on its own meanwhile
                }
            }
        }
    }

    /** Starts a background writer on {@code database.table} at this many writes per second (60 % inserts, 30 % updates, 10 % deletes). */
    public LoadWriter startWriter(String table, int perSecond) {
        synchronized (log) {
            if (log.writer != null && log.writer.isRunning()) {
                throw new IllegalStateException("A background writer on " + log.writer.table() + " is running already; stop it first.");
            }
            log.writer = LoadWriter.start(cdc.stack().database(), LoadWriter.Options.of(table, perSecond));
        }
        log.add("background writer started on " + table + " at " + perSecond + " writes per second, " + clock(Instant.now()));
        return log.writer;
    }

    /** Waits until the running background writer has written this many rows (inserts, updates and deletes confirmed). */
    public void awaitWrites(int rows) {
        LoadWriter writer = writer().orElseThrow(() -> new IllegalStateException("No background writer was started in this scenario. Start one "
                + "first: Given a background writer inserts, updates and deletes rows of table \"shop.load\" at 200 writes per second"));
        cdc.eventually().until("the background writer on " + writer.table() + " to have written " + rows + " rows", () -> {
            if (writer.log().size() >= rows) {
                return io.cdcharness.assertions.Eventually.Attempt.success(true);
            }
            if (!writer.isRunning()) {
                return io.cdcharness.assertions.Eventually.Attempt.finalFailure("the writer was stopped", writer.summary().describe());
            }
            return io.cdcharness.assertions.Eventually.Attempt.failure("so far: " + writer.summary().describe());
        });
    }

    /** Stops the background writer and says what it wrote (the achieved rate included, when it fell short). */
    public LoadWriter.Summary stopWriter() {
        LoadWriter writer;
        synchronized (log) {
            writer = log.writer;
        }
        if (writer == null) {
            throw new IllegalStateException("No background writer was started in this scenario, so none can be stopped. Start one first: "
                    + "Given a background writer inserts, updates and deletes rows of table \"shop.load\" at 200 writes per second");
        }
        LoadWriter.Summary summary = writer.stop();
        log.add("background writer stopped: " + summary.describe());
        return summary;
    }

    /** The scenario's writer, running or stopped. */
    public Optional<LoadWriter> writer() {
        synchronized (log) {
            return Optional.ofNullable(log.writer);
        }
    }

    /**
     * Hears each fault as it is logged (the CDC report puts it on the scenario's timeline); null stops.
     * One listener at a time, as for the database's statements.
     */
    public void onFault(java.util.function.Consumer<String> listener) {
        log.listener = listener;
    }

    /** Every fault of the scenario, with its time, in order. */
    public List<String> history() {
        return log.entries();
    }

    /** The faults of the scenario in one phrase, for outcome lines: "connect killed at 09:12:03.412, streaming again after 3.1 s". */
    public String summary() {
        return String.join("; ", log.entries().stream().filter(entry -> !entry.startsWith("background writer")).toList());
    }

    private void note(Instant at, String what) {
        synchronized (log) {
            log.pendingFault = at;
            log.pendingWhat = what + " at " + clock(at);
        }
        log.add(what + " at " + clock(at));
    }

    private void awaitStreamingAgain(String what, boolean kafkaCameBack) {
        for (CdcHarness.Connector connector : cdc.connectors().values()) {
            try {
                cdc.awaitRunning(connector.name());
                cdc.awaitStreaming(cdc.connector(connector.name()));
            } catch (AssertionError failed) {
                if (!kafkaCameBack || !failedOnHistoryRace(connector.name())) {
                    throw failed;
                }
                String line = "Debezium failed the task of \"" + connector.name() + "\" as Kafka came back: its schema history rejected "
                        + "work on an executor already shut down (RejectedExecutionException in KafkaSchemaHistory, Debezium 3.4; seen once "
                        + "in this project's CI, on MariaDB, after Connect gave up stopping the old task during the outage). The harness "
                        + "restarted the task, as an operator would; it resumes from its stored offset, and the checks after this step judge it";
                HarnessLog.warn(line);
                log.add(line + " at " + clock(Instant.now()));
                cdc.restart(connector.name());
            }
        }
        cdc.settleAll();
        Instant now = Instant.now();
        synchronized (log) {
            String since = log.pendingFault == null ? "" : String.format(Locale.ROOT, ", streaming again after %.1f s since the %s",
                    Duration.between(log.pendingFault, now).toMillis() / 1000.0, log.pendingWhat.replaceFirst(" at .*$", ""));
            log.pendingFault = null;
            log.add(what + " at " + clock(now) + since);
        }
    }
}
