package io.cdcharness;

import io.cdcharness.assertions.CheckContext;
import io.cdcharness.assertions.Diagnostics;
import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.assertions.Eventually;
import io.cdcharness.assertions.MatchLedger;
import io.cdcharness.assertions.OffsetAssert;
import io.cdcharness.assertions.Settler;
import io.cdcharness.assertions.SnapshotAssert;
import io.cdcharness.assertions.TopicAssert;
import io.cdcharness.assertions.TopicsAssert;
import io.cdcharness.assertions.TransactionAssert;
import io.cdcharness.connect.ConnectClient;
import io.cdcharness.connect.ConnectRestException;
import io.cdcharness.connect.ConnectorConfigResolver;
import io.cdcharness.connect.ConnectorDefinition;
import io.cdcharness.connect.ConnectorStatus;
import io.cdcharness.kafka.KafkaTopics;
import io.cdcharness.kafka.OffsetTombstones;
import io.cdcharness.kafka.TopicRecorder;
import io.cdcharness.sql.Database;
import io.cdcharness.sql.SqlStatementException;
import io.cdcharness.stack.CdcStack;
import io.cdcharness.stack.DatabaseFlavor;
import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.Settings;
import io.cdcharness.stack.Stacks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Java DSL: one running stack with the clients and checks scenarios use. The Cucumber steps and
 * the JUnit extension are thin layers over this class.
 *
 * <pre>{@code
 * CdcHarness cdc = CdcHarness.shared();                       // boots once per JVM
 * cdc.reset();                                                // a clean slate for this test
 * cdc.register("connectors/shop-connector.json");             // returns once Debezium streams
 * cdc.execute("INSERT INTO shop.orders VALUES (10, 1, 99.90, 'new')");
 * cdc.topic("shop.shop.orders").receives(EventExpectation.create().with("after.id", "10"));
 * cdc.topic("shop.shop.orders").receivesNoFurtherEvents();   // judged once the pipeline caught up
 * }</pre>
 *
 * Checks that claim something exact, negative, ordered or counted follow the settling rule: they are
 * judged once every connector of the scenario has stored an offset past a binlog marker, against the
 * whole topic (see {@link io.cdcharness.assertions.Settling}). One scenario runs at a time per harness.
 */
