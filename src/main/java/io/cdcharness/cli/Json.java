package io.cdcharness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdcharness.connect.ConnectorDefinition;

/** JSON text for what the CLI prints. */
final class Json {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Json() {
    }

    /** {@code {"name": ..., "config": {...}}}, the body of {@code POST /connectors}. */
    static String connector(ConnectorDefinition connector) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", connector.name());
        body.set("config", JSON.valueToTree(connector.config()));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
