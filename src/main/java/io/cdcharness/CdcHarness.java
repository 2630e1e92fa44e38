package io.cdcharness;

import io.cdcharness.assertions.Diagnostics;
import io.cdcharness.assertions.Eventually;
import io.cdcharness.assertions.OffsetAssert;
import io.cdcharness.assertions.TopicAssert;
import io.cdcharness.connect.ConnectClient;
import io.cdcharness.connect.ConnectorConfigResolver;
import io.cdcharness.connect.ConnectorDefinition;
import io.cdcharness.connect.ConnectorStatus;
import io.cdcharness.kafka.KafkaTopics;
import io.cdcharness.kafka.TopicRecorder;
import io.cdcharness.sql.Database;
import io.cdcharness.stack.CdcStack;
import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.Settings;
import io.cdcharness.stack.Stacks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Java DSL: one running stack with the clients and assertions scenarios use. The Cucumber
 * steps and the JUnit extension are thin layers over this class.
 *
 * <pre>{@code
 * CdcHarness cdc = CdcHarness.shared();                       // boots once per JVM
 * cdc.reset();                                                // a clean slate for this test
 * Connector connector = cdc.register("connectors/my-source-connector.json");
 * cdc.database().execute("CREATE DATABASE user; CREATE TABLE user.t (id INT PRIMARY KEY, name TEXT);"
 *         + "INSERT INTO user.t VALUES (1, 'jack')");
 * cdc.topic("originDB.user.t").receives(EventExpectation.create().with("after.name", "jack"));
 * }</pre>
 */
public final class CdcHarness implements AutoCloseable {
    /** The database the harness writes its markers to; dropped with the others at each reset. */
    public static final String MARKER_DATABASE = "cdc_harness";
    private static final Object SHARED_LOCK = new Object();
    private static CdcHarness shared;
    private static RuntimeException sharedBootFailure;

    private final Settings settings;
    private final CdcStack stack;
    private final Database database;
    private final ConnectClient connect;
    private final TopicRecorder recorder;
    private final KafkaTopics topics;
    private final ConnectorConfigResolver resolver;
    private final io.cdcharness.kafka.OffsetTombstones offsetTombstones;
    private final boolean ownsStack;
    private final ConnectorLifecycle lifecycle = new ConnectorLifecycle(this);

    private CdcHarness(CdcHarness base, Settings settings) {
        this.settings = settings;
        this.stack = base.stack;
        this.database = base.database;
        this.connect = base.connect;
        this.recorder = base.recorder;
        this.topics = base.topics;
        this.resolver = base.resolver;
        this.offsetTombstones = base.offsetTombstones;
        this.ownsStack = false;
    }

    private CdcHarness(Settings settings, CdcStack stack) {
        this.settings = settings;
        this.stack = stack;
        this.database = new Database(stack.database());
        this.connect = new ConnectClient(stack.connectUrl());
        this.recorder = new TopicRecorder(stack.kafkaBootstrapServers());
        this.topics = new KafkaTopics(stack.kafkaBootstrapServers());
        this.offsetTombstones = new io.cdcharness.kafka.OffsetTombstones(stack.kafkaBootstrapServers());
        this.ownsStack = true;
        this.resolver = new ConnectorConfigResolver(stack.database(), stack.kafkaBootstrapServersForConnect(),
                settings.connectorDefaults());
    }

    /** Starts a stack of its own; close it when done. */
    public static CdcHarness start(Settings settings) {
        return new CdcHarness(settings, Stacks.start(settings));
    }

