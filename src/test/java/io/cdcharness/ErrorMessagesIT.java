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
        cdc.database().execute("CREATE DATABASE shop; CREATE TABLE shop.customers (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(100))");
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
                .hasMessageContaining("Connect's validation of the connector config found 1 problem:\n  - snapshot.mode = sometimes: ")
                .hasMessageEndingWith("Fix these keys in the connector's JSON fixture.");
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
                .hasMessageStartingWith("Connector \"shop-connector\" failed instead of running:\nconnector shop-connector: ")
                .hasMessageContaining("task 0: FAILED\n    trace:\n      io.debezium.DebeziumException: The db history topic is missing.")
                .hasMessageContaining("Service logs:\n")
                .hasMessageContaining("connect: ");
    }

    @Test
    void aTimeoutSaysWhatWasExpectedWhatWasSeenAndTheConnectorState() {
        cdc.register(SHOP);
        cdc.database().execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
        assertThatThrownBy(() -> cdc.topic("shop.shop.customers", Duration.ofSeconds(2))
                .receives(EventExpectation.create().with("after.name", "Jill")))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected topic \"shop.shop.customers\" to receive an event with op=c, after.name=Jill within 2.0 s, "
                        + "but it did not happen.\n\nWhat was seen:\n  topic \"shop.shop.customers\" holds 1 event:\n"
                        + "  #0 op=c before=null after={\"id\":1,\"name\":\"Ann\",\"email\":\"ann@example.com\"} (offset 0)\n"
                        + "       after.name: expected Jill but was \"Ann\"")
                .hasMessageContaining("connector shop-connector: RUNNING\n  task 0: RUNNING")
                .hasMessageContaining("Service logs:");
    }

    @Test
    void aPathNoEventHasIsNamedWithThePathsThatExist() {
        cdc.register(SHOP);
        cdc.database().execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
        assertThatThrownBy(() -> cdc.topic("shop.shop.customers", Duration.ofSeconds(1))
                .receives(EventExpectation.create().with("after.nmae", "Ann")))
                .hasMessageContaining("No event has the path after.nmae. Paths the events do have: after.email, after.id, after.name, before, op, ");
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
