package io.cdcharness.faults;

import io.cdcharness.CdcHarness;
import io.cdcharness.assertions.ReconcileAssert;
import io.cdcharness.assertions.Reconciliation;
import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.Settings;
import io.cdcharness.stack.StackFaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once, shown: Debezium's binlog connectors declare exactly-once support since 3.3 (DBZ-9177).
 * On a Connect worker with {@code exactly.once.source.support=enabled} and a connector with
 * {@code exactly.once.support=required}, records and offsets are written in one Kafka transaction per
 * poll, and the harness reads with {@code isolation.level=read_committed}: a worker killed mid-load
 * replays nothing a consumer sees. The same load on a worker without it (features/faults/worker.feature)
 * shows duplicates.
 */
class ExactlyOnceIT {
    private static CdcHarness cdc;

    @BeforeAll
    static void bootAWorkerWithExactlyOnce() {
        cdc = CdcHarness.start(Settings.load().with(Settings.Key.CONNECT_EXACTLY_ONCE.property(), "enabled"));
    }

    @AfterAll
    static void close() {
        if (cdc != null) {
            cdc.close();
        }
    }

    @Test
    void aWorkerKilledMidLoadDuplicatesNothing() {
        cdc.reset();
        cdc.executeSqlFixture("sql/shop-schema.sql");
        cdc.executeSqlFixture("sql/shop-load.sql");
        cdc.register("connectors/shop-connector.json", Map.of("exactly.once.support", "required"));
        cdc.faults().startWriter("shop.load", 400);
        cdc.faults().awaitWrites(500);
        cdc.faults().kill(StackFaults.Service.CONNECT);
        cdc.faults().awaitWrites(1500);
        cdc.faults().start(StackFaults.Service.CONNECT);
        cdc.faults().awaitWrites(2000);
        cdc.faults().stopWriter();
        ReconcileAssert.Outcome outcome = cdc.reconcile("shop.shop.load", "shop.load").holds(Reconciliation.Delivery.EXACTLY_ONCE);
        HarnessLog.info("exactly-once: " + outcome.line());
        assertThat(outcome.result().duplicatedEvents()).isZero();
        assertThat(outcome.result().lost()).isEmpty();
    }
}
