package io.cdcharness.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A running CDC stack: a database with a ROW binlog, a Kafka broker and a Kafka Connect worker
 * carrying Debezium. Everything above this layer talks only to this interface.
 *
 * <pre>{@code
 * try (CdcStack stack = Stacks.start(Settings.load())) {
 *     String jdbc = stack.database().jdbcUrl();
 *     String kafka = stack.kafkaBootstrapServers();
 *     String connect = stack.connectUrl();
 * }
 * }</pre>
 */
public interface CdcStack extends AutoCloseable {

    /** How scenarios reach the database. */
    DatabaseEndpoint database();

    /** {@code host:port} list for Kafka clients on this machine. */
    String kafkaBootstrapServers();

    /**
     * The bootstrap address that the Connect worker (and so the connector's schema history producer)
     * uses for Kafka. The same as {@link #kafkaBootstrapServers()} unless the worker sits on another network.
     */
    default String kafkaBootstrapServersForConnect() {
        return kafkaBootstrapServers();
    }

    /** The Connect REST base URL, e.g. {@code http://127.0.0.1:8083}. */
    String connectUrl();

    /** The {@code Authorization} header the Connect REST API wants, when it wants one (an external worker). */
    default Optional<String> connectAuthorization() {
        return Optional.empty();
    }

    /** Kafka client properties beside the bootstrap servers (security.protocol, sasl.*, ssl.*): empty for the harness's own brokers. */
    default Map<String, String> kafkaClientProperties() {
        return Map.of();
    }

    /**
     * True when everything on this stack is the harness's to remove between scenarios (its own stack, or a
     * warm one of {@code up}); false for someone's cluster, where the harness removes only what its run
     * created and leaves every connector, topic and database that was there before alone.
     */
    default boolean ownsEverything() {
        return true;
    }

    /** The JMX service URL of the Connect worker, when the stack exposes one (used to see Debezium's streaming metrics). */
    Optional<String> connectJmxUrl();

    /** Names of the Connect worker's own topics: config, offset and status storage. */
    ConnectStorageTopics connectStorageTopics();

    /** The service logs by service name ({@code mysql}, {@code kafka}, {@code connect}), for failure messages. */
    Map<String, Path> logs();

    /**
     * Starts the schema registry if it is not running yet (a stack starts it only when a connector needs
     * it) and returns its root URL as the harness reaches it, e.g. {@code http://127.0.0.1:38081}.
     */
    default String ensureSchemaRegistry() {
        throw new UnsupportedOperationException(describe() + " has no schema registry: use the embedded or the containers stack for Avro.");
    }

    /** The schema registry's root URL as the harness reaches it, once it runs. */
    default Optional<String> schemaRegistryUrl() {
        return Optional.empty();
    }

    /** The registry's root URL as the Connect worker reaches it (another network for containers). */
    default Optional<String> schemaRegistryUrlForConnect() {
        return schemaRegistryUrl();
    }

    /** Faults this stack can cause on purpose; by default none (each says so in one line). */
    default StackFaults faults() {
        return StackFaults.none(describe());
    }

    /** What kind of stack this is, for messages. */
    String describe();

    /** Stops every service and removes what the stack created. Never throws for an already closed stack. */
    @Override
    void close();
}
