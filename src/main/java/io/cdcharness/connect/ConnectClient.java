package io.cdcharness.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client of the Kafka Connect REST API: the same calls the seed makes with curl.
 *
 * <pre>{@code
 * ConnectClient connect = new ConnectClient(stack.connectUrl());
 * connect.plugins();                                   // GET /connector-plugins
 * connect.create("my-source-connector", config);       // POST /connectors
 * connect.status("my-source-connector").describe();    // GET /connectors/{name}/status
 * }</pre>
 */
public final class ConnectClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Optional<String> authorization;
    private volatile String version;

    public ConnectClient(String baseUrl) {
        this(baseUrl, Optional.empty());
    }

    /**
     * A client that sends {@code Authorization} with every call, e.g. {@code Basic dXNlcjpwYXNz} for a
     * worker behind REST basic authentication.
     */
    public ConnectClient(String baseUrl, Optional<String> authorization) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = authorization;
    }

    public String url() {
        return baseUrl;
    }

    public record Plugin(String className, String type, String version) {
    }

    public List<Plugin> plugins() {
        List<Plugin> plugins = new ArrayList<>();
        for (JsonNode node : send("GET", "/connector-plugins", null).body()) {
            plugins.add(new Plugin(node.path("class").asText(), node.path("type").asText(), node.path("version").asText()));
        }
        return plugins;
    }

    /** The worker's Kafka version, from {@code GET /}: {@code 4.1.1}, {@code 2.7.0}. */
    public String version() {
        String known = version;
        if (known == null) {
            known = send("GET", "/", null).body().path("version").asText("");
            version = known;
        }
        return known;
    }

    /** True when the worker has {@code PUT /connectors/{name}/stop} and the offsets endpoints (Kafka Connect 3.5 and later, KIP-875). */
    public boolean canStopConnectors() {
        return io.cdcharness.stack.Versions.of(version().replaceAll("-.*", "")).atLeast(3, 5);
    }

    public List<String> connectors() {
        List<String> names = new ArrayList<>();
        send("GET", "/connectors", null).body().forEach(node -> names.add(node.asText()));
        return names;
    }

    /** Creates a connector. A config Connect rejects comes back with its per-field validation errors. */
    public void create(String name, Map<String, String> config) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.set("config", JSON.valueToTree(config));
        Response response = sendRaw("POST", "/connectors", body);
        if (response.status() >= 400) {
            List<ConnectRestException.FieldError> fieldErrors = response.status() == 400 || response.status() == 500
                    ? validate(name, config) : List.of();
            throw new ConnectRestException("POST /connectors for " + name, response.status(), response.message(), fieldErrors);
        }
    }

    /** Per-field errors from {@code PUT /connector-plugins/{class}/config/validate}, each once; empty when the config is valid. */
    public List<ConnectRestException.FieldError> validate(String name, Map<String, String> config) {
        String connectorClass = config.get("connector.class");
        if (connectorClass == null) {
            return List.of(new ConnectRestException.FieldError("connector.class", "(missing)",
                    "name the connector class, e.g. io.debezium.connector.mysql.MySqlConnector"));
        }
        String simpleName = connectorClass.substring(connectorClass.lastIndexOf('.') + 1);
        Map<String, String> named = new LinkedHashMap<>(config);
        named.put("name", name);
        Response response = sendRaw("PUT", "/connector-plugins/" + encode(simpleName) + "/config/validate", JSON.valueToTree(named));
        if (response.status() >= 400) {
            return List.of(new ConnectRestException.FieldError("connector.class", connectorClass, response.message()));
        }
        List<ConnectRestException.FieldError> errors = new ArrayList<>();
        for (JsonNode entry : response.body().path("configs")) {
            JsonNode value = entry.path("value");
            for (JsonNode error : value.path("errors")) {
                String key = value.path("name").asText();
                String given = named.containsKey(key) ? named.get(key) : value.path("value").asText(null);
                errors.add(new ConnectRestException.FieldError(key, mask(key, given), error.asText()));
            }
        }
        return errors;
    }

    public ConnectorStatus status(String name) {
        return parseStatus(name, send("GET", "/connectors/" + encode(name) + "/status", null).body());
    }

    private static ConnectorStatus parseStatus(String name, JsonNode body) {
        List<ConnectorStatus.TaskStatus> tasks = new ArrayList<>();
        for (JsonNode task : body.path("tasks")) {
            tasks.add(new ConnectorStatus.TaskStatus(task.path("id").asInt(), task.path("state").asText(),
                    task.path("worker_id").asText(), task.path("trace").asText(null)));
        }
        JsonNode connector = body.path("connector");
        return new ConnectorStatus(name, connector.path("state").asText(), connector.path("worker_id").asText(),
                connector.path("trace").asText(null), tasks);
    }

    /** The status, or empty when Connect does not know the connector (HTTP 404). */
    public Optional<ConnectorStatus> findStatus(String name) {
        Response response = sendRaw("GET", "/connectors/" + encode(name) + "/status", null);
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (response.status() >= 400) {
            throw new ConnectRestException("GET /connectors/" + name + "/status", response.status(), response.message(), List.of());
        }
        return Optional.of(parseStatus(name, response.body()));
    }

    public Map<String, String> config(String name) {
        Map<String, String> config = new LinkedHashMap<>();
        send("GET", "/connectors/" + encode(name) + "/config", null).body().fields()
                .forEachRemaining(entry -> config.put(entry.getKey(), entry.getValue().asText()));
        return config;
    }

    /** {@code GET /connectors/{name}/tasks}: the config each task runs with. */
    public List<Map<String, String>> taskConfigs(String name) {
        List<Map<String, String>> tasks = new ArrayList<>();
        for (JsonNode task : send("GET", "/connectors/" + encode(name) + "/tasks", null).body()) {
            Map<String, String> config = new LinkedHashMap<>();
            task.path("config").fields().forEachRemaining(entry -> config.put(entry.getKey(), entry.getValue().asText()));
            tasks.add(config);
        }
        return tasks;
    }

    /** {@code PUT /connectors/{name}/pause}: tasks stop polling; the connector keeps its state. */
    public void pause(String name) {
        send("PUT", "/connectors/" + encode(name) + "/pause", null);
    }

    /** {@code PUT /connectors/{name}/resume}: a PAUSED or STOPPED connector runs again. */
    public void resume(String name) {
        send("PUT", "/connectors/" + encode(name) + "/resume", null);
    }

    /** {@code POST /connectors/{name}/restart?includeTasks=true}: restarts the connector and its tasks. */
    public void restart(String name) {
        send("POST", "/connectors/" + encode(name) + "/restart?includeTasks=true&onlyFailed=false", null);
    }

    /** {@code PUT /connectors/{name}/config}: replaces the whole config; Connect restarts the connector with it. */
    public void updateConfig(String name, Map<String, String> config) {
        Response response = sendRaw("PUT", "/connectors/" + encode(name) + "/config", JSON.valueToTree(config));
        if (response.status() >= 400) {
            throw new ConnectRestException("PUT /connectors/" + name + "/config", response.status(), response.message(),
                    response.status() == 400 ? validate(name, config) : List.of());
        }
    }

    /**
     * {@code PATCH /connectors/{name}/offsets}: sets the stored offset of one source partition; the
     * connector must be STOPPED.
     */
    public void alterOffset(String name, JsonNode partition, JsonNode offset) {
        ObjectNode entry = JSON.createObjectNode();
        entry.set("partition", partition);
        entry.set("offset", offset);
        ObjectNode body = JSON.createObjectNode();
        body.putArray("offsets").add(entry);
        send("PATCH", "/connectors/" + encode(name) + "/offsets", body);
    }

    /** {@code PUT /connectors/{name}/stop}: the connector stays defined but no task runs, so its offsets can change. */
    public void stop(String name) {
        send("PUT", "/connectors/" + encode(name) + "/stop", null);
    }

    /** {@code DELETE /connectors/{name}/offsets}; the connector must be STOPPED. */
    public void deleteOffsets(String name) {
        send("DELETE", "/connectors/" + encode(name) + "/offsets", null);
    }

    /** {@code GET /connectors/{name}/offsets}: the offsets Connect has stored for a source connector. */
    public JsonNode offsets(String name) {
        return send("GET", "/connectors/" + encode(name) + "/offsets", null).body();
    }

    public void delete(String name) {
        Response response = sendRaw("DELETE", "/connectors/" + encode(name), null);
        if (response.status() >= 400 && response.status() != 404) {
            throw new ConnectRestException("DELETE /connectors/" + name, response.status(), response.message(), List.of());
        }
    }

    private Response send(String method, String path, JsonNode body) {
        Response response = sendRaw(method, path, body);
        if (response.status() >= 400) {
            throw new ConnectRestException(method + " " + path, response.status(), response.message(), List.of());
        }
        return response;
    }

    private Response sendRaw(String method, String path, JsonNode body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            authorization.ifPresent(value -> request.header("Authorization", value));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), parse(response.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Could not write the request body as JSON: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect at " + baseUrl + " did not answer " + method + " " + path + ": "
                    + e.getMessage() + ". Is the worker running? Its log is listed by the stack.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Kafka Connect", e);
        }
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("message", text);
        }
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Secrets never show: see {@link io.cdcharness.stack.Secrets}, the one place that decides what is secret. */
    static String mask(String key, String value) {
        return io.cdcharness.stack.Secrets.mask(key, value);
    }

    private record Response(int status, JsonNode body) {
        String message() {
            return body.path("message").asText(body.toString());
        }
    }
}
