package io.cdcharness;

import io.cdcharness.assertions.Diagnostics;
import io.cdcharness.assertions.Eventually;
import io.cdcharness.connect.ConnectRestException;
import io.cdcharness.connect.ConnectorStatus;
import io.cdcharness.connect.StreamingProbe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drives connectors through their lifecycle over Connect's REST API and waits for each change to
 * take effect: RUNNING, streaming, PAUSED, STOPPED, deleted. A 409 (rebalance in progress) is
 * retried. {@link CdcHarness} delegates to this class.
 */
final class ConnectorLifecycle {
    private final CdcHarness cdc;

    ConnectorLifecycle(CdcHarness cdc) {
        this.cdc = cdc;
    }

    /** Waits until the connector and all its tasks are RUNNING; a FAILED one fails at once with its trace. */
    ConnectorStatus awaitRunning(String name) {
        return cdc.eventually().until("connector \"" + name + "\" and its tasks to be RUNNING", () -> {
            Optional<ConnectorStatus> status = cdc.connect().findStatus(name);
            if (status.isEmpty()) {
                return Eventually.Attempt.failure("Connect does not know connector \"" + name + "\"; it has: " + cdc.connect().connectors());
            }
            if (status.get().hasFailed()) {
                throw new AssertionError("Connector \"" + name + "\" failed instead of running:\n" + status.get().describe()
                        + "\n\n" + cdc.logsText());
            }
            return status.get().isFullyRunning() ? Eventually.Attempt.success(status.get())
                    : Eventually.Attempt.failure(status.get().describe());
        });
    }

    /**
     * Waits until Debezium reads the binlog: its streaming metric {@code Connected} over JMX where the
     * stack exposes it, otherwise a marker that the connector's stored offset must pass ({@link CdcHarness#settle}).
     */
    void awaitStreaming(CdcHarness.Connector connector) {
        Optional<String> jmx = cdc.stack().connectJmxUrl();
        if (jmx.isEmpty()) {
            // No JMX from here (containers, external): a marker the connector's stored offset must pass
            // proves the binlog reader is streaming, and works through any network.
            cdc.settle(connector.name());
            return;
        }
        String domain = cdc.stack().database().flavor().debeziumMetricsDomain();
        try (StreamingProbe probe = new StreamingProbe(jmx.get())) {
            cdc.eventually().until("connector \"" + connector.name() + "\" to stream the binlog (" + domain
                    + ":context=streaming,server=" + connector.topicPrefix() + " Connected=true)", () -> {
                if (probe.isStreaming(domain, connector.topicPrefix())) {
                    return Eventually.Attempt.success(true);
                }
                ConnectorStatus status = cdc.connect().status(connector.name());
                if (status.hasFailed()) {
                    throw new AssertionError("Connector \"" + connector.name() + "\" failed before streaming:\n" + status.describe()
                            + "\n\n" + cdc.logsText());
                }
                return Eventually.Attempt.failure("Debezium is not streaming yet (snapshot running, or the binlog reader "
                        + "is connecting)\n" + status.describe());
            });
        }
    }

    /** Waits until the connector reports the state (RUNNING, PAUSED, STOPPED); FAILED fails at once unless asked for. */
    ConnectorStatus awaitState(String name, String state) {
        return cdc.eventually().until("connector \"" + name + "\" to be " + state, () -> {
            Optional<ConnectorStatus> status = cdc.connect().findStatus(name);
            if (status.isEmpty()) {
                return Eventually.Attempt.failure("Connect does not know connector \"" + name + "\"; it has: " + cdc.connect().connectors());
            }
            if (status.get().hasFailed() && !"FAILED".equals(state)) {
                throw new AssertionError("Connector \"" + name + "\" failed while waiting for " + state + ":\n"
                        + status.get().describe() + "\n\n" + cdc.logsText());
            }
            boolean tasksAgree = "RUNNING".equals(state) ? status.get().isFullyRunning()
                    : status.get().tasks().stream().allMatch(task -> task.state().equals(state));
            return state.equals(status.get().state()) && tasksAgree ? Eventually.Attempt.success(status.get())
                    : Eventually.Attempt.failure(status.get().describe());
        });
    }

    /** Pauses the connector and returns once it and its tasks are PAUSED. */
    void pause(String name) {
        retryingConflicts("Connect to pause \"" + name + "\"", () -> cdc.connect().pause(name));
        awaitState(name, "PAUSED");
    }

    /** Resumes a paused or stopped connector and returns once it streams again. */
    void resume(String name) {
        retryingConflicts("Connect to resume \"" + name + "\"", () -> cdc.connect().resume(name));
        awaitRunning(name);
        awaitStreaming(cdc.connector(name));
    }

