package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cdcharness.connect.ConnectClient;
import io.cdcharness.connect.ConnectorStatus;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps about Kafka Connect and connectors. */
public class ConnectorSteps {

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
        String fixtureName = cdc().resolveConnector(fixture).connector().name();
        if (!fixtureName.equals(name)) {
            throw new IllegalArgumentException("The fixture " + fixture + " defines the connector \"" + fixtureName
                    + "\", not \"" + name + "\". Use the name from the fixture, or another fixture.");
        }
        CdcHarness.Connector connector = cdc().register(fixture);
        ScenarioContext.current().connectors.put(name, connector);
    }

    @Then("the connector {string} and its tasks are RUNNING")
    public void connectorRunning(String name) {
        ConnectorStatus status = cdc().awaitRunning(name);
        assertThat(status.isFullyRunning()).as(status.describe()).isTrue();
    }
}
