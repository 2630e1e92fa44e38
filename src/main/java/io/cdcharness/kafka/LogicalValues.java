package io.cdcharness.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdcharness.kafka.values.BinaryValue;
import io.cdcharness.kafka.values.BitsValue;
import io.cdcharness.kafka.values.BooleanValue;
import io.cdcharness.kafka.values.Geometry;
import io.cdcharness.kafka.values.GeometryNode;
import io.cdcharness.kafka.values.GeometryValue;
import io.cdcharness.kafka.values.NumberValue;
import io.cdcharness.kafka.values.SqlLiterals;
import io.cdcharness.kafka.values.SqlValue;
import io.cdcharness.kafka.values.SqlValueNode;
import io.cdcharness.kafka.values.TemporalValue;
import io.cdcharness.kafka.values.TextValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Decodes values as the JsonConverter writes them (with {@code schemas.enable=true}) using each field's Connect
 * schema (type, {@code name}, {@code parameters}), into nodes that print as a user writes the value in SQL and
 * compare by meaning (see {@link SqlValue}): DECIMAL from base64 bytes to {@code 1234.50}, DATE from days to
 * {@code 2024-01-31}, DATETIME from epoch milli- or microseconds to {@code 2024-01-31T10:15:30}, TIMESTAMP to an
 * instant, TIME from microseconds to a signed duration {@code -13:14:50}, BIT(n) to bits {@code 1010}, binary to
 * {@code 0x}-hex, geometry from WKB to a geometry that compares with WKT. Values without a schema stay as they are.
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
        if (value == null || value.isNull() || schema == null || schema.isNull() || !schema.isObject()) {
            return value;
        }
        String type = schema.path("type").asText("");
        String name = schema.path("name").asText("");
        try {
            if ("struct".equals(type) && value.isObject()) {
                return decodeStruct(value, schema, name);
            }
            if ("array".equals(type) && value.isArray()) {
                ArrayNode items = NODES.arrayNode();
                for (JsonNode item : value) {
                    items.add(decode(item, schema.get("items")));
                }
                return items;
            }
            return decodeScalar(value, type, name, schema.path("parameters"));
        } catch (RuntimeException e) {
            return value; // not the shape the schema promised: show it as it is
        }
    }

    private static JsonNode decodeStruct(JsonNode value, JsonNode schema, String name) {
        if (name.equals("io.debezium.data.VariableScaleDecimal")) {
            BigDecimal number = new BigDecimal(new BigInteger(bytes(value.path("value"))), value.path("scale").asInt(0));
            return typed(new NumberValue(number, NumberValue.Kind.DECIMAL), NODES.numberNode(number));
        }
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
        if (name.equals("io.debezium.data.geometry.Geometry") || name.equals("io.debezium.data.geometry.Point")) {
            JsonNode srid = value.path("srid");
            Geometry geometry = value.path("wkb").isTextual()
                    ? Geometry.fromWkb(bytes(value.path("wkb")))
                    : Geometry.fromWkt("POINT(" + value.path("x").asDouble() + " " + value.path("y").asDouble() + ")");
            return new GeometryNode(new GeometryValue(geometry, srid.isNumber() ? srid.asInt() : null), decoded);
        }
        return decoded;
    }

    private static JsonNode decodeScalar(JsonNode value, String type, String name, JsonNode parameters) {
        switch (name) {
            case "org.apache.kafka.connect.data.Decimal": {
                BigDecimal number = new BigDecimal(new BigInteger(bytes(value)), parameters.path("scale").asInt(0));
                return typed(new NumberValue(number, NumberValue.Kind.DECIMAL), NODES.numberNode(number));
            }
            case "io.debezium.time.Date":
            case "org.apache.kafka.connect.data.Date":
                return shownAsText(new TemporalValue.Date(LocalDate.ofEpochDay(value.asLong())));
            case "io.debezium.time.Timestamp":
            case "org.apache.kafka.connect.data.Timestamp":
                return shownAsText(TemporalValue.DateTime.ofEpoch(value.asLong(), 1_000_000));
            case "io.debezium.time.MicroTimestamp":
                return shownAsText(TemporalValue.DateTime.ofEpoch(value.asLong(), 1_000));
            case "io.debezium.time.NanoTimestamp":
                return shownAsText(TemporalValue.DateTime.ofEpoch(value.asLong(), 1));
            case "io.debezium.time.ZonedTimestamp":
                return shownAsText(TemporalValue.Timestamp.parse(value.asText()));
            case "io.debezium.time.Time":
            case "org.apache.kafka.connect.data.Time":
                return shownAsText(new TemporalValue.Time(value.asLong() * 1_000_000));
            case "io.debezium.time.MicroTime":
                return shownAsText(new TemporalValue.Time(value.asLong() * 1_000));
            case "io.debezium.time.NanoTime":
                return shownAsText(new TemporalValue.Time(value.asLong()));
            case "io.debezium.data.Bits":
                return shownAsText(BitsValue.fromLittleEndian(bytes(value), parameters.path("length").asInt(8)));
            case "io.debezium.data.Json":
                return typed(new TextValue(value.asText(), TextValue.Kind.JSON), value);
            case "io.debezium.data.Enum":
                return typed(new TextValue(value.asText(), TextValue.Kind.ENUM), value);
            case "io.debezium.data.EnumSet":
                return typed(new TextValue(value.asText(), TextValue.Kind.SET), value);
            default:
                break;
        }
        switch (type) {
            case "boolean":
                return value.isBoolean() ? typed(new BooleanValue(value.booleanValue()), value) : value;
            case "int8", "int16", "int32":
                return value.isIntegralNumber() ? typed(new NumberValue(value.decimalValue(), NumberValue.Kind.INTEGER), value) : value;
            case "int64":
                return value.isIntegralNumber() ? typed(new NumberValue(value.decimalValue(), NumberValue.Kind.INT64), value) : value;
            case "float", "float32":
                return value.isNumber() ? typed(new NumberValue(value.decimalValue(), NumberValue.Kind.FLOAT32), value) : value;
            case "double", "float64":
                return value.isNumber() ? typed(new NumberValue(value.decimalValue(), NumberValue.Kind.FLOAT64), value) : value;
            case "string":
                return value.isTextual() ? typed(new TextValue(value.asText(), TextValue.Kind.STRING), value) : value;
            case "bytes":
                return value.isTextual() ? shownAsText(new BinaryValue(bytes(value))) : value;
            default:
                return value;
        }
    }

    private static JsonNode typed(SqlValue value, JsonNode shown) {
        return new SqlValueNode(value, shown);
    }

    /** Shown as the text a user writes ({@code 2024-01-31}, {@code 0xcafe}); binary without the text it may hold. */
    private static JsonNode shownAsText(SqlValue value) {
        String text = value instanceof BinaryValue binary ? SqlLiterals.hexText(binary.bytes()) : value.show();
        return new SqlValueNode(value, NODES.textNode(text));
    }

    private static byte[] bytes(JsonNode value) {
        return Base64.getDecoder().decode(value.asText());
    }

    /** Debezium writes BIT(n) little-endian: byte 0 holds bits 0 to 7. Shown most significant bit first. */
    static String bits(byte[] bytes, int length) {
        return BitsValue.fromLittleEndian(bytes, length).show();
    }

    static String hex(byte[] bytes) {
        return SqlLiterals.hexText(bytes);
    }
}
