package io.cdcharness.stack.embedded;

import io.cdcharness.stack.CdcStack;
import io.cdcharness.stack.ConnectStorageTopics;
import io.cdcharness.stack.DatabaseEndpoint;
import io.cdcharness.stack.DatabaseFlavor;
import io.cdcharness.stack.Durations;
import io.cdcharness.stack.Settings;
import io.cdcharness.stack.StackBootException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The default stack: real MySQL/MariaDB, Kafka and Kafka Connect servers started as local processes
 * from binaries that Maven delivers. No Docker.
 *
 * <pre>{@code
 * try (CdcStack stack = EmbeddedStack.start(Settings.load())) {
 *     System.out.println(stack.connectUrl());
 * }
 * }</pre>
 *
 * The database and the broker boot in parallel, and the Connect JVM starts alongside the broker.
 * Every process is registered with a {@link Reaper}, so nothing outlives the JVM, even on {@code kill -9}.
 */
public final class EmbeddedStack implements CdcStack {
    private final Settings settings;
    private final RunDirectory run;
    private final Reaper reaper;
    private final Services services;
    private final Thread shutdownHook;
    private volatile EmbeddedDatabase database;
    private volatile KafkaBroker kafka;
    private volatile ConnectWorker connect;
    private volatile io.cdcharness.stack.TcpProxy proxy;
    private volatile RegistryProcess registry;
    private volatile boolean closed;

    private EmbeddedStack(Settings settings, RunDirectory run, Reaper reaper) {
        this.settings = settings;
        this.run = run;
        this.reaper = reaper;
        this.services = new Services(reaper, run);
        this.shutdownHook = new Thread(this::close, "cdc-harness-shutdown");
    }

