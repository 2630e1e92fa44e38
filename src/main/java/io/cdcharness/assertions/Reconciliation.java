package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcharness.kafka.ChangeEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Folds a topic's change events (create, read, update, delete; tombstones carry nothing) per key into
 * the table they describe, and compares it with the table itself: keys lost, keys that should not
 * exist, stale values, duplicated events per key, and events of one key out of order. Pure: it works
 * on events and rows, so unit tests pin it without servers.
 *
 * <pre>{@code
 * Reconciliation.Result result = Reconciliation.of(events, "id", tableRows, List.of("payload"));
 * result.line();   // "2,000 rows, 0 lost, 37 duplicated events, 0 out of order"
 * }</pre>
 */
public final class Reconciliation {
    private Reconciliation() {
    }

    /** The delivery a reconciliation holds the topic to. */
    public enum Delivery {
        /** Nothing lost, nothing stale, order per key kept; duplicates are counted and reported, not failed. */
        AT_LEAST_ONCE("at-least-once"),
        /** Nothing lost, nothing stale, order per key kept, and nothing duplicated. */
        EXACTLY_ONCE("exactly-once");

        private final String word;

        Delivery(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public static Delivery of(String written) {
            return switch (written.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-')) {
                case "at-least-once" -> AT_LEAST_ONCE;
                case "exactly-once" -> EXACTLY_ONCE;
                default -> throw new IllegalArgumentException("\"" + written + "\" is no delivery guarantee. Write at-least-once or exactly-once.");
            };
        }
    }

