package io.cdcharness.connect;

import io.cdcharness.stack.DatabaseEndpoint;
import io.cdcharness.stack.DatabaseFlavor;
import io.cdcharness.stack.References;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a connector config written for another deployment (the seed's: hosts {@code originDB} and
 * {@code kafka:9092}, Debezium 1.x keys) into one that runs against this stack, and says what it changed.
 *
 * <ul>
 *   <li>{@code database.hostname}/{@code database.port} point at the stack's database;</li>
 *   <li>keys are spelt for the Debezium version Connect runs ({@link ConnectorKeys}): on 2.x/3.x
 *       {@code database.server.name} becomes {@code topic.prefix}, {@code database.history.*} becomes
 *       {@code schema.history.internal.*}; on 1.x the other way round;</li>
 *   <li>Kafka bootstrap addresses point at the stack's broker;</li>
 *   <li>the connector class matches the database flavour;</li>
 *   <li>{@code database.server.id} differs from the server's own {@code server_id};</li>
 *   <li>keys the fixture leaves unset get the harness's test defaults ({@code cdc.connector.defaults}).</li>
 * </ul>
 * Values are checked before they are rewritten: a port that is no port, or a host that is no host
 * name, fails with the key and where it came from (the fixture, or the changes a step made to it).
 * {@code ${env:NAME}} and {@code ${sys:name}} in a value are replaced by an environment variable or a
 * system property ({@link References}), so that secrets need not be written into fixtures or feature files.
 */
public final class ConnectorConfigResolver {
    private static final AtomicLong NEXT_SERVER_ID = new AtomicLong(5400);
    /** One replica id per connector name, so that resolving a fixture twice gives the same config. */
    private static final Map<String, Long> SERVER_IDS = new java.util.concurrent.ConcurrentHashMap<>();
    private final DatabaseEndpoint database;
    private final String kafkaBootstrapForConnect;
    private final Map<String, String> testDefaults;
    private final ConnectorKeys keys;
    private final java.util.Set<String> connectorClasses;

    public ConnectorConfigResolver(DatabaseEndpoint database, String kafkaBootstrapForConnect) {
        this(database, kafkaBootstrapForConnect, Map.of());
    }

    /**
     * @param testDefaults keys added when the fixture does not set them (the harness's
     *                     {@code cdc.connector.defaults}, e.g. {@code poll.interval.ms=10} for fast tests)
     */
    public ConnectorConfigResolver(DatabaseEndpoint database, String kafkaBootstrapForConnect, Map<String, String> testDefaults) {
        this(database, kafkaBootstrapForConnect, testDefaults, ConnectorKeys.forVersion("3.4.0.Final"), java.util.Set.of());
    }

    private ConnectorConfigResolver(DatabaseEndpoint database, String kafkaBootstrapForConnect, Map<String, String> testDefaults,
                                    ConnectorKeys keys, java.util.Set<String> connectorClasses) {
        this.database = database;
        this.kafkaBootstrapForConnect = kafkaBootstrapForConnect;
        this.testDefaults = Map.copyOf(testDefaults);
        this.keys = keys;
        this.connectorClasses = java.util.Set.copyOf(connectorClasses);
    }

    /**
     * The same resolver for the Debezium version and connector classes the Connect worker offers
     * ({@code GET /connector-plugins}): keys are spelt for that version, and MariaDB is captured with the
     * MySQL connector where the worker has no MariaDB connector (Debezium before 2.7).
     */
    public ConnectorConfigResolver targeting(String debeziumVersion, java.util.Set<String> offeredConnectorClasses) {
        return new ConnectorConfigResolver(database, kafkaBootstrapForConnect, testDefaults, ConnectorKeys.forVersion(debeziumVersion),
                offeredConnectorClasses);
    }

    /**
     * True when the config (or the changes to it) uses a schema registry: a converter that names Apicurio
     * or Avro, or a {@code *.apicurio.registry.url} / {@code *.schema.registry.url} key.
     */
    public static boolean needsSchemaRegistry(Map<String, String> config, Map<String, String> changes) {
        Map<String, String> all = new LinkedHashMap<>(config);
        all.putAll(changes);
        return all.entrySet().stream().anyMatch(entry -> entry.getKey().endsWith("apicurio.registry.url")
                || entry.getKey().endsWith("schema.registry.url")
                || (entry.getKey().endsWith("converter") && entry.getValue() != null
                && (entry.getValue().contains("Avro") || entry.getValue().contains("apicurio"))));
    }

    /** The same resolver, pointing registry URL keys at the stack's schema registry (its root URL as Connect reaches it). */
    public ConnectorConfigResolver withSchemaRegistry(String registryRootForConnect) {
        ConnectorConfigResolver copy = new ConnectorConfigResolver(database, kafkaBootstrapForConnect, testDefaults, keys, connectorClasses);
        copy.registryRoot = registryRootForConnect;
        return copy;
    }

    private String registryRoot;

    /** The resolved definition and one line per change made. */
    public record Resolution(ConnectorDefinition connector, List<String> rewrites) {
    }

    /** The value that removes a key when changes are applied: {@code | database.include.list | (unset) |}. */
    public static final String UNSET = "(unset)";

    public Resolution resolve(ConnectorDefinition definition) {
        return resolve(definition, Map.of());
    }

