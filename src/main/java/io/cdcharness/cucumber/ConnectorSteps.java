package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cdcharness.connect.ConnectClient;
import io.cdcharness.connect.ConnectRestException;
import io.cdcharness.connect.ConnectorStatus;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps about Kafka Connect and connectors: registration, state, lifecycle, config and offsets. */
public class ConnectorSteps {
    private static final String CONFIG_EXAMPLE = "  | snapshot.mode         | no_data |\n  | tombstones.on.delete | false   |";

    private CdcHarness cdc() {
        return CdcHarness.shared();
    }

    @Then("Connect offers the connector plugin {string}")
    public void connectOffersPlugin(String className) {
        List<String> classes = cdc().connect().plugins().stream().map(ConnectClient.Plugin::className).toList();
        assertThat(classes)
                .as("connector plugins of the Connect worker at %s (GET /connector-plugins)", cdc().connect().url())
                .contains(className);
    }

    @Given("the connector {string} is registered from {string}")
    public void registerConnector(String name, String fixture) {
        cdc().register(name, fixture, Map.of());
    }

    @Given("the connector {string} is registered from {string} with:")
    public void registerConnectorWith(String name, String fixture, DataTable overrides) {
        cdc().register(name, fixture, Tables.fieldValues(overrides, CONFIG_EXAMPLE));
    }

    @Then("registering the connector {string} from {string} with the following fails:")
    public void registrationFails(String name, String fixture, DataTable overrides) {
        cdc().checkFixtureName(name, fixture);
        Map<String, String> config = Tables.fieldValues(overrides, CONFIG_EXAMPLE);
        String message = cdc().registrationFails(fixture, config, "Connect's validation of the connector config found");
        assertThat(message).as("the refusal of %s with %s", name, config).contains("(from the overrides)");
    }

    @Then("registering the connector {string} from {string} fails with a message containing {string}")
    public void registrationFailsWithMessage(String name, String fixture, String expected) {
        cdc().checkFixtureName(name, fixture);
        cdc().registrationFails(fixture, Map.of(), expected);
    }

    @Then("registering the connector {string} from {string} with the following fails with a message containing {string}:")
    public void registrationWithChangesFailsWithMessage(String name, String fixture, String expected, DataTable overrides) {
        cdc().checkFixtureName(name, fixture);
        cdc().registrationFails(fixture, Tables.fieldValues(overrides, CONFIG_EXAMPLE), expected);
    }

    @Then("the connector {string} and its tasks are RUNNING")
    public void connectorRunning(String name) {
        ConnectorStatus status = cdc().awaitRunning(name);
        assertThat(status.isFullyRunning()).as(status.describe()).isTrue();
    }

    @Then("the connector {string} is {state}")
    public void connectorIs(String name, String state) {
        cdc().awaitState(name, state);
    }

    @Then("the connector {string} does not exist")
    public void connectorDoesNotExist(String name) {
        assertThat(cdc().connect().connectors()).as("connectors Connect lists").doesNotContain(name);
    }

    @When("I pause the connector {string}")
    public void pause(String name) {
        cdc().pause(name);
    }

    @When("I pause the connector {string} for {int} second(s)")
    public void pauseFor(String name, int seconds) {
        cdc().faults().pauseConnectorFor(name, java.time.Duration.ofSeconds(seconds));
    }

    @When("I resume the connector {string}")
    public void resume(String name) {
        cdc().resume(name);
    }

    @When("I restart the connector {string} and its tasks")
    public void restart(String name) {
        cdc().restart(name);
    }

    @When("I stop the connector {string}")
    public void stop(String name) {
        cdc().stop(name);
    }

    @When("I delete the connector {string}")
    public void delete(String name) {
        cdc().delete(name);
    }

    @When("I change the config of the connector {string}:")
    public void changeConfig(String name, DataTable changes) {
        cdc().updateConfig(name, Tables.fieldValues(changes, CONFIG_EXAMPLE));
    }

    @Then("the config of the connector {string} has:")
    public void configHas(String name, DataTable expected) {
        assertThat(cdc().connect().config(name)).containsAllEntriesOf(Tables.fieldValues(expected, CONFIG_EXAMPLE));
    }

    @When("I delete the stored offsets of the connector {string}")
    public void deleteOffsets(String name) {
        try {
            cdc().connect().deleteOffsets(name);
        } catch (ConnectRestException e) {
            throw new IllegalStateException(e.getMessage() + "\nStop the connector first: When I stop the connector \"" + name + "\"", e);
        }
    }

    @When("I set the stored offset of the connector {string} to where the last SQL began")
    public void rewindOffset(String name) {
        cdc().setBinlogOffset(name, cdc().lastSql().binlogBefore(), cdc().lastSql().gtidsBefore());
    }

    @Then("Connect reports a stored binlog offset for the connector {string}")
    public void connectReportsOffset(String name) {
        cdc().offsets(name).reportedByConnect();
    }
}
