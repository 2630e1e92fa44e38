package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.ReconcileAssert;
import io.cdcharness.assertions.Reconciliation;
import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.StackFaults.Service;
import io.cdcharness.stack.StackKind;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeStep;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.opentest4j.TestAbortedException;

import java.time.Duration;

/**
 * Steps that break the pipeline on purpose and count what it lost: services killed and started again,
 * the network between Connect and the database cut, slowed or reset, the binlog purged, a background
 * writer, and the reconciliation of a topic with its table. Before every step, a service that died
 * without a fault step asking for it fails the step at once, named.
 */
public class FaultSteps {
    /** Reconciliation outcomes of this run, one table row each; the first row of a run starts the file anew. */
    private static final java.nio.file.Path OUTCOMES = java.nio.file.Path.of("reports", "fault-outcomes.md");
    private static boolean outcomesStarted;
    private String scenarioName = "";

    private CdcHarness cdc() {
        return CdcHarness.shared();
    }

    @Before(order = 1)
    public void rememberScenario(Scenario scenario) {
        scenarioName = scenario.getName();
    }

    private static synchronized void writeOutcome(String scenario, String delivery, String line) {
        try {
            java.nio.file.Files.createDirectories(OUTCOMES.getParent());
            if (!outcomesStarted) {
                java.nio.file.Files.writeString(OUTCOMES, "# Faults and what the topics say\n\nOne row per reconciliation of this run "
                        + "(written by the step \"topic ... reconciles with table ... under ... delivery\").\n\n"
                        + "| scenario | delivery | outcome |\n| --- | --- | --- |\n");
                outcomesStarted = true;
            }
            java.nio.file.Files.writeString(OUTCOMES, "| " + scenario + " | " + delivery + " | " + line.replace("|", "/") + " |\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            HarnessLog.info("could not write " + OUTCOMES + ": " + e.getMessage());
        }
    }

    @BeforeStep
    public void servicesAreAlive() {
        cdc().ensureHealthy();
    }

    /**
     * Scenarios tagged {@code @faults} kill and start the stack's services; on a stack whose processes are
     * not this run's (an attached warm stack, an external one) they are skipped with the reason.
     */
    @Before(value = "@faults or @embedded-only", order = -11)
    public void skipWithoutProcessControl(Scenario scenario) {
        if (!cdc().stack().faults().controlsProcesses()) {
            throw new TestAbortedException("skipped: it causes faults, and the processes of the " + cdc().stack().describe()
                    + " are not this run's to kill and start (-Dcdc.reuse=false boots an own stack that can)");
        }
    }

    /** Scenarios tagged {@code @embedded-only} need faults only the embedded stack does; elsewhere they are skipped with the reason. */
    @Before(value = "@embedded-only", order = -10)
    public void skipOnOtherStacks(Scenario scenario) {
        StackKind running = cdc().settings().stack();
        if (running != StackKind.EMBEDDED) {
            throw new TestAbortedException("skipped on the " + running.name().toLowerCase() + " stack: tagged @embedded-only, it needs a fault "
                    + "only the embedded stack can do (the harness's TCP proxy in the connector's path)");
        }
    }

    @When("I kill the {service}")
    public void kill(Service service) {
        cdc().faults().kill(service);
    }

    @When("I stop the {service}")
    public void stop(Service service) {
        cdc().faults().stop(service);
    }

    @When("I start the {service} again")
    public void start(Service service) {
        cdc().faults().start(service);
    }

    @When("I restart the {service}")
    public void restart(Service service) {
        cdc().faults().restart(service);
    }

    @When("I cut the network between Connect and the database")
    public void cut() {
        cdc().faults().cutNetwork();
    }

    @When("I cut the network between Connect and the database for {int} second(s)")
    public void cutFor(int seconds) {
        cdc().faults().cutNetworkFor(Duration.ofSeconds(seconds));
    }

    @When("I restore the network between Connect and the database")
    public void restore() {
        cdc().faults().restoreNetwork();
    }

    @When("I add {int} ms of latency between Connect and the database")
    public void latency(int millis) {
        cdc().faults().latency(Duration.ofMillis(millis));
    }

    @When("I reset the connections between Connect and the database")
    public void reset() {
        cdc().faults().resetConnections();
    }

    @When("I purge the binary logs")
    public void purge() {
        cdc().faults().purgeBinaryLogs();
    }

    @Given("a background writer inserts, updates and deletes rows of table {string} at {int} writes per second")
    public void startWriter(String table, int perSecond) {
        cdc().faults().startWriter(table, perSecond);
    }

    @When("the background writer has written {int} rows")
    public void writerHasWritten(int rows) {
        cdc().faults().awaitWrites(rows);
    }

    @When("I stop the background writer")
    public void stopWriter() {
        cdc().faults().stopWriter();
    }

    @Then("the background writer wrote at least {int} rows")
    public void writerWrote(int rows) {
        long written = cdc().faults().writer().orElseThrow(() -> new IllegalStateException(
                "No background writer ran in this scenario. Start one first: Given a background writer inserts, updates and deletes rows of "
                        + "table \"shop.load\" at 200 writes per second")).summary().writes();
        if (written < rows) {
            throw new AssertionError("Expected the background writer to have written at least " + rows + " rows, but it wrote " + written
                    + ": " + cdc().faults().writer().get().summary().describe());
        }
    }

    @Then("topic {string} reconciles with table {string} under {delivery} delivery")
    public void reconciles(String topic, String table, Reconciliation.Delivery delivery) {
        ReconcileAssert.Outcome outcome = cdc().reconcile(topic, table).holds(delivery);
        HarnessLog.info("reconciled " + topic + " with " + table + " (" + delivery.word() + "): " + outcome.line());
        writeOutcome(scenarioName, delivery.word(), outcome.line());
    }

    @Then("topic {string} loses rows of table {string}")
    public void losesRows(String topic, String table) {
        // A paused or stopped connector counts as settled: the loss is judged only with every connector running.
        cdc().connectors().keySet().forEach(cdc()::awaitRunning);
        HarnessLog.info("the known loss on " + topic + " happened: " + cdc().reconcile(topic, table).losesRows());
    }

    @Then("resuming the connector {string} fails with a message containing {string}")
    public void resumeFails(String connector, String text) {
        cdc().resumeFails(connector, text);
    }

    @Then("the connector {string} fails with a message containing {string}")
    public void failsWith(String connector, String text) {
        cdc().awaitFailure(connector, text);
    }

    @Then("the connector {string} resumed at or before its stored offset")
    public void resumedAtOrBefore(String connector) {
        cdc().faults().resumedAtOrBefore(connector);
    }
}
