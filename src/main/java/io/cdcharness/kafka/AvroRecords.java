package io.cdcharness.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Decodes Avro records in the Confluent wire format (magic byte 0, a 4-byte schema id, Avro binary)
 * through the schema registry, into the very JSON the JsonConverter writes: {@code {"schema": <Connect
 * schema>, "payload": <value>}}. The Connect schema comes from the {@code connect.name},
 * {@code connect.parameters} and {@code connect.type} properties the Avro converter puts on the Avro
 * schema, so Debezium's logical types ({@code io.debezium.time.Date}, {@code Decimal}) decode as they do
 * on JSON topics, and every step works the same on Avro topics.
 */
public final class AvroRecords {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Supplier<Optional<SchemaRegistryClient>> registry;
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    /** @param registry the registry once it runs (it starts when the first connector needs it) */
    public AvroRecords(Supplier<Optional<SchemaRegistryClient>> registry) {
        this.registry = registry;
    }

    /** True for bytes in the Confluent wire format (JSON never starts with a zero byte). */
    public static boolean looksLikeAvro(byte[] bytes) {
        return bytes != null && bytes.length >= 5 && bytes[0] == 0;
    }

    /** The record as a JsonConverter envelope; empty when there is no registry to ask. */
    public Optional<JsonNode> decode(byte[] bytes) {
        Optional<SchemaRegistryClient> client = registry.get();
        if (client.isEmpty()) {
            return Optional.empty();
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema schema = schemas.computeIfAbsent(id, key -> new Schema.Parser().parse(client.get().schemaById(key)));
        try {
            Object value = new GenericDatumReader<Object>(schema).read(null,
                    DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
            ObjectNode envelope = NODES.objectNode();
            envelope.set("schema", connectSchema(schema, false));
            envelope.set("payload", payload(value, schema));
            return Optional.of(envelope);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not decode an Avro record with schema id " + id + ": " + e.getMessage(), e);
        }
    }

    /** The Connect schema, as the JsonConverter writes it, of an Avro schema written by the Avro converter. */
    static ObjectNode connectSchema(Schema schema, boolean optional) {
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> types = schema.getTypes();
            Schema nonNull = types.stream().filter(type -> type.getType() != Schema.Type.NULL).findFirst().orElse(types.get(0));
            return connectSchema(nonNull, types.size() > 1 || optional);
        }
        ObjectNode node = NODES.objectNode();
        switch (schema.getType()) {
            case RECORD -> {
                node.put("type", "struct");
                ArrayNode fields = node.putArray("fields");
                for (Schema.Field field : schema.getFields()) {
                    ObjectNode child = connectSchema(field.schema(), false);
                    child.put("field", field.name());
                    fields.add(child);
                }
            }
            case INT -> node.put("type", String.valueOf(Optional.ofNullable(schema.getProp("connect.type")).orElse("int32")));
            case LONG -> node.put("type", "int64");
            case FLOAT -> node.put("type", "float");
            case DOUBLE -> node.put("type", "float64");
            case BOOLEAN -> node.put("type", "boolean");
            case STRING, ENUM -> node.put("type", "string");
            case BYTES, FIXED -> node.put("type", "bytes");
            case ARRAY -> {
                node.put("type", "array");
                node.set("items", connectSchema(schema.getElementType(), false));
            }
            case MAP -> {
                node.put("type", "map");
                node.set("keys", NODES.objectNode().put("type", "string").put("optional", false));
                node.set("values", connectSchema(schema.getValueType(), false));
            }
            default -> node.put("type", "string");
        }
        node.put("optional", optional);
        String name = schema.getProp("connect.name");
        if (name == null && schema.getType() == Schema.Type.RECORD) {
            name = schema.getFullName();
        }
        if (name == null && "decimal".equals(schema.getProp("logicalType"))) {
            name = "org.apache.kafka.connect.data.Decimal";
            node.set("parameters", NODES.objectNode().put("scale", String.valueOf(schema.getObjectProp("scale"))));
        }
        if (name != null) {
            node.put("name", name);
        }
        Object version = schema.getObjectProp("connect.version");
        if (version instanceof Number number) {
            node.put("version", number.intValue());
        }
        Object parameters = schema.getObjectProp("connect.parameters");
        if (parameters instanceof Map<?, ?> map) {
            ObjectNode params = NODES.objectNode();
            map.forEach((key, value) -> params.put(String.valueOf(key), String.valueOf(value)));
            node.set("parameters", params);
        }
        return node;
    }

    /** The value as the JsonConverter writes it: structs as objects, bytes as base64. */
    static JsonNode payload(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (schema.getType() == Schema.Type.UNION) {
            int branch = GenericData.get().resolveUnion(schema, value);
            return payload(value, schema.getTypes().get(branch));
        }
        return switch (schema.getType()) {
            case RECORD -> {
                ObjectNode node = NODES.objectNode();
                GenericRecord record = (GenericRecord) value;
                for (Schema.Field field : schema.getFields()) {
                    node.set(field.name(), payload(record.get(field.pos()), field.schema()));
                }
                yield node;
            }
            case INT -> NODES.numberNode(((Number) value).intValue());
            case LONG -> NODES.numberNode(((Number) value).longValue());
            case FLOAT -> NODES.numberNode(((Number) value).floatValue());
            case DOUBLE -> NODES.numberNode(((Number) value).doubleValue());
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case STRING, ENUM -> NODES.textNode(value.toString());
            case BYTES -> {
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                yield NODES.textNode(Base64.getEncoder().encodeToString(bytes));
            }
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericData.Fixed) value).bytes()));
            case ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (List<?>) value) {
                    array.add(payload(element, schema.getElementType()));
                }
                yield array;
            }
            case MAP -> {
                ObjectNode map = NODES.objectNode();
                ((Map<?, ?>) value).forEach((key, element) -> map.set(String.valueOf(key), payload(element, schema.getValueType())));
                yield map;
            }
            default -> NODES.textNode(String.valueOf(value));
        };
    }
}
