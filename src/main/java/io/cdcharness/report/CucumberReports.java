package io.cdcharness.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cucumber plugins the harness runs with, in Maven ({@code CucumberIT}) and in {@code ./cdc-harness run}
 * alike: progress, Cucumber's own HTML, JSON, JUnit XML and timeline reports, and one line per scenario.
 * The CDC report ({@code index.html}) and the evidence come from the glue's hooks, with or without these.
 *
 * <pre>{@code
 * @ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = CucumberReports.PLUGINS)
 * }</pre>
 */
public final class CucumberReports {
    /** The plugins, writing into {@code reports/}. */
    public static final String PLUGINS = "pretty, summary, io.cdcharness.report.ScenarioTimings, "
            + "html:reports/cucumber.html, json:reports/cucumber.json, junit:reports/cucumber-junit.xml, timeline:reports/cucumber-timeline";

    private CucumberReports() {
    }

    /** The same plugins writing into another directory, one entry each (for {@code --plugin}). */
    public static List<String> plugins(Path reports) {
        List<String> plugins = new ArrayList<>();
        for (String plugin : PLUGINS.split(",\\s*")) {
            int colon = plugin.indexOf(":reports/");
            plugins.add(colon < 0 ? plugin : plugin.substring(0, colon + 1) + reports.resolve(plugin.substring(colon + ":reports/".length())));
        }
        return plugins;
    }
}
