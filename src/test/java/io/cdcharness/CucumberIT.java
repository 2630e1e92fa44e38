package io.cdcharness;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

/**
 * Runs every feature under {@code features/} on the stack the settings choose
 * ({@code -Dcdc.stack}, {@code -Dcdc.database}); {@code -Dcucumber.features=features/seed} runs a subset.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.cdcharness.cucumber")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = io.cdcharness.report.CucumberReports.PLUGINS)
public class CucumberIT {
}
