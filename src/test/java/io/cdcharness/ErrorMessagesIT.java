package io.cdcharness;

import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.connect.ConnectRestException;
import io.cdcharness.sql.SqlStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue of failures a scenario author meets, against the real stack. Messages are user
 * interface: each test pins what the message must say.
 */
class ErrorMessagesIT {
    private static final String SHOP = "connectors/shop-connector.json";
    private final CdcHarness cdc = CdcHarness.shared();

    @BeforeEach
    void cleanSlate() {
        cdc.reset();
        cdc.execute("CREATE DATABASE shop; CREATE TABLE shop.customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(100))");
    }

    @Test
    void anSqlErrorShowsTheStatementAndTheServersMessage() {
        assertThatThrownBy(() -> cdc.database().execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'a');\nINSERT INTO shop.nope VALUES (2)"))
                .isInstanceOf(SqlStatementException.class)
                .hasMessageStartingWith("SQL statement 2 of 2 (line 2) failed on ")
                .hasMessageContaining("\n    INSERT INTO shop.nope VALUES (2)\n")
                .hasMessageContaining("The server said: [1146] Table 'shop.nope' doesn't exist (SQLState 42S02)")
                .hasMessageEndingWith("Statements before it in the same step have run; fix this one and run the scenario again.");
    }

    @Test
    void anSqlErrorInAFileNamesTheLineAndTheFile() {
        assertThatThrownBy(() -> cdc.executeSqlFixture("sql/shop-typo.sql"))
                .isInstanceOf(SqlStatementException.class)
                .hasMessageStartingWith("SQL statement 3 of 4 (line 13 of fixtures/sql/shop-typo.sql) failed on ")
                .hasMessageContaining("\n    INSERT INTO shop.custmers\n      VALUES (2, 'Bob', 'bob@example.com')\n")
                .hasMessageContaining("The server said: [1146] Table 'shop.custmers' doesn't exist (SQLState 42S02)")
                .hasMessageEndingWith("Statements before it in the same step have run; fix this one and run the scenario again.");
        assertThat(cdc.database().query("SELECT COUNT(*) AS n FROM shop.customers").get(0).get("n")).isEqualTo(1L);
    }

    @Test
    void aScriptTheClientWouldMisreadIsRefusedWithItsLine() {
        assertThatThrownBy(() -> cdc.database().execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'a');\n"
                + "INSERT INTO shop.customers VALUES (2, 'O'Brien', 'b');"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Line 2: the string that starts here with ' is never closed");
        assertThat(cdc.database().query("SELECT COUNT(*) AS n FROM shop.customers").get(0).get("n")).isEqualTo(0L);
    }

    @Test
    void aRejectedConnectorConfigListsConnectsFieldErrors() {
        assertThatThrownBy(() -> cdc.register(SHOP, Map.of("snapshot.mode", "sometimes")))
                .isInstanceOf(ConnectRestException.class)
                .hasMessageStartingWith("Kafka Connect refused POST /connectors for shop-connector with HTTP 400: ")
                .hasMessageContaining("Connect's validation of the connector config found 1 problem:\n  - snapshot.mode = sometimes (from the overrides): ")
                .hasMessageEndingWith("Fix these keys in the fixture or the overrides, as marked.");
    }

    @Test
    void aPortThatIsNoPortNamesTheKeyAndTheFixture() {
        assertThatThrownBy(() -> cdc.register("connectors/broken/shop-port-not-a-number.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The connector config has a value that cannot work anywhere:\n  - database.port = \"abc\" (in "
                        + cdc.fixture("connectors/broken/shop-port-not-a-number.json") + ") is not a port number from 1 to 65535; write one such as \"3306\"")
                .hasMessageEndingWith("Fix the value and run again.");
        assertThat(cdc.connect().connectors()).as("nothing was registered").isEmpty();
    }

    @Test
    void aBadValueFromTheOverridesSaysSo() {
        assertThatThrownBy(() -> cdc.register(SHOP, Map.of("database.hostname", "not a host!")))
                .hasMessageContaining("database.hostname = \"not a host!\" (in the overrides to " + cdc.fixture(SHOP)
                        + ") is not a host name or IP address");
    }

    @Test
    void passwordsAreMaskedInValidationErrors() {
        assertThatThrownBy(() -> cdc.register(SHOP, Map.of("database.password", "s3cret-wrong", "snapshot.mode", "sometimes")))
                .isInstanceOf(ConnectRestException.class)
                .hasMessageNotContaining("s3cret-wrong");
    }

    @Test
    void aFailedTaskShowsItsTrace() {
        cdc.register(SHOP);
        cdc.database().execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
        cdc.topic("shop.shop.customers").receives(EventExpectation.create().with("after.id", "1"));
        cdc.delete("shop-connector");                 // its offsets stay stored
        cdc.kafkaTopics().delete(List.of("shop-history"));
        cdc.eventually().until("shop-history to be deleted", () -> cdc.kafkaTopics().list().contains("shop-history")
                ? io.cdcharness.assertions.Eventually.Attempt.failure("still there") : io.cdcharness.assertions.Eventually.Attempt.success(true));

        assertThatThrownBy(() -> cdc.register(SHOP))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected connector \"shop-connector\" and its tasks to be RUNNING, but it failed.\n\nWhat was seen:\n"
                        + "  connector shop-connector: ")
                .hasMessageContaining("task 0: FAILED\n      trace:\n        io.debezium.DebeziumException: The db history topic is missing.")
                .hasMessageContaining("Service logs:\n")
                .hasMessageContaining("connect: ");
    }

