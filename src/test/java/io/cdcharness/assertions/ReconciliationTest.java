package io.cdcharness.assertions;

import io.cdcharness.kafka.ChangeEvent;
import io.cdcharness.kafka.RecordedRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fold of events into table state, and what it finds, without servers. */
class ReconciliationTest {
    private final List<ChangeEvent> events = new ArrayList<>();

    private void event(String op, long id, String payload, long pos) {
        String after = payload == null ? "null" : "{\"id\":" + id + ",\"payload\":\"" + payload + "\"}";
        String before = op.equals("c") ? "null" : "{\"id\":" + id + ",\"payload\":\"x\"}";
        String value = "{\"op\":\"" + op + "\",\"before\":" + before + ",\"after\":" + after
                + ",\"source\":{\"file\":\"mysql-bin.000003\",\"pos\":" + pos + ",\"row\":0,\"db\":\"shop\",\"table\":\"load\"}}";
        events.add(ChangeEvent.of(new RecordedRecord("shop.shop.load", 0, events.size(), 0, ("{\"id\":" + id + "}").getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8), Map.of())));
    }

    private static Map<String, Map<String, String>> table(String... keyAndPayload) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (int i = 0; i < keyAndPayload.length; i += 2) {
            rows.put(keyAndPayload[i], Map.of("id", keyAndPayload[i], "payload", keyAndPayload[i + 1]));
        }
        return rows;
    }

    @Test
    void aHealthyTopicDescribesTheTable() {
        event("c", 1, "a", 100);
        event("c", 2, "b", 200);
        event("u", 1, "a2", 300);
        event("d", 2, null, 400);
        Reconciliation.Result result = Reconciliation.of(events, "id", table("1", "a2"), List.of("payload"));
        assertThat(result.violations(Reconciliation.Delivery.EXACTLY_ONCE)).isEmpty();
        assertThat(result.line()).isEqualTo("1 rows, 4 events: 0 lost, 0 duplicated, 0 out of order, 0 stale");
    }

    @Test
    void aReplayAfterARestartIsCountedAsDuplicatesAndAllowedAtLeastOnce() {
        event("c", 1, "a", 100);
        event("u", 1, "a2", 300);
        event("u", 1, "a2", 300);   // the same change again, after a restart
        Reconciliation.Result result = Reconciliation.of(events, "id", table("1", "a2"), List.of("payload"));
        assertThat(result.duplicates()).containsEntry("1", 1);
        assertThat(result.violations(Reconciliation.Delivery.AT_LEAST_ONCE)).isEmpty();
        assertThat(result.violations(Reconciliation.Delivery.EXACTLY_ONCE))
                .containsExactly("1 duplicated event where exactly-once allows none: key 1 2 times");
    }

    @Test
    void aLostInsertALostDeleteAndAStaleValueAreNamed() {
        event("c", 1, "a", 100);
        event("c", 3, "c", 150);
        event("c", 4, "d", 160);   // its delete was lost
        Reconciliation.Result result = Reconciliation.of(events, "id", table("1", "a2", "2", "b", "3", "c"), List.of("payload"));
        assertThat(result.lost()).containsExactly("2");
        assertThat(result.unexpected()).containsExactly("4");
        assertThat(result.stale()).containsEntry("1", "payload is \"a\" in the topic, a2 in the table");
        assertThat(result.violations(Reconciliation.Delivery.AT_LEAST_ONCE)).hasSize(3)
                .anySatisfy(line -> assertThat(line).startsWith("1 row is in the table but not in the topic (lost): keys 2"));
    }

    @Test
    void eventsOfOneKeyOutOfBinlogOrderAreNamed() {
        event("u", 1, "a2", 300);
        event("c", 1, "a", 100);
        Reconciliation.Result result = Reconciliation.of(events, "id", table("1", "a"), List.of("payload"));
        assertThat(result.outOfOrder()).containsEntry("1", "create (offset 1, binlog mysql-bin.000003:100) arrived after update (offset 0, binlog mysql-bin.000003:300)");
        assertThat(result.violations(Reconciliation.Delivery.AT_LEAST_ONCE)).hasSize(1);
    }
}
