package io.cdcharness.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One record as it sits on a topic: raw key and value bytes plus where it was. The key and value are
 * decoded once, when the record is made (the recorder's thread does it as records arrive), so that
 * checks can look at a topic's whole history on every poll without parsing it again.
 *
 * <p>It keeps a compact form: the bytes and the decoded payloads. The envelopes as stored (with the
 * JsonConverter's schema, most of a record's parsed size) are parsed again when asked for
 * ({@link #rawValueJson()}), which only schema checks, dumps and evidence do. The typed views
 * ({@link ChangeEvent}, {@link SchemaChange}, {@link HistoryRecord}, {@link SourceOffset}) read from it.
 *
 * <pre>{@code
 * RecordedRecord record = recorder.records("shop.shop.orders").get(0);
 * record.kind();        // CHANGE_EVENT
 * record.valueJson();   // {"before":null,"after":{"id":10,...},"op":"c",...}
 * record.describe();    // op=c key={"id":10} after={...} (offset 0)
 * }</pre>
 */
public final class RecordedRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a record is, judged from its value: a change event, a schema change, a transaction boundary... */
    public enum Kind { CHANGE_EVENT, TOMBSTONE, SCHEMA_CHANGE, TRANSACTION, OTHER }

    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestamp;
    private final byte[] key;
    private final byte[] value;
    private final Map<String, byte[]> headers;
    private final AvroRecords avro;
    private final JsonNode keyJson;
    private final JsonNode valueJson;
    private final Kind kind;

    public RecordedRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                          Map<String, byte[]> headers) {
        this(topic, partition, offset, timestamp, key, value, headers, null);
    }

    /** @param avro decodes Avro keys and values (Confluent wire format) through the registry; null when there is none */
    public RecordedRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                          Map<String, byte[]> headers, AvroRecords avro) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.key = key;
        this.value = value;
        this.headers = headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.avro = avro;
        this.keyJson = LogicalValues.decodeEnvelope(parse(key, avro));
        this.valueJson = LogicalValues.decodeEnvelope(parse(value, avro));
        this.kind = kindOf(valueJson);
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    public long timestamp() {
        return timestamp;
    }

    public byte[] key() {
        return key;
    }

    public byte[] value() {
        return value;
    }

    public Map<String, byte[]> headers() {
        return headers;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTombstone() {
        return value == null;
    }

    public int serializedSize() {
        int size = (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        for (Map.Entry<String, byte[]> header : headers.entrySet()) {
            size += header.getKey().length() + (header.getValue() == null ? 0 : header.getValue().length);
        }
        return size;
    }

    public String keyText() {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }

    public String valueText() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /**
     * The key as JSON, with the JsonConverter's {@code schema}/{@code payload} envelope removed and
     * logical types decoded (see {@link LogicalValues}); null for a null key.
     */
    public JsonNode keyJson() {
        return keyJson;
    }

    /**
     * The value as JSON, with the JsonConverter's {@code schema}/{@code payload} envelope removed and
     * logical types decoded: DECIMAL as {@code 12.34}, DATE as {@code 2024-01-31} (see {@link LogicalValues}).
     */
    public JsonNode valueJson() {
        return valueJson;
    }

    /** The value exactly as stored, envelope included: parsed anew on each call (the record keeps its bytes, not this tree). */
    public JsonNode rawValueJson() {
        return parse(value, avro);
    }

    /** The key exactly as stored, envelope included: parsed anew on each call (the record keeps its bytes, not this tree). */
    public JsonNode rawKeyJson() {
        return parse(key, avro);
    }

    /** A header's value as JSON when it is JSON, else as text; empty when the record has no such header. */
    public Optional<JsonNode> header(String name) {
        if (!headers.containsKey(name)) {
            return Optional.empty();
        }
        byte[] bytes = headers.get(name);
        if (bytes == null) {
            return Optional.of(JSON.getNodeFactory().nullNode());
        }
        return Optional.of(LogicalValues.decodeEnvelope(parse(bytes)));
    }

    /** Where the record is, for messages: {@code offset 3}, with the partition when it is not 0. */
    public String where() {
        return "offset " + offset + (partition == 0 ? "" : " partition " + partition);
    }

    /** The same record's place as a comparable key: topic, partition and offset. */
    public String coordinates() {
        return topic + "[" + partition + "]@" + offset;
    }

    /** ", binlog mysql-bin.000003:1234" for a change event that says where in the binlog it comes from. */
    private String binlog() {
        JsonNode source = valueJson.path("source");
        return source.hasNonNull("file") && source.hasNonNull("pos")
                ? ", binlog " + source.get("file").asText() + ":" + source.get("pos").asText() : "";
    }

    private static Kind kindOf(JsonNode value) {
        if (value == null || value.isNull()) {
            return Kind.TOMBSTONE;
        }
        if (value.has("op") && (value.has("after") || value.has("before"))) {
            return Kind.CHANGE_EVENT;
        }
        if (value.has("ddl") && value.has("databaseName")) {
            return Kind.SCHEMA_CHANGE;
        }
        if (value.has("status") && value.has("id") && (value.has("event_count") || value.has("data_collections"))) {
            return Kind.TRANSACTION;
        }
        return Kind.OTHER;
    }

    private static JsonNode parse(byte[] bytes, AvroRecords avro) {
        if (avro != null && AvroRecords.looksLikeAvro(bytes)) {
            try {
                java.util.Optional<JsonNode> decoded = avro.decode(bytes);
                if (decoded.isPresent()) {
                    return decoded.get();
                }
            } catch (RuntimeException e) {
                return JSON.getNodeFactory().textNode("(an Avro record the harness could not decode: " + e.getMessage() + ")");
            }
        }
        return parse(bytes);
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /**
     * A short form for failure messages, by kind: a change event shows its op, key, before and after;
     * a schema change its database and DDL; a transaction boundary its status, id and counts; anything
     * else its key and value JSON.
     */
    public String describe() {
        return switch (kind) {
            case CHANGE_EVENT -> "op=" + valueJson.path("op").asText() + " key=" + keyJson
                    + " before=" + abbreviate(String.valueOf(valueJson.path("before")))
                    + " after=" + abbreviate(String.valueOf(valueJson.path("after"))) + " (" + where() + binlog() + ")";
            case TOMBSTONE -> "tombstone key=" + keyJson + " (" + where() + ")";
            case SCHEMA_CHANGE -> "schema change [" + valueJson.path("databaseName").asText("") + "] "
                    + abbreviate(valueJson.path("ddl").asText("").replaceAll("\\s+", " ")) + " (" + where() + ")";
            case TRANSACTION -> "transaction " + valueJson.path("status").asText() + " id=" + valueJson.path("id").asText()
                    + (valueJson.hasNonNull("event_count") ? " event_count=" + valueJson.path("event_count")
                    + " data_collections=" + valueJson.path("data_collections") : "") + " (" + where() + ")";
            case OTHER -> "key=" + abbreviate(String.valueOf(keyJson)) + " value=" + abbreviate(String.valueOf(valueJson))
                    + " (" + where() + ")";
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...(" + text.length() + " chars)";
    }

    @Override
    public String toString() {
        return coordinates() + " " + describe();
    }
}
