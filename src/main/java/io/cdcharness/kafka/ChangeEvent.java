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

    /** True when the record is a Debezium change event or a tombstone (not a schema change, transaction or other record). */
    public boolean isChangeEventOrTombstone() {
        return record.kind() == RecordedRecord.Kind.CHANGE_EVENT || record.kind() == RecordedRecord.Kind.TOMBSTONE;
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
     * without a primary key); {@code header.<name>} reads a header (names may hold dots, as in
     * {@code header.__debezium.oldkey}), and a path below it reads into the header's JSON
     * ({@code header.__debezium.oldkey.id}). Empty when the event has no such path.
     */
    public Optional<JsonNode> field(String path) {
        if (path.equals("key")) {
            return Optional.of(key == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : key);
        }
        if (path.startsWith(HEADER_PREFIX)) {
            return header(path.substring(HEADER_PREFIX.length()));
        }
        JsonNode node = path.startsWith("key.") ? key : value;
        String rest = path.startsWith("key.") ? path.substring(4) : path;
        return navigate(node, rest);
    }

    private static final String HEADER_PREFIX = "header.";

    /** The longest header name that starts the path wins; the rest of the path reads into its JSON. */
    private Optional<JsonNode> header(String path) {
        String best = null;
        for (String name : record.headers().keySet()) {
            if ((path.equals(name) || path.startsWith(name + ".")) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Optional<JsonNode> header = record.header(best);
        String below = path.equals(best) ? "" : path.substring(best.length() + 1);
        return below.isEmpty() ? header : header.flatMap(json -> navigate(json, below));
    }

    private static Optional<JsonNode> navigate(JsonNode node, String path) {
        if (node == null) {
            return Optional.empty();
        }
        for (String part : path.split("\\.")) {
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

    /** The same event as the other: same key and value (a duplicate, wherever it sits). */
    public boolean sameContentAs(ChangeEvent other) {
        return java.util.Objects.equals(key, other.key) && java.util.Objects.equals(value, other.value);
    }

    public String describe() {
        return record.describe();
    }
}
