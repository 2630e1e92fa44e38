package io.cdcharness.cucumber;

import io.cdcharness.stack.DatabaseFlavor;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.opentest4j.TestAbortedException;

/**
 * Scenarios (or Examples blocks) tagged {@code @mysql-only} or {@code @mariadb-only} describe what Debezium does
 * on one database flavour. On the other flavour ({@code cdc.database}) they are reported as skipped, with the
 * reason, before the clean slate runs; nothing is skipped silently. A tag expression
 * ({@code -Dcucumber.filter.tags="not @mariadb-only"}) leaves them out of a run entirely.
 */
public class FlavourTags {

    /** Before the scenario leases a stack (a skipped scenario needs none, and would wait for one to boot in a parallel run). */
    @Before(value = "@mysql-only or @mariadb-only", order = -2000)
    public void skipOnTheOtherFlavour(Scenario scenario) {
        DatabaseFlavor running = io.cdcharness.stack.Settings.load().database();
        DatabaseFlavor wanted = scenario.getSourceTagNames().contains("@mysql-only") ? DatabaseFlavor.MYSQL : DatabaseFlavor.MARIADB;
        if (scenario.getSourceTagNames().contains("@mysql-only") && scenario.getSourceTagNames().contains("@mariadb-only")) {
            throw new IllegalStateException("A scenario cannot be both @mysql-only and @mariadb-only: " + scenario.getUri());
        }
        if (running != wanted) {
            throw new TestAbortedException("skipped on " + running.displayName() + ": tagged @" + wanted.name().toLowerCase()
                    + "-only, it describes what Debezium does on " + wanted.displayName());
        }
    }
}
