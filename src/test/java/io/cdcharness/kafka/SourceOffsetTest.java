package io.cdcharness.kafka;

import io.cdcharness.sql.BinlogPosition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SourceOffsetTest {

    private static SourceOffset offset(String value) {
        RecordedRecord record = new RecordedRecord("my-source-connector-offset", 0, 0, 0,
                "[\"my-source-connector\",{\"server\":\"originDB\"}]".getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), Map.of());
        return SourceOffset.of(record).orElseThrow();
    }

    private static final BinlogPosition INSERT_START = new BinlogPosition("mysql-bin.000001", 562);

    @Test
    void aTransactionIsPassedWhenItsEventsAreCountedAtItsStart() {
        assertThat(offset("{\"file\":\"mysql-bin.000001\",\"pos\":562,\"event\":2,\"row\":1}").isPast(INSERT_START)).isTrue();
    }

    @Test
    void theOffsetLeftByAnEarlierDdlIsNotPastTheInsertThatFollows() {
        // after a DDL Debezium stores the position after it, which is where the next statement starts
        assertThat(offset("{\"file\":\"mysql-bin.000001\",\"pos\":562}").isPast(INSERT_START)).isFalse();
    }

    @Test
    void laterFilesArePast() {
        assertThat(offset("{\"file\":\"mysql-bin.000002\",\"pos\":4}").isPast(INSERT_START)).isTrue();
    }

    @Test
    void aSnapshotOffsetIsNeverPastAMarker() {
        // a snapshot stores the position it will stream from, before it has processed anything there
        assertThat(offset("{\"file\":\"mysql-bin.000002\",\"pos\":4,\"snapshot\":\"INITIAL\"}").isPast(INSERT_START)).isFalse();
        assertThat(offset("{\"file\":\"mysql-bin.000002\",\"pos\":4,\"snapshot\":true}").isPast(INSERT_START)).isFalse();
        assertThat(offset("{\"file\":\"mysql-bin.000002\",\"pos\":4,\"snapshot\":\"false\"}").isPast(INSERT_START)).isTrue();
    }

    @Test
    void keyAndTombstoneAreRead() {
        SourceOffset deleted = offset(null);
        assertThat(deleted.connector()).isEqualTo("my-source-connector");
        assertThat(deleted.partition().path("server").asText()).isEqualTo("originDB");
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(deleted.isPast(INSERT_START)).isFalse();
    }

    @Test
    void progressComparesEventsWithinATransaction() {
        SourceOffset first = offset("{\"file\":\"mysql-bin.000001\",\"pos\":562,\"event\":2,\"row\":1}");
        SourceOffset second = offset("{\"file\":\"mysql-bin.000001\",\"pos\":562,\"event\":3,\"row\":1}");
        assertThat(second.compareProgress(first)).isPositive();
        assertThat(first.compareProgress(first)).isZero();
    }
}