    /**
     * The stack shared by everything in this JVM, booted on first use with {@link Settings#load()} and
     * closed when the JVM exits. A boot failure is remembered and reported to every later caller.
     */
    public static CdcHarness shared() {
        synchronized (SHARED_LOCK) {
            if (sharedBootFailure != null) {
                throw new IllegalStateException("The shared CDC stack failed to boot earlier in this run; "
                        + "see the first failure: " + sharedBootFailure.getMessage(), sharedBootFailure);
            }
            if (shared == null) {
                try {
                    shared = start(Settings.load());
                } catch (RuntimeException e) {
                    sharedBootFailure = e;
                    throw e;
                }
                CdcHarness harness = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(harness::close, "cdc-harness-shared-close"));
            }
            return shared;
        }
    }

    public Settings settings() {
        return settings;
    }

    /** The same stack and clients, with another timeout for eventual assertions; closing the view closes nothing. */
    public CdcHarness withTimeout(Duration timeout) {
        return new CdcHarness(this, settings.with(Settings.Key.TIMEOUT.property(), timeout.toMillis() + "ms"));
    }

    /**
     * Runs an SQL file from the fixtures dir, as the {@code mysql} client would (see {@link io.cdcharness.sql.SqlScript}:
     * {@code DELIMITER}, mysqldump output); a failing statement is named with its line in the file, and a
     * missing file names the files that exist.
     *
     * <pre>{@code
     * cdc.executeSqlFixture("sql/shop-dump.sql");
     * // a failure: "SQL statement 3 of 10 (line 27 of fixtures/sql/shop-dump.sql) failed on ..."
     * }</pre>
     */
    public Database.ExecutionResult executeSqlFixture(String relativePath) {
        Path file = fixture(relativePath);
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The SQL fixture " + file + " does not exist. "
                    + io.cdcharness.stack.Fixtures.describeDirectory(file.getParent()));
        }
        Path workingDir = Path.of("").toAbsolutePath();
        String shown = (file.startsWith(workingDir) ? workingDir.relativize(file) : file).toString();
        try {
            return database.execute(null, io.cdcharness.sql.SqlScript.parse(java.nio.file.Files.readString(file), shown));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not read the SQL fixture " + file, e);
        }
    }

    public CdcStack stack() {
        return stack;
    }

    public Database database() {
        return database;
    }

    public ConnectClient connect() {
        return connect;
    }

    public TopicRecorder recorder() {
        return recorder;
    }

    public KafkaTopics kafkaTopics() {
        return topics;
    }

    public Duration timeout() {
        return settings.timeout();
    }

    /** The one waiting mechanism, with this harness's timeout and diagnostics. */
    public Eventually eventually() {
        return Eventually.within(timeout(), diagnostics());
    }

    /** A fixture file by path relative to {@code cdc.fixtures.dir}. */
    public Path fixture(String relativePath) {
        return settings.fixturesDir().resolve(relativePath);
    }

    /** Reads a connector fixture and resolves it against this stack, without registering it. */
    public ConnectorConfigResolver.Resolution resolveConnector(String fixturePath) {
        ConnectorDefinition definition = ConnectorDefinition.read(fixture(fixturePath));
        ConnectorConfigResolver.Resolution resolution = resolver.resolve(definition);
        resolution.rewrites().forEach(rewrite -> HarnessLog.once("connector " + definition.name() + " from "
                + fixturePath + ": " + rewrite));
        return resolution;
    }

    /** A registered connector: its name and the config Connect runs. */
    public record Connector(String name, Map<String, String> config) {
        public String topicPrefix() {
            return config.getOrDefault("topic.prefix", config.getOrDefault("database.server.name", name));
        }
    }

    /**
     * Registers the fixture's connector and returns once Debezium is streaming (not merely RUNNING):
     * rows written after this call are captured as change events, not folded into the snapshot.
     */
    public Connector register(String fixturePath) {
        return register(fixturePath, Map.of());
    }

    /**
     * Registers the fixture's connector with some keys changed or added ({@code snapshot.mode},
     * include lists, SMTs, converters), and returns once Debezium is streaming.
     */
    public Connector register(String fixturePath, Map<String, String> overrides) {
        ConnectorDefinition resolved = resolveConnector(fixturePath).connector();
        Map<String, String> config = new java.util.LinkedHashMap<>(resolved.config());
        ConnectorLifecycle.applyChanges(config, overrides);
        ConnectorDefinition connector = resolved.withConfig(config);
        lifecycle.retryingConflicts("Connect to accept connector \"" + connector.name() + "\"",
                () -> connect.create(connector.name(), connector.config()));
        awaitRunning(connector.name());
        Connector registered = new Connector(connector.name(), connector.config());
        awaitStreaming(registered);
        return registered;
    }

    /** Waits until the connector and all its tasks are RUNNING; a FAILED one fails at once with its trace. */
    public ConnectorStatus awaitRunning(String name) {
        return lifecycle.awaitRunning(name);
    }

    /**
     * Waits until Debezium reads the binlog: its streaming metric {@code Connected} over JMX where the
     * stack exposes it, otherwise a marker that the connector's stored offset must pass ({@link #settle}).
     */
    public void awaitStreaming(Connector connector) {
        lifecycle.awaitStreaming(connector);
    }

    /** The connector as Connect runs it now (its current config). */
    public Connector connector(String name) {
        return new Connector(name, connect.config(name));
    }

    /** Waits until the connector reports the state (RUNNING, PAUSED, STOPPED); FAILED fails at once unless asked for. */
    public ConnectorStatus awaitState(String name, String state) {
        return lifecycle.awaitState(name, state);
    }

    /** Pauses the connector and returns once it and its tasks are PAUSED. */
    public void pause(String name) {
        lifecycle.pause(name);
    }

    /** Resumes a paused or stopped connector and returns once it streams again. */
    public void resume(String name) {
        lifecycle.resume(name);
    }

    /** Restarts the connector and its tasks and returns once the new tasks stream. */
    public void restart(String name) {
        lifecycle.restart(name);
    }

    /** Changes or adds config keys (the rest stays; {@link #UNSET} removes one) and returns once the connector streams with them. */
    public void updateConfig(String name, Map<String, String> changes) {
        lifecycle.updateConfig(name, changes);
    }

    /** The value that removes a key when a config is changed: {@code | database.include.list | (unset) |}. */
    public static final String UNSET = "(unset)";

    /** Stops the connector (STOPPED: no tasks, offsets may be changed). */
    public void stop(String name) {
        lifecycle.stop(name);
    }

    /** Deletes the connector and waits until Connect no longer lists it. Its offsets stay stored. */
    public void delete(String name) {
        lifecycle.delete(name);
    }

    /**
     * Sets a stopped binlog connector's stored offset to a binlog position (and GTID position, for
     * MariaDB); after {@link #resume} it reads the binlog from there again.
     */
    public void setBinlogOffset(String name, io.cdcharness.sql.BinlogPosition position, String gtids) {
        lifecycle.setBinlogOffset(name, position, gtids);
    }

    /**
     * Waits until everything the connector produces for the binlog written so far is stored in Kafka:
     * writes a marker transaction and waits until the connector's stored offset is past it. Connect
     * stores an offset only once every record before it is acknowledged by Kafka. Needs Debezium
     * heartbeats ({@code heartbeat.interval.ms}, a harness default) so that offsets move past changes
     * the connector filters out; the marker is written again until a heartbeat carries it.
     */
    public void settle(String connectorName) {
        database.execute("CREATE DATABASE IF NOT EXISTS " + MARKER_DATABASE + "; CREATE TABLE IF NOT EXISTS " + MARKER_DATABASE
                + ".marker (id BIGINT AUTO_INCREMENT PRIMARY KEY, written_at TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6))");
        io.cdcharness.sql.BinlogPosition start = database.execute("INSERT INTO " + MARKER_DATABASE + ".marker () VALUES ()").binlogBefore();
        OffsetAssert offsets = offsets(connectorName);
        long[] lastWrite = {System.nanoTime()};
        eventually().until("connector \"" + connectorName + "\" to store an offset past the marker written at " + start
                + " (so that all its earlier records are in Kafka)", () -> {
            Optional<io.cdcharness.kafka.SourceOffset> latest = offsets.latest();
            if (latest.isPresent() && latest.get().isPast(start)) {
                return Eventually.Attempt.success(true);
            }
            if (System.nanoTime() - lastWrite[0] > 200_000_000L) {
                database.execute("INSERT INTO " + MARKER_DATABASE + ".marker () VALUES ()");
                lastWrite[0] = System.nanoTime();
            }
            return Eventually.Attempt.failure("stored offset: " + latest.map(io.cdcharness.kafka.SourceOffset::describe).orElse("none")
                    + "\n" + connect.status(connectorName).describe());
        });
    }

    /** {@link #settle} the connector, then waits until the recorder has read every record now on the topics. */
    public void settle(String connectorName, Collection<String> topicNames) {
        settle(connectorName);
        for (String topic : topicNames) {
            recorder.watch(topic);
            Map<org.apache.kafka.common.TopicPartition, Long> ends = topics.endOffsets(topic);
            eventually().until("the harness to read topic \"" + topic + "\" up to its end " + ends, () -> recorder.hasRead(ends)
                    ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("read so far: " + recorder.counts().get(topic) + " records"));
        }
    }

    public TopicAssert topic(String name) {
        return new TopicAssert(recorder, name, eventually());
    }

    /** The same assertions with another timeout than {@code cdc.timeout}. */
    public TopicAssert topic(String name, Duration timeout) {
        return new TopicAssert(recorder, name, Eventually.within(timeout, diagnostics()));
    }

    public OffsetAssert offsets(String connectorName) {
        return new OffsetAssert(recorder, stack.connectStorageTopics().offset(), connectorName, eventually());
    }

    /** Waits until every named topic exists; returns the whole topic list. */
    public Set<String> awaitTopics(Collection<String> names) {
        return eventually().until("the topics " + names + " to exist", () -> {
            Set<String> existing = topics.list();
            List<String> missing = names.stream().filter(name -> !existing.contains(name)).toList();
            return missing.isEmpty() ? Eventually.Attempt.success(existing)
                    : Eventually.Attempt.failure("missing: " + missing + "\nexisting topics: " + existing);
        });
    }

    /**
     * Gives the next scenario a clean slate on the same stack: every connector is stopped, its offsets
     * deleted and the connector removed; topics other than Kafka's and Connect's own are deleted; and
     * every database a scenario made is dropped.
     */
    public void reset() {
        for (String name : connect.connectors()) {
            removeConnector(name);
        }
        deleteOffsetsOfDeletedConnectors();
        recorder.reset();
        Set<String> internal = stack.connectStorageTopics().all();
        List<String> doomed = topics.listNonInternal().stream()
                .filter(topic -> !internal.contains(topic))
                .toList();
        topics.delete(doomed);
        eventually().until("deleted topics " + doomed + " to be gone", () -> {
            Set<String> left = new TreeSet<>(topics.list());
            left.retainAll(doomed);
            return left.isEmpty() ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("still listed: " + left);
        });
        database.dropUserDatabases();
    }

    /** Offsets of connectors a scenario deleted itself are still stored: tombstone them. */
    private void deleteOffsetsOfDeletedConnectors() {
        String offsetTopic = stack.connectStorageTopics().offset();
        recorder.watch(offsetTopic);
        Map<org.apache.kafka.common.TopicPartition, Long> ends = topics.endOffsets(offsetTopic);
        eventually().until("the harness to read Connect's offset topic \"" + offsetTopic + "\" to its end " + ends,
                () -> recorder.hasRead(ends) ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("not yet read to the end"));
        offsetTombstones.tombstone(io.cdcharness.kafka.OffsetTombstones.live(recorder.records(offsetTopic)));
    }

    /** Stops the connector, deletes its stored offsets, deletes it, and waits until Connect forgets it. */
    public void removeConnector(String name) {
        lifecycle.removeConnector(name);
    }

    /** Connector states with traces, and where the logs are: attached to every failed expectation. */
    public Diagnostics diagnostics() {
        return () -> {
            List<String> parts = new ArrayList<>();
            try {
                List<String> names = connect.connectors();
                if (names.isEmpty()) {
                    parts.add("Connectors: none is registered.");
                }
                for (String name : names) {
                    connect.findStatus(name).ifPresent(status -> parts.add(status.describe()));
                }
            } catch (RuntimeException e) {
                parts.add("Connect status unavailable: " + e.getMessage());
            }
            parts.add(logsText());
            return String.join("\n", parts);
        };
    }

    String logsText() {
        StringBuilder text = new StringBuilder("Service logs:");
        stack.logs().forEach((service, log) -> text.append("\n  ").append(service).append(": ").append(log));
        return text.toString();
    }

    @Override
    public void close() {
        if (!ownsStack) {
            return; // a view made by withTimeout: the harness it came from owns everything
        }
        recorder.close();
        offsetTombstones.close();
        topics.close();
        database.close();
        stack.close();
    }
}