public final class CdcHarness implements AutoCloseable {
    private static final Object SHARED_LOCK = new Object();
    /** The clean slate's parallel parts: they block on HTTP, JDBC and Kafka, so not on the common fork-join pool. */
    private static final java.util.concurrent.ExecutorService CLEANING = java.util.concurrent.Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "cdc-harness-clean-slate");
        thread.setDaemon(true);
        return thread;
    });
    private static CdcHarness shared;
    private static RuntimeException sharedBootFailure;
    private static StackPool pool;
    private static boolean poolChecked;

    private final Settings settings;
    private final Core core;
    private final boolean ownsStack;

    /** Everything one stack has, shared by views with another timeout. */
    private static final class Core {
        final CdcStack stack;
        final Database database;
        final Database harnessSession;
        final ConnectClient connect;
        final TopicRecorder recorder;
        final KafkaTopics topics;
        final ConnectorConfigResolver resolver;
        volatile ConnectorConfigResolver targeted;
        volatile io.cdcharness.kafka.SchemaRegistryClient registry;

        /** The config resolver for the Debezium version and connectors the running Connect worker offers (asked once). */
        ConnectorConfigResolver targeted() {
            ConnectorConfigResolver resolved = targeted;
            if (resolved == null) {
                resolved = io.cdcharness.connect.ConnectTarget.of(connect).apply(resolver);
                targeted = resolved;
            }
            return resolved;
        }

        /** The registry's client once the stack runs one (it starts when the first connector needs it). */
        Optional<io.cdcharness.kafka.SchemaRegistryClient> registryClient() {
            io.cdcharness.kafka.SchemaRegistryClient client = registry;
            if (client == null) {
                Optional<String> url = stack.schemaRegistryUrl();
                if (url.isEmpty()) {
                    return Optional.empty();
                }
                client = new io.cdcharness.kafka.SchemaRegistryClient(url.get());
                registry = client;
            }
            return Optional.of(client);
        }
        final OffsetTombstones offsetTombstones;
        /** Debezium's streaming metric over JMX, where the stack exposes it: one connection for every registration. */
        final Optional<io.cdcharness.connect.StreamingProbe> streamingProbe;
        final ScenarioState scenario = new ScenarioState();
        final Faults.Log faults = new Faults.Log();
        final Settler settler;
        final RunScope scope;

        Core(Settings settings, CdcStack stack) {
            this.stack = stack;
            this.database = new Database(stack.database());
            this.harnessSession = new Database(stack.database());
            this.connect = new ConnectClient(stack.connectUrl(), stack.connectAuthorization());
            this.recorder = new TopicRecorder(stack.kafkaBootstrapServers(), stack.kafkaClientProperties());
            this.recorder.reportVolumesTo(HarnessLog::info);
            this.topics = new KafkaTopics(stack.kafkaBootstrapServers(), stack.kafkaClientProperties());
            this.offsetTombstones = new OffsetTombstones(stack.kafkaBootstrapServers(), stack.kafkaClientProperties());
            this.streamingProbe = stack.connectJmxUrl().map(io.cdcharness.connect.StreamingProbe::new);
            this.scope = stack.ownsEverything() ? RunScope.everything()
                    : RunScope.leavingAlone(connect.connectors(), topics.list(), harnessSession.userDatabases(),
                    registryClient().map(io.cdcharness.kafka.SchemaRegistryClient::subjects).orElse(List.of()));
            if (!stack.ownsEverything()) {
                HarnessLog.info(scope.describe());
            }
            this.resolver = new ConnectorConfigResolver(stack.database(), stack.kafkaBootstrapServersForConnect(), settings.connectorDefaults());
            this.recorder.decodeAvroWith(new io.cdcharness.kafka.AvroRecords(this::registryClient));
            Set<String> connectOwn = stack.connectStorageTopics().all();
            this.recorder.watchAllExcept(topic -> topic.startsWith("__") || connectOwn.contains(topic) || !scope.mayRemoveTopic(topic));
            this.settler = new Settler(harnessSession, connect, recorder, topics, stack.connectStorageTopics().offset(),
                    scenario::binlogConnectorNames);
        }
    }

    /** What one scenario has done so far: its connectors, the records its checks matched, its last SQL. */
    private static final class ScenarioState {
        final Map<String, Connector> connectors = new LinkedHashMap<>();
        final MatchLedger ledger = new MatchLedger();
        Database.ExecutionResult lastSql;
        volatile java.time.Instant began;
        /** The topic prefixes of every connector the scenario registered, also of those it removed since. */
        final Set<String> prefixes = new TreeSet<>();

        synchronized List<String> binlogConnectorNames() {
            return connectors.values().stream().filter(Connector::isBinlogConnector).map(Connector::name).toList();
        }

        synchronized void clear() {
            connectors.clear();
            prefixes.clear();
            ledger.clear();
            lastSql = null;
        }
    }

    private CdcHarness(Settings settings, Core core, boolean ownsStack) {
        this.settings = settings;
        this.core = core;
        this.ownsStack = ownsStack;
    }

    /** Starts a stack of its own; close it when done. */
    public static CdcHarness start(Settings settings) {
        return new CdcHarness(settings, new Core(settings, Stacks.start(settings)), true);
    }

    /**
     * The stack shared by everything in this JVM, booted on first use with {@link Settings#load()} and
     * closed when the JVM exits, or the warm stack of {@code ./cdc-harness up} when one is alive, free and
     * runs the same settings ({@code cdc.reuse}). A boot failure is remembered and reported to every later caller.
     */
    public static CdcHarness shared() {
        StackPool pool = pool();
        CdcHarness leased = pool == null ? null : pool.leasedByThisThread();
        if (leased != null) {
            return leased;
        }
        return sharedStack();
    }

    /**
     * For runners of scenarios in parallel (the Cucumber glue, the JUnit extension): binds a stack of the
     * pool ({@code cdc.pool} stacks at most, one scenario each at a time) to this thread, until
     * {@link #releaseScenarioStack()}. Meanwhile {@link #shared()} returns it on this thread. With
     * {@code cdc.pool=1} (the default) it is the one shared stack.
     */
    public static CdcHarness leaseScenarioStack() {
        StackPool pool = pool();
        return pool == null ? sharedStack() : pool.lease();
    }

    /** Gives this thread's stack back to the pool (nothing to do with {@code cdc.pool=1}). */
    public static void releaseScenarioStack() {
        StackPool pool = pool();
        if (pool != null) {
            pool.release();
        }
    }

    /** {@code cdc.pool}: how many stacks scenarios running in parallel may use; 1 means one stack, scenarios one at a time. */
    public static int poolSize() {
        StackPool pool = pool();
        return pool == null ? 1 : pool.size();
    }

    private static StackPool pool() {
        synchronized (SHARED_LOCK) {
            if (poolChecked) {
                return pool;
            }
            poolChecked = true;
            Settings settings = Settings.load();
            int size = settings.poolSize();
            if (size > 1) {
                pool = new StackPool(size, CdcHarness::sharedStack, () -> {
                    CdcHarness harness = start(settings);
                    Runtime.getRuntime().addShutdownHook(new Thread(harness::close, "cdc-harness-pool-close"));
                    return harness;
                });
            }
            return pool;
        }
    }

    /**
     * Attaches to (or boots) the shared stack on a thread of its own and opens the connections the first
     * clean slate uses, so that the first scenario finds both ready; for a runner that has other work to do
     * first (the command line, while Cucumber reads the features and the glue). A boot failure is reported to
     * the first {@link #shared()} call, as always; a connection that fails to open here is opened again when
     * used. Nothing happens with {@code cdc.pool} above 1. Join the returned thread before the JVM may exit, so
     * that a boot nobody asked for in the end (no scenario ran) is not cut off half way.
     *
     * <pre>{@code
     * Thread preparing = CdcHarness.prepareShared();
     * io.cucumber.core.cli.Main.run(args, classLoader); // its first scenario attaches without waiting
     * preparing.join();
     * }</pre>
     */
    public static Thread prepareShared() {
        Thread preparing = new Thread(() -> {
            try {
                if (poolSize() == 1) {
                    sharedStack().openConnections();
                }
            } catch (RuntimeException e) {
                // a boot failure is remembered by sharedStack() for the first scenario, which reports it
            }
        }, "cdc-harness-prepare");
        preparing.setDaemon(true);
        preparing.start();
        return preparing;
    }

    /** The first use of Connect's REST API and JMX, the admin client and the recorder costs about 0.1 s each: paid here ahead of time. */
    private void openConnections() {
        core.connect.connectors();
        core.topics.list();
        core.recorder.watch(core.stack.connectStorageTopics().offset());
        core.streamingProbe.ifPresent(io.cdcharness.connect.StreamingProbe::connect);
    }

    private static CdcHarness sharedStack() {
        synchronized (SHARED_LOCK) {
            if (sharedBootFailure != null) {
                throw new IllegalStateException("The shared CDC stack failed to boot earlier in this run; "
                        + "see the first failure: " + sharedBootFailure.getMessage(), sharedBootFailure);
            }
            if (shared == null) {
                try {
                    Settings settings = Settings.load();
                    shared = new CdcHarness(settings, new Core(settings, Stacks.startOrAttach(settings)), true);
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

    /** The same stack, clients and scenario, with another timeout for eventual checks; closing the view closes nothing. */
    public CdcHarness withTimeout(Duration timeout) {
        return new CdcHarness(settings.with(Settings.Key.TIMEOUT.property(), timeout.toMillis() + "ms"), core, false);
    }

    public CdcStack stack() {
        return core.stack;
    }

    /** The scenario's database session (fresh for each scenario after {@link #reset()}). */
    public Database database() {
        return core.database;
    }

    /** The harness's own database session: markers, purges, resets; never the scenario's. */
    Database harnessDatabase() {
        return core.harnessSession;
    }

    /** Faults of this scenario: services killed and started again, the network cut, the binlog purged, a background writer. */
    public Faults faults() {
        return new Faults(this, core.faults);
    }

    public ConnectClient connect() {
        return core.connect;
    }

    public TopicRecorder recorder() {
        return core.recorder;
    }

    public KafkaTopics kafkaTopics() {
        return core.topics;
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

    // ---- SQL ----

    /** Runs a script on the scenario's session and remembers it as the last SQL (see {@link #lastSql()}). */
    public Database.ExecutionResult execute(String script) {
        ensureHealthy();
        return remember(core.database.execute(script));
    }

    /** Runs a script with {@code database} as the default database, and remembers it as the last SQL. */
    public Database.ExecutionResult execute(String database, String script) {
        return remember(core.database.execute(database, script));
    }

    /**
     * Runs an SQL file from the fixtures dir, as the {@code mysql} client would (see {@link io.cdcharness.sql.SqlScript}:
     * {@code DELIMITER}, mysqldump output), and remembers it as the last SQL. A failing statement is named
     * with its line in the file, and a missing file names the files that exist.
     *
     * <pre>{@code
     * cdc.executeSqlFixture("sql/shop-dump.sql");
     * // a failure: "SQL statement 3 of 10 (line 27 of fixtures/sql/shop-dump.sql) failed on ..."
     * }</pre>
     */
    public Database.ExecutionResult executeSqlFixture(String relativePath) {
        Path file = fixture(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The SQL fixture " + file + " does not exist. "
                    + io.cdcharness.stack.Fixtures.describeDirectory(file.getParent()));
        }
        Path workingDir = Path.of("").toAbsolutePath();
        String shown = (file.startsWith(workingDir) ? workingDir.relativize(file) : file).toString();
        try {
            return remember(core.database.execute(null, io.cdcharness.sql.SqlScript.parse(Files.readString(file), shown)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not read the SQL fixture " + file, e);
        }
    }

    /**
     * Runs a script that must fail, and checks the server's error: returns the failure when its text
     * contains {@code expectedText}; fails when the script succeeds or fails otherwise.
     */
    public SqlStatementException executeExpectingFailure(String script, String expectedText) {
        try {
            execute(script);
        } catch (SqlStatementException e) {
            if (!e.getMessage().contains(expectedText)) {
                throw new AssertionError("Expected the SQL to fail with a message containing \"" + expectedText
                        + "\", but it failed with another:\n" + e.getMessage(), e);
            }
            return e;
        }
        throw new AssertionError("Expected the SQL to fail with a message containing \"" + expectedText
                + "\", but every statement succeeded:\n  " + script.trim().replace("\n", "\n  "));
    }

    /** What the last SQL of this scenario did; fails with a hint when the scenario has run none. */
    public Database.ExecutionResult lastSql() {
        return Optional.ofNullable(core.scenario.lastSql).orElseThrow(() -> new IllegalStateException(
                "This refers to the last SQL statements, but the scenario has run none yet. "
                        + "Run some first (When I execute SQL:, or CdcHarness.execute)."));
    }

    private Database.ExecutionResult remember(Database.ExecutionResult result) {
        core.scenario.lastSql = result;
        return result;
    }

    // ---- connectors ----

    /** A registered connector: its name and the config Connect runs. */
    public record Connector(String name, Map<String, String> config) {
        public String topicPrefix() {
            return config.getOrDefault("topic.prefix", config.getOrDefault("database.server.name", name));
        }

        /** The schema history topic, when the connector keeps its history in Kafka. */
        public Optional<String> historyTopic() {
            return Optional.ofNullable(config.getOrDefault("schema.history.internal.kafka.topic", config.get("database.history.kafka.topic")));
        }

        /** True for Debezium's MySQL and MariaDB connectors, whose stored offsets are binlog positions. */
        public boolean isBinlogConnector() {
            String type = config.getOrDefault("connector.class", "");
            return type.equals(DatabaseFlavor.MYSQL.connectorClass()) || type.equals(DatabaseFlavor.MARIADB.connectorClass())
                    || type.equals("MySqlConnector") || type.equals("MariaDbConnector");
        }
    }

    /** Reads a connector fixture and resolves it against this stack, without registering it. */
    public ConnectorConfigResolver.Resolution resolveConnector(String fixturePath) {
        return resolveConnector(fixturePath, Map.of());
    }

    /**
     * Reads a connector fixture, applies the changes ({@link #UNSET} removes a key) and resolves the
     * result against this stack, logging each rewrite once. Values are checked first: a port that is
     * no number or a host that is no host name fails, naming the key and where it came from.
     */
    public ConnectorConfigResolver.Resolution resolveConnector(String fixturePath, Map<String, String> changes) {
        ConnectorDefinition definition = ConnectorDefinition.read(fixture(fixturePath));
        ConnectorConfigResolver resolver = resolver();
        if (ConnectorConfigResolver.needsSchemaRegistry(definition.config(), changes)) {
            core.stack.ensureSchemaRegistry();
            resolver = resolver.withSchemaRegistry(core.stack.schemaRegistryUrlForConnect().orElseThrow());
        }
        ConnectorConfigResolver.Resolution resolution = resolver.resolve(definition, changes);
        resolution.rewrites().forEach(rewrite -> HarnessLog.once("connector " + definition.name() + " from "
                + fixturePath + ": " + rewrite));
        return resolution;
    }

    /** The config resolver for the Debezium version and connectors the running Connect worker offers (asked once). */
    private ConnectorConfigResolver resolver() {
        return core.targeted();
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
     * include lists, SMTs, converters), and returns once Debezium is streaming. A config Connect
     * rejects fails with Connect's per-field errors, each saying whether the key came from the
     * fixture or from the changes.
     */
    public Connector register(String fixturePath, Map<String, String> changes) {
        ConnectorConfigResolver.Resolution resolution = resolveConnector(fixturePath, changes);
        Connector connector = new Connector(resolution.connector().name(), resolution.connector().config());
        core.scope.requireOwnConnector(connector.name(), fixturePath);
        try {
            lifecycle().create(connector);
        } catch (ConnectRestException e) {
            throw e.withSources(key -> changes.containsKey(key) ? "the overrides" : fixturePath, !changes.isEmpty());
        }
        remember(connector);
        return connector;
    }

    /** The scenario's connector from now on: the crossing check accepts its events, the clean slate removes it. */
    private void remember(Connector connector) {
        synchronized (core.scenario) {
            core.scenario.connectors.put(connector.name(), connector);
            core.scenario.prefixes.add(connector.topicPrefix());
        }
    }

    /**
     * Registers the fixture's connector after checking that the fixture defines the connector the
     * caller names (a scenario that says "shop-connector" must not register something else).
     */
    public Connector register(String expectedName, String fixturePath, Map<String, String> changes) {
        checkFixtureName(expectedName, fixturePath);
        return register(fixturePath, changes);
    }

    /** Fails when the fixture defines another connector than {@code expectedName}. */
    public void checkFixtureName(String expectedName, String fixturePath) {
        String defined = ConnectorDefinition.read(fixture(fixturePath)).name();
        if (!defined.equals(expectedName)) {
            throw new IllegalArgumentException("The fixture " + fixturePath + " defines the connector \"" + defined
                    + "\", not \"" + expectedName + "\". Use the name from the fixture, or another fixture.");
        }
    }

    /**
     * Registering the fixture's connector (with the changes) must fail with a message containing
     * {@code expectedText}; returns the message. Passes for a config Connect rejects and for a
     * connector that fails before streaming.
     */
    public String registrationFails(String fixturePath, Map<String, String> changes, String expectedText) {
        try {
            Connector connector = register(fixturePath, changes);
            throw new AssertionError("Expected registering connector \"" + connector.name() + "\" from " + fixturePath
                    + (changes.isEmpty() ? "" : " with " + changes) + " to fail with a message containing \"" + expectedText
                    + "\", but it registered and streams.");
        } catch (RuntimeException | AssertionError e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Expected registering connector")) {
                throw e;
            }
            if (e.getMessage() == null || !e.getMessage().contains(expectedText)) {
                throw new AssertionError("Expected registering the connector from " + fixturePath + " to fail with a message containing \""
                        + expectedText + "\", but it failed with another:\n" + e.getMessage(), e);
            }
            return e.getMessage();
        }
    }

    /**
     * Runs one connector of the stack's database through a registration, a DDL and a row, then clears the stack
     * with the clean slate: the first registration of a later scenario on this Connect worker then finds Debezium's
     * code loaded and compiled. {@code ./cdc-harness up} does it once after its boot, before runs may attach. Only
     * for a stack this harness owns everything of: it ends with the clean slate.
     *
     * <pre>{@code
     * CdcHarness cdc = CdcHarness.start(settings);
     * cdc.warmUp(); // about 2 s on a new worker; the next registration there took 0.44 s instead of 1.47 s
     * }</pre>
     */
    public void warmUp() {
        if (!core.stack.ownsEverything()) {
            throw new IllegalStateException("The warm-up ends with the clean slate, which removes every connector, topic and database: "
                    + "it runs only on a stack this run owns everything of, not on " + core.stack.describe() + ".");
        }
        ConnectorDefinition resolved = resolver().resolve(ConnectorWarmUp.definition(core.stack.database())).connector();
        Connector connector = new Connector(resolved.name(), resolved.config());
        try {
            lifecycle().create(connector);
            remember(connector);
            database().execute(ConnectorWarmUp.SQL);
            topic(ConnectorWarmUp.topic(connector.topicPrefix())).receives(EventExpectation.create().with("after.id", "1"));
        } finally {
            reset(); // also after a failure: the clean slate removes every connector, topic and database on the stack
        }
    }

    /** The connectors this scenario registered, by name. */
    public Map<String, Connector> connectors() {
        synchronized (core.scenario) {
            return Map.copyOf(core.scenario.connectors);
        }
    }

    /** A connector this scenario registered; fails with the names it did register. */
    public Connector registered(String name) {
        Connector connector = connectors().get(name);
        if (connector == null) {
            Set<String> names = new TreeSet<>(connectors().keySet());
            throw new IllegalStateException("The scenario has not registered a connector named \"" + name + "\". "
                    + (names.isEmpty() ? "Register one first with: Given the connector \"" + name + "\" is registered from \"connectors/<file>.json\""
                    : "It registered: " + names));
        }
        return connector;
    }

    /** Waits until the connector and all its tasks are RUNNING; a FAILED one fails at once with its trace. */
    public ConnectorStatus awaitRunning(String name) {
        return lifecycle().awaitRunning(name);
    }

    /** Returns once Debezium reads the binlog for the connector (see {@link StreamingDetection}). */
    public void awaitStreaming(Connector connector) {
        streaming().await(connector);
    }

    /** The connector as Connect runs it now (its current config). */
    public Connector connector(String name) {
        return lifecycle().current(name);
    }

    /** Waits until the connector reports the state (RUNNING, PAUSED, STOPPED); FAILED fails at once unless asked for. */
    public ConnectorStatus awaitState(String name, String state) {
        return lifecycle().awaitState(name, state);
    }

    /** Pauses the connector and returns once it and its tasks are PAUSED. */
    public void pause(String name) {
        lifecycle().pause(name);
    }

    /** Resumes a paused or stopped connector and returns once it streams again. */
    public void resume(String name) {
        lifecycle().resume(name);
    }

    /**
     * Resumes a stopped or paused connector that must fail: waits until it is FAILED and checks that
     * Debezium's own message (the task's or the connector's trace) contains {@code expectedText}.
     */
    public ConnectorStatus resumeFails(String name, String expectedText) {
        lifecycle().retryingConflicts("Connect to resume \"" + name + "\"", () -> core.connect.resume(name));
        return awaitFailure(name, expectedText);
    }

    /** Waits until the connector or one of its tasks is FAILED with a trace containing {@code expectedText}; returns the status. */
    public ConnectorStatus awaitFailure(String name, String expectedText) {
        return eventually().until("connector \"" + name + "\" to fail with a message containing \"" + expectedText + "\"", () -> {
            ConnectorStatus status = core.connect.status(name);
            String traces = String.valueOf(status.trace()) + status.tasks().stream().map(task -> String.valueOf(task.trace())).reduce("", String::concat);
            if (status.hasFailed() && traces.contains(expectedText)) {
                return Eventually.Attempt.success(status);
            }
            if (status.hasFailed()) {
                return Eventually.Attempt.finalFailure("it failed with another message", status.describe());
            }
            return Eventually.Attempt.failure(status.describe());
        });
    }

    /** Restarts the connector and its tasks and returns once the new tasks stream. */
    public void restart(String name) {
        lifecycle().restart(name);
    }

    /** Changes or adds config keys (the rest stays; {@link #UNSET} removes one) and returns once the connector streams with them. */
    public void updateConfig(String name, Map<String, String> changes) {
        lifecycle().updateConfig(name, changes);
        remember(connector(name));
    }

    /** The value that removes a key when a config is changed: {@code | database.include.list | (unset) |}. */
    public static final String UNSET = "(unset)";

    /** Stops the connector (STOPPED: no tasks, offsets may be changed). */
    public void stop(String name) {
        lifecycle().stop(name);
    }

    /** Deletes the connector and waits until Connect no longer lists it. Its offsets stay stored. */
    public void delete(String name) {
        lifecycle().delete(name);
        synchronized (core.scenario) {
            core.scenario.connectors.remove(name);
        }
    }

    /**
     * Sets a stopped binlog connector's stored offset to a binlog position (and GTID position, for
     * MariaDB); after {@link #resume} it reads the binlog from there again.
     */
    public void setBinlogOffset(String name, io.cdcharness.sql.BinlogPosition position, String gtids) {
        lifecycle().setBinlogOffset(name, position, gtids);
    }

    /** Stops the connector, deletes its stored offsets, deletes it, and waits until Connect forgets it. */
    public void removeConnector(String name) {
        lifecycle().removeConnector(name);
        synchronized (core.scenario) {
            core.scenario.connectors.remove(name);
        }
    }

    private ConnectorLifecycle lifecycle() {
        return new ConnectorLifecycle(core.connect, this::eventually, this::logsText, this::awaitStreaming);
    }

    private StreamingDetection streaming() {
        return new StreamingDetection(core.stack, core.streamingProbe, core.connect, core.settler, this::eventually, this::logsText);
    }

    // ---- checks ----

    /** What checks work with: the recorder, the timeout, the settling rule and this scenario's matched records. */
    public CheckContext checks() {
        ensureHealthy();
        return new CheckContext(core.recorder, eventually(), core.settler, core.scenario.ledger, core.database::blindSpots, this::catchUpWithAllTopics);
    }

    /** Checks of one topic. */
    public TopicAssert topic(String name) {
        core.scope.requireOwnTopic(name);
        return new TopicAssert(name, checks());
    }

    /** The same checks with another timeout than {@code cdc.timeout}. */
    public TopicAssert topic(String name, Duration timeout) {
        core.scope.requireOwnTopic(name);
        return new TopicAssert(name, checks().with(Eventually.within(timeout, diagnostics())));
    }

    /** Checks of the topic list: which exist, which do not, which exactly. */
    public TopicsAssert topics() {
        return new TopicsAssert(core.topics, checks(), core.stack.connectStorageTopics().all());
    }

    /** Checks of the schema history topic of a connector of this scenario. */
    public TopicAssert schemaHistory(String connectorName) {
        Connector connector = registered(connectorName);
        return topic(connector.historyTopic().orElseThrow(() -> new IllegalStateException("Connector \"" + connectorName
                + "\" has no schema.history.internal.kafka.topic in its config, so its schema history is not in Kafka.")));
    }

    /** Checks of transaction metadata ({@code provide.transaction.metadata=true}) for the last SQL. */
    public TransactionAssert transactions() {
        return new TransactionAssert(checks(), lastSql(), core.stack.database().flavor());
    }

    /**
     * Reconciles a topic with its table: the events folded per key must describe the table's rows
     * ({@code keyColumn} is the primary key). With a background writer of this scenario on that table,
     * its log counts the rows written.
     */
    public io.cdcharness.assertions.ReconcileAssert reconcile(String topic, String table, String keyColumn) {
        Optional<io.cdcharness.sql.LoadWriter> writer = faults().writer().filter(w -> w.table().equals(table));
        String key = writer.map(io.cdcharness.sql.LoadWriter::keyColumn).orElse(keyColumn);
        return new io.cdcharness.assertions.ReconcileAssert(checks(), topic, table, key,
                () -> io.cdcharness.assertions.ReconcileAssert.rowsOf(core.harnessSession.query("SELECT * FROM " + table), key),
                writer, () -> faults().summary());
    }

    /** {@link #reconcile(String, String, String)} with the key column {@code id}, or the background writer's key column. */
    public io.cdcharness.assertions.ReconcileAssert reconcile(String topic, String table) {
        return reconcile(topic, table, "id");
    }

    /** Waits until every connector of the scenario has stored an offset past a new binlog marker (see {@link io.cdcharness.assertions.Settling}). */
    public void settleAll() {
        core.settler.await(eventually(), "every connector of the scenario to catch up with the binlog");
    }

    /** Checks of the snapshot records across every topic the harness reads. */
    public SnapshotAssert snapshot() {
        return new SnapshotAssert(checks());
    }

    public OffsetAssert offsets(String connectorName) {
        return new OffsetAssert(core.recorder, core.connect, core.stack.connectStorageTopics().offset(), connectorName, eventually());
    }

    /**
     * Compares the topic, whole and once the pipeline has caught up, with a golden file of its events
     * (relative to {@code cdc.fixtures.dir}); fields that change from run to run are normalised (see
     * {@link io.cdcharness.golden.EventNormalizer}). With {@code cdc.golden.update=true} the file is
     * written from this run instead.
     *
     * <pre>{@code
     * cdc.goldenEvents("originDB.user.user_account", "golden/user_account.json");
     * }</pre>
     */
    public void goldenEvents(String topic, String goldenFixture) {
        List<io.cdcharness.kafka.RecordedRecord> records = topic(topic).settledRecords();
        Path file = fixture(goldenFixture);
        if (settings.flag(Settings.Key.GOLDEN_UPDATE)) {
            io.cdcharness.golden.GoldenEvents.write(file, records);
            HarnessLog.info("golden file " + file + " written from topic \"" + topic + "\" (" + records.size() + " events; cdc.golden.update=true)");
            return;
        }
        io.cdcharness.golden.GoldenEvents.compare(topic, file, records);
    }

    /** Every topic the harness has read in this scenario (Kafka's and Connect's own excluded), read to its end. */
    public Map<String, List<io.cdcharness.kafka.RecordedRecord>> recordedTopics() {
        catchUpWithAllTopics();
        Set<String> connectOwn = core.stack.connectStorageTopics().all();
        Map<String, List<io.cdcharness.kafka.RecordedRecord>> topics = new java.util.TreeMap<>();
        for (String topic : core.recorder.counts().keySet()) {
            if (!topic.startsWith("__") && !connectOwn.contains(topic)) {
                topics.put(topic, core.recorder.records(topic));
            }
        }
        return topics;
    }

    /**
     * Checks of the schema registry: subjects, versions, compatibility. Fails when no connector of this
     * run used a registry (it starts only then).
     */
    public io.cdcharness.assertions.RegistryAssert schemaRegistry() {
        return new io.cdcharness.assertions.RegistryAssert(core.registryClient().orElseThrow(() -> new IllegalStateException(
                "The schema registry is not running: it starts when a connector uses Avro (a converter naming "
                        + "io.apicurio.registry.utils.converter.AvroConverter, or a *.apicurio.registry.url key). Register such a connector first.")),
                eventually());
    }

    /** Waits until every named topic exists; returns the whole topic list. */
    public Set<String> awaitTopics(Collection<String> names) {
        return topics().exist(names);
    }

    /** Reads every topic but Kafka's and Connect's own to its end, for at most 2 s (for failure messages). */
    private void catchUpWithAllTopics() {
        Set<String> connectOwn = core.stack.connectStorageTopics().all();
        Map<org.apache.kafka.common.TopicPartition, Long> ends = new java.util.HashMap<>();
        for (String topic : core.topics.listNonInternal()) {
            if (!topic.startsWith("__") && !connectOwn.contains(topic)) {
                core.recorder.watch(topic);
                ends.putAll(core.topics.endOffsets(topic));
            }
        }
        Eventually.within(Duration.ofSeconds(2), Diagnostics.NONE).tryUntil("the harness to read every topic to its end",
                () -> core.recorder.hasRead(ends) ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("reading"));
    }

    // ---- the clean slate ----

    /**
     * Gives the next scenario a clean slate on the same stack: every connector is stopped, its offsets
     * deleted and the connector removed; topics other than Kafka's and Connect's own are deleted; every
     * database a scenario made is dropped; the scenario's database session is replaced by a fresh one
     * (an open transaction rolled back, session variables gone) and server-wide binlog settings that
     * would blind the capture are set back.
     */
    public void reset() {
        restartServicesThatDied();
        core.faults.clear(core.stack.faults());
        List<CompletableFuture<?>> background = new ArrayList<>();
        try {
            background.add(removeConnectors());
            core.scenario.clear();
            // With no connector running, the database, Connect's offsets and Kafka's topics are cleaned at the same time.
            background.add(CompletableFuture.runAsync(() -> {
                core.database.resetSession().forEach(line -> HarnessLog.info("clean slate: " + line));
                core.harnessSession.dropUserDatabases(core.scope::mayDropDatabase);
            }, CLEANING));
            CompletableFuture<Void> offsets = CompletableFuture.runAsync(this::deleteOffsetsOfDeletedConnectors, CLEANING);
            background.add(offsets);
            deleteTopics();
            joinAll(List.of(offsets)); // before the recorder forgets the offset topic that it read
            // Only now: until the old topics are gone, the recorder could read them again (it records every
            // topic), and a record of the last scenario would show up in this one under the same name.
            core.recorder.reset();
            core.registryClient().ifPresent(registry -> registry.deleteSubjects(core.scope::mayDeleteSubject));
        } catch (RuntimeException | Error e) {
            // Nothing of this clean slate may still run when the next one, or a scenario, starts.
            background.forEach(task -> {
                try {
                    task.join();
                } catch (RuntimeException other) {
                    Throwable cause = other.getCause() != null ? other.getCause() : other;
                    if (cause != e) {
                        e.addSuppressed(cause);
                    }
                }
            });
            throw e;
        }
        joinAll(background);
        core.scenario.began = java.time.Instant.now();
    }

    /**
     * Stops every connector the run may remove and deletes its offsets; Connect forgets them in the
     * background (done when the future is), since stopped connectors write nothing more. Before Connect
     * 3.5 they are deleted at once and their offsets are tombstoned afterwards.
     */
    private CompletableFuture<Void> removeConnectors() {
        List<String> connectors = core.connect.connectors().stream().filter(core.scope::mayRemoveConnector).toList();
        ConnectorLifecycle lifecycle = lifecycle();
        if (lifecycle.stopAndDeleteOffsets(connectors)) {
            return CompletableFuture.runAsync(() -> connectors.forEach(lifecycle::delete), CLEANING);
        }
        connectors.forEach(lifecycle::delete);
        return CompletableFuture.completedFuture(null);
    }

    /** Every topic but Kafka's and Connect's own (and, on someone's cluster, what this run did not create), until listed no more. */
    private void deleteTopics() {
        Set<String> internal = core.stack.connectStorageTopics().all();
        List<String> doomed = core.topics.listNonInternal().stream()
                .filter(topic -> !internal.contains(topic) && core.scope.mayRemoveTopic(topic))
                .toList();
        core.topics.delete(doomed);
        eventually().until("deleted topics " + doomed + " to be gone", () -> {
            Set<String> left = new TreeSet<>(core.topics.list());
            left.retainAll(doomed);
            return left.isEmpty() ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("still listed: " + left);
        });
    }

    /** Waits for all; the first failure is thrown as it was (an expectation that timed out stays an {@link AssertionError}). */
    private static void joinAll(List<CompletableFuture<?>> tasks) {
        try {
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The crossing check: the change events on this scenario's topics that are not this scenario's,
     * written by a connector it did not register or to the binlog before it began (see
     * {@link io.cdcharness.assertions.CrossingCheck}). Empty on a sound run, also with scenarios in parallel.
     */
    public io.cdcharness.assertions.CrossingCheck.Result crossingCheck() {
        Set<String> prefixes;
        synchronized (core.scenario) {
            prefixes = new TreeSet<>(core.scenario.prefixes);
        }
        List<io.cdcharness.kafka.RecordedRecord> records = new ArrayList<>();
        Set<String> internal = core.stack.connectStorageTopics().all();
        core.recorder.counts().keySet().stream().filter(topic -> !internal.contains(topic))
                .forEach(topic -> records.addAll(core.recorder.records(topic)));
        Optional<java.time.Instant> began = core.stack.ownsEverything() ? Optional.ofNullable(core.scenario.began) : Optional.empty();
        return io.cdcharness.assertions.CrossingCheck.of(records, prefixes, began);
    }

    /** On someone's cluster, the run's last act: what it created goes (what was there before stays, as always). */
    private void leaveTheClusterAsFound() {
        try {
            reset();
            HarnessLog.info("removed what this run created on the " + core.stack.describe() + "; " + core.scope.describe());
        } catch (RuntimeException e) {
            HarnessLog.warn("could not remove everything this run created on the " + core.stack.describe() + ": " + e.getMessage()
                    + ". Remove its connectors, topics and databases by hand; what was there before the run was not touched.");
        }
    }

    /**
     * A service that died without a fault step asking (or was left down by a scenario) is started again
     * for the next scenario, and the run log says so; a stack that cannot start it fails with the reason.
     */
    private void restartServicesThatDied() {
        io.cdcharness.stack.StackFaults faults = core.stack.faults();
        for (io.cdcharness.stack.StackFaults.Service service : io.cdcharness.stack.StackFaults.Service.values()) {
            if (!faults.isRunning(service)) {
                String death = faults.unexpectedDeaths().stream().filter(line -> line.startsWith(service.word()) || line.startsWith("mysql")
                        || line.startsWith("mariadb")).findFirst().map(line -> line.lines().findFirst().orElse(line)).orElse("");
                HarnessLog.info("clean slate: the " + service.word() + " is down (" + (death.isEmpty() ? "a scenario left it so" : death)
                        + "); starting it again for the next scenario");
                faults.start(service);
                if (service == io.cdcharness.stack.StackFaults.Service.CONNECT) {
                    awaitConnectorsOfTheLastScenario();
                }
            }
        }
        try {
            faults.restoreDatabaseLink();
            faults.databaseLinkLatency(Duration.ZERO);
        } catch (UnsupportedOperationException | IllegalStateException noLink) {
            // a stack without the harness's proxy: no link to restore
        }
    }

    /**
     * Waits until a worker started again lists the connectors of the last scenario, so that the clean slate
     * removes them. Once in CI a restarted worker listed none at this point (its connector came back RUNNING
     * after the clean slate, and the next registration got 409); its {@code GET /health} is meant to answer 200
     * only after it has joined its group, so the cause is not known, and this wait costs nothing when all is well.
     */
    private void awaitConnectorsOfTheLastScenario() {
        Set<String> expected;
        synchronized (core.scenario) {
            expected = new TreeSet<>(core.scenario.connectors.keySet());
        }
        eventually().until("the Connect worker started again to list the connectors " + expected + " of the last scenario", () -> {
            List<String> listed = core.connect.connectors();
            return listed.containsAll(expected) ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("it lists " + listed);
        });
    }

    /**
     * Fails at once when a service of the stack died although no fault step asked for it, naming it
     * with its exit code and the end of its log: the steps after it would only time out.
     */
    public void ensureHealthy() {
        List<String> deaths = core.stack.faults().unexpectedDeaths();
        if (!deaths.isEmpty()) {
            throw new IllegalStateException("A service of the stack died although no fault step asked for it, so this step cannot run:\n  "
                    + String.join("\n  ", deaths) + "\nThe next scenario starts it again.");
        }
    }

    /** Offsets of connectors a scenario deleted itself are still stored: tombstone them. */
    private void deleteOffsetsOfDeletedConnectors() {
        core.offsetTombstones.tombstone(OffsetTombstones.live(readConnectOffsetTopic()).stream()
                .filter(core.scope::mayDeleteOffset).toList());
    }

    /** Connect's offset topic, read to the end a committed reader can reach (see {@link KafkaTopics#endOffsets}). */
    List<io.cdcharness.kafka.RecordedRecord> readConnectOffsetTopic() {
        String offsetTopic = core.stack.connectStorageTopics().offset();
        core.recorder.watch(offsetTopic);
        Map<org.apache.kafka.common.TopicPartition, Long> ends = core.topics.endOffsets(offsetTopic);
        eventually().until("the harness to read Connect's offset topic \"" + offsetTopic + "\" to its end " + ends,
                () -> core.recorder.hasRead(ends) ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("not yet read to the end"));
        return core.recorder.records(offsetTopic);
    }

    // ---- diagnostics ----

    /** Connector states with traces, and where the logs are: attached to every failed expectation. */
    public Diagnostics diagnostics() {
        return () -> {
            List<String> parts = new ArrayList<>();
            List<String> deaths = core.stack.faults().unexpectedDeaths();
            if (!deaths.isEmpty()) {
                parts.add("Services that died although no fault step asked for it:\n  " + String.join("\n  ", deaths));
            }
            try {
                List<String> names = core.connect.connectors();
                if (names.isEmpty()) {
                    parts.add("Connectors: none is registered.");
                }
                for (String name : names) {
                    core.connect.findStatus(name).ifPresent(status -> parts.add(status.describe()));
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
        core.stack.logs().forEach((service, log) -> text.append("\n  ").append(service).append(": ").append(log));
        io.cdcharness.evidence.Evidence.current().ifPresent(run -> text.append("\nEvidence (kept when the ").append(run.kind())
                .append(" fails: logs, topics, connectors, offsets, SQL): ").append(run.evidenceLink()));
        return text.toString();
    }

    @Override
    public void close() {
        if (!ownsStack) {
            return; // a view made by withTimeout: the harness it came from owns everything
        }
        core.faults.clear(core.stack.faults());
        if (!core.stack.ownsEverything()) {
            leaveTheClusterAsFound();
        }
        core.recorder.close();
        core.streamingProbe.ifPresent(io.cdcharness.connect.StreamingProbe::close);
        core.offsetTombstones.close();
        core.topics.close();
        core.harnessSession.close();
        core.database.close();
        core.stack.close();
    }
}
