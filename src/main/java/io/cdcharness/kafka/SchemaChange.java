package io.cdcharness.kafka;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event of Debezium's schema change topic (the topic named after {@code topic.prefix}): the DDL,
 * the database it ran in, and the structured table changes.
 */
public record SchemaChange(RecordedRecord record, String databaseName, String ddl, JsonNode tableChanges) {

    public static SchemaChange of(RecordedRecord record) {
        JsonNode value = record.valueJson();
        if (value == null) {
            return new SchemaChange(record, "", "", null);
        }
        return new SchemaChange(record, value.path("databaseName").asText(""), value.path("ddl").asText(""),
                value.path("tableChanges"));
    }

    public String describe() {
        return "[" + databaseName + "] " + RecordedRecord.abbreviate(ddl.replaceAll("\\s+", " "));
    }
}
