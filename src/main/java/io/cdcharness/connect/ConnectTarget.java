package io.cdcharness.connect;

import io.cdcharness.stack.DatabaseFlavor;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the running Connect worker offers, read from {@code GET /connector-plugins}: the Debezium version
 * (the version of its MySQL or MariaDB connector plugin) and the connector classes. Connector configs are
 * translated for exactly this, whatever the stack (embedded, containers, an image of unknown version).
 */
public record ConnectTarget(String debeziumVersion, Set<String> connectorClasses) {
    /** When Connect offers no Debezium binlog connector: the version the harness boots by default. */
    static final String FALLBACK = "3.4.0.Final";

    public static ConnectTarget of(ConnectClient connect) {
        String version = null;
        Set<String> classes = new LinkedHashSet<>();
        for (ConnectClient.Plugin plugin : connect.plugins()) {
            classes.add(plugin.className());
            boolean debezium = plugin.className().equals(DatabaseFlavor.MYSQL.connectorClass())
                    || plugin.className().equals(DatabaseFlavor.MARIADB.connectorClass());
            if (debezium && version == null && plugin.version() != null && !plugin.version().isBlank()) {
                version = plugin.version();
            }
        }
        return new ConnectTarget(version == null ? FALLBACK : version, classes);
    }

    public ConnectorConfigResolver apply(ConnectorConfigResolver resolver) {
        return resolver.targeting(debeziumVersion, connectorClasses);
    }
}
