package io.cdcharness.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdcharness.kafka.RecordedRecord;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A record as a golden file keeps it: the decoded key and value (envelope removed, logical types
 * decoded, Avro decoded through the registry, exactly what checks see), with the fields that change
 * from run to run replaced by a placeholder that says what was there:
 *
 * <ul>
 *   <li>timestamps: every {@code ts_ms}, {@code ts_us}, {@code ts_ns} at any depth -> {@code "<ts>"};</li>
 *   <li>binlog positions: {@code source.file}, {@code source.pos}, {@code source.thread} -> {@code "<position>"};</li>
 *   <li>GTIDs: {@code source.gtid} -> {@code "<gtid>"} (null stays null);</li>
 *   <li>the connector's replica id {@code source.server_id} -> {@code "<server_id>"};</li>
 *   <li>transaction ids: {@code transaction.id} and a transaction record's {@code id} -> {@code "<txid>"}.</li>
 * </ul>
 * Everything else (ops, row values, {@code source.version}, {@code source.snapshot}, table names) stays:
 * a change there is what a golden file is for.
 */
public final class EventNormalizer {
    private static final Set<String> TIMESTAMPS = Set.of("ts_ms", "ts_us", "ts_ns");
    private static final Map<String, String> SOURCE = Map.of("file", "<position>", "pos", "<position>", "thread", "<position>",
            "gtid", "<gtid>", "server_id", "<server_id>");

    private EventNormalizer() {
    }

    public static ObjectNode normalize(RecordedRecord record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("key", normalizeNode(plain(record.keyJson()), null));
        node.set("value", normalizeNode(plain(record.valueJson()), null));
        return node;
    }

    /** The decoded nodes compare by meaning (typed values); a golden file holds and compares plain JSON. */
    private static JsonNode plain(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return PLAIN.readTree(PLAIN.writeValueAsString(node));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PLAIN = new com.fasterxml.jackson.databind.ObjectMapper();

    static JsonNode normalizeNode(JsonNode node, String parent) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(normalizeNode(element, parent)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        boolean transactionRecord = parent == null && node.has("status") && node.has("id")
                && (node.has("event_count") || node.has("data_collections"));
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (TIMESTAMPS.contains(name) && !value.isNull()) {
                copy.put(name, "<ts>");
            } else if ("source".equals(parent) && SOURCE.containsKey(name) && !value.isNull()) {
                copy.put(name, SOURCE.get(name));
            } else if (("transaction".equals(parent) || transactionRecord) && name.equals("id") && !value.isNull()) {
                copy.put(name, "<txid>");
            } else {
                copy.set(name, normalizeNode(value, name));
            }
        }
        return copy;
    }
}
