package io.cdcharness.golden;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two recordings of the same scenarios ({@link TopicDump}) made on version A and
 * version B, per topic: topics that appear or go, key and value schema names, fields added or removed
 * (the {@code source} block on its own), and types that changed. A user sees an upgrade's breaking
 * changes here before production does.
 *
 * <pre>{@code
 * String report = UpgradeDiff.between("1.5.0.Final", Path.of("reports/matrix/1.5.0.Final/topics"),
 *                                     "3.4.0.Final", Path.of("reports/matrix/3.4.0.Final/topics")).markdown();
 * }</pre>
 */
public final class UpgradeDiff {
    private final String nameA;
    private final String nameB;
    private final Map<String, TopicShape> a;
    private final Map<String, TopicShape> b;
    private final Set<String> scenariosOnlyInA;
    private final Set<String> scenariosOnlyInB;

    /** One topic across every scenario of a recording: key and value shapes merged, and the record count. */
    record TopicShape(SchemaShape key, SchemaShape value, int records, Set<String> ops) {
        TopicShape merge(TopicShape other) {
            Set<String> allOps = new TreeSet<>(ops);
            allOps.addAll(other.ops);
            return new TopicShape(key.merge(other.key), value.merge(other.value), records + other.records, allOps);
        }
    }

    private UpgradeDiff(String nameA, Map<String, Map<String, List<JsonNode>>> recordingA, String nameB,
                        Map<String, Map<String, List<JsonNode>>> recordingB) {
        this.nameA = nameA;
        this.nameB = nameB;
        Set<String> common = new TreeSet<>(recordingA.keySet());
        common.retainAll(recordingB.keySet());
        this.scenariosOnlyInA = new TreeSet<>(recordingA.keySet());
        scenariosOnlyInA.removeAll(common);
        this.scenariosOnlyInB = new TreeSet<>(recordingB.keySet());
        scenariosOnlyInB.removeAll(common);
        this.a = shapes(recordingA, common);
        this.b = shapes(recordingB, common);
    }

    public static UpgradeDiff between(String nameA, Path recordingA, String nameB, Path recordingB) {
        return new UpgradeDiff(nameA, TopicDump.read(recordingA), nameB, TopicDump.read(recordingB));
    }

    private static Map<String, TopicShape> shapes(Map<String, Map<String, List<JsonNode>>> recording, Set<String> scenarios) {
        Map<String, TopicShape> topics = new TreeMap<>();
        for (String scenario : scenarios) {
            recording.get(scenario).forEach((topic, records) -> {
                SchemaShape key = new SchemaShape(null, Map.of());
                SchemaShape value = new SchemaShape(null, Map.of());
                Set<String> ops = new TreeSet<>();
                for (JsonNode record : records) {
                    key = key.merge(SchemaShape.of(record.get("key")));
                    value = value.merge(SchemaShape.of(record.get("value")));
                    JsonNode payload = record.path("value").has("payload") ? record.path("value").path("payload") : record.path("value");
                    if (payload.hasNonNull("op")) {
                        ops.add(payload.get("op").asText());
                    }
                }
                TopicShape shape = new TopicShape(key, value, records.size(), ops);
                topics.merge(topic, shape, TopicShape::merge);
            });
        }
        return topics;
    }

    /** True when no topic, schema name, field or type differs. */
    public boolean isEmpty() {
        return lines(false).isEmpty();
    }

    /** The report as Markdown, one section per topic that changed. */
    public String markdown() {
        StringBuilder text = new StringBuilder("# Upgrade diff: " + nameA + " -> " + nameB + "\n\n");
        text.append("Same scenarios recorded on both (").append(a.isEmpty() && b.isEmpty() ? "none" : "topics: " + new TreeSet<>(union()).size())
                .append("); what a consumer of these topics sees change.\n");
        if (!scenariosOnlyInA.isEmpty() || !scenariosOnlyInB.isEmpty()) {
            text.append("\nScenarios recorded on one side only (not compared): ").append(nameA).append(": ").append(scenariosOnlyInA)
                    .append(", ").append(nameB).append(": ").append(scenariosOnlyInB).append('\n');
        }
        List<String> lines = lines(true);
        if (lines.isEmpty()) {
            text.append("\nNo differences in topic names, schema names, fields or types.\n");
        }
        lines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    private Set<String> union() {
        Set<String> topics = new TreeSet<>(a.keySet());
        topics.addAll(b.keySet());
        return topics;
    }

    private List<String> lines(boolean withHeadings) {
        List<String> out = new ArrayList<>();
        for (String topic : union()) {
            TopicShape before = a.get(topic);
            TopicShape after = b.get(topic);
            List<String> changes = new ArrayList<>();
            if (before == null) {
                changes.add("- topic only on " + nameB + " (" + after.records() + " records): new topic name, or new records");
            } else if (after == null) {
                changes.add("- topic only on " + nameA + " (" + before.records() + " records): gone or renamed on " + nameB);
            } else {
                schemaName(changes, "value", before.value(), after.value());
                schemaName(changes, "key", before.key(), after.key());
                fields(changes, "key", before.key().fields(), after.key().fields(), false);
                fields(changes, "value", before.value().fields(), after.value().fields(), true);
                if (before.records() != after.records() || !before.ops().equals(after.ops())) {
                    changes.add("- records: " + before.records() + " " + before.ops() + " -> " + after.records() + " " + after.ops());
                }
            }
            if (!changes.isEmpty()) {
                if (withHeadings) {
                    out.add("\n## " + topic + "\n");
                }
                out.addAll(changes);
            }
        }
        return out;
    }

    private void schemaName(List<String> changes, String part, SchemaShape before, SchemaShape after) {
        if (!Objects.equals(before.schemaName(), after.schemaName())) {
            changes.add("- " + part + " schema name: " + before.schemaName() + " -> " + after.schemaName());
        }
    }

    private void fields(List<String> changes, String part, Map<String, String> before, Map<String, String> after, boolean splitSource) {
        Map<String, String> added = new LinkedHashMap<>();
        Map<String, String> removed = new LinkedHashMap<>();
        List<String> retyped = new ArrayList<>();
        Set<String> all = new TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String path : all) {
            if (!before.containsKey(path)) {
                added.put(path, after.get(path));
            } else if (!after.containsKey(path)) {
                removed.put(path, before.get(path));
            } else if (!before.get(path).equals(after.get(path)) && !before.get(path).equals("null") && !after.get(path).equals("null")) {
                retyped.add(path + ": " + before.get(path) + " -> " + after.get(path));
            }
        }
        if (splitSource) {
            report(changes, "`source` block fields added", filter(added, true));
            report(changes, "`source` block fields removed", filter(removed, true));
            report(changes, part + " fields added", filter(added, false));
            report(changes, part + " fields removed", filter(removed, false));
        } else {
            report(changes, part + " fields added", added);
            report(changes, part + " fields removed", removed);
        }
        if (!retyped.isEmpty()) {
            changes.add("- " + part + " types changed: " + String.join("; ", retyped));
        }
    }

    private static Map<String, String> filter(Map<String, String> fields, boolean source) {
        Map<String, String> result = new LinkedHashMap<>();
        fields.forEach((path, type) -> {
            if (path.startsWith("source.") == source) {
                result.put(path, type);
            }
        });
        return result;
    }

    private static void report(List<String> changes, String what, Map<String, String> fields) {
        if (!fields.isEmpty()) {
            List<String> items = new ArrayList<>();
            fields.forEach((path, type) -> items.add(path + " (" + type + ")"));
            changes.add("- " + what + ": " + String.join(", ", items));
        }
    }
}
