package io.cdcharness.cucumber;

import io.cdcharness.CdcHarness;
import io.cdcharness.kafka.SourceOffset;
import io.cdcharness.sql.Database;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one scenario remembers between steps: the connectors it registered, the result of its last
 * SQL step, the offsets it noted and how many records it has seen per topic. Steps of all glue
 * classes share it; a new scenario starts empty.
 */
final class ScenarioContext {
    private static final ThreadLocal<ScenarioContext> CURRENT = ThreadLocal.withInitial(ScenarioContext::new);

    final Map<String, CdcHarness.Connector> connectors = new LinkedHashMap<>();
    final Map<String, SourceOffset> notedOffsets = new LinkedHashMap<>();
    final Map<String, Integer> seen = new LinkedHashMap<>();
    Database.ExecutionResult lastSql;

    static ScenarioContext current() {
        return CURRENT.get();
    }

    static void begin() {
        CURRENT.set(new ScenarioContext());
    }

    Database.ExecutionResult lastSql() {
        return Optional.ofNullable(lastSql).orElseThrow(() -> new IllegalStateException(
                "This step refers to the last SQL statements, but the scenario has run none yet. "
                        + "Add a step like 'When I execute SQL:' before it."));
    }

    CdcHarness.Connector connector(String name) {
        CdcHarness.Connector connector = connectors.get(name);
        if (connector == null) {
            throw new IllegalStateException("The scenario has not registered a connector named \"" + name + "\". "
                    + (connectors.isEmpty() ? "Register one first with: Given the connector \"" + name + "\" is registered from \"connectors/<file>.json\""
                    : "It registered: " + connectors.keySet()));
        }
        return connector;
    }

    /** The connector registered last: steps that wait for the pipeline to catch up use it. */
    String latestConnector() {
        if (connectors.isEmpty()) {
            throw new IllegalStateException("This step waits for a connector to catch up with the binlog, but the scenario has "
                    + "registered none. Register one first with: Given the connector \"name\" is registered from \"connectors/<file>.json\"");
        }
        String last = null;
        for (String name : connectors.keySet()) {
            last = name;
        }
        return last;
    }
}