    @Test
    void aCheckThatStillFailsOnceThePipelineSettledFailsAtOnceSayingHow() {
        cdc.register(SHOP);
        cdc.execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
        long started = System.nanoTime();
        assertThatThrownBy(() -> cdc.topic("shop.shop.customers").receives(EventExpectation.create().with("after.name", "Jill")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected topic \"shop.shop.customers\" to receive an event with op=c, after.name=Jill, "
                        + "but no record on the topic matches it once the pipeline had caught up with the binlog (connector \"shop-connector\" "
                        + "stored an offset past the binlog marker at ")
                .hasMessageContaining("so every record it wrote before it is in Kafka).\n\nWhat was seen:\n"
                        + "  topic \"shop.shop.customers\" holds 1 record:\n"
                        + "  #0 op=c key={\"id\":1} before=null after={\"id\":1,\"name\":\"Ann\",\"email\":\"ann@example.com\"} (offset 0, binlog ")
                .hasMessageContaining("       after.name: expected Jill but was \"Ann\"")
                .hasMessageContaining("connector shop-connector: RUNNING\n  task 0: RUNNING")
                .hasMessageContaining("Service logs:");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("failed once settled, long before cdc.timeout").isLessThan(cdc.timeout());
    }

    @Test
    void aTimeoutSaysWhatWasExpectedWhatWasSeenAndWhatTheSettlingWaitsFor() {
        // No heartbeats and nothing captured: the connector's offset can never pass the marker.
        cdc.register(SHOP, Map.of("heartbeat.interval.ms", "0", "database.include.list", "nothing_here"));
        cdc.execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
        assertThatThrownBy(() -> cdc.topic("shop.shop.customers", Duration.ofSeconds(2)).holdsCount(1))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected topic \"shop.shop.customers\" to hold exactly 1 record within 2.0 s, but it did not happen.\n\n"
                        + "What was seen:\n  topic \"shop.shop.customers\" has no records\n"
                        + "  (waiting for connector \"shop-connector\" to store an offset past the binlog marker at ")
                .hasMessageContaining("(Debezium's heartbeats carry it; heartbeat.interval.ms must be set)")
                .hasMessageContaining("connector shop-connector: RUNNING\n  task 0: RUNNING")
                .hasMessageEndingWith("(The timeout is cdc.timeout=2.0 s; raise it only if the pipeline is just slow.)");
    }

    @Test
    void aFurtherRecordIsNamedWithItsDuplicate() {
        cdc.register(SHOP);
        cdc.execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
        cdc.topic("shop.shop.customers").receives(EventExpectation.create().with("key.id", "1"));
        cdc.execute("INSERT INTO shop.customers VALUES (2, 'Bob', 'bob@example.com')");
        assertThatThrownBy(() -> cdc.topic("shop.shop.customers").receivesNoFurtherEvents())
                .hasMessageStartingWith("Expected no further events on topic \"shop.shop.customers\" (earlier checks matched records of topic "
                        + "\"shop.shop.customers\" up to offset 0), but 1 more record arrived once the pipeline had caught up with the binlog "
                        + "(connector \"shop-connector\" stored an offset past the binlog marker at ")
                .hasMessageContaining("What was seen:\n  1 further record:\n  #1 op=c key={\"id\":2}");
    }

