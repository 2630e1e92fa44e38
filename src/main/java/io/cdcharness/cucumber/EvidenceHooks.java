package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cdcharness.evidence.Evidence;
import io.cdcharness.evidence.EvidenceFiles;
import io.cdcharness.evidence.ScenarioRun;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Ends each scenario's recording: adds it to {@code reports/index.html} and, when it failed, keeps its
 * evidence folder and attaches the same evidence to the Cucumber report. Runs before every other
 * {@code @After} hook (the highest order runs first), so that the evidence shows the pipeline as the
 * failing step left it.
 */
public class EvidenceHooks {

    static ScenarioRun begin(Scenario scenario) {
        return Evidence.begin(CdcHarness.shared(), scenario.getName(), location(scenario), "scenario");
    }

    @After(order = Integer.MAX_VALUE)
    public void keepEvidence(Scenario scenario) {
        ScenarioRun run = ScenarioContext.current().run;
        if (run == null) {
            return; // the clean slate failed before the scenario began; Cucumber reports that failure
        }
        ScenarioContext.current().run = null;
        String status = switch (scenario.getStatus()) {
            case PASSED -> "PASSED";
            case SKIPPED, PENDING -> "SKIPPED";
            default -> "FAILED";
        };
        Throwable failure = CucumberErrors.of(scenario).orElse(null);
        Evidence.Outcome outcome = Evidence.finish(run, status, failure);
        outcome.folder().ifPresent(folder -> attach(scenario, folder));
    }

    private static void attach(Scenario scenario, Path folder) {
        for (EvidenceFiles.Attachment attachment : EvidenceFiles.attachments(folder)) {
            scenario.attach(attachment.bytes(), attachment.mediaType(), attachment.name());
        }
    }

    static String location(Scenario scenario) {
        String uri = scenario.getUri().toString();
        Path here = Path.of("").toAbsolutePath();
        if (uri.startsWith("file:")) {
            Path file = Path.of(scenario.getUri());
            uri = (file.startsWith(here) ? here.relativize(file) : file).toString();
        }
        return uri + Optional.ofNullable(scenario.getLine()).map(line -> ":" + line).orElse("");
    }
}
