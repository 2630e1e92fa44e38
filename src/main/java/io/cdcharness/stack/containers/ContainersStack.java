package io.cdcharness.stack.containers;

import io.cdcharness.stack.CdcStack;
import io.cdcharness.stack.ConnectStorageTopics;
import io.cdcharness.stack.DatabaseEndpoint;
import io.cdcharness.stack.DatabaseFlavor;
import io.cdcharness.stack.Durations;
import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.Settings;
import io.cdcharness.stack.StackBootException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The stack of the seed's docker-compose, in Testcontainers: the database ({@code MySQLContainer} or
 * {@code MariaDBContainer}) as {@code originDB}, Kafka ({@code KafkaContainer}) as {@code kafka}, and a
 * Kafka Connect worker with Debezium following the {@code quay.io/debezium/connect} environment
 * contract, all on one network. The seed's connector JSON resolves with its own host names here.
 *
 * <pre>{@code
 * -Dcdc.stack=containers                       # public images: mysql:8.0, apache/kafka:4.1.1, quay.io/debezium/connect:3.4.0.Final
 * -Dcdc.image.connect=my-registry/connect:3.4  # any image name is a setting
 * }</pre>
 */
public final class ContainersStack implements CdcStack {
    static final String DATABASE_ALIAS = "originDB";
    static final String KAFKA_ALIAS = "kafka";
    static final String REGISTRY_ALIAS = "registry";
    static final String KAFKA_INTERNAL_LISTENER = KAFKA_ALIAS + ":19092";
    private static final String OWNER_LABEL = "io.cdcharness.owner-pid";

    private final Settings settings;
    private final Network network;
    private final Path logDir;
    private final Map<String, Path> logs = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile JdbcDatabaseContainer<?> database;
    private volatile KafkaContainer kafka;
    private volatile GenericContainer<?> connect;
    private volatile GenericContainer<?> registry;
    private volatile long serverId;
    private ContainersFaults faults;
    private final Thread shutdownHook = new Thread(this::close, "cdc-harness-containers-shutdown");
    private volatile boolean closed;

    private ContainersStack(Settings settings, Network network, Path logDir) {
        this.settings = settings;
        this.network = network;
        this.logDir = logDir;
    }