    public static EmbeddedStack start(Settings settings) {
        RunDirectory.sweepAbandoned();
        RunDirectory run = RunDirectory.create();
        Reaper reaper = Reaper.start();
        reaper.watch(run.root());
        EmbeddedStack stack = new EmbeddedStack(settings, run, reaper);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void boot() {
        DatabaseFlavor flavor = settings.database();
        Path cacheDir = settings.cacheDir();
        Duration timeout = settings.bootTimeout();
        MavenArtifacts artifacts = new MavenArtifacts(io.cdcharness.stack.maven.ServerArtifacts.forCache(cacheDir,
                settings.get(Settings.Key.MAVEN_REPOSITORY)));
        DatabaseDistribution distribution = EmbeddedDatabase.distribution(flavor, settings.databaseVersion());
        BootProgress progress = new BootProgress("embedded stack, " + distribution.displayName());
        progress.line("booting the embedded stack: " + distribution.displayName()
                + ", Kafka " + settings.kafkaVersion() + ", Connect " + settings.connectVersion()
                + " + Debezium " + settings.debeziumVersion() + " (logs in " + run.root() + ")");

        Path mysqlCnf = io.cdcharness.stack.Fixtures.binlogSettings(settings, run.root(), flavor.name().toLowerCase());
        PortPlan ports = PortPlan.of(settings.get(Settings.Key.PORTS));
        ClassDataArchive.Directory archives = ClassDataArchive.in(cacheDir, settings.flag(Settings.Key.CLASS_DATA_SHARING), servicesJava(settings));
        ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "cdc-harness-boot");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<EmbeddedDatabase> db = CompletableFuture.supplyAsync(() -> progress.step(flavor.name().toLowerCase(),
                    () -> database = EmbeddedDatabase.start(distribution, flavor, mysqlCnf, artifacts, new SharedLibraries(cacheDir), cacheDir,
                            run, services, timeout, ports.database()),
                    started -> started.endpoint().host() + ":" + started.endpoint().port()), pool);

            KafkaBroker.Plan kafkaPlan = KafkaBroker.plan(run, ports.kafka());
            CompletableFuture<List<Path>> brokerClasspath = CompletableFuture.supplyAsync(() -> KafkaJars.broker(artifacts,
                    settings.kafkaVersion()), pool);
            CompletableFuture<KafkaBroker> broker = brokerClasspath.thenApplyAsync(classpath -> progress.step("kafka",
                    () -> kafka = KafkaBroker.start(kafkaPlan, classpath, archives, services, run, timeout),
                    KafkaBroker::bootstrapServers), pool);

            CompletableFuture<List<Path>> connectClasspath = CompletableFuture.supplyAsync(() -> KafkaJars.connect(artifacts,
                    settings.connectVersion()), pool);
            boolean warmUp = settings.flag(Settings.Key.CONNECT_WARM_UP);
            CompletableFuture<PluginPath> plugins = CompletableFuture.supplyAsync(() -> pluginPath(artifacts, cacheDir, warmUp), pool);
            CompletableFuture<ConnectWorker> worker = connectClasspath.thenCombine(plugins, (classpath, pluginPath) -> progress.step("connect",
                    () -> connect = ConnectWorker.start(kafkaPlan.bootstrapServers(), workerOptions(pluginPath), classpath, archives,
                            run, services, timeout, warmUp ? DebeziumWarmUp.whenDatabaseIsUp(db.thenApply(EmbeddedDatabase::endpoint),
                                    pluginPath.debezium().connectorClass()) : null),
                    ConnectWorker::url));

            awaitAllOrFirstFailure(List.of(db, broker, worker));
            if (settings.flag(Settings.Key.DATABASE_PROXY)) {
                proxy = io.cdcharness.stack.TcpProxy.start("127.0.0.1", database.endpoint().port());
            }
            progress.ready();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } finally {
            // After a failure the other services may still be starting: let their threads finish (each
            // stops at the interrupt) so that close() sees every process they started.
            pool.shutdownNow();
            try {
                pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The java command of Kafka and Connect: {@code cdc.services.java}, checked, else the one of this JVM. On Java 25
     * they start from an AOT cache: sooner, but they then took more memory and moved bulk loads more slowly here
     * (README, Kafka and Connect on Java 25).
     */
    private static Path servicesJava(Settings settings) {
        String configured = settings.get(Settings.Key.SERVICES_JAVA);
        if (configured.isBlank()) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        Path java = Path.of(configured);
        if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
            throw new StackBootException("kafka", Settings.Key.SERVICES_JAVA.property() + "=" + configured + " is not an executable java"
                    + " command, so Kafka and Connect cannot start. Point it at the java of a Java 17 or newer (such as"
                    + " /usr/lib/jvm/java-17-openjdk-amd64/bin/java), or leave it empty to run them on the Java the harness runs on.", null);
        }
        return java;
    }

    /** Waits for every service, but gives up at the first failure instead of waiting for the others. */
    private static void awaitAllOrFirstFailure(List<CompletableFuture<?>> services) {
        CompletableFuture<Void> failed = new CompletableFuture<>();
        services.forEach(service -> service.whenComplete((ignored, error) -> {
            if (error != null) {
                failed.completeExceptionally(error);
            }
        }));
        CompletableFuture.anyOf(CompletableFuture.allOf(services.toArray(CompletableFuture[]::new)), failed).join();
    }

    /** The worker's plugin.path, the Debezium connector on it, and the worker keys its plugins need. */
    private record PluginPath(List<Path> directories, DebeziumPlugins.Selection debezium, Map<String, String> workerConfig) {
    }

    private PluginPath pluginPath(MavenArtifacts artifacts, Path cacheDir, boolean warmUp) {
        List<Path> path = new ArrayList<>();
        DebeziumPlugins.Selection debezium = DebeziumPlugins.install(artifacts, cacheDir, settings.debeziumVersion(), settings.database());
        List<Path> plugins = new ArrayList<>(List.of(debezium.pluginDirectory()));
        if (io.cdcharness.stack.Versions.of(settings.connectVersion()).atLeast(3, 0)) {
            plugins.add(ApicurioConverterPlugin.install(artifacts, cacheDir)); // Avro, when a connector asks for it
        }
        Path root = ConnectPlugins.linked(run.root().resolve("connect-plugins"), plugins);
        path.add(root);
        Map<String, String> workerConfig = warmUp && ParserWarmUpPlugin.writeInto(root) ? ParserWarmUpPlugin.workerConfig(debezium) : Map.of();
        for (String extra : userPluginPath()) {
            Path dir = Path.of(extra).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                throw new StackBootException("connect", "the plugin directory " + dir + " named in "
                        + Settings.Key.CONNECT_PLUGIN_PATH.property() + " does not exist", null);
            }
            path.add(dir);
        }
        return new PluginPath(path, debezium, workerConfig);
    }

