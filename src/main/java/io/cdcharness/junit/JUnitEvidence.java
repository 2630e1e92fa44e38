package io.cdcharness.junit;

import io.cdcharness.CdcHarness;
import io.cdcharness.evidence.Evidence;
import io.cdcharness.evidence.EvidenceFiles;
import io.cdcharness.evidence.ScenarioRun;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JUnit side of the evidence: each test of a {@code @CdcTest} class is recorded like a scenario;
 * a failed one keeps its evidence folder under {@code reports/evidence/}, published to the test's
 * results with JUnit's file publishing ({@code publishDirectory}), and named in the failure.
 */
final class JUnitEvidence {
    private static final Map<String, ScenarioRun> RUNS = new ConcurrentHashMap<>();

    private JUnitEvidence() {
    }

    static void begin(ExtensionContext context, CdcHarness harness) {
        if (context.getTestMethod().isEmpty()) {
            return;
        }
        String location = context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName();
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        String name = context.getRequiredTestClass().getSimpleName() + " " + (display.startsWith(method + "(") ? method : display);
        RUNS.put(context.getUniqueId(), Evidence.begin(harness, name, location, "test"));
    }

    /** Names the evidence folder in the failure, unless the message (a harness check's) already does. */
    static Throwable note(ExtensionContext context, Throwable failure) {
        ScenarioRun run = RUNS.get(context.getUniqueId());
        if (run != null && !(failure instanceof TestAbortedException)
                && (failure.getMessage() == null || !failure.getMessage().contains(run.evidenceLink()))) {
            failure.addSuppressed(new EvidenceNote(run.evidenceLink()));
        }
        return failure;
    }

    static void end(ExtensionContext context, Throwable failure) {
        ScenarioRun run = RUNS.remove(context.getUniqueId());
        if (run == null) {
            return;
        }
        String status = failure == null ? "PASSED" : failure instanceof TestAbortedException ? "ABORTED" : "FAILED";
        Evidence.Outcome outcome = Evidence.finish(run, status, failure);
        outcome.folder().ifPresent(folder -> publish(context, folder));
    }

    private static void publish(ExtensionContext context, Path folder) {
        try {
            context.publishDirectory("cdc-evidence", target -> EvidenceFiles.copy(folder, target));
        } catch (RuntimeException e) {
            // the folder under reports/ is the evidence; publishing is a copy for JUnit's own reports
            io.cdcharness.stack.HarnessLog.warn("could not publish the evidence " + folder + " to JUnit: " + e.getMessage());
        }
    }

    /** Shown under the failure as "Suppressed: Evidence of this failure: reports/evidence/...". */
    static final class EvidenceNote extends RuntimeException {
        EvidenceNote(String link) {
            super("Evidence of this failure (logs, topics, connectors, offsets, SQL): " + link, null, false, false);
        }
    }
}
