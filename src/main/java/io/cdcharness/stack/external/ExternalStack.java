package io.cdcharness.stack.external;

import io.cdcharness.stack.CdcStack;
import io.cdcharness.stack.ConnectStorageTopics;
import io.cdcharness.stack.DatabaseEndpoint;
import io.cdcharness.stack.Settings;
import io.cdcharness.stack.StackFaults;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Your own cluster: a database, Kafka, a Connect worker carrying Debezium, and maybe a schema
 * registry, that run somewhere already (the seed's docker-compose, Strimzi, a managed Connect,
 * staging). The harness starts and stops nothing, and its clean slate removes only what its run
 * created: every connector, topic and database that was there when it attached is left alone.
 *
 * <pre>{@code
 * -Dcdc.stack=external
 * -Dcdc.external.jdbc.url=jdbc:mysql://127.0.0.1:3306/ -Dcdc.external.jdbc.user=root -Dcdc.external.jdbc.password='${env:DB_PASSWORD}'
 * -Dcdc.external.database.for.connect=originDB:3306          # how the worker reaches the database, when not the same
 * -Dcdc.external.kafka.bootstrap.servers=127.0.0.1:9092 -Dcdc.external.kafka.config=client.properties
 * -Dcdc.external.connect.url=http://127.0.0.1:8083 -Dcdc.external.connect.auth='admin:${env:CONNECT_PASSWORD}'
 * }</pre>
 *
 * Faults that need process control fail in one line here.
 */
public final class ExternalStack implements CdcStack {
    private final ExternalEndpoints endpoints;

    private ExternalStack(ExternalEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** Reads the {@code cdc.external.*} settings and asks the database what it is; fails naming every setting that is missing or wrong. */
    public static ExternalStack connect(Settings settings) {
        return new ExternalStack(ExternalEndpoints.from(settings));
    }

    @Override
    public DatabaseEndpoint database() {
        return endpoints.database();
    }

    @Override
    public String kafkaBootstrapServers() {
        return endpoints.kafkaBootstrapServers();
    }

    @Override
    public String kafkaBootstrapServersForConnect() {
        return endpoints.kafkaBootstrapServersForConnect();
    }

    @Override
    public Map<String, String> kafkaClientProperties() {
        return endpoints.kafkaClientProperties();
    }

    @Override
    public String connectUrl() {
        return endpoints.connectUrl();
    }

    @Override
    public Optional<String> connectAuthorization() {
        return endpoints.connectAuthorization();
    }

    @Override
    public Optional<String> connectJmxUrl() {
        return Optional.empty(); // streaming is seen through stored offsets passing a binlog marker, which works through any network
    }

    @Override
    public ConnectStorageTopics connectStorageTopics() {
        return endpoints.storageTopics();
    }

    @Override
    public Map<String, Path> logs() {
        return Map.of();
    }

    @Override
    public String ensureSchemaRegistry() {
        return endpoints.registryUrl().orElseThrow(() -> new UnsupportedOperationException("A connector of this scenario needs a schema "
                + "registry, and the external stack names none. Set cdc.external.registry.url to its URL."));
    }

    @Override
    public Optional<String> schemaRegistryUrl() {
        return endpoints.registryUrl();
    }

    @Override
    public boolean ownsEverything() {
        return false;
    }

    @Override
    public StackFaults faults() {
        return StackFaults.none(describe());
    }

    @Override
    public String describe() {
        return "external stack (" + endpoints.database() + ", Kafka " + endpoints.kafkaBootstrapServers() + ", Connect " + endpoints.connectUrl() + ")";
    }

    @Override
    public void close() {
        // nothing of it is the harness's to stop
    }
}