    private List<String> userPluginPath() {
        String configured = settings.get(Settings.Key.CONNECT_PLUGIN_PATH);
        return configured.isEmpty() ? List.of() : Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private ConnectWorker.Options workerOptions(PluginPath pluginPath) {
        List<Path> userPlugins = userPluginPath().stream().map(dir -> Path.of(dir).toAbsolutePath()).toList();
        return new ConnectWorker.Options(settings.get(Settings.Key.CONNECT_GROUP_ID), connectStorageTopics(), pluginPath.directories(),
                pluginPath.workerConfig(),
                !PluginManifests.allDeclared(userPlugins), settings.get(Settings.Key.CONNECT_OFFSET_FLUSH),
                PortPlan.of(settings.get(Settings.Key.PORTS)).connect(), settings.get(Settings.Key.CONNECT_EXACTLY_ONCE),
                ConnectRuntime.jvmOptions(settings, run.service("connect")));
    }

    /** The database as scenarios reach it, and as connectors reach it: through the harness's proxy when there is one. */
    @Override
    public DatabaseEndpoint database() {
        DatabaseEndpoint direct = database.endpoint();
        return proxy == null ? direct : new DatabaseEndpoint(direct.flavor(), direct.host(), direct.port(), "127.0.0.1", proxy.port(),
                direct.user(), direct.password(), direct.serverId());
    }

    @Override
    public io.cdcharness.stack.StackFaults faults() {
        return new EmbeddedFaults(service -> switch (service) {
            case DATABASE -> database.process();
            case KAFKA -> kafka.process();
            case CONNECT -> connect.process();
        }, proxy, services, settings.bootTimeout());
    }

    @Override
    public synchronized String ensureSchemaRegistry() {
        if (registry == null) {
            String version = settings.get(Settings.Key.REGISTRY_VERSION);
            io.cdcharness.stack.HarnessLog.info("starting the schema registry (Apicurio Registry " + version + "): a connector uses Avro");
            long started = System.nanoTime();
            registry = RegistryProcess.start(new MavenArtifacts(io.cdcharness.stack.maven.ServerArtifacts.forCache(settings.cacheDir(),
                    settings.get(Settings.Key.MAVEN_REPOSITORY))), settings.cacheDir(), version,
                    settings.get(Settings.Key.REGISTRY_JAVA_HOME), run, services, settings.bootTimeout());
            io.cdcharness.stack.HarnessLog.info("  registry ready in " + Durations.format(Duration.ofNanos(System.nanoTime() - started))
                    + "  " + registry.url());
        }
        return registry.url();
    }

    @Override
    public Optional<String> schemaRegistryUrl() {
        RegistryProcess running = registry;
        return running == null ? Optional.empty() : Optional.of(running.url());
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String connectUrl() {
        return connect.url();
    }

    @Override
    public Optional<String> connectJmxUrl() {
        return Optional.of(connect.jmxUrl());
    }

    @Override
    public ConnectStorageTopics connectStorageTopics() {
        return ConnectStorageTopics.withPrefix(settings.get(Settings.Key.CONNECT_STORAGE_PREFIX));
    }

    @Override
    public Map<String, Path> logs() {
        Map<String, Path> logs = new LinkedHashMap<>();
        if (database != null) {
            logs.put(database.process().service(), database.process().log());
        }
        if (kafka != null) {
            logs.put("kafka", kafka.process().log());
        }
        if (connect != null) {
            logs.put("connect", connect.process().log());
        }
        if (registry != null) {
            logs.put("registry", registry.process().log());
        }
        return logs;
    }

    @Override
    public String describe() {
        return "embedded stack (" + settings.database().displayName() + " " + settings.databaseVersion() + ", Kafka " + settings.kafkaVersion()
                + ", Connect " + settings.connectVersion() + " + Debezium " + settings.debeziumVersion() + ") in " + run.root();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (proxy != null) {
            proxy.close();
        }
        services.stopAll(Duration.ofSeconds(3));
        run.delete();
        reaper.close();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // the JVM is shutting down already
            }
        }
    }
}
