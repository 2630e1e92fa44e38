package io.cdcharness.evidence;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.junit.CdcTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JUnit tests that fail on purpose. Neither Surefire nor Failsafe runs them (the name ends in neither
 * Test nor IT, and they need a system property): {@link EvidenceAndReportIT} runs them through the JUnit
 * testkit and checks what their failures leave behind.
 */
@CdcTest(sql = "sql/shop-schema.sql", connector = "connectors/shop-connector.json")
@EnabledIfSystemProperty(named = DeliberatelyFailing.ENABLED, matches = "true")
class DeliberatelyFailing {
    static final String ENABLED = "cdc-harness.deliberate-failures";

    @Test
    void aHarnessCheckThatCannotPass(CdcHarness cdc) {
        cdc.execute("INSERT INTO shop.customers VALUES (2, 'Bob', 'bob@example.com')");
        cdc.topic("shop.shop.customers").receives(EventExpectation.create().with("after.name", "Jill"));
    }

    @Test
    void aPlainAssertionThatFails(CdcHarness cdc) {
        cdc.execute("INSERT INTO shop.customers VALUES (3, 'Cy', 'cy@example.com')");
        assertEquals(1, 2, "one is not two");
    }
}
