package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcharness.kafka.values.SqlValue;
import io.cdcharness.kafka.values.TypedNode;

import java.math.BigDecimal;

/**
 * One expected field of an event: a dotted path and the value as a user writes it in a table, as in SQL.
 * <ul>
 *   <li>{@code null} (or an empty cell) matches a JSON null; {@code (absent)} matches a path the event does not have;</li>
 *   <li>a value the event's Connect schema gave a type (see {@link io.cdcharness.kafka.LogicalValues}) compares by
 *       meaning ({@link SqlValue#matches}): {@code 1970-01-01T00:00:00Z} matches TIMESTAMP {@code 1970-01-01T00:00:00.00Z},
 *       {@code 517:51:04.78} a TIME, {@code 101} a BIT(64), {@code 0xCAFE} a BLOB, {@code POINT(1 2)} a geometry;</li>
 *   <li>a value without schema (schemas disabled) compares as written: numbers by value ({@code 1} matches
 *       {@code 1.0}), JSON text as JSON, {@code 0x}-hex without regard to case, anything else as text.</li>
 * </ul>
 */
public record FieldExpectation(String path, String expected) {
    public static final String ABSENT = "(absent)";
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean expectsAbsence() {
        return ABSENT.equals(expected);
    }

    public boolean matches(JsonNode actual) {
        boolean absent = actual == null || actual.isMissingNode();
        if (expectsAbsence() || absent) {
            return expectsAbsence() && absent;
        }
        if (actual.isNull()) {
            return "null".equals(expected);
        }
        if (actual instanceof TypedNode typed) {
            return typed.sqlValue().matches(expected);
        }
        if (actual.isNumber()) {
            try {
                return actual.decimalValue().compareTo(new BigDecimal(expected.trim())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (actual.isTextual()) {
            String text = actual.asText();
            if (text.equals(expected)) {
                return true;
            }
            if (text.startsWith("0x") && expected.startsWith("0x")) {
                return text.equalsIgnoreCase(expected);
            }
            return sameJson(text, expected);
        }
        if (actual.isValueNode()) {
            return actual.asText().equals(expected);
        }
        return actual.equals(parse(expected)) || actual.toString().equals(expected);
    }

    private static boolean sameJson(String actual, String expected) {
        String trimmed = expected.trim();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return false;
        }
        JsonNode expectedJson = parse(trimmed);
        return expectedJson != null && expectedJson.equals(parse(actual));
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The actual value for a failure message, as the user would write it: {@code 517:51:04.770} for a TIME,
     * {@code 01000000} for a BIT(8), {@code "jack"} (quoted) for text, {@code (absent)} for a missing path.
     */
    public static String show(JsonNode actual) {
        if (actual == null || actual.isMissingNode()) {
            return ABSENT;
        }
        if (actual instanceof TypedNode typed) {
            return typed.sqlValue().show();
        }
        return actual.isTextual() ? "\"" + actual.asText() + "\"" : actual.toString();
    }

    @Override
    public String toString() {
        return path + "=" + expected;
    }
}
