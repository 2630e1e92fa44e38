package io.cdcharness.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client of the schema registry's Confluent-compatible API ({@code /apis/ccompat/v7} on Apicurio
 * Registry): subjects, their versions, schemas by version and by id. Schemas by id are cached (an id
 * never changes its schema).
 */
public class SchemaRegistryClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, String> byId = new ConcurrentHashMap<>();

    /** @param registryUrl the registry's root, e.g. {@code http://127.0.0.1:8081} */
    public SchemaRegistryClient(String registryUrl) {
        String root = registryUrl.endsWith("/") ? registryUrl.substring(0, registryUrl.length() - 1) : registryUrl;
        this.baseUrl = root + "/apis/ccompat/v7";
    }

    public String url() {
        return baseUrl;
    }

    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        get("/subjects").forEach(node -> subjects.add(node.asText()));
        return subjects;
    }

    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        get("/subjects/" + encode(subject) + "/versions").forEach(node -> versions.add(node.asInt()));
        return versions;
    }

    /** The schema text of one version of a subject. */
    public String schema(String subject, int version) {
        return get("/subjects/" + encode(subject) + "/versions/" + version).path("schema").asText();
    }

    /** The schema text with this id (the id after the magic byte of a Confluent-format record). */
    public String schemaById(int id) {
        return byId.computeIfAbsent(id, key -> get("/schemas/ids/" + key).path("schema").asText());
    }

    /** Deletes every subject for good (soft, then permanently): the clean slate between scenarios. */
    public void deleteAllSubjects() {
        deleteSubjects(subject -> true);
    }

    /** Deletes for good the subjects the filter accepts. */
    public void deleteSubjects(java.util.function.Predicate<String> which) {
        for (String subject : subjects().stream().filter(which).toList()) {
            send("DELETE", "/subjects/" + encode(subject));
            send("DELETE", "/subjects/" + encode(subject) + "?permanent=true");
        }
    }

    private void send(String method, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400 && response.statusCode() != 404) {
                throw new IllegalStateException("The schema registry answered " + response.statusCode() + " to " + method + " " + baseUrl + path
                        + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("The schema registry at " + baseUrl + " did not answer " + method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the schema registry", e);
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                throw new IllegalStateException("The schema registry has no " + path + " (" + baseUrl + path + " answered 404: "
                        + response.body() + ")");
            }
            if (response.statusCode() >= 400) {
                throw new IllegalStateException("The schema registry answered " + response.statusCode() + " to GET " + baseUrl + path + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("The schema registry at " + baseUrl + " did not answer GET " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the schema registry", e);
        }
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
