package io.cdcharness.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns values as the JsonConverter writes them (with {@code schemas.enable=true}) back into what a
 * user writes in SQL: DECIMAL from base64 bytes to {@code 12.34}, DATE from days to {@code 2024-01-31},
 * DATETIME from epoch millis or micros to {@code 2024-01-31T10:15:30}, TIME to {@code 10:15:30},
 * BIT(n) to a bit string such as {@code 1010}, binary to {@code 0x}-hex. Values without a schema
 * stay as they are.
 */
public final class LogicalValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LogicalValues() {
    }

    /** Decodes a JsonConverter envelope ({@code schema} + {@code payload}); anything else is returned unchanged. */
    public static JsonNode decodeEnvelope(JsonNode envelope) {
        if (envelope == null || !envelope.isObject() || !envelope.has("schema") || !envelope.has("payload") || envelope.size() != 2) {
            return envelope;
        }
        return decode(envelope.get("payload"), envelope.get("schema"));
    }

    static JsonNode decode(JsonNode value, JsonNode schema) {
        if (value == null || value.isNull() || schema == null || schema.isNull()) {
            return value;
        }
        String type = schema.path("type").asText("");
        String name = schema.path("name").asText("");
        if ("struct".equals(type) && value.isObject() && !name.equals("io.debezium.data.VariableScaleDecimal")) {
            Map<String, JsonNode> fieldSchemas = new HashMap<>();
            for (JsonNode field : schema.path("fields")) {
                fieldSchemas.put(field.path("field").asText(), field);
            }
            ObjectNode decoded = NODES.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                decoded.set(field.getKey(), decode(field.getValue(), fieldSchemas.get(field.getKey())));
            }
            return decoded;
        }
        return decodeScalar(value, type, name, schema.path("parameters"));
    }

    private static JsonNode decodeScalar(JsonNode value, String type, String name, JsonNode parameters) {
        try {
            switch (name) {
                case "org.apache.kafka.connect.data.Decimal":
                    return NODES.numberNode(new BigDecimal(new BigInteger(bytes(value)), parameters.path("scale").asInt(0)));
                case "io.debezium.data.VariableScaleDecimal":
                    return NODES.numberNode(new BigDecimal(new BigInteger(bytes(value.path("value"))), value.path("scale").asInt(0)));
                case "io.debezium.time.Date":
                case "org.apache.kafka.connect.data.Date":
                    return NODES.textNode(LocalDate.ofEpochDay(value.asLong()).toString());
                case "io.debezium.time.Timestamp":
                case "org.apache.kafka.connect.data.Timestamp":
                    return NODES.textNode(localDateTime(Instant.ofEpochMilli(value.asLong())));
                case "io.debezium.time.MicroTimestamp":
                    return NODES.textNode(localDateTime(Instant.EPOCH.plusNanos(value.asLong() * 1000)));
                case "io.debezium.time.NanoTimestamp":
                    return NODES.textNode(localDateTime(Instant.EPOCH.plusNanos(value.asLong())));
                case "io.debezium.time.Time":
                case "org.apache.kafka.connect.data.Time":
                    return NODES.textNode(DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.ofNanoOfDay(value.asLong() * 1_000_000)));
                case "io.debezium.time.MicroTime":
                    return NODES.textNode(DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.ofNanoOfDay(value.asLong() * 1000)));
                case "io.debezium.data.Bits":
                    return NODES.textNode(bits(bytes(value), parameters.path("length").asInt(8)));
                default:
                    break;
            }
        } catch (RuntimeException e) {
            return value; // not the shape the schema promised: show it as it is
        }
        if ("bytes".equals(type) && value.isTextual()) {
            return NODES.textNode(hex(bytes(value)));
        }
        return value;
    }

    private static byte[] bytes(JsonNode value) {
        return Base64.getDecoder().decode(value.asText());
    }

    private static String localDateTime(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    /** Debezium writes BIT(n) little-endian: byte 0 holds bits 0 to 7. Shown most significant bit first. */
    static String bits(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder();
        for (int bit = length - 1; bit >= 0; bit--) {
            int index = bit / 8;
            boolean set = index < bytes.length && (bytes[index] & (1 << (bit % 8))) != 0;
            text.append(set ? '1' : '0');
        }
        return text.toString();
    }

    static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder("0x");
        for (byte b : bytes) {
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }
}
