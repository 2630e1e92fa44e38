package io.cdcharness.stack.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcharness.stack.DatabaseEndpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Has a booting Connect worker validate a Debezium connector config for the stack's database while it still
 * reads its storage topics and joins its group: about 0.6 s in which its REST API answers and its herder does
 * not yet. Connect validates every new connector before it accepts it, and on a new worker that first
 * validation loads Debezium's config classes and opens a database connection for the first time (0.26 s of the
 * first registration's 1.2 s). Validating creates nothing: no connector, topic or offset; the answer is thrown
 * away, and a failure only means that the first registration pays that cost itself.
 *
 * <pre>{@code
 * DebeziumWarmUp.whenDatabaseIsUp(databaseFuture, "io.debezium.connector.mysql.MySqlConnector").accept("http://127.0.0.1:8083");
 * }</pre>
 */
final class DebeziumWarmUp {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String NAME = "cdc-harness-boot-warm-up";

    private DebeziumWarmUp() {
    }

    /** What to run once the worker's REST API answers: the validation, on a daemon thread, once the database is up. */
    static java.util.function.Consumer<String> whenDatabaseIsUp(CompletableFuture<DatabaseEndpoint> database, String connectorClass) {
        return connectUrl -> database.thenAcceptAsync(endpoint -> validate(connectUrl, endpoint, connectorClass),
                runnable -> {
                    Thread thread = new Thread(runnable, "cdc-harness-debezium-warm-up");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    private static void validate(String connectUrl, DatabaseEndpoint database, String connectorClass) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(connectUrl + "/connector-plugins/" + connectorClass + "/config/validate"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(config(database, connectorClass))))
                    .build();
            HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            // only a warm-up: the first registration then pays the cost itself, and reports what is wrong
        }
    }

    /** The keys of every Debezium version: a version ignores the names it does not know. */
    static Map<String, String> config(DatabaseEndpoint database, String connectorClass) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", NAME);
        config.putAll(database.debeziumConnection(connectorClass));
        config.put("tasks.max", "1");
        config.put("topic.prefix", NAME);
        config.put("database.server.name", NAME);
        config.put("schema.history.internal.kafka.bootstrap.servers", "localhost:9092");
        config.put("schema.history.internal.kafka.topic", NAME + "-history");
        config.put("database.history.kafka.bootstrap.servers", "localhost:9092");
        config.put("database.history.kafka.topic", NAME + "-history");
        return config;
    }
}
