package io.cdcharness.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Optional;

/**
 * A Debezium change event: the envelope's {@code op}, {@code before}, {@code after}, {@code source}
 * and {@code ts_ms}, or a tombstone (null value) that follows a delete.
 *
 * <pre>{@code
 * ChangeEvent event = ChangeEvent.of(record);
 * event.op();                       // "c", "u", "d" or "r"
 * event.field("after.name");        // "jack"
 * event.source().path("table");     // "user_account"
 * }</pre>
 */
public record ChangeEvent(RecordedRecord record, JsonNode key, JsonNode value) {

    public static ChangeEvent of(RecordedRecord record) {
        return new ChangeEvent(record, record.keyJson(), record.valueJson());
    }

    public boolean isTombstone() {
        return value == null || value.isNull();
    }

    /** {@code c} create, {@code u} update, {@code d} delete, {@code r} read (snapshot), {@code t} truncate; empty for a tombstone. */
    public String op() {
        return isTombstone() ? "" : value.path("op").asText("");
    }

    public JsonNode before() {
        return isTombstone() ? MissingNode.getInstance() : value.path("before");
    }

    public JsonNode after() {
        return isTombstone() ? MissingNode.getInstance() : value.path("after");
    }

    public JsonNode source() {
        return isTombstone() ? MissingNode.getInstance() : value.path("source");
    }

    /**
     * A field by dotted path from the value: {@code after.name}, {@code source.table}, {@code op}; a path
     * starting with {@code key.} reads the key, and {@code key} is the whole key (null for a table
     * without a primary key). Empty when the event has no such path.
     */
    public Optional<JsonNode> field(String path) {
        if (path.equals("key")) {
            return Optional.of(key == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : key);
        }
        JsonNode node = path.startsWith("key.") ? key : value;
        String rest = path.startsWith("key.") ? path.substring(4) : path;
        if (node == null) {
            return Optional.empty();
        }
        for (String part : rest.split("\\.")) {
            if (node != null && node.isNull()) {
                return Optional.of(node); // below a null (before of a create, after of a delete) everything is null
            }
            if (node == null || !node.has(part)) {
                return Optional.empty();
            }
            node = node.get(part);
        }
        return Optional.ofNullable(node);
    }

    public String describe() {
        if (isTombstone()) {
            return "tombstone key=" + key + " (" + where() + ")";
        }
        return "op=" + op() + " before=" + RecordedRecord.abbreviate(String.valueOf(before()))
                + " after=" + RecordedRecord.abbreviate(String.valueOf(after())) + " (" + where() + ")";
    }

    private String where() {
        return "offset " + record.offset() + (record.partition() == 0 ? "" : " partition " + record.partition());
    }
}
