package io.cdcharness;

import io.cdcharness.assertions.Diagnostics;
import io.cdcharness.assertions.Eventually;
import io.cdcharness.connect.ConnectClient;
import io.cdcharness.connect.ConnectRestException;
import io.cdcharness.connect.ConnectorStatus;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Drives connectors through their lifecycle over Connect's REST API and waits for each change to
 * take effect: RUNNING, streaming, PAUSED, STOPPED, deleted. A 409 (rebalance in progress) is
 * retried; a FAILED connector ends every wait with its trace: at once, or after a change that replaces its
 * tasks once the old tasks have had {@link #OLD_FAILURE_GRACE} to leave the status.
 */
final class ConnectorLifecycle {
    private final ConnectClient connect;
    private final Supplier<Eventually> eventually;
    private final Diagnostics logs;
    private final Consumer<CdcHarness.Connector> awaitStreaming;
    /** How long after a restart, resume, stop or new config a FAILED status may still be the old tasks'. */
    static final Duration OLD_FAILURE_GRACE = Duration.ofSeconds(5);

    /**
     * @param eventually     the waiting mechanism with the harness's current timeout
     * @param logs           where the service logs are, for failures
     * @param awaitStreaming returns once Debezium reads the binlog for the connector
     */
    ConnectorLifecycle(ConnectClient connect, Supplier<Eventually> eventually, Diagnostics logs,
                       Consumer<CdcHarness.Connector> awaitStreaming) {
        this.connect = connect;
        this.eventually = eventually;
        this.logs = logs;
        this.awaitStreaming = awaitStreaming;
    }

    /** Creates the connector and returns once it streams. */
    void create(CdcHarness.Connector connector) {
        retryingConflicts("Connect to accept connector \"" + connector.name() + "\"", () -> connect.create(connector.name(), connector.config()));
        awaitRunning(connector.name());
        awaitStreaming.accept(connector);
    }

    /** Waits until the connector and all its tasks are RUNNING; a FAILED one fails at once with its trace. */
    ConnectorStatus awaitRunning(String name) {
        return awaitState(name, "RUNNING");
    }

    /** Waits until the connector reports the state (RUNNING, PAUSED, STOPPED); FAILED fails at once unless asked for. */
    ConnectorStatus awaitState(String name, String state) {
        return awaitState(name, state, Duration.ZERO);
    }

    /**
     * {@link #awaitState(String, String)} after a change that replaces the tasks (restart, resume, stop, new config):
     * for {@link #OLD_FAILURE_GRACE} a FAILED status is one more attempt, not the end, because it may be the old
     * tasks' failure. Connect can write that after it accepted the change, e.g. when a task that lost its
     * connection fails while the restart is on its way.
     */
    private ConnectorStatus awaitStateAfterChange(String name, String state) {
        return awaitState(name, state, OLD_FAILURE_GRACE);
    }

    private ConnectorStatus awaitState(String name, String state, Duration oldFailureGrace) {
        long failedIsFinalAt = System.nanoTime() + oldFailureGrace.toNanos();
        return eventually.get().until("connector \"" + name + "\"" + ("RUNNING".equals(state) ? " and its tasks" : "") + " to be " + state, () -> {
            Optional<ConnectorStatus> status = connect.findStatus(name);
            if (status.isEmpty()) {
                List<String> known = connect.connectors();
                return Eventually.Attempt.failure("Connect does not know connector \"" + name + "\"; it has: " + known + (known.isEmpty()
                        ? " (a worker lists none until it has read its storage topics: one just started may still be reading them, and"
                        + " with exactly-once a transaction a killed worker left open holds it until the transaction times out; Connect's log says"
                        + " \"Finished reading KafkaBasedLog\" once per topic)" : ""));
            }
            if (status.get().hasFailed() && !"FAILED".equals(state)) {
                if (System.nanoTime() - failedIsFinalAt < 0) {
                    return Eventually.Attempt.failure("FAILED, perhaps still the old tasks' failure: " + status.get().describe());
                }
                return Eventually.Attempt.finalFailure("it failed", status.get().describe() + "\n\n" + logs.describe());
            }
            boolean tasksAgree = "RUNNING".equals(state) ? status.get().isFullyRunning()
                    : status.get().tasks().stream().allMatch(task -> task.state().equals(state));
            return state.equals(status.get().state()) && tasksAgree ? Eventually.Attempt.success(status.get())
                    : Eventually.Attempt.failure(status.get().describe());
        });
    }

    /** Pauses the connector and returns once it and its tasks are PAUSED. */
    void pause(String name) {
        retryingConflicts("Connect to pause \"" + name + "\"", () -> connect.pause(name));
        awaitState(name, "PAUSED");
    }

    /** Resumes a paused or stopped connector and returns once it streams again. */
    void resume(String name) {
        retryingConflicts("Connect to resume \"" + name + "\"", () -> connect.resume(name));
        awaitStateAfterChange(name, "RUNNING");
        awaitStreaming.accept(current(name));
    }

    /** Restarts the connector and its tasks and returns once the new tasks stream. */
    void restart(String name) {
        retryingConflicts("Connect to restart \"" + name + "\"", () -> connect.restart(name));
        awaitLeavingRunning(name);
        awaitStateAfterChange(name, "RUNNING");
        awaitStreaming.accept(current(name));
    }

    /**
     * After a restart or a config change the status may still show the old tasks RUNNING for a moment:
     * wait (briefly) to see them leave, so that RUNNING afterwards is the new tasks'. A restart faster
     * than the polling is fine too: then the old tasks are gone already.
     */
    private void awaitLeavingRunning(String name) {
        Eventually.within(Duration.ofSeconds(3), Diagnostics.NONE).tryUntil("the old tasks of \"" + name + "\" to stop",
                () -> connect.findStatus(name).map(ConnectorStatus::isFullyRunning).orElse(false)
                        ? Eventually.Attempt.failure("still RUNNING") : Eventually.Attempt.success(true));
    }

    /** Runs a Connect call again while Connect cannot answer yet (a rebalance is in progress or expected). */
    void retryingConflicts(String what, Runnable call) {
        retrying(what, () -> {
            call.run();
            return true;
        });
    }

    /** {@link #retryingConflicts} for a call that answers something. */
    <T> T retrying(String what, java.util.function.Supplier<T> call) {
        return eventually.get().until(what, () -> untilConnectAnswers(() -> Eventually.Attempt.success(call.get())));
    }

    /** One attempt of a wait on Connect: an answer that only says "not yet" (a rebalance) is a failed attempt, not the end. */
    private static <T> Eventually.Attempt<T> untilConnectAnswers(java.util.function.Supplier<Eventually.Attempt<T>> attempt) {
        try {
            return attempt.get();
        } catch (ConnectRestException e) {
            if (e.isTransient()) {
                return Eventually.Attempt.failure(e.getMessage());
            }
            throw e;
        }
    }

    /** Changes or adds config keys (the rest stays) and returns once the connector streams with them. */
    void updateConfig(String name, Map<String, String> changes) {
        Map<String, String> config = new java.util.LinkedHashMap<>(retrying("Connect to show the config of \"" + name + "\"",
                () -> connect.config(name)));
        applyChanges(config, changes);
        config.remove("name");
        retryingConflicts("Connect to accept the new config of \"" + name + "\"", () -> connect.updateConfig(name, config));
        eventually.get().until("the tasks of connector \"" + name + "\" to get the new config", () -> untilConnectAnswers(() -> {
            List<Map<String, String>> tasks = connect.taskConfigs(name);
            boolean applied = !tasks.isEmpty() && tasks.stream().allMatch(task -> changes.entrySet().stream().allMatch(change ->
                    CdcHarness.UNSET.equals(change.getValue()) ? !task.containsKey(change.getKey()) : change.getValue().equals(task.get(change.getKey()))));
            return applied ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("task configs: " + tasks);
        }));
        awaitLeavingRunning(name);
        awaitStateAfterChange(name, "RUNNING");
        awaitStreaming.accept(current(name));
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
        retryingConflicts("Connect to stop \"" + name + "\"", () -> connect.stop(name));
        awaitStateAfterChange(name, "STOPPED");
    }

    /** Deletes the connector and waits until Connect no longer lists it. Its offsets stay stored. */
    void delete(String name) {
        retryingConflicts("Connect to delete \"" + name + "\"", () -> connect.delete(name));
        eventually.get().until("connector \"" + name + "\" to be deleted", () -> connect.findStatus(name).isEmpty()
                ? Eventually.Attempt.success(true) : Eventually.Attempt.failure("Connect still lists it"));
    }

    /**
     * Sets a stopped binlog connector's stored offset to a binlog position (and GTID position, for
     * MariaDB); after {@link #resume} it reads the binlog from there again.
     */
    void setBinlogOffset(String name, io.cdcharness.sql.BinlogPosition position, String gtids) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        com.fasterxml.jackson.databind.node.ObjectNode offset = nodes.objectNode().put("file", position.file()).put("pos", position.position());
        if (gtids != null && !gtids.isBlank()) {
            offset.put("gtids", gtids); // MariaDB's connector resumes by GTID and fails on an offset without one
        }
        String prefix = current(name).topicPrefix();
        retryingConflicts("Connect to change the offset of \"" + name + "\"", () -> connect.alterOffset(name, nodes.objectNode().put("server", prefix), offset));
    }

    /** Stops the connector, deletes its stored offsets, deletes it, and waits until Connect forgets it. */
    void removeConnector(String name) {
        stopAndDeleteOffsets(List.of(name)); // Connect before 3.5 cannot: the reset tombstones its offsets
        delete(name);
    }

    /**
     * Stops the connectors (all first, so that Connect stops their tasks in one rebalance) and deletes their
     * stored offsets. Connect deletes offsets only after the rebalance that stops the tasks, so once this
     * returns their tasks have stopped and written their last offsets; a task that ignored the stop for
     * {@code task.shutdown.graceful.timeout.ms} (5 s here) was abandoned by Connect and could still write.
     * {@link #delete} is left to the caller. False, doing nothing, on Connect before 3.5, which can neither
     * stop a connector nor delete its offsets.
     */
    boolean stopAndDeleteOffsets(List<String> names) {
        if (!connect.canStopConnectors()) {
            return false;
        }
        for (String name : names) {
            retryingConflicts("Connect to stop \"" + name + "\"", () -> connect.stop(name));
        }
        for (String name : names) {
            // Connect refuses until the rebalance that stops the tasks is done, then deletes the offsets as it answers.
            eventually.get().until("the offsets of stopped connector \"" + name + "\" to be deleted", () -> {
                try {
                    connect.deleteOffsets(name);
                    return Eventually.Attempt.success(true);
                } catch (ConnectRestException e) {
                    return Eventually.Attempt.failure(e.getMessage());
                }
            });
        }
        return true;
    }

    /** The connector as Connect runs it now (its current config). */
    CdcHarness.Connector current(String name) {
        return new CdcHarness.Connector(name, retrying("Connect to show the config of \"" + name + "\"", () -> connect.config(name)));
    }
}
