package io.cdcharness.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios of a Cucumber JSON report ({@code reports/cucumber.json}) with how long each took: its
 * steps (with their step hooks), plus the background steps Cucumber lists just before it. The scenario's
 * own hooks are left out: the first scenario's {@code @Before} boots the stack, which every shard pays once
 * whichever scenario comes first, so counting it would make that scenario look long.
 *
 * <pre>{@code
 * List<CucumberJsonFile.Entry> entries = CucumberJsonFile.read(Path.of("reports/cucumber.json"), projectDir);
 * entries.get(0).scenario().location();   // features/seed/seed_pipeline.feature:11
 * entries.get(0).took();                  // PT2.2S
 * }</pre>
 */
public final class CucumberJsonFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scenario of the report and how long it took. */
    public record Entry(ScenarioLocation scenario, Duration took) {
    }

    private CucumberJsonFile() {
    }

    /**
     * Reads the report.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when it is not Cucumber JSON (an array of features with elements), saying where
     */
    public static List<Entry> read(Path file, Path projectDir) throws IOException {
        JsonNode features;
        try {
            features = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (features == null || !features.isArray()) {
            throw new IllegalArgumentException(file + " is not a Cucumber JSON report: expected an array of features, found "
                    + (features == null || features.isMissingNode() ? "nothing" : features.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode feature : features) {
            if (!feature.isObject() || !feature.path("uri").isTextual() || !feature.path("elements").isArray()) {
                throw new IllegalArgumentException(file + " is not a Cucumber JSON report: feature #" + index
                        + " has no \"uri\" and \"elements\" (expected {\"uri\": \"file:features/x.feature\", \"elements\": [...]})");
            }
            String featureFile = ScenarioLocation.featureFile(feature.get("uri").asText(), projectDir);
            long background = 0;
            for (JsonNode element : feature.get("elements")) {
                long nanos = nanos(element.path("steps"));
                if ("background".equals(element.path("type").asText())) {
                    background += nanos;
                    continue;
                }
                ScenarioLocation scenario = new ScenarioLocation(featureFile, element.path("line").asInt(), element.path("name").asText(""));
                entries.add(new Entry(scenario, Duration.ofNanos(nanos + background)));
                background = 0;
            }
            index++;
        }
        return entries;
    }

    /** Every {@code result.duration} (nanoseconds) in a part of an element: its steps and their step hooks. */
    private static long nanos(JsonNode node) {
        long sum = 0;
        if (node.isObject()) {
            JsonNode duration = node.path("result").path("duration");
            if (duration.isNumber()) {
                sum += duration.asLong();
            }
            for (java.util.Map.Entry<String, JsonNode> field : node.properties()) {
                if (!"result".equals(field.getKey())) {
                    sum += nanos(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                sum += nanos(child);
            }
        }
        return sum;
    }
}
