package io.cdcharness.faults;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.sql.LoadWriter;
import io.cdcharness.stack.StackFaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults and their messages against the real embedded stack: what a person meets when a fault goes wrong. */
class FaultsIT {
    private final CdcHarness cdc = CdcHarness.shared();

    @BeforeEach
    void cleanSlate() {
        org.junit.jupiter.api.Assumptions.assumeTrue(cdc.stack().faults().controlsProcesses(),
                () -> "faults need a stack whose processes this run owns, not the " + cdc.stack().describe());
        cdc.reset();
        cdc.executeSqlFixture("sql/shop-schema.sql");
        cdc.executeSqlFixture("sql/shop-load.sql");
    }

    @Test
    void aServiceThatDiesUnaskedIsNamedAtOnceAndTheNextScenarioStartsItAgain() {
        cdc.register("connectors/shop-connector.json");
        ProcessHandle connect = ProcessHandle.current().descendants()
                .filter(process -> commandLine(process).contains("org.apache.kafka.connect.cli.ConnectDistributed"))
                .findFirst().orElseThrow(() -> new AssertionError("no Connect worker among this JVM's child processes"));
        connect.destroyForcibly();
        connect.onExit().join();
        long started = System.nanoTime();
        assertThatThrownBy(() -> cdc.execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("A service of the stack died although no fault step asked for it, so this step cannot run:\n  connect (pid "
                        + connect.pid() + ") exited with code 137 although no fault step asked for it. The end of its log (")
                .hasMessageEndingWith("The next scenario starts it again.");
        assertThat(System.nanoTime() - started).as("named at once, not after a timeout").isLessThan(5_000_000_000L);

        cdc.reset();
        cdc.executeSqlFixture("sql/shop-schema.sql");
        cdc.register("connectors/shop-connector.json");
        cdc.execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
        cdc.topic("shop.shop.customers").receives(EventExpectation.create().with("after.id", "1"));
    }

    private static String commandLine(ProcessHandle process) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + process.pid() + "/cmdline")).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void aFaultOnAServiceThatIsDownSaysSo() {
        cdc.faults().kill(StackFaults.Service.KAFKA);
        assertThatThrownBy(() -> cdc.faults().kill(StackFaults.Service.KAFKA))
                .hasMessageStartingWith("Cannot kill the kafka: it is down already (pid ")
                .hasMessageEndingWith("Start it again first.");
        cdc.faults().start(StackFaults.Service.KAFKA);
        assertThat(cdc.stack().faults().isRunning(StackFaults.Service.KAFKA)).isTrue();
        assertThatThrownBy(() -> cdc.faults().start(StackFaults.Service.KAFKA))
                .hasMessageStartingWith("The kafka is already running (pid ");
    }

    @Test
    void anUnknownServiceListsTheServicesThereAre() {
        assertThatThrownBy(() -> StackFaults.Service.of("zookeeper"))
                .hasMessage("\"zookeeper\" is not a service of the stack. Name one of: database (or mysql, mariadb), kafka (or broker), connect (or worker).");
    }

    @Test
    void stoppingAWriterThatNeverStartedIsAClearError() {
        assertThatThrownBy(() -> cdc.faults().stopWriter())
                .hasMessageStartingWith("No background writer was started in this scenario, so none can be stopped. Start one first: ");
    }

    @Test
    void aWriterRateTheMachineCannotReachIsReportedAsTheAchievedRate() {
        cdc.faults().startWriter("shop.load", 1_000_000);
        cdc.faults().awaitWrites(300);
        LoadWriter.Summary summary = cdc.faults().stopWriter();
        assertThat(summary.describe()).contains("1000000 per second wanted").contains("achieved")
                .contains("(this machine could not write faster, or the database was down for part of the time)");
        assertThat(summary.achievedPerSecond()).isLessThan(1_000_000);
    }

    @Test
    void aWriterOnATableItCannotUseSaysWhatItNeeds() {
        assertThatThrownBy(() -> cdc.faults().startWriter("shop.customers_nope", 10))
                .hasMessageContaining("The writer needs table shop.customers_nope with one integer primary key and a text column, which does not exist")
                .hasMessageContaining("CREATE TABLE shop.customers_nope (id BIGINT PRIMARY KEY, payload VARCHAR(64));");
    }

    @Test
    void theContainersStackNamesTheFaultsItCannotDo() {
        assertThatThrownBy(() -> StackFaults.none("containers stack").databaseLinkLatency(java.time.Duration.ofMillis(100)))
                .hasMessage("The containers stack cannot add latency between Connect and the database. Run this scenario on a stack that can "
                        + "(-Dcdc.stack=embedded does every fault), or tag it so that this stack skips it.");
    }
}
