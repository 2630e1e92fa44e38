package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Boots the shared stack on the first scenario and gives every scenario a clean slate: no connector,
 * offset, topic, database or session state of an earlier scenario is left. Scenarios of one stack run
 * one at a time: they share its databases, topics and connectors. In Cucumber's parallel mode each
 * scenario leases a stack of its own from a pool ({@code cdc.pool=2} or more); with {@code cdc.pool=1}
 * parallel mode is refused with one line instead of letting scenarios see each other's events.
 */
public class StackHooks {
    private static final AtomicReference<Thread> RUNNING = new AtomicReference<>();
    private static final java.util.concurrent.atomic.AtomicBoolean FIRST = new java.util.concurrent.atomic.AtomicBoolean(true);

    /** Before every other hook: the scenario's stack (with {@code cdc.pool} above 1, one of the pool, for this scenario alone). */
    @Before(order = -1000)
    public void leaseStack() {
        if (CdcHarness.poolSize() == 1) {
            ParallelRefusal.check(RUNNING);
        }
        CdcHarness.leaseScenarioStack();
    }

    @Before(order = 0)
    public void cleanSlate(Scenario scenario) {
        ScenarioContext.begin();
        CdcHarness.shared().reset();
        ScenarioContext.current().run = EvidenceHooks.begin(scenario); // ended by EvidenceHooks
        if (FIRST.getAndSet(false)) {
            ProcessHandle.current().info().startInstant().ifPresent(launched -> io.cdcharness.stack.HarnessLog.info(String.format(
                    "the first scenario's first step starts %.2f s after this JVM was launched (stack: %s)",
                    java.time.Duration.between(launched, java.time.Instant.now()).toMillis() / 1000.0, CdcHarness.shared().stack().describe())));
        }
    }

    /** After every other hook (Cucumber runs after hooks from the highest order down): the stack goes back to the pool. */
    @After(order = -1000)
    public void done() {
        RUNNING.compareAndSet(Thread.currentThread(), null);
        CdcHarness.releaseScenarioStack();
    }
}
