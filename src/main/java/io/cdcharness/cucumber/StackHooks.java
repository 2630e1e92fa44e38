package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cucumber.java.Before;

/**
 * Boots the shared stack on the first scenario and gives every scenario a clean slate: no connector,
 * offset, topic or database of an earlier scenario is left.
 */
public class StackHooks {

    @Before(order = 0)
    public void cleanSlate() {
        ScenarioContext.begin();
        CdcHarness.shared().reset();
    }
}
