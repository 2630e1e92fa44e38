package io.cdcharness.assertions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks a JsonConverter payload against the Connect schema the record carries with it
 * ({@code schemas.enable=true}), as Debezium's own tests validate every record: each field the
 * schema declares is there with a value of its type (or null when optional), and nothing else is.
 *
 * <pre>{@code
 * List<String> problems = SchemaConformance.problems(envelope.get("schema"), envelope.get("payload"));
 * // ["after.total: a bytes value must be base64 text, but was 12.5"]
 * }</pre>
 */
final class SchemaConformance {
    private SchemaConformance() {
    }

    /** One line per place where the payload does not fit its schema; empty when it fits. */
    static List<String> problems(JsonNode schema, JsonNode payload) {
        List<String> problems = new ArrayList<>();
        check("", schema, payload, problems);
        return problems;
    }

    private static void check(String path, JsonNode schema, JsonNode value, List<String> problems) {
        String where = path.isEmpty() ? "the value" : path;
        boolean optional = schema.path("optional").asBoolean(false);
        if (value == null || value.isNull()) {
            if (!optional && !schema.has("default")) {
                problems.add(where + ": null, but the schema says it is required (optional=false)");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "int8", "int16", "int32", "int64" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(where + ": " + type + " needs a whole number, but was " + value);
                } else if (!fits(type, value.asLong())) {
                    problems.add(where + ": " + value + " does not fit in " + type);
                }
            }
            case "float32", "float64" -> {
                if (!value.isNumber() && !(value.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(value.asText()))) {
                    problems.add(where + ": " + type + " needs a number, but was " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(where + ": boolean needs true or false, but was " + value);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(where + ": string needs text, but was " + value);
                }
            }
            case "bytes" -> {
                if (!value.isTextual() || !isBase64(value.asText())) {
                    problems.add(where + ": a bytes value must be base64 text, but was " + value);
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + ": array needs a JSON array, but was " + value);
                } else {
                    int index = 0;
                    for (JsonNode item : value) {
                        check(path + "[" + index++ + "]", schema.path("items"), item, problems);
                    }
                }
            }
            case "map" -> {
                if (!value.isObject() && !value.isArray()) {
                    problems.add(where + ": map needs a JSON object, but was " + value);
                }
            }
            case "struct" -> checkStruct(path, schema, value, problems);
            default -> problems.add(where + ": the schema has an unknown type \"" + type + "\"");
        }
    }

    private static void checkStruct(String path, JsonNode schema, JsonNode value, List<String> problems) {
        String where = path.isEmpty() ? "the value" : path;
        if (!value.isObject()) {
            problems.add(where + ": struct needs a JSON object, but was " + value);
            return;
        }
        Set<String> declared = new HashSet<>();
        for (JsonNode field : schema.path("fields")) {
            String name = field.path("field").asText();
            declared.add(name);
            check(path.isEmpty() ? name : path + "." + name, field, value.get(name), problems);
        }
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!declared.contains(name)) {
                problems.add((path.isEmpty() ? name : path + "." + name) + ": in the payload, but the schema declares no such field");
            }
        }
    }

    private static boolean fits(String type, long value) {
        return switch (type) {
            case "int8" -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case "int16" -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case "int32" -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            default -> true;
        };
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
