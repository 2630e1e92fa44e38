package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcharness.kafka.ChangeEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a change event must look like: optionally its {@code op}, and any fields by path.
 *
 * <pre>{@code
 * EventExpectation.create().with("after.uid", "1").with("after.name", "jack")
 * }</pre>
 */
public final class EventExpectation {
    static final String TOMBSTONE = "tombstone";

    private final String op;
    private final List<FieldExpectation> fields;

    private EventExpectation(String op, List<FieldExpectation> fields) {
        this.op = op;
        this.fields = List.copyOf(fields);
    }

    public static EventExpectation any() {
        return new EventExpectation(null, List.of());
    }

    /** The null-valued record Debezium writes after a delete so that compaction can drop the key. */
    public static EventExpectation tombstone() {
        return new EventExpectation(TOMBSTONE, List.of());
    }

    public static EventExpectation create() {
        return op("c");
    }

    /** {@code c}, {@code u}, {@code d}, {@code r}, {@code t}, or {@code tombstone}. */
    public static EventExpectation op(String op) {
        return new EventExpectation(op, List.of());
    }

    /**
     * Reads an operation as written in a scenario: {@code create}/{@code c}, {@code update}/{@code u},
     * {@code delete}/{@code d}, {@code read}/{@code snapshot}/{@code r}, {@code truncate}/{@code t}, {@code tombstone}.
     */
    public static String opCode(String written) {
        return switch (written.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "c", "create", "insert" -> "c";
            case "u", "update" -> "u";
            case "d", "delete" -> "d";
            case "r", "read", "snapshot", "snapshot read" -> "r";
            case "t", "truncate" -> "t";
            case TOMBSTONE -> TOMBSTONE;
            default -> throw new IllegalArgumentException("\"" + written + "\" is not an operation. Write one of: create, update, "
                    + "delete, read, truncate, tombstone (or c, u, d, r, t).");
        };
    }

    /**
     * One expectation per row of a table whose header names paths ({@code op}, {@code after.name},
     * {@code key.id}); an {@code op} column holds an operation as {@link #opCode} reads it.
     */
    public static List<EventExpectation> fromRows(List<Map<String, String>> rows) {
        List<EventExpectation> expectations = new ArrayList<>();
        for (Map<String, String> row : rows) {
            EventExpectation expectation = any();
            for (Map.Entry<String, String> cell : row.entrySet()) {
                String value = cell.getValue() == null ? "null" : cell.getValue();
                if (cell.getKey().equals("op")) {
                    expectation = new EventExpectation(opCode(value), expectation.fields);
                } else {
                    expectation = expectation.with(cell.getKey(), value);
                }
            }
            expectations.add(expectation);
        }
        return expectations;
    }

    public EventExpectation with(String path, String expected) {
        List<FieldExpectation> more = new ArrayList<>(fields);
        more.add(new FieldExpectation(path, expected));
        return new EventExpectation(op, more);
    }

    /** Adds every entry; keys without a dot are read below {@code defaultParent} (e.g. {@code after}). */
    public EventExpectation withAll(String defaultParent, Map<String, String> values) {
        EventExpectation result = this;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String path = entry.getKey().contains(".") || defaultParent == null ? entry.getKey() : defaultParent + "." + entry.getKey();
            result = result.with(path, entry.getValue());
        }
        return result;
    }

    public boolean matches(ChangeEvent event) {
        return mismatches(event).isEmpty();
    }

    /** One line per difference between the event and this expectation. */
    public List<String> mismatches(ChangeEvent event) {
        List<String> problems = new ArrayList<>();
        if (TOMBSTONE.equals(op)) {
            if (!event.isTombstone()) {
                problems.add("expected a tombstone but was op=\"" + event.op() + "\"");
            }
        } else if (op != null && !op.equals(event.op())) {
            problems.add("op: expected \"" + op + "\" but was " + (event.isTombstone() ? "a tombstone" : "\"" + event.op() + "\""));
        }
        for (FieldExpectation field : fields) {
            Optional<JsonNode> actual = event.field(field.path());
            if (!field.matches(actual.orElse(null))) {
                problems.add(field.path() + ": expected " + field.expected() + " but was " + FieldExpectation.show(actual.orElse(null)));
            }
        }
        return problems;
    }

    /** Paths that no event has (a typo in a table is reported with the paths that do exist); empty for no events. */
    public List<String> unknownPaths(List<ChangeEvent> events) {
        List<String> unknown = new ArrayList<>();
        for (FieldExpectation field : fields) {
            if (!events.isEmpty() && !field.expectsAbsence() && !EventPaths.anyHas(events, field.path())) {
                unknown.add(field.path());
            }
        }
        return unknown;
    }

    /** Paths that no event can have: the schemas the events carry have no such field (never true without schemas). */
    public List<String> impossiblePaths(List<ChangeEvent> events) {
        return fields.stream().filter(field -> !field.expectsAbsence())
                .map(FieldExpectation::path)
                .filter(path -> !EventPaths.anyHas(events, path) && EventPaths.impossible(events, path))
                .toList();
    }

    /** Every path the events have, e.g. {@code after.uid}, {@code key.id}, {@code source.table}, for hints. */
    public static String knownPaths(List<ChangeEvent> events) {
        return EventPaths.known(events);
    }

    /** The operation this expects ({@code c}, {@code u}, ..., {@code tombstone}), or null for any. */
    public String op() {
        return op;
    }

    public List<FieldExpectation> fields() {
        return fields;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (TOMBSTONE.equals(op)) {
            parts.add("a tombstone");
        } else if (op != null) {
            parts.add("op=" + op);
        }
        fields.forEach(field -> parts.add(field.toString()));
        if (TOMBSTONE.equals(op)) {
            return fields.isEmpty() ? "a tombstone" : "a tombstone with " + fields.stream().map(Object::toString).collect(Collectors.joining(", "));
        }
        return parts.isEmpty() ? "any event" : "an event with " + parts.stream().collect(Collectors.joining(", "));
    }
}
