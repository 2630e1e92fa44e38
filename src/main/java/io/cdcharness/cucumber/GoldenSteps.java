package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cdcharness.golden.TopicDump;
import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.Settings;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Then;

import java.nio.file.Path;

/**
 * Golden events ({@code Then topic "..." matches the golden events in "golden/....json"}) and the
 * recording of every scenario's topics for upgrade diffs ({@code cdc.record.dir}).
 */
public class GoldenSteps {

    @Then("topic {string} matches the golden events in {string}")
    public void matchesGolden(String topic, String goldenFixture) {
        CdcHarness.shared().goldenEvents(topic, goldenFixture);
    }

    /** Runs before the clean-slate bookkeeping of {@link StackHooks} (higher order runs first for After hooks). */
    @After(order = 100)
    public void recordTopics(Scenario scenario) {
        String dir = Settings.load().get(Settings.Key.RECORD_DIR);
        if (dir.isEmpty()) {
            return; // not recording: do not touch the stack (it may have failed to boot)
        }
        CdcHarness cdc = CdcHarness.shared();
        Path scenarioDir = Path.of(dir).resolve(TopicDump.scenarioDirectory(scenario.getUri().toString(), scenario.getLine(), scenario.getName()));
        try {
            TopicDump.write(scenarioDir, cdc.recordedTopics());
        } catch (RuntimeException e) {
            HarnessLog.info("could not record the topics of \"" + scenario.getName() + "\" into " + scenarioDir + ": " + e.getMessage());
        }
    }
}
