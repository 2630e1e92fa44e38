package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;

/**
 * One expected field of an event: a dotted path and the value as a user writes it in a table.
 * <ul>
 *   <li>{@code null} (or an empty cell) matches a JSON null; {@code (absent)} matches a path the event does not have;</li>
 *   <li>numbers compare by value ({@code 1} matches {@code 1.0}, {@code 12.30} matches DECIMAL {@code 12.3});</li>
 *   <li>JSON text compares as JSON ({@code {"a": 1}} matches {@code {"a":1}});</li>
 *   <li>binary compares as hex without regard to case ({@code 0xCAFE}).</li>
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

    public static String show(JsonNode actual) {
        if (actual == null || actual.isMissingNode()) {
            return ABSENT;
        }
        return actual.isTextual() ? "\"" + actual.asText() + "\"" : actual.toString();
    }

    @Override
    public String toString() {
        return path + "=" + expected;
    }
}
