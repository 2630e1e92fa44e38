package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Boots the shared stack on the first scenario and gives every scenario a clean slate: no connector,
 * offset, topic, database or session state of an earlier scenario is left. Scenarios of one stack run
 * one at a time: they share its databases, topics and connectors, so Cucumber's parallel mode is
 * refused with one line instead of letting scenarios see each other's events.
 */
public class StackHooks {
    private static final AtomicReference<Thread> RUNNING = new AtomicReference<>();
    private static final java.util.concurrent.atomic.AtomicBoolean FIRST = new java.util.concurrent.atomic.AtomicBoolean(true);

    @Before(order = 0)
    public void cleanSlate(Scenario scenario) {
        ParallelRefusal.check(RUNNING);
        ScenarioContext.begin();
        CdcHarness.shared().reset();
        ScenarioContext.current().run = EvidenceHooks.begin(scenario); // ended by EvidenceHooks
        if (FIRST.getAndSet(false)) {
            ProcessHandle.current().info().startInstant().ifPresent(launched -> io.cdcharness.stack.HarnessLog.info(String.format(
                    "the first scenario's first step starts %.2f s after this JVM was launched (stack: %s)",
                    java.time.Duration.between(launched, java.time.Instant.now()).toMillis() / 1000.0, CdcHarness.shared().stack().describe())));
        }
    }

    @After(order = 0)
    public void done() {
        RUNNING.compareAndSet(Thread.currentThread(), null);
    }
}
