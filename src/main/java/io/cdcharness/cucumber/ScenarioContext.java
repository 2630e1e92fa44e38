package io.cdcharness.cucumber;

import io.cdcharness.kafka.SourceOffset;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the steps of one scenario note for later steps of the same scenario: the stored offsets a step
 * noted. Everything else a scenario did (its connectors, last SQL, matched records) lives in the DSL.
 */
final class ScenarioContext {
    private static final ThreadLocal<ScenarioContext> CURRENT = ThreadLocal.withInitial(ScenarioContext::new);

    final Map<String, SourceOffset> notedOffsets = new LinkedHashMap<>();
    /** The scenario's recording for its evidence and the CDC report (see {@link EvidenceHooks}). */
    io.cdcharness.evidence.ScenarioRun run;

    static ScenarioContext current() {
        return CURRENT.get();
    }

    static void begin() {
        CURRENT.set(new ScenarioContext());
    }
}