    public static ContainersStack start(Settings settings) {
        requireDocker();
        ContainerSweeper.removeAbandoned(OWNER_LABEL);
        Path logDir;
        try {
            logDir = Files.createTempDirectory("cdc-harness-containers-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ContainersStack stack = new ContainersStack(settings, Network.newNetwork(), logDir);
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private static void requireDocker() {
        // A quick look at the engine's socket first: Testcontainers' own discovery can take minutes to give up.
        String unreachable = DockerEndpoint.fromEnvironment().whyUnreachable().orElse(null);
        if (unreachable != null) {
            throw new StackBootException("docker", "Docker is not reachable (" + unreachable + "). The containers stack needs a "
                    + "running Docker engine; start it (sudo systemctl start docker), or run without Docker: -Dcdc.stack=embedded.", null);
        }
        boolean available;
        String reason = "";
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            available = false;
            reason = " (" + e.getMessage() + ")";
        }
        if (!available) {
            throw new StackBootException("docker", "Docker is not reachable" + reason + ". The containers stack needs a running "
                    + "Docker engine; start it (sudo systemctl start docker), or run without Docker: -Dcdc.stack=embedded.", null);
        }
    }

    private volatile io.cdcharness.stack.BootPhases.Boot bootRecord;

    private void boot() {
        DatabaseFlavor flavor = settings.database();
        Duration timeout = settings.bootTimeout();
        long begin = System.nanoTime();
        bootRecord = io.cdcharness.stack.BootPhases.begin("containers stack, " + flavor.displayName());
        HarnessLog.info("booting the containers stack: " + image(flavor == DatabaseFlavor.MYSQL ? Settings.Key.IMAGE_MYSQL : Settings.Key.IMAGE_MARIADB)
                + ", " + image(Settings.Key.IMAGE_KAFKA) + ", " + image(Settings.Key.IMAGE_CONNECT) + " (logs in " + logDir + ")");
        try {
            CompletableFuture<Void> db = CompletableFuture.runAsync(() -> timed(begin, flavor.name().toLowerCase(), () -> startDatabase(flavor, timeout)));
            CompletableFuture<Void> broker = CompletableFuture.runAsync(() -> timed(begin, "kafka", () -> startKafka(timeout)));
            CompletableFuture<Void> worker = broker.thenRunAsync(() -> timed(begin, "connect", () -> startConnect(timeout)));
            CompletableFuture.allOf(db, worker).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        bootRecord.ready(Duration.ofNanos(System.nanoTime() - begin));
        HarnessLog.info("stack ready in " + Durations.format(Duration.ofNanos(System.nanoTime() - begin)));
    }

    private void timed(long begin, String service, Runnable start) {
        long started = System.nanoTime();
        try {
            start.run();
        } catch (RuntimeException e) {
            if (e instanceof StackBootException) {
                throw e;
            }
            throw new StackBootException(service, e.getMessage() + rootCause(e), logs.get(service), e);
        }
        bootRecord.phase(service, Duration.ofNanos(started - begin), Duration.ofNanos(System.nanoTime() - started));
        HarnessLog.info(String.format(java.util.Locale.ROOT, "  %-8s ready at %-7s (took %s)", service,
                Durations.format(Duration.ofNanos(System.nanoTime() - begin)), Durations.format(Duration.ofNanos(System.nanoTime() - started))));
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private void startDatabase(DatabaseFlavor flavor, Duration timeout) {
        JdbcDatabaseContainer<?> container = flavor == DatabaseFlavor.MYSQL
                ? new MySQLContainer(DockerImageName.parse(image(Settings.Key.IMAGE_MYSQL)).asCompatibleSubstituteFor("mysql"))
                : new MariaDBContainer(DockerImageName.parse(image(Settings.Key.IMAGE_MARIADB)).asCompatibleSubstituteFor("mariadb"));
        container.withUsername("root").withPassword("root")
                .withNetwork(network).withNetworkAliases(DATABASE_ALIAS)
                .withCopyFileToContainer(MountableFile.forHostPath(io.cdcharness.stack.Fixtures.binlogSettings(settings, logDir, "database")), "/etc/mysql/conf.d/cdc-harness.cnf")
                .withLabels(ownerLabels())
                .withStartupTimeout(timeout)
                .withLogConsumer(new FileLogConsumer(log(flavor.name().toLowerCase())));
        fixHostPort(container, 3306);
        database = container;
        container.start();
        serverId = queryServerId(container);
    }

    private void startKafka(Duration timeout) {
        KafkaContainer container = new KafkaBrokerContainer(DockerImageName.parse(image(Settings.Key.IMAGE_KAFKA)).asCompatibleSubstituteFor("apache/kafka"))
                .withNetwork(network).withNetworkAliases(KAFKA_ALIAS)
                .withListener(KAFKA_INTERNAL_LISTENER)
                .withLabels(ownerLabels())
                .withStartupTimeout(timeout);
        container.withLogConsumer(new FileLogConsumer(log("kafka")));
        fixHostPort(container, 9092);
        kafka = container;
        container.start();
    }

    private void startConnect(Duration timeout) {
        ConnectStorageTopics topics = connectStorageTopics();
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image(Settings.Key.IMAGE_CONNECT)))
                .withNetwork(network).withNetworkAliases("connect")
                .withEnv("BOOTSTRAP_SERVERS", KAFKA_INTERNAL_LISTENER)
                .withEnv("GROUP_ID", settings.get(Settings.Key.CONNECT_GROUP_ID))
                .withEnv("CONFIG_STORAGE_TOPIC", topics.config())
                .withEnv("OFFSET_STORAGE_TOPIC", topics.offset())
                .withEnv("STATUS_STORAGE_TOPIC", topics.status())
                .withEnv("CONNECT_KEY_CONVERTER", "org.apache.kafka.connect.json.JsonConverter")
                .withEnv("CONNECT_VALUE_CONVERTER", "org.apache.kafka.connect.json.JsonConverter")
                .withEnv("CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR", "1")
                .withEnv("CONNECT_OFFSET_STORAGE_REPLICATION_FACTOR", "1")
                .withEnv("CONNECT_STATUS_STORAGE_REPLICATION_FACTOR", "1")
                .withEnv("CONNECT_OFFSET_FLUSH_INTERVAL_MS", settings.get(Settings.Key.CONNECT_OFFSET_FLUSH))
                .withEnv("CONNECT_SCHEDULED_REBALANCE_MAX_DELAY_MS", "0")
                .withEnv("CONNECT_PRODUCER_LINGER_MS", "0") // Kafka 4 producers wait 5 ms to fill a batch (KIP-1030)
                .withEnv("ENABLE_APICURIO_CONVERTERS", "true") // Avro, when a connector asks for it (debezium/connect's contract)
                .withExposedPorts(8083)
                .withLabels(ownerLabels())
                .waitingFor(Wait.forHttp("/connectors").forPort(8083).forStatusCode(200)
                        .withReadTimeout(Duration.ofSeconds(2)).withStartupTimeout(timeout))
                .withLogConsumer(new FileLogConsumer(log("connect")));
        fixHostPort(container, 8083);
        connect = container;
        container.start();
    }

    /**
     * Binds the container's port to a free port of 127.0.0.1 chosen now, instead of a random one at each
     * start: a container killed and started again (a fault) comes back on the same port.
     */
    private static void fixHostPort(GenericContainer<?> container, int containerPort) {
        int hostPort = freePort();
        container.withCreateContainerCmdModifier(command -> {
            com.github.dockerjava.api.model.HostConfig hostConfig = command.getHostConfig() == null
                    ? com.github.dockerjava.api.model.HostConfig.newHostConfig() : command.getHostConfig();
            java.util.List<com.github.dockerjava.api.model.PortBinding> bindings = new java.util.ArrayList<>();
            if (hostConfig.getPortBindings() != null) {
                hostConfig.getPortBindings().getBindings().forEach((exposed, binds) -> {
                    if (exposed.getPort() != containerPort && binds != null) {
                        for (com.github.dockerjava.api.model.Ports.Binding bind : binds) {
                            bindings.add(new com.github.dockerjava.api.model.PortBinding(bind, exposed));
                        }
                    }
                });
            }
            bindings.add(new com.github.dockerjava.api.model.PortBinding(
                    com.github.dockerjava.api.model.Ports.Binding.bindIpAndPort("127.0.0.1", hostPort),
                    com.github.dockerjava.api.model.ExposedPort.tcp(containerPort)));
            command.withHostConfig(hostConfig.withPortBindings(bindings));
        });
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on 127.0.0.1", e);
        }
    }

    @Override
    public io.cdcharness.stack.StackFaults faults() {
        Map<io.cdcharness.stack.StackFaults.Service, java.util.concurrent.Callable<Boolean>> ready = Map.of(
                io.cdcharness.stack.StackFaults.Service.DATABASE, () -> {
                    try (Connection ignored = DriverManager.getConnection(jdbcUrl(database.getHost(), database.getMappedPort(3306)), "root", "root")) {
                        return true;
                    }
                },
                io.cdcharness.stack.StackFaults.Service.KAFKA, () -> {
                    try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                            "bootstrap.servers", kafka.getBootstrapServers(), "request.timeout.ms", "2000", "default.api.timeout.ms", "3000"))) {
                        admin.listTopics().names().get(3, java.util.concurrent.TimeUnit.SECONDS);
                        return true;
                    }
                },
                io.cdcharness.stack.StackFaults.Service.CONNECT,
                () -> io.cdcharness.stack.ConnectReadiness.hasStarted(java.net.http.HttpClient.newHttpClient(), connectUrl()));
        Map<io.cdcharness.stack.StackFaults.Service, Path> serviceLogs = new java.util.EnumMap<>(io.cdcharness.stack.StackFaults.Service.class);
        serviceLogs.put(io.cdcharness.stack.StackFaults.Service.DATABASE, logs.get(settings.database().name().toLowerCase()));
        serviceLogs.put(io.cdcharness.stack.StackFaults.Service.KAFKA, logs.get("kafka"));
        serviceLogs.put(io.cdcharness.stack.StackFaults.Service.CONNECT, logs.get("connect"));
        synchronized (this) {
            if (faults == null) {
                faults = new ContainersFaults(describe(), service -> switch (service) {
                    case DATABASE -> database;
                    case KAFKA -> kafka;
                    case CONNECT -> connect;
                }, ready, serviceLogs, settings.bootTimeout());
            }
            return faults;
        }
    }

    private static Map<String, String> ownerLabels() {
        return Map.of(OWNER_LABEL, Long.toString(ProcessHandle.current().pid()), ContainerSweeper.HOST_LABEL, ContainerSweeper.hostName());
    }

    private String image(Settings.Key key) {
        return settings.get(key);
    }

    private Path log(String service) {
        Path log = logDir.resolve(service + ".log");
        logs.put(service, log);
        return log;
    }

    private static long queryServerId(JdbcDatabaseContainer<?> container) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(container.getHost(), container.getMappedPort(3306)), "root", "root");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT @@server_id")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new StackBootException("database", "the container runs but JDBC could not read @@server_id: " + e.getMessage(), null, e);
        }
    }

    private static String jdbcUrl(String host, int port) {
        return "jdbc:mysql://" + host + ":" + port + "/?allowPublicKeyRetrieval=true&useSSL=false";
    }

    @Override
    public DatabaseEndpoint database() {
        return new DatabaseEndpoint(settings.database(), database.getHost(), database.getMappedPort(3306), DATABASE_ALIAS, 3306,
                "root", "root", serverId);
    }

    /** Starts the registry container (alias {@code registry} on the stack's network) the first time a connector needs it. */
    @Override
    public synchronized String ensureSchemaRegistry() {
        if (registry == null) {
            HarnessLog.info("starting the schema registry (" + image(Settings.Key.IMAGE_REGISTRY) + "): a connector uses Avro");
            long started = System.nanoTime();
            GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image(Settings.Key.IMAGE_REGISTRY)))
                    .withNetwork(network).withNetworkAliases(REGISTRY_ALIAS)
                    .withExposedPorts(8080)
                    .withLabels(ownerLabels())
                    .waitingFor(Wait.forHttp("/apis/ccompat/v7/subjects").forPort(8080).forStatusCode(200)
                            .withReadTimeout(Duration.ofSeconds(2)).withStartupTimeout(settings.bootTimeout()))
                    .withLogConsumer(new FileLogConsumer(log("registry")));
            registry = container;
            try {
                container.start();
            } catch (RuntimeException e) {
                throw new StackBootException("registry", e.getMessage() + rootCause(e), logs.get("registry"), e);
            }
            HarnessLog.info("  registry ready in " + Durations.format(Duration.ofNanos(System.nanoTime() - started)) + "  "
                    + schemaRegistryUrl().orElseThrow());
        }
        return schemaRegistryUrl().orElseThrow();
    }

    @Override
    public Optional<String> schemaRegistryUrl() {
        GenericContainer<?> running = registry;
        return running == null ? Optional.empty() : Optional.of("http://" + running.getHost() + ":" + running.getMappedPort(8080));
    }

    @Override
    public Optional<String> schemaRegistryUrlForConnect() {
        return registry == null ? Optional.empty() : Optional.of("http://" + REGISTRY_ALIAS + ":8080");
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String kafkaBootstrapServersForConnect() {
        return KAFKA_INTERNAL_LISTENER;
    }

    @Override
    public String connectUrl() {
        return "http://" + connect.getHost() + ":" + connect.getMappedPort(8083);
    }

    @Override
    public Optional<String> connectJmxUrl() {
        return Optional.empty();
    }

    @Override
    public ConnectStorageTopics connectStorageTopics() {
        return ConnectStorageTopics.withPrefix(settings.get(Settings.Key.CONNECT_STORAGE_PREFIX));
    }

    @Override
    public Map<String, Path> logs() {
        synchronized (logs) {
            return new LinkedHashMap<>(logs);
        }
    }

    @Override
    public String describe() {
        return "containers stack (" + settings.database().displayName() + ", " + image(Settings.Key.IMAGE_KAFKA) + ", "
                + image(Settings.Key.IMAGE_CONNECT) + ")";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (GenericContainer<?> container : List.of(Optional.<GenericContainer<?>>ofNullable(registry), Optional.ofNullable(connect), Optional.ofNullable(kafka),
                Optional.<GenericContainer<?>>ofNullable(database)).stream().flatMap(Optional::stream).toList()) {
            try {
                container.stop();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        try {
            network.close();
        } catch (RuntimeException ignored) {
            // never created, or already removed
        }
        io.cdcharness.stack.Directories.deleteTree(logDir);
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // shutting down
            }
        }
    }
}
