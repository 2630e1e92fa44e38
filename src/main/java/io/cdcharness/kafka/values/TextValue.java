package io.cdcharness.kafka.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Connect {@code string}: text columns, ENUM ({@code io.debezium.data.Enum}), SET ({@code io.debezium.data.EnumSet}),
 * JSON ({@code io.debezium.data.Json}), and the values whose type the wire does not tell (DECIMAL in
 * {@code decimal.handling.mode=string}, binary in {@code binary.handling.mode=base64|base64-url-safe|hex}).
 * A value in single quotes is an SQL string literal: {@code ''} is the empty string, {@code 'null'} the text null
 * ({@code null} alone is SQL NULL), {@code 'it''s'} is it's.
 */
public record TextValue(String text, Kind kind) implements SqlValue {
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Kind {
        /** Compared as written, or as the SQL literal {@code 'text'}; {@code 0xCAFE} also matches the same bytes in hex, base64 or base64-url-safe text. */
        STRING,
        /** Compared as written. */
        ENUM,
        /** Compared as a set of members: {@code b,a} matches {@code a,b}. */
        SET,
        /** Compared as JSON documents (numbers by value); an SQL literal {@code 'null'} is the JSON document null. */
        JSON
    }

    @Override
    public boolean matches(String written) {
        if (written.trim().equals("null")) {
            return false; // null is SQL NULL; the text or JSON document null is written 'null'
        }
        if (text.equals(written)) {
            return true;
        }
        String literal = SqlLiterals.sqlString(written.trim());
        switch (kind) {
            case SET:
                return members(text).equals(members(literal != null ? literal : written.trim()));
            case JSON: {
                JsonNode expected = parse(literal != null ? literal : written);
                JsonNode actual = parse(text);
                return expected != null && actual != null && actual.equals(NUMBERS_BY_VALUE, expected);
            }
            case ENUM:
                return text.equals(literal);
            default:
                return text.equals(literal) || sameBytes(written) || sameJson(written);
        }
    }

    /** {@code 0xCAFE} against the text of a binary column in hex, base64 or base64-url-safe mode (and {@code 0xcafe} itself). */
    private boolean sameBytes(String written) {
        byte[] expected = SqlLiterals.hex(written);
        if (expected == null) {
            return false;
        }
        String hex = SqlLiterals.hexText(expected).substring(2);
        return text.equalsIgnoreCase(hex) || text.equalsIgnoreCase("0x" + hex)
                || text.equals(Base64.getEncoder().encodeToString(expected))
                || text.equals(Base64.getUrlEncoder().encodeToString(expected))
                || text.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
    }

    private boolean sameJson(String written) {
        String trimmed = written.trim();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return false;
        }
        JsonNode expected = parse(trimmed);
        JsonNode actual = parse(text);
        return expected != null && actual != null && actual.equals(NUMBERS_BY_VALUE, expected);
    }

    private static Set<String> members(String set) {
        return set.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(set.split(",", -1)));
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return null;
        }
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /** Text in double quotes ({@code "jack"}), so that spaces show; JSON as its document. */
    @Override
    public String show() {
        return kind == Kind.JSON ? text : "\"" + text + "\"";
    }
}