    /**
     * Applies the changes to the fixture's config ({@link #UNSET} removes a key; Debezium 1.x keys are
     * translated in both), checks the values, then resolves the result against the stack.
     */
    public Resolution resolve(ConnectorDefinition definition, Map<String, String> changes) {
        Map<String, String> config = new LinkedHashMap<>();
        List<String> rewrites = new ArrayList<>();
        Map<String, String> fromChanges = new LinkedHashMap<>();
        changes.forEach((key, value) -> fromChanges.put(keys.key(key), References.resolve(key, value, "the overrides to " + definition.source())));
        io.cdcharness.stack.Secrets.rememberConfig(fromChanges); // masked from now on, wherever they show up
        for (Map.Entry<String, String> entry : definition.config().entrySet()) {
            String key = keys.key(entry.getKey());
            String value = References.resolve(entry.getKey(), entry.getValue(), definition.source().toString());
            if (io.cdcharness.stack.Secrets.isSecretKey(key)) {
                io.cdcharness.stack.Secrets.remember(value);
            }
            if (!key.equals(entry.getKey())) {
                if (definition.config().containsKey(key)) {
                    rewrites.add(entry.getKey() + " dropped: " + key + " is set too, and Debezium " + keys.version() + " reads that one");
                    continue;
                }
                rewrites.add(entry.getKey() + " -> " + key + " (" + keys.why(entry.getKey(), key) + ")");
            }
            String original = value;
            value = keys.value(key, value).orElse(value);
            if (!value.equals(original)) {
                rewrites.add(key + ": " + original + " -> " + value + " (Debezium " + keys.version() + " knows it by this name)");
            }
            config.put(key, value);
        }
        fromChanges.forEach((key, value) -> {
            if (UNSET.equals(value)) {
                config.remove(key);
            } else {
                config.put(key, keys.value(key, value).orElse(value));
            }
        });
        ConnectorValues.check(config, key -> fromChanges.containsKey(key)
                ? "the overrides to " + definition.source() : definition.source());
        replace(config, rewrites, "database.hostname", database.hostForConnect(), "the stack's database");
        replace(config, rewrites, "database.port", Integer.toString(database.portForConnect()), "the stack's database");
        for (String key : List.copyOf(config.keySet())) {
            if (key.endsWith("bootstrap.servers")) {
                replace(config, rewrites, key, kafkaBootstrapForConnect, "the stack's Kafka broker");
            }
        }
        if (registryRoot != null) {
            for (String key : List.copyOf(config.keySet())) {
                if (key.endsWith("apicurio.registry.url")) {
                    replace(config, rewrites, key, registryRoot + "/apis/registry/v2", "the stack's schema registry");
                } else if (key.endsWith("schema.registry.url")) {
                    replace(config, rewrites, key, registryRoot + "/apis/ccompat/v7", "the stack's schema registry, Confluent API");
                }
            }
        }
        new java.util.TreeMap<>(testDefaults).forEach((defaultKey, value) -> {
            String key = keys.key(defaultKey);
            if (!config.containsKey(key)) {
                config.put(key, value);
                rewrites.add(key + ": (unset) -> " + io.cdcharness.stack.Secrets.mask(key, value) + " (cdc.connector.defaults; set the key in the fixture to choose another value)");
            }
        });
        resolveConnectorClass(config, rewrites);
        resolveServerId(definition.name(), config, rewrites);
        return new Resolution(definition.withConfig(config), List.copyOf(rewrites));
    }

    private void resolveConnectorClass(Map<String, String> config, List<String> rewrites) {
        String current = config.get("connector.class");
        String wanted = database.flavor().connectorClass();
        if (!connectorClasses.isEmpty() && !connectorClasses.contains(wanted) && connectorClasses.contains(DatabaseFlavor.MYSQL.connectorClass())) {
            wanted = DatabaseFlavor.MYSQL.connectorClass(); // Debezium before 2.7: the MySQL connector captures MariaDB
        }
        boolean isDebeziumBinlogConnector = current == null
                || current.equals(DatabaseFlavor.MYSQL.connectorClass())
                || current.equals(DatabaseFlavor.MARIADB.connectorClass())
                || current.equals("MySqlConnector") || current.equals("MariaDbConnector");
        if (isDebeziumBinlogConnector && !wanted.equals(current)) {
            config.put("connector.class", wanted);
            rewrites.add("connector.class: " + current + " -> " + wanted + " (the stack runs " + database.flavor().displayName() + ")");
        }
    }

    private void resolveServerId(String connectorName, Map<String, String> config, List<String> rewrites) {
        String current = config.get("database.server.id");
        if (current == null || !current.trim().equals(Long.toString(database.serverId()))) {
            return;
        }
        String unique = Long.toString(SERVER_IDS.computeIfAbsent(connectorName, name -> nextServerId()));
        config.put("database.server.id", unique);
        rewrites.add("database.server.id: " + current + " -> " + unique + " (the database's own server_id is "
                + database.serverId() + "; a replica must use another)");
    }

    private long nextServerId() {
        long candidate = NEXT_SERVER_ID.getAndIncrement();
        return candidate == database.serverId() ? NEXT_SERVER_ID.getAndIncrement() : candidate;
    }

    private static void replace(Map<String, String> config, List<String> rewrites, String key, String value, String what) {
        String current = config.get(key);
        if (current != null && !current.equals(value)) {
            config.put(key, value);
            rewrites.add(key + ": " + current + " -> " + value + " (" + what + ")");
        }
    }
}
