package io.cdcharness.golden;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shape of a record: every field path with its type, read from the Connect schema in the JSON
 * envelope ({@code {"schema": ..., "payload": ...}}), or from the payload's JSON types where records
 * carry no schema. {@code after.uid -> int32}, {@code source.ts_us -> int64},
 * {@code after.created -> int64 io.debezium.time.Timestamp}.
 */
public record SchemaShape(String schemaName, Map<String, String> fields) {

    public static SchemaShape of(JsonNode envelope) {
        Map<String, String> fields = new TreeMap<>();
        if (envelope == null || envelope.isNull()) {
            return new SchemaShape(null, fields);
        }
        if (envelope.isObject() && envelope.has("schema") && envelope.has("payload") && envelope.get("schema").isObject()) {
            JsonNode schema = envelope.get("schema");
            walkSchema("", schema, fields);
            return new SchemaShape(schema.path("name").asText(null), fields);
        }
        walkPayload("", envelope, fields);
        return new SchemaShape(null, fields);
    }

    private static void walkSchema(String prefix, JsonNode schema, Map<String, String> fields) {
        String type = schema.path("type").asText();
        if (type.equals("struct")) {
            for (JsonNode field : schema.path("fields")) {
                String path = prefix.isEmpty() ? field.path("field").asText() : prefix + "." + field.path("field").asText();
                fields.put(path, describe(field));
                walkSchema(path, field, fields);
            }
        } else if (type.equals("array") && schema.has("items")) {
            walkSchema(prefix + "[]", schema.get("items"), fields);
        }
    }

    private static String describe(JsonNode schema) {
        String type = schema.path("type").asText();
        String name = schema.path("name").asText("");
        return type + (name.isEmpty() || type.equals("struct") ? "" : " " + name) + (schema.path("optional").asBoolean(false) ? "" : " required");
    }

    private static void walkPayload(String prefix, JsonNode node, Map<String, String> fields) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            String type = value.isNull() ? "null" : value.isObject() ? "object" : value.isArray() ? "array"
                    : value.isTextual() ? "string" : value.isBoolean() ? "boolean" : value.isIntegralNumber() ? "integer" : "number";
            fields.merge(path, type, (old, now) -> old.equals("null") ? now : old);
            walkPayload(path, value, fields);
        }
    }

    /** The union of two shapes (records of one topic differ: a delete has no after). */
    public SchemaShape merge(SchemaShape other) {
        Map<String, String> union = new TreeMap<>(fields);
        other.fields.forEach((path, type) -> union.merge(path, type, (old, now) -> old.equals("null") ? now : old));
        return new SchemaShape(schemaName != null ? schemaName : other.schemaName, union);
    }
}
