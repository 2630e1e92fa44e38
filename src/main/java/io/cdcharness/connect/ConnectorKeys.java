package io.cdcharness.connect;

import io.cdcharness.stack.Versions;

import java.util.Map;
import java.util.Optional;

/**
 * Connector config keys and values that Debezium renamed between 1.x, 2.x and 3.x, translated for
 * the version Connect actually runs, in both directions: a 1.x fixture runs on 3.4, and a 3.x
 * fixture runs on 1.5.
 *
 * <table>
 *   <tr><th>1.x</th><th>2.0 and later</th></tr>
 *   <tr><td>database.server.name</td><td>topic.prefix</td></tr>
 *   <tr><td>database.history, database.history.*</td><td>schema.history.internal, schema.history.internal.*</td></tr>
 *   <tr><td>heartbeat.topics.prefix</td><td>topic.heartbeat.prefix</td></tr>
 *   <tr><td>KafkaDatabaseHistory (and File, Memory)</td><td>KafkaSchemaHistory (and File, Memory)</td></tr>
 *   <tr><td>database.whitelist, table.blacklist, ... (gone in 2.0)</td><td>database.include.list, table.exclude.list, ...</td></tr>
 *   <tr><th>before 2.6</th><th>2.6 and later (the old values are gone in 3.0)</th></tr>
 *   <tr><td>snapshot.mode=schema_only, schema_only_recovery</td><td>snapshot.mode=no_data, recovery</td></tr>
 * </table>
 */
public final class ConnectorKeys {
    private static final Map<String, String> OLD_LISTS = Map.of(
            "database.whitelist", "database.include.list", "database.blacklist", "database.exclude.list",
            "table.whitelist", "table.include.list", "table.blacklist", "table.exclude.list",
            "column.whitelist", "column.include.list", "column.blacklist", "column.exclude.list");
    private static final Map<String, String> HISTORY_CLASSES = Map.of(
            "io.debezium.relational.history.KafkaDatabaseHistory", "io.debezium.storage.kafka.history.KafkaSchemaHistory",
            "io.debezium.relational.history.FileDatabaseHistory", "io.debezium.storage.file.history.FileSchemaHistory",
            "io.debezium.relational.history.MemoryDatabaseHistory", "io.debezium.relational.history.MemorySchemaHistory");

    private final Versions.Version target;

    private ConnectorKeys(Versions.Version target) {
        this.target = target;
    }

    /** Translation for the Debezium version Connect runs ({@code 3.4.0.Final}, {@code 1.5.0.Final}). */
    public static ConnectorKeys forVersion(String debeziumVersion) {
        return new ConnectorKeys(Versions.of(debeziumVersion));
    }

    public String version() {
        return target.text();
    }

    private boolean modern() {
        return target.atLeast(2, 0);
    }

    /** The key as the target version spells it; the same key when nothing changed. */
    public String key(String key) {
        if (modern()) {
            if (key.equals("database.server.name")) {
                return "topic.prefix";
            }
            if (key.equals("database.history")) {
                return "schema.history.internal";
            }
            if (key.startsWith("database.history.")) {
                return "schema.history.internal." + key.substring("database.history.".length());
            }
            if (key.equals("heartbeat.topics.prefix")) {
                return "topic.heartbeat.prefix";
            }
        } else {
            if (key.equals("topic.prefix")) {
                return "database.server.name";
            }
            if (key.equals("schema.history.internal")) {
                return "database.history";
            }
            if (key.startsWith("schema.history.internal.")) {
                return "database.history." + key.substring("schema.history.internal.".length());
            }
            if (key.equals("topic.heartbeat.prefix")) {
                return "heartbeat.topics.prefix";
            }
        }
        return OLD_LISTS.getOrDefault(key, key);
    }

    /** The value as the target version understands it, when it changed (history classes, snapshot modes). */
    public Optional<String> value(String key, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (modern() && HISTORY_CLASSES.containsKey(value)) {
            return Optional.of(HISTORY_CLASSES.get(value));
        }
        if (!modern()) {
            for (Map.Entry<String, String> entry : HISTORY_CLASSES.entrySet()) {
                if (entry.getValue().equals(value)) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        if (key.equals("snapshot.mode")) {
            boolean newNames = target.atLeast(2, 6);
            if (newNames && value.equals("schema_only")) {
                return Optional.of("no_data");
            }
            if (newNames && value.equals("schema_only_recovery")) {
                return Optional.of("recovery");
            }
            if (!newNames && value.equals("no_data")) {
                return Optional.of("schema_only");
            }
            if (!newNames && value.equals("recovery")) {
                return Optional.of("schema_only_recovery");
            }
        }
        return Optional.empty();
    }

    /** Why a key changed, for the harness's log line. */
    public String why(String from, String to) {
        if (OLD_LISTS.containsKey(from)) {
            return "Debezium 1.x list key, gone in 2.0";
        }
        return modern() ? "Debezium 1.x key, renamed in 2.0; Connect runs Debezium " + target
                : "Debezium 2.x/3.x key; Connect runs Debezium " + target + ", which spells it " + to;
    }
}
