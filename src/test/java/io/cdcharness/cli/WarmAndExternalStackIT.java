package io.cdcharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcharness.assertions.Diagnostics;
import io.cdcharness.assertions.Eventually;
import io.cdcharness.connect.ConnectClient;
import io.cdcharness.kafka.KafkaTopics;
import io.cdcharness.sql.Database;
import io.cdcharness.stack.DatabaseEndpoint;
import io.cdcharness.stack.DatabaseFlavor;
import io.cdcharness.stack.Settings;
import io.cdcharness.stack.warm.WarmStacks;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One {@code ./cdc-harness up} serves two kinds of runs, each a real {@code ./cdc-harness run features/seed}:
 * <ul>
 *   <li>the external stack pointed at it by endpoints alone, with a connector, topics and a database
 *   planted before: they are left exactly as they were, and what the run created is gone after it;</li>
 *   <li>a run that attaches to it as a warm stack, instead of booting.</li>
 * </ul>
 * The {@code up} runs a Connect group id of its own, so that no other run on the machine attaches to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarmAndExternalStackIT {
    private static final String GROUP = "warm-it";
    private static final String PLANTED_CONNECTOR = "planted-connector";
    private static final String PLANTED_TOPIC = "planted.planted_db.t";

    private final Path project = Path.of(System.getProperty("cdc.project.dir", "")).toAbsolutePath();
    private Process up;
    private Path upLog;
    private JsonNode record;
    private Path recordFile;

    @BeforeAll
    void startUp() throws Exception {
        assumeTrue("embedded".equals(System.getProperty("cdc.stack", "embedded")) && "mysql".equals(System.getProperty("cdc.database", "mysql")),
                "runs once, on the embedded stack with MySQL");
        upLog = Files.createTempFile("cdc-harness-up-warm-", ".log");
        up = new ProcessBuilder("bash", project.resolve("cdc-harness").toString(), "up", "--no-registry",
                "--set", "cdc.connect.group.id=" + GROUP)
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(upLog.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!Files.readString(upLog).contains("Press Ctrl-C")) {
            if (!up.isAlive()) {
                throw new AssertionError("./cdc-harness up ended with exit " + up.exitValue() + ":\n" + Files.readString(upLog));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("./cdc-harness up was not up within 5 minutes:\n" + Files.readString(upLog));
            }
            up.waitFor(200, TimeUnit.MILLISECONDS);
        }
        recordFile = Settings.load().cacheDir().resolve("warm").resolve(up.pid() + ".json"); // the script execs java: same pid
        assertThat(recordFile).as("the warm stack record of up (pid " + up.pid() + ")").exists();
        record = new ObjectMapper().readTree(recordFile.toFile());
        assertThat(Files.getPosixFilePermissions(recordFile)).as("the record holds the database password: its owner reads it only")
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @AfterAll
    void stopUp() throws Exception {
        if (up == null) {
            return;
        }
        up.destroy(); // SIGTERM: up removes its record, stops the stack and removes everything
        if (!up.waitFor(60, TimeUnit.SECONDS)) {
            up.destroyForcibly();
        }
        System.out.println(Files.readString(upLog));
        Files.deleteIfExists(upLog);
        assertThat(recordFile).as("up removes its warm stack record when it stops").doesNotExist();
    }

    private DatabaseEndpoint database() {
        return new DatabaseEndpoint(DatabaseFlavor.MYSQL, record.get("databaseHost").asText(), record.get("databasePort").asInt(),
                record.get("databaseHostForConnect").asText(), record.get("databasePortForConnect").asInt(),
                record.get("databaseUser").asText(), record.get("databasePassword").asText(), record.get("databaseServerId").asLong());
    }

    private String kafka() {
        return record.get("kafkaBootstrapServers").asText();
    }

    private ConnectClient connect() {
        return new ConnectClient(record.get("connectUrl").asText());
    }

    private static Eventually within(Duration timeout) {
        return Eventually.within(timeout, Diagnostics.NONE);
    }

    @Test
    @Order(0)
    void upWarmsTheWorkerUpAndLeavesNothingOfItBehind() throws Exception {
        assertThat(Files.readString(upLog)).as("up's output").contains("warmed up the Connect worker");
        try (Database session = new Database(database()); KafkaTopics topics = new KafkaTopics(kafka())) {
            assertThat(connect().connectors()).as("the connectors on up's worker after its warm-up").isEmpty();
            assertThat(topics.list()).as("the topics on up's broker after its warm-up")
                    .noneMatch(topic -> topic.contains("cdc-harness-warm-up"));
            assertThat(session.userDatabases()).as("the databases on up's server after its warm-up").isEmpty();
        }
    }

    @Test
    @Order(1)
    void theExternalStackRunsTheSeedFeaturesAndLeavesWhatWasThereAlone() throws Exception {
        DatabaseEndpoint database = database();
        try (Database session = new Database(database); KafkaTopics topics = new KafkaTopics(kafka())) {
            session.execute("CREATE DATABASE planted_db; CREATE TABLE planted_db.t (id INT PRIMARY KEY, v VARCHAR(10)); "
                    + "INSERT INTO planted_db.t VALUES (1, 'keep')");
            Map<String, String> planted = new LinkedHashMap<>();
            planted.put("connector.class", "io.debezium.connector.mysql.MySqlConnector");
            planted.put("database.hostname", database.hostForConnect());
            planted.put("database.port", Integer.toString(database.portForConnect()));
            planted.put("database.user", database.user());
            planted.put("database.password", database.password());
            planted.put("database.server.id", "7777");
            planted.put("topic.prefix", "planted");
            planted.put("database.include.list", "planted_db");
            planted.put("schema.history.internal.kafka.bootstrap.servers", kafka());
            planted.put("schema.history.internal.kafka.topic", "planted-history");
            connect().create(PLANTED_CONNECTOR, planted);
            Map<TopicPartition, Long> plantedEnds = within(Duration.ofSeconds(60)).until("the planted connector's snapshot of planted_db.t",
                    () -> {
                        Map<TopicPartition, Long> ends = topics.endOffsets(PLANTED_TOPIC);
                        return ends.values().stream().mapToLong(Long::longValue).sum() == 1 ? Eventually.Attempt.success(ends)
                                : Eventually.Attempt.failure("end offsets " + ends);
                    });
            List<String> topicsBefore = new ArrayList<>(topics.listNonInternal());

            String out = run("--set", "cdc.stack=external",
                    "--set", "cdc.external.jdbc.url=jdbc:mysql://" + database.host() + ":" + database.port() + "/",
                    "--set", "cdc.external.jdbc.user=" + database.user(),
                    "--set", "cdc.external.jdbc.password=${env:WARM_IT_DB_PASSWORD}",
                    "--set", "cdc.external.database.for.connect=" + database.hostForConnect() + ":" + database.portForConnect(),
                    "--set", "cdc.external.kafka.bootstrap.servers=" + kafka(),
                    "--set", "cdc.external.connect.url=" + record.get("connectUrl").asText());
            assertThat(out).contains("this run removes only what it creates; it leaves alone what was there before it: 1 connector(s) ["
                    + PLANTED_CONNECTOR + "]").contains("scenarios: 4 passed, 0 failed").contains("removed what this run created");

            assertThat(connect().status(PLANTED_CONNECTOR).isFullyRunning()).as(connect().status(PLANTED_CONNECTOR).describe()).isTrue();
            assertThat(connect().connectors()).as("the run's own connector is gone, the planted one stays").containsExactly(PLANTED_CONNECTOR);
            assertThat(topics.endOffsets(PLANTED_TOPIC)).as("the planted topic keeps its record").isEqualTo(plantedEnds);
            assertThat(topics.listNonInternal()).as("the run's own topics are gone, the planted ones stay")
                    .containsExactlyInAnyOrderElementsOf(topicsBefore);
            assertThat(session.query("SELECT v FROM planted_db.t WHERE id = 1")).extracting(row -> row.get("v")).containsExactly("keep");
            assertThat(session.userDatabases()).as("the run's databases are gone, the planted one stays").containsExactly("planted_db");
        }
    }

    @Test
    @Order(2)
    void aRunAttachesToTheWarmStackInsteadOfBooting() throws Exception {
        long started = System.nanoTime();
        String out = run("--set", "cdc.connect.group.id=" + GROUP);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(out).contains("attached to the warm stack of pid " + up.pid()).doesNotContain("booting an own stack")
                .contains("scenarios: 4 passed, 0 failed");
        // up only keeps the stack: its own recorder must not read the run's topics (it used to record them all, and
        // then fetch the deleted ones in a loop, logging "unknown topic or partition" and keeping a core busy).
        assertThat(Files.readString(upLog)).as("the log of up").doesNotContain("clientId=cdc-harness-recorder");
        System.out.printf("./cdc-harness run features/seed on the warm stack: %.1f s from launch to its end%n", seconds);
    }

    @Test
    @Order(3)
    void aRunWithOtherSettingsOrWhileTheStackIsInUseSaysWhyItWouldBoot() {
        Settings same = Settings.of(Map.of("cdc.connect.group.id", GROUP, "cdc.project.dir", project.toString()));
        WarmStacks.Attempt first = WarmStacks.attach(same);
        assertThat(first.stack()).as(first.why()).isPresent();
        try {
            WarmStacks.Attempt second = WarmStacks.attach(same);
            assertThat(second.stack()).isEmpty();
            assertThat(second.why()).contains("the warm stack of pid " + up.pid() + " is in use by another run (one run attaches at a time)");
        } finally {
            first.stack().get().close();
        }
        WarmStacks.Attempt other = WarmStacks.attach(Settings.of(Map.of("cdc.connect.group.id", GROUP,
                "cdc.debezium.version", "3.3.2.Final", "cdc.project.dir", project.toString())));
        assertThat(other.stack()).isEmpty();
        assertThat(other.why()).contains("the warm stack of pid " + up.pid() + " differs: it runs cdc.debezium.version=3.4.0.Final, "
                + "this run asks for 3.3.2.Final");
    }

    /** {@code ./cdc-harness run features/seed} with these arguments, in a shell as a user types it; its output. */
    private String run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", project.resolve("cdc-harness").toString(), "run", "features/seed"));
        Path reports = Files.createTempDirectory("cdc-harness-warm-it-reports-");
        command.addAll(List.of("--reports", reports.toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("cdc-harness-warm-it-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("WARM_IT_DB_PASSWORD", record.get("databasePassword").asText());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish in 5 minutes: " + command + "\n" + Files.readString(output));
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println("$ " + String.join(" ", command) + "\n" + out);
            assertThat(process.exitValue()).as("exit of " + command + " (its reports: " + reports + ")\n" + out).isZero();
            deleteRecursively(reports); // kept for a look when the run failed
            return out;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