    /** Restarts the connector and its tasks and returns once the new tasks stream. */
    void restart(String name) {
        retryingConflicts("Connect to restart \"" + name + "\"", () -> cdc.connect().restart(name));
        awaitLeavingRunning(name);
        awaitRunning(name);
        awaitStreaming(cdc.connector(name));
    }

    /**
     * After a restart or a config change the status may still show the old tasks RUNNING for a moment:
     * wait (briefly) to see them leave, so that RUNNING afterwards is the new tasks'. A restart faster
     * than the polling is fine too: then the old tasks are gone already.
     */
    private void awaitLeavingRunning(String name) {
        try {
            Eventually.within(Duration.ofSeconds(3), Diagnostics.NONE).until("the old tasks of \"" + name + "\" to stop",
                    () -> cdc.connect().findStatus(name).map(ConnectorStatus::isFullyRunning).orElse(false)
                            ? Eventually.Attempt.failure("still RUNNING") : Eventually.Attempt.success(true));
        } catch (AssertionError fasterThanPolling) {
            // no transition seen within 3 s: the restart completed between two polls
        }
    }

    /** Runs a Connect call again while Connect answers 409 (a rebalance is in progress). */
    void retryingConflicts(String what, Runnable call) {
        cdc.eventually().until(what, () -> {
            try {
                call.run();
                return Eventually.Attempt.success(true);
            } catch (ConnectRestException e) {
                if (e.status() == 409) {
                    return Eventually.Attempt.failure(e.getMessage());
                }
                throw e;
            }
        });
    }

    /** Changes or adds config keys (the rest stays) and returns once the connector streams with them. */
    void updateConfig(String name, Map<String, String> changes) {
        Map<String, String> config = new java.util.LinkedHashMap<>(cdc.connect().config(name));
        applyChanges(config, changes);
        config.remove("name");
        retryingConflicts("Connect to accept the new config of \"" + name + "\"", () -> cdc.connect().updateConfig(name, config));
        cdc.eventually().until("the tasks of connector \"" + name + "\" to get the new config", () -> {
            List<Map<String, String>> tasks = cdc.connect().taskConfigs(name);
            boolean applied = !tasks.isEmpty() && tasks.stream().allMatch(task -> changes.entrySet().stream().allMatch(change ->
                    CdcHarness.UNSET.equals(change.getValue()) ? !task.containsKey(change.getKey()) : change.getValue().equals(task.get(change.getKey()))));
            return applied ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("task configs: " + tasks);
        });
        awaitLeavingRunning(name);
        awaitRunning(name);
        awaitStreaming(cdc.connector(name));
    }

    static void applyChanges(Map<String, String> config, Map<String, String> changes) {
        changes.forEach((key, value) -> {
            if (CdcHarness.UNSET.equals(value)) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
    }

    /** Stops the connector (STOPPED: no tasks, offsets may be changed). */
    void stop(String name) {
        retryingConflicts("Connect to stop \"" + name + "\"", () -> cdc.connect().stop(name));
        awaitState(name, "STOPPED");
    }

    /** Deletes the connector and waits until Connect no longer lists it. Its offsets stay stored. */
    void delete(String name) {
        retryingConflicts("Connect to delete \"" + name + "\"", () -> cdc.connect().delete(name));
        cdc.eventually().until("connector \"" + name + "\" to be deleted", () -> cdc.connect().findStatus(name).isEmpty()
                ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("Connect still lists it"));
    }

    /**
     * Sets a stopped binlog connector's stored offset to a binlog position (and GTID position, for
     * MariaDB); after {@link #resume} it reads the binlog from there again.
     */
    void setBinlogOffset(String name, io.cdcharness.sql.BinlogPosition position, String gtids) {
        CdcHarness.Connector connector = cdc.connector(name);
        com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        com.fasterxml.jackson.databind.node.ObjectNode offset = nodes.objectNode().put("file", position.file()).put("pos", position.position());
        if (gtids != null && !gtids.isBlank()) {
            offset.put("gtids", gtids); // MariaDB's connector resumes by GTID and fails on an offset without one
        }
        cdc.connect().alterOffset(name, nodes.objectNode().put("server", connector.topicPrefix()), offset);
    }

    /** Stops the connector, deletes its stored offsets, deletes it, and waits until Connect forgets it. */
    void removeConnector(String name) {
        retryingConflicts("Connect to stop \"" + name + "\"", () -> cdc.connect().stop(name));
        cdc.eventually().until("the offsets of stopped connector \"" + name + "\" to be deleted", () -> {
            try {
                cdc.connect().deleteOffsets(name);
                return Eventually.Attempt.success(true);
            } catch (ConnectRestException e) {
                return Eventually.Attempt.failure(e.getMessage());
            }
        });
        delete(name);
    }
}
