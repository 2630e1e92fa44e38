package io.cdcharness.cli;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seed article's walkthrough, replayed with its own commands against {@code ./cdc-harness up --seed}
 * (Debezium 1.5.0.Final in a Kafka Connect 2.7.0 worker, seed ports): the plugin list with curl, the
 * DDL and DML through a mysql client ({@code ./cdc-harness sql}: the MySQL server jar ships no
 * {@code mysql} binary), the connector JSON POSTed <b>verbatim</b> (hosts {@code originDB} and
 * {@code kafka:9092}, Debezium 1.x keys), the status, the console consumer on {@code originDB} and the
 * topic list. Each command runs as a user would type it, in a shell.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArticleWalkthroughIT {
    /** The article's POST, character for character. */
    static final String ARTICLE_POST = """
            curl -X POST -H "Content-Type: application/json" \\
            --data '{
            "name": "my-source-connector",
            "config": {
            "connector.class": "io.debezium.connector.mysql.MySqlConnector",
            "tasks.max": "1",
            "database.hostname": "originDB",
            "database.port": "3306",
            "database.user": "root",
            "database.password": "root",
            "database.server.id": "1",
            "database.allowPublicKeyRetrieval" : "true",
            "database.server.name" : "originDB",
            "database.include.list" : "user, admin",
            "database.history.kafka.bootstrap.servers" : "kafka:9092",
            "database.history.kafka.topic" : "my-source-connector-history",
            "include.schema.changes" : "true"
            }
            }' \\
            http://localhost:8083/connectors
            """;

    /** The article's mysql session (its user_role is typed "roll" once, and "role" in its own output; "role" here). */
    static final String ARTICLE_SQL = """
            create database user;
            use user;
            create table user_account (
               uid int,
               name varchar(255)
            );
            create table user_role (
            account_id int,
            role varchar(255)
            );
            insert into user_account(uid, name) values(1, 'jack');
            insert into user_role(account_id, role) values(1, 'normal');
            select * from user_account;
            select * from user_role;
            """;

    private final Path project = Path.of(System.getProperty("cdc.project.dir", "")).toAbsolutePath();
    private Process up;
    private Path upLog;

    @BeforeAll
    void startTheArticlesStack() throws Exception {
        assumeTrue("embedded".equals(System.getProperty("cdc.stack", "embedded")) && "mysql".equals(System.getProperty("cdc.database", "mysql")),
                "the article's walkthrough runs on the embedded stack with MySQL");
        upLog = Files.createTempFile("cdc-harness-up-seed-", ".log");
        up = new ProcessBuilder("bash", project.resolve("cdc-harness").toString(), "up", "--seed")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(upLog.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!Files.readString(upLog).contains("Press Ctrl-C")) {
            if (!up.isAlive()) {
                throw new AssertionError("./cdc-harness up --seed ended with exit " + up.exitValue() + ":\n" + Files.readString(upLog));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("./cdc-harness up --seed was not up within 5 minutes:\n" + Files.readString(upLog));
            }
            up.waitFor(200, TimeUnit.MILLISECONDS);
        }
        System.out.println(Files.readString(upLog));
    }

    @AfterAll
    void stop() throws Exception {
        if (up != null) {
            up.destroy(); // SIGTERM: up stops the stack and removes everything
            if (!up.waitFor(60, TimeUnit.SECONDS)) {
                up.destroyForcibly();
            }
            System.out.println(Files.readString(upLog));
            Files.deleteIfExists(upLog);
        }
    }

    @Test
    @Order(1)
    void theMysqlSessionCreatesTheDatabaseTablesAndRows() throws Exception {
        String out = shell("./cdc-harness sql -uroot -proot <<'SQL'\n" + ARTICLE_SQL + "SQL\n", "");
        assertThat(out).contains("Query OK, 1 row affected", "| uid | name |", "| 1   | jack |", "| account_id | role   |", "| 1          | normal |");
        String binlog = shell("./cdc-harness sql -uroot -proot -e \"SHOW VARIABLES LIKE 'log_bin'; SHOW GLOBAL VARIABLES LIKE 'binlog_format'\"", "");
        assertThat(binlog).contains("| log_bin       | ON    |", "| binlog_format | ROW   |");
    }

    @Test
    @Order(2)
    void theConnectorPluginsListTheArticlesDebezium() throws Exception {
        String out = shell("curl -s -X GET http://localhost:8083/connector-plugins", "");
        assertThat(out).contains("\"class\":\"io.debezium.connector.mysql.MySqlConnector\"", "\"version\":\"1.5.0.Final\"");
        assertThat(shell("curl -s http://localhost:8083/", "")).contains("\"version\":\"2.7.0\"");
    }

    @Test
    @Order(3)
    void theArticlesPostIsAcceptedVerbatim() throws Exception {
        String out = shell(ARTICLE_POST, "");
        assertThat(out).contains("\"name\":\"my-source-connector\"", "\"database.hostname\":\"originDB\"",
                "\"database.history.kafka.bootstrap.servers\":\"kafka:9092\"", "\"type\":\"source\"");
    }

    @Test
    @Order(4)
    void theConnectorAndItsTaskAreRunning() throws Exception {
        String[] status = {""};
        org.awaitility.Awaitility.await("my-source-connector and its task RUNNING (curl .../connectors?expand=status)")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    status[0] = shell("curl -s -X GET http://localhost:8083/connectors\\?expand\\=status", "");
                    assertThat(status[0]).doesNotContain("FAILED")
                            .contains("\"connector\":{\"state\":\"RUNNING\"", "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\"");
                });
    }

    @Test
    @Order(5)
    void theConsoleConsumerShowsTheSchemaChangesOfBothTables() throws Exception {
        // As in the article, the topics appear once the connector's snapshot has run: list them until they do.
        org.awaitility.Awaitility.await("topics originDB and originDB.user.user_account to exist (./cdc-harness topics --list)")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(shell("./cdc-harness topics --bootstrap-server localhost:9092 --list", "").lines().toList())
                        .contains("originDB", "originDB.user.user_account"));
        String out = shell("./cdc-harness consume --bootstrap-server localhost:9092 --topic originDB --from-beginning --max-messages 20 --timeout-ms 15000", "");
        assertThat(out).contains("1.5.0.Final", "CREATE DATABASE `user`", "CREATE TABLE `user_account`", "CREATE TABLE `user_role`");
        String rows = shell("./cdc-harness consume --bootstrap-server localhost:9092 --topic originDB.user.user_account --from-beginning "
                + "--max-messages 1 --timeout-ms 15000", "");
        assertThat(rows).contains("\"after\":{\"uid\":1,\"name\":\"jack\"}", "\"op\":\"r\"");
    }

    @Test
    @Order(6)
    void theTopicListHasTheArticlesTopics() throws Exception {
        String out = shell("./cdc-harness topics --bootstrap-server localhost:9092 --list", "");
        assertThat(out.lines().toList()).contains("my-source-connector-config", "my-source-connector-history", "my-source-connector-offset",
                "my-source-connector-status", "originDB", "originDB.user.user_account", "originDB.user.user_role");
    }

    private String shell(String command, String stdin) throws IOException, InterruptedException {
        Path output = Files.createTempFile("cdc-harness-walkthrough-", ".out");
        try {
            Process process = new ProcessBuilder("bash", "-c", command).directory(project.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("did not finish in 3 minutes: " + command + "\n" + Files.readString(output));
            }
            String out = Files.readString(output);
            System.out.println("$ " + command.strip() + "\n" + out);
            assertThat(process.exitValue()).as("exit of: " + command + "\n" + out).isZero();
            return out;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static List<String> lines(String text) {
        return new ArrayList<>(text.lines().toList());
    }
}
