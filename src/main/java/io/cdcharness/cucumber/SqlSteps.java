package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cucumber.java.en.When;

/** Steps that run SQL on the stack's database. */
public class SqlSteps {

    @When("I execute SQL:")
    public void executeSql(String script) {
        ScenarioContext.current().lastSql = CdcHarness.shared().database().execute(script);
    }

    @When("I execute on database {string}:")
    public void executeOn(String database, String script) {
        ScenarioContext.current().lastSql = CdcHarness.shared().database().execute(database, script);
    }

    @When("I execute the SQL file {string}")
    public void executeFile(String fixture) {
        ScenarioContext.current().lastSql = CdcHarness.shared().executeSqlFixture(fixture);
    }
}
