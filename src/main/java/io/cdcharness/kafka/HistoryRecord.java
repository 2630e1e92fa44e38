package io.cdcharness.kafka;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An entry of the connector's schema history topic ({@code schema.history.internal.kafka.topic}):
 * the DDL Debezium replays on restart, with the binlog position it was seen at.
 */
public record HistoryRecord(RecordedRecord record, String databaseName, String ddl, JsonNode position) {

    public static HistoryRecord of(RecordedRecord record) {
        JsonNode value = record.valueJson();
        if (value == null) {
            return new HistoryRecord(record, "", "", null);
        }
        return new HistoryRecord(record, value.path("databaseName").asText(""), value.path("ddl").asText(""),
                value.path("position"));
    }

    public String describe() {
        return "[" + databaseName + "] " + RecordedRecord.abbreviate(ddl.replaceAll("\\s+", " ")) + " at " + position;
    }
}
