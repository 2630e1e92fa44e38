package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Steps that run SQL on the stack's database, on the scenario's own session. */
public class SqlSteps {

    @When("I execute SQL:")
    public void executeSql(String script) {
        CdcHarness.shared().execute(script);
    }

    @When("I execute on database {string}:")
    public void executeOn(String database, String script) {
        CdcHarness.shared().execute(database, script);
    }

    @When("I execute the SQL file {string}")
    public void executeFile(String fixture) {
        CdcHarness.shared().executeSqlFixture(fixture);
    }

    @Then("executing this SQL fails with a message containing {string}:")
    public void executeFailing(String expectedText, String script) {
        CdcHarness.shared().executeExpectingFailure(script, expectedText);
    }
}
