package io.cdcharness.stack;

/**
 * Where the database listens, seen from two sides: from this JVM (to run scenario SQL) and from the
 * Connect worker (what goes into a connector's {@code database.hostname}/{@code database.port}).
 *
 * @param flavor           MySQL or MariaDB
 * @param host             host for clients in this JVM
 * @param port             port for clients in this JVM
 * @param hostForConnect   host the Connect worker uses
 * @param portForConnect   port the Connect worker uses
 * @param user             a user with all privileges, including REPLICATION SLAVE/CLIENT
 * @param password         that user's password
 * @param serverId         the server's own {@code server_id}; connectors must use another one
 */
public record DatabaseEndpoint(DatabaseFlavor flavor, String host, int port, String hostForConnect, int portForConnect,
                               String user, String password, long serverId) {

    /** A JDBC URL for this JVM; works for MySQL 8 (caching_sha2_password without TLS) and MariaDB. */
    public String jdbcUrl() {
        return "jdbc:mysql://" + host + ":" + port + "/?allowPublicKeyRetrieval=true&useSSL=false"
                + "&allowMultiQueries=false&connectTimeout=5000&socketTimeout=120000";
    }

    /**
     * The keys with which a Debezium connector of {@code connectorClass} reaches this database from Connect, as a
     * replica with a server id of its own.
     *
     * <pre>{@code
     * Map<String, String> config = new LinkedHashMap<>(database.debeziumConnection("io.debezium.connector.mysql.MySqlConnector"));
     * config.put("topic.prefix", "shop");
     * }</pre>
     */
    public java.util.Map<String, String> debeziumConnection(String connectorClass) {
        java.util.Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("connector.class", connectorClass);
        config.put("database.hostname", hostForConnect);
        config.put("database.port", Integer.toString(portForConnect));
        config.put("database.user", user);
        config.put("database.password", java.util.Objects.toString(password, ""));
        config.put("database.server.id", Long.toString(serverId + 1000));
        config.put("database.allowPublicKeyRetrieval", "true");
        return config;
    }

    @Override
    public String toString() {
        return flavor.displayName() + " at " + host + ":" + port + " (user " + user + ")";
    }
}
