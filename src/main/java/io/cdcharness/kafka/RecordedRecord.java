package io.cdcharness.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One record as it sits on a topic: raw key and value bytes plus where it was. The typed views
 * ({@link ChangeEvent}, {@link SchemaChange}, {@link HistoryRecord}, {@link SourceOffset}) parse from it.
 */
public record RecordedRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
                             Map<String, byte[]> headers) {
    private static final ObjectMapper JSON = new ObjectMapper();

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
     * logical types decoded (see {@link LogicalValues}).
     */
    public JsonNode keyJson() {
        return LogicalValues.decodeEnvelope(parse(key));
    }

    /**
     * The value as JSON, with the JsonConverter's {@code schema}/{@code payload} envelope removed and
     * logical types decoded: DECIMAL as {@code 12.34}, DATE as {@code 2024-01-31} (see {@link LogicalValues}).
     */
    public JsonNode valueJson() {
        return LogicalValues.decodeEnvelope(parse(value));
    }

    /** The value exactly as stored, envelope included. */
    public JsonNode rawValueJson() {
        return parse(value);
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

    /** A short form for failure messages: {@code topic[partition]@offset key=... value=...}. */
    public String describe() {
        return topic + "[" + partition + "]@" + offset + " key=" + abbreviate(String.valueOf(keyJson()))
                + " value=" + abbreviate(String.valueOf(valueJson()));
    }

    static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...(" + text.length() + " chars)";
    }
}
