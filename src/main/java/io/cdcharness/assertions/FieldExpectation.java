package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * One expected field of an event: a dotted path and the value as a user writes it in a table.
 * {@code null} matches a JSON null; numbers compare by value ({@code 1} matches {@code 1.0}).
 */
public record FieldExpectation(String path, String expected) {

    /** Empty when the node matches; otherwise what was there instead. */
    public boolean matches(JsonNode actual) {
        if (actual == null || actual.isMissingNode()) {
            return false;
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
        if (actual.isValueNode()) {
            return actual.asText().equals(expected);
        }
        return actual.toString().equals(expected);
    }

    public static String show(JsonNode actual) {
        if (actual == null || actual.isMissingNode()) {
            return "(absent)";
        }
        return actual.isTextual() ? "\"" + actual.asText() + "\"" : actual.toString();
    }

    @Override
    public String toString() {
        return path + "=" + expected;
    }
}
