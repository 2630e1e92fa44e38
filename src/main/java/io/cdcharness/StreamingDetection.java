package io.cdcharness;

import io.cdcharness.assertions.Diagnostics;
import io.cdcharness.assertions.Eventually;
import io.cdcharness.assertions.Settler;
import io.cdcharness.connect.ConnectClient;
import io.cdcharness.connect.ConnectorStatus;
import io.cdcharness.connect.StreamingProbe;
import io.cdcharness.stack.CdcStack;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Knows when Debezium is streaming the binlog, which is later than the task's RUNNING state: rows
 * written before that are folded into the snapshot. Where the stack exposes JMX it reads Debezium's
 * streaming metric {@code Connected}; elsewhere it waits until the connector's stored offset passes a
 * binlog marker (snapshot offsets never count), which works through any network.
 */
final class StreamingDetection {
    private final CdcStack stack;
    private final Optional<StreamingProbe> probe;
    private final ConnectClient connect;
    private final Settler settler;
    private final Supplier<Eventually> eventually;
    private final Diagnostics logs;

    /** @param probe the worker's JMX, when the stack exposes it (kept open by the harness, closed with it) */
    StreamingDetection(CdcStack stack, Optional<StreamingProbe> probe, ConnectClient connect, Settler settler, Supplier<Eventually> eventually,
                       Diagnostics logs) {
        this.stack = stack;
        this.probe = probe;
        this.connect = connect;
        this.settler = settler;
        this.eventually = eventually;
        this.logs = logs;
    }

    void await(CdcHarness.Connector connector) {
        if (probe.isEmpty() || !connector.isBinlogConnector()) {
            awaitMarker(connector);
            return;
        }
        // the connector's own class decides (MariaDB is captured with the MySQL connector before Debezium 2.7)
        String domain = connector.config().getOrDefault("connector.class", "").contains("mysql")
                ? io.cdcharness.stack.DatabaseFlavor.MYSQL.debeziumMetricsDomain()
                : stack.database().flavor().debeziumMetricsDomain();
        eventually.get().until("connector \"" + connector.name() + "\" to stream the binlog (" + domain
                + ":context=streaming,server=" + connector.topicPrefix() + " Connected=true)", () -> {
            if (probe.get().isStreaming(domain, connector.topicPrefix())) {
                return Eventually.Attempt.success(true);
            }
            ConnectorStatus status = connect.status(connector.name());
            if (status.hasFailed()) {
                return Eventually.Attempt.finalFailure("it failed before streaming", status.describe() + "\n\n" + logs.describe());
            }
            return Eventually.Attempt.failure("Debezium is not streaming yet (snapshot running, or the binlog reader "
                    + "is connecting)\n" + status.describe());
        });
    }

    private void awaitMarker(CdcHarness.Connector connector) {
        if (!connector.isBinlogConnector()) {
            return; // not Debezium's: RUNNING is all there is to wait for
        }
        settler.only(List.of(connector.name())).await(eventually.get(),
                "connector \"" + connector.name() + "\" to stream the binlog (its stored offset past a binlog marker)");
    }
}
