package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cucumber.java.en.When;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    public void executeFile(String fixture) throws IOException {
        Path file = CdcHarness.shared().fixture(fixture);
        if (!Files.isRegularFile(file)) {
            Path dir = file.getParent();
            String existing = "";
            if (dir != null && Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    existing = " Files in " + dir + ": " + files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", ")) + ".";
                }
            }
            throw new IllegalArgumentException("The SQL fixture " + file + " does not exist." + existing);
        }
        ScenarioContext.current().lastSql = CdcHarness.shared().database().execute(Files.readString(file));
    }
}
