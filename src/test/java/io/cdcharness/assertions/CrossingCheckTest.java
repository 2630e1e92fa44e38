package io.cdcharness.assertions;

import io.cdcharness.kafka.RecordedRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The crossing check without servers: whose events are these? */
class CrossingCheckTest {
    private static final Instant BEGAN = Instant.parse("2026-11-30T14:00:05.600Z");

    private static RecordedRecord event(long offset, String prefix, Instant written) {
        String value = "{\"before\":null,\"after\":{\"id\":" + offset + "},\"source\":{\"name\":\"" + prefix + "\",\"ts_ms\":"
                + written.toEpochMilli() + ",\"db\":\"shop\",\"table\":\"orders\"},\"op\":\"c\",\"ts_ms\":" + written.toEpochMilli() + "}";
        return new RecordedRecord(prefix + ".shop.orders", 0, offset, written.toEpochMilli(), ("{\"id\":" + offset + "}").getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void eventsOfTheScenariosOwnConnectorsAfterItBeganAreItsOwn() {
        // the binlog keeps whole seconds: an event of 14:00:05.700 is stamped 14:00:05.000
        CrossingCheck.Result result = CrossingCheck.of(List.of(event(0, "shop", Instant.parse("2026-11-30T14:00:05Z")),
                event(1, "shop", Instant.parse("2026-11-30T14:00:07Z"))), Set.of("shop"), Optional.of(BEGAN));
        assertThat(result.checked()).isEqualTo(2);
        assertThat(result.foreign()).isEmpty();
    }

    @Test
    void anEventOfAnotherScenariosConnectorIsNamed() {
        CrossingCheck.Result result = CrossingCheck.of(List.of(event(0, "shop", BEGAN), event(1, "billing", BEGAN)),
                Set.of("shop"), Optional.of(BEGAN));
        assertThat(result.foreign()).containsExactly("billing.shop.orders offset 1: written by a connector with topic.prefix \"billing\", "
                + "which no connector of this scenario has [shop]");
        assertThat(result.describe()).startsWith("1 of 2 change events on this scenario's topics are not this scenario's:");
    }

    @Test
    void anEventWrittenBeforeTheScenarioBeganIsNamed() {
        CrossingCheck.Result result = CrossingCheck.of(List.of(event(0, "shop", Instant.parse("2026-11-30T14:00:03Z"))),
                Set.of("shop"), Optional.of(BEGAN));
        assertThat(result.foreign()).containsExactly("shop.shop.orders offset 0: written to the binlog at 2026-11-30T14:00:03Z, "
                + "before this scenario began (2026-11-30T14:00:05Z)");
    }

    @Test
    void withoutAClockToTrustOnlyTheConnectorCounts() {
        CrossingCheck.Result result = CrossingCheck.of(List.of(event(0, "shop", Instant.EPOCH)), Set.of("shop"), Optional.empty());
        assertThat(result.foreign()).isEmpty();
    }
}
