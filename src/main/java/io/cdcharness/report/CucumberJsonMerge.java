package io.cdcharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins Cucumber JSON reports: one feature per file, holding the scenarios of every report (each with the
 * background Cucumber lists before it), in line order. A feature split across shards is one feature again.
 */
final class CucumberJsonMerge {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A scenario with the background element Cucumber wrote just before it (if any). */
    private record Unit(List<JsonNode> elements, int line) {
    }

    private CucumberJsonMerge() {
    }

    /** Reads one report; a file that is not an array of features is refused, named. */
    static ArrayNode read(Path file) {
        JsonNode report;
        try {
            report = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not JSON (expected Cucumber's JSON report, an array of features): " + e.getMessage(), e);
        }
        if (report == null || !report.isArray()) {
            throw new IllegalArgumentException(file + " is not a Cucumber JSON report: expected an array of features");
        }
        for (JsonNode feature : report) {
            if (!feature.path("uri").isTextual() || !feature.path("elements").isArray()) {
                throw new IllegalArgumentException(file + " is not a Cucumber JSON report: a feature has no \"uri\" and \"elements\"");
            }
        }
        return (ArrayNode) report;
    }

    static ArrayNode merge(List<ArrayNode> reports) {
        Map<String, ObjectNode> features = new LinkedHashMap<>();
        Map<String, List<Unit>> units = new LinkedHashMap<>();
        for (ArrayNode report : reports) {
            for (JsonNode feature : report) {
                String uri = feature.get("uri").asText();
                features.computeIfAbsent(uri, u -> ((ObjectNode) feature).deepCopy());
                units.computeIfAbsent(uri, u -> new ArrayList<>()).addAll(units(feature.get("elements")));
            }
        }
        ArrayNode merged = JSON.createArrayNode();
        features.keySet().stream().sorted().forEach(uri -> {
            ObjectNode feature = features.get(uri);
            ArrayNode elements = JSON.createArrayNode();
            units.get(uri).stream().sorted(Comparator.comparingInt(Unit::line)).forEach(unit -> unit.elements().forEach(elements::add));
            feature.set("elements", elements);
            merged.add(feature);
        });
        return merged;
    }

    private static List<Unit> units(JsonNode elements) {
        List<Unit> units = new ArrayList<>();
        List<JsonNode> pending = new ArrayList<>();
        for (JsonNode element : elements) {
            pending.add(element);
            if (!"background".equals(element.path("type").asText())) {
                units.add(new Unit(List.copyOf(pending), element.path("line").asInt()));
                pending.clear();
            }
        }
        if (!pending.isEmpty()) {
            units.add(new Unit(List.copyOf(pending), Integer.MAX_VALUE)); // a background without its scenario: kept, last
        }
        return units;
    }

    static String text(ArrayNode merged) {
        try {
            return JSON.writeValueAsString(merged);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
