package io.cdcharness.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcharness.sql.BinlogPosition;

import java.util.Optional;

/**
 * A source offset as Kafka Connect stores it in its offset topic: the key is
 * {@code ["connector-name", {partition}]}, the value the connector's position (for Debezium's MySQL
 * connector {@code file}, {@code pos}, {@code row}, {@code event}, and {@code gtids} with GTIDs on).
 * A null value (tombstone) means the offsets were deleted.
 */
public record SourceOffset(String connector, JsonNode partition, JsonNode offset, RecordedRecord record) {

    /** Parses an offset topic record; empty when the key is not Connect's offset key shape. */
    public static Optional<SourceOffset> of(RecordedRecord record) {
        JsonNode key = record.keyJson();
        if (key == null || !key.isArray() || key.size() != 2) {
            return Optional.empty();
        }
        JsonNode value = record.valueJson();
        return Optional.of(new SourceOffset(key.get(0).asText(), key.get(1), value, record));
    }

    public boolean isDeleted() {
        return offset == null || offset.isNull();
    }

    /** The binlog file and position, when the offset has them. */
    public Optional<BinlogPosition> binlogPosition() {
        if (isDeleted() || !offset.has("file") || !offset.has("pos")) {
            return Optional.empty();
        }
        return Optional.of(new BinlogPosition(offset.get("file").asText(), offset.get("pos").asLong()));
    }

    /**
     * True when the connector has processed the transaction or DDL that starts at {@code start}:
     * Debezium stores a transaction's own start with the events and rows already done
     * ({@code event}, {@code row}), and the position after a DDL statement.
     */
    public boolean isPast(BinlogPosition start) {
        Optional<BinlogPosition> position = binlogPosition();
        if (position.isEmpty() || isSnapshot()) {
            // a snapshot's offset holds the position it will stream from, not what it has processed
            return false;
        }
        int order = position.get().compareTo(start);
        return order > 0 || (order == 0 && (offset.path("event").asLong(0) > 0 || offset.path("row").asLong(0) > 0));
    }

    /** Compares offsets by binlog file, position, then events and rows done within the transaction. */
    public int compareProgress(SourceOffset other) {
        int order = binlogPosition().orElseThrow().compareTo(other.binlogPosition().orElseThrow());
        if (order != 0) {
            return order;
        }
        int events = Long.compare(offset.path("event").asLong(0), other.offset.path("event").asLong(0));
        return events != 0 ? events : Long.compare(offset.path("row").asLong(0), other.offset.path("row").asLong(0));
    }

    /** True while the offset belongs to a snapshot ({@code snapshot} is {@code true} or a mode such as {@code "INITIAL"}). */
    public boolean isSnapshot() {
        if (isDeleted() || !offset.has("snapshot") || offset.get("snapshot").isNull()) {
            return false;
        }
        JsonNode snapshot = offset.get("snapshot");
        return snapshot.isBoolean() ? snapshot.asBoolean() : !snapshot.asText().equalsIgnoreCase("false");
    }

    public String describe() {
        return connector + " " + partition + " -> " + (isDeleted() ? "(deleted)" : offset.toString());
    }
}
