package io.cdcharness.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class CucumberSettingsTest {

    @Test
    void theCommandLineRunsWithMavensTagsAndPlugins() {
        Properties file = new Properties();
        file.setProperty("cucumber.filter.tags", "not @wip");
        file.setProperty("cucumber.publish.quiet", "true");
        file.setProperty("junit.jupiter.execution.parallel.enabled", "false");
        CucumberSettings settings = CucumberSettings.from(file, new Properties(), List.of("src/test/resources/junit-platform.properties"));

        List<String> args = settings.arguments(Path.of("out"), null);

        assertThat(String.join(" ", args)).isEqualTo("--glue io.cdcharness.cucumber --plugin pretty --plugin summary "
                + "--plugin io.cdcharness.report.ScenarioTimings --plugin html:out/cucumber.html --plugin json:out/cucumber.json "
                + "--plugin junit:out/cucumber-junit.xml --plugin timeline:out/cucumber-timeline --tags not @wip");
        assertThat(settings.asProperties()).containsExactly(java.util.Map.entry("cucumber.publish.quiet", "true"));
        assertThat(settings.describe()).isEqualTo("Cucumber settings from src/test/resources/junit-platform.properties: "
                + "{cucumber.filter.tags=not @wip, cucumber.publish.quiet=true}");
    }

    @Test
    void systemPropertiesBeatTheFileAndTheTagsOptionBeatsBoth() {
        Properties file = new Properties();
        file.setProperty("cucumber.filter.tags", "not @wip");
        file.setProperty("cucumber.plugin", "rerun:target/rerun.txt");
        Properties system = new Properties();
        system.setProperty("cucumber.filter.tags", "@seed");
        system.setProperty("cucumber.execution.order", "random");
        CucumberSettings settings = CucumberSettings.from(file, system, List.of("junit-platform.properties on the class path"));

        assertThat(String.join(" ", settings.arguments(Path.of("reports"), null)))
                .contains("--plugin rerun:target/rerun.txt --tags @seed --order random");
        assertThat(String.join(" ", settings.arguments(Path.of("reports"), "@smoke"))).contains("--tags @smoke").doesNotContain("@seed");
        assertThat(settings.describe()).startsWith("Cucumber settings from junit-platform.properties on the class path and -Dcucumber.* system properties");
    }
}