    /**
     * What the comparison found. Keys are the text of the key column's value.
     *
     * @param rows        rows the table holds
     * @param lost        keys the table has and the folded topic does not
     * @param unexpected  keys the folded topic has and the table does not (a delete was lost, or a record invented)
     * @param stale       keys whose last event shows other values than the table, with the difference
     * @param duplicates  keys with events that arrived more than once, with how many extra copies
     * @param outOfOrder  keys whose events arrived in another order than the binlog wrote them, with the first pair
     */
    public record Result(int rows, int events, List<String> lost, List<String> unexpected, Map<String, String> stale,
                         Map<String, Integer> duplicates, Map<String, String> outOfOrder) {

        public int duplicatedEvents() {
            return duplicates.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** What the delivery guarantee forbids that happened; empty when it holds. */
        public List<String> violations(Delivery delivery) {
            List<String> violations = new ArrayList<>();
            if (!lost.isEmpty()) {
                violations.add(lost.size() + (lost.size() == 1 ? " row is" : " rows are") + " in the table but not in the topic (lost): keys "
                        + shown(lost));
            }
            if (!unexpected.isEmpty()) {
                violations.add(unexpected.size() + (unexpected.size() == 1 ? " key is" : " keys are") + " in the topic but not in the table "
                        + "(a delete was lost, or a record came from nowhere): keys " + shown(unexpected));
            }
            if (!stale.isEmpty()) {
                violations.add(stale.size() + (stale.size() == 1 ? " row's" : " rows'") + " last event shows other values than the table (stale): "
                        + shown(stale.entrySet().stream().map(entry -> "key " + entry.getKey() + ": " + entry.getValue()).toList()));
            }
            if (!outOfOrder.isEmpty()) {
                violations.add(outOfOrder.size() + (outOfOrder.size() == 1 ? " key's events are" : " keys' events are")
                        + " out of order: " + shown(outOfOrder.entrySet().stream().map(entry -> "key " + entry.getKey() + ": " + entry.getValue()).toList()));
            }
            if (delivery == Delivery.EXACTLY_ONCE && !duplicates.isEmpty()) {
                violations.add(duplicatedEvents() + " duplicated " + (duplicatedEvents() == 1 ? "event" : "events") + " where exactly-once allows none: "
                        + shown(duplicates.entrySet().stream().map(entry -> "key " + entry.getKey() + " " + (entry.getValue() + 1) + " times").toList()));
            }
            return violations;
        }

        /** {@code "2,000 rows, 4,812 events: 0 lost, 37 duplicated, 0 out of order, 0 stale"}. */
        public String line() {
            return String.format(Locale.ROOT, "%,d rows, %,d events: %,d lost, %,d duplicated, %,d out of order, %,d stale%s",
                    rows, events, lost.size(), duplicatedEvents(), outOfOrder.size(), stale.size(),
                    unexpected.isEmpty() ? "" : String.format(Locale.ROOT, ", %,d that should not exist", unexpected.size()));
        }

        private static String shown(List<String> items) {
            return items.size() <= 10 ? String.join(", ", items) : String.join(", ", items.subList(0, 10)) + " and " + (items.size() - 10) + " more";
        }
    }

    /**
     * @param events     the topic's records in topic order (tombstones and non-change records are skipped)
     * @param keyColumn  the primary key column (read from the event key, else from after/before)
     * @param table      the table's rows: key text to column values as text ({@code null} for SQL NULL)
     * @param columns    the columns to compare (empty: every column the table row has)
     */
    public static Result of(List<ChangeEvent> events, String keyColumn, Map<String, Map<String, String>> table, List<String> columns) {
        Map<String, JsonNode> state = new LinkedHashMap<>();
        Map<String, Integer> duplicates = new TreeMap<>();
        Map<String, String> outOfOrder = new TreeMap<>();
        Map<String, List<String>> seenIdentities = new HashMap<>();
        Map<String, long[]> lastPosition = new HashMap<>();
        Map<String, String> lastDescription = new HashMap<>();
        int changeEvents = 0;
        for (ChangeEvent event : events) {
            if (event.isTombstone() || !event.isChangeEventOrTombstone()) {
                continue;
            }
            changeEvents++;
            String key = keyOf(event, keyColumn);
            if (key == null) {
                continue;
            }
            String identity = identity(event);
            List<String> seen = seenIdentities.computeIfAbsent(key, k -> new ArrayList<>());
            if (seen.contains(identity)) {
                duplicates.merge(key, 1, Integer::sum);
            } else {
                seen.add(identity);
                long[] position = position(event);
                long[] last = lastPosition.get(key);
                if (position != null && last != null && compare(position, last) < 0 && !outOfOrder.containsKey(key)) {
                    outOfOrder.put(key, describe(event) + " arrived after " + lastDescription.get(key));
                }
                if (position != null && (last == null || compare(position, last) > 0)) {
                    lastPosition.put(key, position);
                    lastDescription.put(key, describe(event));
                }
            }
            switch (event.op()) {
                case "c", "r", "u" -> state.put(key, event.after());
                case "d" -> state.remove(key);
                default -> { }
            }
        }
        List<String> lost = new ArrayList<>();
        Map<String, String> stale = new TreeMap<>();
        for (Map.Entry<String, Map<String, String>> row : table.entrySet()) {
            JsonNode after = state.get(row.getKey());
            if (after == null) {
                lost.add(row.getKey());
                continue;
            }
            List<String> differences = new ArrayList<>();
            for (String column : columns.isEmpty() ? row.getValue().keySet() : columns) {
                String expected = row.getValue().get(column);
                JsonNode actual = after.get(column);
                if (!new FieldExpectation("after." + column, expected == null ? "null" : expected).matches(actual)) {
                    differences.add(column + " is " + FieldExpectation.show(actual) + " in the topic, " + (expected == null ? "NULL" : expected) + " in the table");
                }
            }
            if (!differences.isEmpty()) {
                stale.put(row.getKey(), String.join("; ", differences));
            }
        }
        List<String> unexpected = state.keySet().stream().filter(key -> !table.containsKey(key)).toList();
        return new Result(table.size(), changeEvents, sortedKeys(lost), sortedKeys(unexpected), stale, duplicates, outOfOrder);
    }

    private static List<String> sortedKeys(List<String> keys) {
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort((a, b) -> {
            try {
                return Long.compare(Long.parseLong(a), Long.parseLong(b));
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        });
        return sorted;
    }

    private static String keyOf(ChangeEvent event, String keyColumn) {
        JsonNode key = event.key();
        JsonNode value = key != null && key.has(keyColumn) ? key.get(keyColumn)
                : event.after().has(keyColumn) ? event.after().get(keyColumn)
                : event.before().has(keyColumn) ? event.before().get(keyColumn) : null;
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The same change read twice has the same op, position and row (a snapshot read: the same row image). */
    private static String identity(ChangeEvent event) {
        JsonNode source = event.source();
        if ("r".equals(event.op()) || !source.hasNonNull("pos")) {
            return event.op() + "|" + event.after();
        }
        return event.op() + "|" + source.path("file").asText() + "|" + source.path("pos").asLong() + "|" + source.path("row").asLong()
                + "|" + Objects.toString(source.path("gtid").asText(null));
    }

    /** Where the binlog wrote the change: file sequence, position, row; null for snapshot reads. */
    private static long[] position(ChangeEvent event) {
        JsonNode source = event.source();
        if ("r".equals(event.op()) || !source.hasNonNull("file") || !source.hasNonNull("pos")) {
            return null;
        }
        String file = source.get("file").asText();
        long sequence;
        try {
            sequence = Long.parseLong(file.substring(file.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            sequence = 0;
        }
        return new long[] {sequence, source.get("pos").asLong(), source.path("row").asLong()};
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            int order = Long.compare(a[i], b[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static String describe(ChangeEvent event) {
        JsonNode source = event.source();
        String op = switch (event.op()) {
            case "c" -> "create";
            case "u" -> "update";
            case "d" -> "delete";
            case "r" -> "read";
            default -> event.op();
        };
        return op + " (offset " + event.record().offset() + ", binlog " + source.path("file").asText() + ":" + source.path("pos").asText() + ")";
    }
}
