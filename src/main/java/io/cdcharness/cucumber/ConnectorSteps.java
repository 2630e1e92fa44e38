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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Steps about Kafka Connect and connectors: registration, state, lifecycle, config and offsets. */
public class ConnectorSteps {
    private static final String CONFIG_EXAMPLE = "  | snapshot.mode         | no_data |\n  | tombstones.on.delete | false   |";

    private CdcHarness cdc() {
        return CdcHarness.shared();
    }

    private ScenarioContext scenario() {
        return ScenarioContext.current();
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
        register(name, fixture, Map.of());
    }

    @Given("the connector {string} is registered from {string} with:")
    public void registerConnectorWith(String name, String fixture, DataTable overrides) {
        register(name, fixture, Tables.fieldValues(overrides, CONFIG_EXAMPLE));
    }

    private void register(String name, String fixture, Map<String, String> overrides) {
        checkFixtureName(name, fixture);
        scenario().connectors.put(name, cdc().register(fixture, overrides));
    }

    @Then("registering the connector {string} from {string} with the following fails:")
    public void registrationFails(String name, String fixture, DataTable overrides) {
        checkFixtureName(name, fixture);
        Map<String, String> config = Tables.fieldValues(overrides, CONFIG_EXAMPLE);
        assertThatThrownBy(() -> cdc().register(fixture, config))
                .as("registering %s with %s", name, config)
                .isInstanceOf(ConnectRestException.class)
                .hasMessageContaining("Connect's validation of the connector config found");
    }

    private void checkFixtureName(String name, String fixture) {
        String fixtureName = cdc().resolveConnector(fixture).connector().name();
        if (!fixtureName.equals(name)) {
            throw new IllegalArgumentException("The fixture " + fixture + " defines the connector \"" + fixtureName
                    + "\", not \"" + name + "\". Use the name from the fixture, or another fixture.");
        }
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
        scenario().connectors.put(name, cdc().connector(name));
    }

    @Then("the config of the connector {string} has:")
    public void configHas(String name, DataTable expected) {
        assertThat(cdc().connect().config(name)).containsAllEntriesOf(Tables.fieldValues(expected, CONFIG_EXAMPLE));
    }

    @When("I delete the stored offsets of the connector {string}")
    public void deleteOffsets(String name) {
        cdc().connect().deleteOffsets(name);
    }

    @When("I set the stored offset of the connector {string} to where the last SQL began")
    public void rewindOffset(String name) {
        cdc().setBinlogOffset(name, scenario().lastSql().binlogBefore(), scenario().lastSql().gtidsBefore());
    }

    @Then("Connect reports a stored binlog offset for the connector {string}")
    public void connectReportsOffset(String name) {
        cdc().eventually().until("GET /connectors/" + name + "/offsets to report a binlog file and position", () -> {
            var offsets = cdc().connect().offsets(name);
            for (var entry : offsets.path("offsets")) {
                if (entry.path("offset").has("file") && entry.path("offset").has("pos")) {
                    return io.cdcharness.assertions.Eventually.Attempt.success(entry);
                }
            }
            return io.cdcharness.assertions.Eventually.Attempt.failure("Connect answered " + offsets);
        });
    }
}
