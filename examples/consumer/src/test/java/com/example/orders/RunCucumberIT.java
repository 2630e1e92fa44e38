package com.example.orders;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/** The order service's features, with cdc-harness's step library as the only glue. */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = "cucumber.glue", value = "io.cdcharness.cucumber")
@ConfigurationParameter(key = "cucumber.plugin", value = "pretty, io.cdcharness.report.ScenarioTimings, html:reports/cucumber.html")
class RunCucumberIT {
}
