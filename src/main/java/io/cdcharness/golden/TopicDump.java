package io.cdcharness.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdcharness.kafka.RecordedRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The topics of one scenario, as recorded, in a directory per scenario: {@code <dir>/<scenario>/<topic>.jsonl},
 * one line per record with the key and value as stored (JSON envelopes with their Connect schema; Avro
 * decoded through the registry into the same envelope shape). {@link UpgradeDiff} compares two such
 * recordings (the same scenarios on two versions). Written when {@code cdc.record.dir} is set.
 */
public final class TopicDump {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicDump() {
    }

    public static void write(Path scenarioDir, Map<String, List<RecordedRecord>> topics) {
        try {
            Files.createDirectories(scenarioDir);
            for (Map.Entry<String, List<RecordedRecord>> topic : topics.entrySet()) {
                try (BufferedWriter out = Files.newBufferedWriter(scenarioDir.resolve(topic.getKey() + ".jsonl"))) {
                    for (RecordedRecord record : topic.getValue()) {
                        ObjectNode line = JsonNodeFactory.instance.objectNode();
                        line.set("key", record.rawKeyJson());
                        line.set("value", record.rawValueJson());
                        line.put("bytes", record.serializedSize());
                        out.write(JSON.writeValueAsString(line));
                        out.newLine();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the topic recording in " + scenarioDir, e);
        }
    }

    /** A recording read back: scenario directory name -> topic -> records (key and value envelopes). */
    public static Map<String, Map<String, List<JsonNode>>> read(Path dir) {
        Map<String, Map<String, List<JsonNode>>> scenarios = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("No topic recording in " + dir + ": record one with --set cdc.record.dir=" + dir
                    + " (matrix does that for each version).");
        }
        try (Stream<Path> scenarioDirs = Files.list(dir)) {
            for (Path scenario : scenarioDirs.filter(Files::isDirectory).sorted().toList()) {
                Map<String, List<JsonNode>> topics = new LinkedHashMap<>();
                try (Stream<Path> files = Files.list(scenario)) {
                    for (Path file : files.filter(path -> path.toString().endsWith(".jsonl")).sorted().toList()) {
                        List<JsonNode> records = new ArrayList<>();
                        for (String line : Files.readAllLines(file)) {
                            if (!line.isBlank()) {
                                records.add(JSON.readTree(line));
                            }
                        }
                        String name = file.getFileName().toString();
                        topics.put(name.substring(0, name.length() - ".jsonl".length()), records);
                    }
                }
                scenarios.put(scenario.getFileName().toString(), topics);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the topic recording in " + dir, e);
        }
        return scenarios;
    }

    /** A file-system-safe name for a scenario: its feature file and line, and its name. */
    public static String scenarioDirectory(String featureUri, int line, String name) {
        String feature = featureUri.replaceAll(".*/", "").replaceAll("\\.feature$", "");
        return (feature + "-" + line + "-" + name).replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+$", "");
    }
}