    @Test
    void aNegativeCheckAfterSqlLogBinOffIsRefusedNamingTheStatements() {
        cdc.register(SHOP);
        cdc.execute("SET sql_log_bin = 0; INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
        assertThatThrownBy(() -> cdc.topic("shop.shop.customers").receivesNoFurtherEvents())
                .hasMessageStartingWith("Expected no further events on topic \"shop.shop.customers\" (no earlier check matched a record of topic "
                        + "\"shop.shop.customers\", so every record counts), but this cannot be judged: statements of this scenario ran where the "
                        + "connector cannot see them, so the check would pass without testing anything:\n"
                        + "  - \"INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')\" ran with sql_log_bin=0 (its changes never reach "
                        + "the binlog), set by \"SET sql_log_bin = 0\"");
    }

    @Test
    void theNextScenarioGetsAFreshSession() {
        cdc.execute("SET sql_log_bin = 0; SET @left_over = 42; BEGIN; INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
        cdc.reset();
        assertThat(cdc.database().query("SELECT @@session.sql_log_bin AS bin, @left_over AS left_over").get(0))
                .containsEntry("left_over", null)
                .satisfies(row -> assertThat(((Number) row.get("bin")).intValue()).isEqualTo(1));
        assertThat(cdc.database().blindSpots()).isEmpty();
        assertThat(cdc.database().userDatabases()).as("the open transaction's database was dropped").doesNotContain("shop");
    }

    @Test
    void anSqlThatShouldFailButDoesNotSaysSo() {
        assertThatThrownBy(() -> cdc.executeExpectingFailure("INSERT INTO shop.customers VALUES (1, 'Ann', 'a')", "Duplicate entry"))
                .hasMessage("Expected the SQL to fail with a message containing \"Duplicate entry\", but every statement succeeded:\n"
                        + "  INSERT INTO shop.customers VALUES (1, 'Ann', 'a')");
        assertThat(cdc.executeExpectingFailure("INSERT INTO shop.customers VALUES (1, 'Ann', 'a')", "Duplicate entry").getMessage())
                .contains("The server said: [1062] Duplicate entry '1' for key");
    }

    @Test
    void schemaChangeRecordsAreShownWithTheirDatabaseAndDdl() {
        cdc.register(SHOP);
        cdc.execute("ALTER TABLE shop.customers ADD COLUMN phone VARCHAR(20)");
        assertThatThrownBy(() -> cdc.topic("shop").hasNoDdlFor("shop"))
                .hasMessageStartingWith("Expected topic \"shop\" to carry no DDL of database shop, but it carries ")
                .hasMessageContaining("[shop] ALTER TABLE shop.customers ADD COLUMN phone VARCHAR(20) (offset ");
        assertThatThrownBy(() -> cdc.topic("shop").holdsCount(1))
                .hasMessageContaining("schema change [shop] ");
    }

    @Test
    void aValueIsShownAsItIsWrittenInSqlAndComparedByMeaning() {
        cdc.execute("CREATE TABLE shop.shifts (id INT PRIMARY KEY, starts TIME(2), ends DATETIME(3))");
        cdc.register(SHOP);
        cdc.execute("INSERT INTO shop.shifts VALUES (1, '517:51:04.77', '2024-01-31 10:15:30.5')");
        cdc.topic("shop.shop.shifts").receives(EventExpectation.create().with("after.starts", "517:51:04.770").with("after.ends", "2024-01-31T10:15:30.500"));
        assertThatThrownBy(() -> cdc.topic("shop.shop.shifts").receives(EventExpectation.create().with("after.starts", "517:51:04.78")))
                .hasMessageContaining("after.starts: expected 517:51:04.78 but was 517:51:04.77");
    }

    @Test
    void anyOrderFailuresShowTheClosestEventWithItsDifferences() {
        cdc.register(SHOP);
        cdc.execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com'), (2, 'Bob', 'bob@example.com')");
        assertThatThrownBy(() -> cdc.topic("shop.shop.customers").holdsInAnyOrder(List.of(
                EventExpectation.create().with("after.id", "2"), EventExpectation.create().with("after.id", "1").with("after.name", "Anne"))))
                .hasMessageContaining("not matched by any event: an event with op=c, after.id=1, after.name=Anne\n"
                        + "    closest: #0 op=c key={\"id\":1}")
                .hasMessageContaining("after.name: expected Anne but was \"Ann\"");
    }

    @Test
    void aMissingFixtureNamesTheFixturesThatExist() {
        assertThatThrownBy(() -> cdc.register("connectors/shop-conector.json"))
                .hasMessageStartingWith("The connector fixture " + cdc.fixture("connectors/shop-conector.json") + " does not exist. Fixtures in ")
                .hasMessageContaining("shop-connector.json");
    }

    @Test
    void anUnknownOperationListsTheKnownOnes() {
        assertThatThrownBy(() -> EventExpectation.opCode("upsert"))
                .hasMessage("\"upsert\" is not an operation. Write one of: create, update, delete, read, truncate, tombstone (or c, u, d, r, t).");
    }
}
