package io.cdcharness.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector as written in a JSON fixture, in either of the shapes Connect accepts:
 * {@code {"name": ..., "config": {...}}} (what the seed POSTs) or a flat config with a {@code name} key.
 */
public record ConnectorDefinition(String name, Map<String, String> config, String source) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ConnectorDefinition {
        config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config)); // keeps the fixture's key order
    }

    /** Reads a fixture; a missing file names what the directory does hold. */
    public static ConnectorDefinition read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("The connector fixture " + file + " does not exist. "
                    + io.cdcharness.stack.Fixtures.describeDirectory(file.getParent()));
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not read the connector fixture " + file + ": " + e.getMessage(), e);
        }
    }

    public static ConnectorDefinition parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid JSON: " + e.getOriginalMessage()
                    + ". A connector fixture looks like {\"name\": \"my-connector\", \"config\": {\"connector.class\": ...}}.", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " must hold a JSON object with \"name\" and \"config\".");
        }
        JsonNode configNode = root.has("config") ? root.get("config") : root;
        String name = root.path("name").asText(configNode.path("name").asText(""));
        if (name.isBlank()) {
            throw new IllegalArgumentException(source + " has no connector name. Add \"name\": \"my-connector\" next to \"config\".");
        }
        Map<String, String> config = new LinkedHashMap<>();
        configNode.fields().forEachRemaining(entry -> config.put(entry.getKey(),
                entry.getValue().isValueNode() ? entry.getValue().asText() : entry.getValue().toString()));
        config.remove("name");
        return new ConnectorDefinition(name, new LinkedHashMap<>(config), source);
    }

    public ConnectorDefinition withConfig(Map<String, String> newConfig) {
        return new ConnectorDefinition(name, newConfig, source);
    }
}
