package io.cdcharness.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cdcharness.kafka.RecordedRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a topic, whole, with a golden file of its events ({@link EventNormalizer} normalises what
 * changes from run to run). With {@code cdc.golden.update=true} the file is written instead, from what
 * the topic holds, and the check passes.
 *
 * <pre>{@code
 * cdc.goldenEvents("originDB.user.user_account", "golden/seed/user_account.json");
 * }</pre>
 */
public final class GoldenEvents {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private GoldenEvents() {
    }

    /** The topic's records as the golden file holds them. */
    public static ArrayNode normalize(List<RecordedRecord> records) {
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        records.forEach(record -> events.add(EventNormalizer.normalize(record)));
        return events;
    }

    /** Writes the golden file. */
    public static void write(Path file, List<RecordedRecord> records) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, JSON.writeValueAsString(normalize(records)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the golden file " + file, e);
        }
    }

    /** Fails with the differences when the topic's records differ from the golden file. */
    public static void compare(String topic, Path file, List<RecordedRecord> records) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("The golden file " + file + " does not exist. Record it from this run with -Dcdc.golden.update=true "
                    + "(./cdc-harness run ... --set cdc.golden.update=true), check it, and commit it.");
        }
        JsonNode expected;
        try {
            expected = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("The golden file " + file + " is not JSON: " + e.getMessage() + ". Rewrite it with -Dcdc.golden.update=true.");
        }
        ArrayNode actual = normalize(records);
        List<String> differences = differences(expected, actual);
        if (!differences.isEmpty()) {
            StringBuilder text = new StringBuilder("Topic \"" + topic + "\" differs from the golden file " + file + " ("
                    + expected.size() + " events expected, " + actual.size() + " on the topic):");
            differences.stream().limit(30).forEach(line -> text.append("\n  ").append(line));
            if (differences.size() > 30) {
                text.append("\n  ... and ").append(differences.size() - 30).append(" more");
            }
            text.append("\nIf the change is intended, rewrite the file with -Dcdc.golden.update=true and review the diff.");
            throw new AssertionError(text.toString());
        }
    }

    static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> lines = new ArrayList<>();
        int count = Math.max(expected.size(), actual.size());
        for (int i = 0; i < count; i++) {
            if (i >= actual.size()) {
                lines.add("#" + i + " is missing: " + abbreviate(expected.get(i)));
            } else if (i >= expected.size()) {
                lines.add("#" + i + " is extra: " + abbreviate(actual.get(i)));
            } else {
                compare("#" + i + " ", expected.get(i), actual.get(i), lines);
            }
        }
        return lines;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> lines) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = path + (path.endsWith(" ") ? "" : ".") + field.getKey();
                if (!actual.has(field.getKey())) {
                    lines.add(at + ": missing (golden: " + abbreviate(field.getValue()) + ")");
                } else {
                    compare(at, field.getValue(), actual.get(field.getKey()), lines);
                }
            }
            for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    lines.add(path + (path.endsWith(" ") ? "" : ".") + name + ": new field (now: " + abbreviate(actual.get(name)) + ")");
                }
            }
            return;
        }
        lines.add(path.trim() + ": golden " + abbreviate(expected) + " but was " + abbreviate(actual));
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
