package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcharness.kafka.ChangeEvent;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The paths a check may name on a topic's events: those the events have (for hints, with {@code key.*}
 * and {@code header.*}), and, where the JsonConverter carries schemas, those the events can have at all,
 * so that a path no event can ever have fails at once instead of waiting out the timeout.
 */
final class EventPaths {
    private static final int DEPTH = 3;

    private EventPaths() {
    }

    /** Every path the events have, e.g. {@code after.uid}, {@code key.id}, {@code header.__debezium.oldkey}, sorted. */
    static String known(List<ChangeEvent> events) {
        TreeSet<String> paths = new TreeSet<>();
        for (ChangeEvent event : events) {
            if (event.key() != null && !event.key().isNull()) {
                collect("key", event.key(), paths, DEPTH - 1);
            }
            if (!event.isTombstone()) {
                collect("", event.value(), paths, DEPTH - 1);
            }
            event.record().headers().keySet().forEach(name -> paths.add("header." + name));
        }
        return String.join(", ", paths);
    }

    /** True when some event has the path. */
    static boolean anyHas(List<ChangeEvent> events, String path) {
        return events.stream().anyMatch(event -> event.field(path).isPresent());
    }

    /**
     * True when no event can have the path: every event carries its schema (JsonConverter with
     * {@code schemas.enable=true}) and none of those schemas has it. Unknown (false) without schemas.
     */
    static boolean impossible(List<ChangeEvent> events, String path) {
        if (events.isEmpty() || path.equals("key") || path.startsWith("header.")) {
            return false;
        }
        boolean keyPath = path.startsWith("key.");
        String inner = keyPath ? path.substring(4) : path;
        boolean anySchema = false;
        for (ChangeEvent event : events) {
            JsonNode raw = keyPath ? event.record().rawKeyJson() : event.record().rawValueJson();
            if (raw == null || raw.isNull()) {
                continue; // a tombstone or null key tells nothing
            }
            Optional<JsonNode> schema = schemaOf(raw);
            if (schema.isEmpty()) {
                return false;
            }
            anySchema = true;
            if (schemaHas(schema.get(), inner.split("\\."), 0)) {
                return false;
            }
        }
        return anySchema;
    }

    private static Optional<JsonNode> schemaOf(JsonNode raw) {
        return raw.isObject() && raw.has("schema") && raw.has("payload") && raw.size() == 2 ? Optional.of(raw.get("schema")) : Optional.empty();
    }

    private static boolean schemaHas(JsonNode schema, String[] parts, int index) {
        if (index == parts.length) {
            return true;
        }
        if (!"struct".equals(schema.path("type").asText())) {
            return schema.path("name").asText().equals("io.debezium.data.Json"); // JSON text can hold anything
        }
        for (JsonNode field : schema.path("fields")) {
            if (field.path("field").asText().equals(parts[index])) {
                return schemaHas(field, parts, index + 1);
            }
        }
        return false;
    }

    private static void collect(String prefix, JsonNode node, Set<String> paths, int depth) {
        if (node == null || !node.isObject() || depth == 0) {
            if (!prefix.isEmpty()) {
                paths.add(prefix);
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            collect(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), paths, depth - 1);
        }
    }
}
