package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.CrossingCheck;
import io.cdcharness.stack.HarnessLog;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The crossing check after every scenario: each change event on its topics came from its own connectors,
 * after it began (see {@link CrossingCheck}). A scenario that saw another's events fails; at the end of the
 * run one line gives the count over the whole suite, which scenarios in parallel leave at 0.
 */
public class CrossingCheckHooks {
    private static final AtomicInteger SCENARIOS = new AtomicInteger();
    private static final AtomicLong EVENTS = new AtomicLong();
    private static final AtomicLong FOREIGN = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (SCENARIOS.get() > 0) {
                HarnessLog.info(summary());
            }
        }, "cdc-harness-crossing-check"));
    }

    private static String summary() {
        return String.format("crossing check: %,d change events in %d scenarios (%s), each from its own scenario's connectors and binlog; "
                + "%d seen by the wrong scenario", EVENTS.get(), SCENARIOS.get(),
                CdcHarness.poolSize() > 1 ? "on a pool of " + CdcHarness.poolSize() + " stacks" : "one at a time", FOREIGN.get());
    }

    /** The suite's line so far, in the reports (a forked test JVM's console may be gone when it ends). */
    private static synchronized void writeSummary() {
        try {
            java.nio.file.Path reports = io.cdcharness.stack.Settings.load().reportsDir();
            java.nio.file.Files.createDirectories(reports);
            java.nio.file.Files.writeString(reports.resolve("crossing-check.txt"), summary() + System.lineSeparator());
        } catch (java.io.IOException | RuntimeException e) {
            HarnessLog.warnOnce("could not write the crossing check's line into the reports: " + e.getMessage());
        }
    }

    /** Runs right after the evidence hook (the highest order runs first), before the stack goes back to the pool. */
    @After(order = Integer.MAX_VALUE - 1)
    public void nothingCrossed(Scenario scenario) {
        if (scenario.getStatus() != io.cucumber.java.Status.PASSED && scenario.getStatus() != io.cucumber.java.Status.FAILED) {
            return; // skipped, pending or undefined: nothing ran
        }
        CrossingCheck.Result result = CdcHarness.shared().crossingCheck();
        SCENARIOS.incrementAndGet();
        EVENTS.addAndGet(result.checked());
        FOREIGN.addAndGet(result.foreign().size());
        writeSummary();
        if (!result.foreign().isEmpty()) {
            if (scenario.isFailed()) {
                HarnessLog.warn("crossing check of the failed scenario \"" + scenario.getName() + "\": " + result.describe());
                return;
            }
            throw new AssertionError("Crossing check: " + result.describe());
        }
    }
}
