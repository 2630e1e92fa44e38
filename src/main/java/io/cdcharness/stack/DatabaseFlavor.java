package io.cdcharness.stack;

/** The database product behind a stack ({@code cdc.database}). */
public enum DatabaseFlavor {
    MYSQL("io.debezium.connector.mysql.MySqlConnector", "mysql"),
    MARIADB("io.debezium.connector.mariadb.MariaDbConnector", "mariadb");

    private final String connectorClass;
    private final String debeziumMetricsDomain;

    DatabaseFlavor(String connectorClass, String debeziumMetricsDomain) {
        this.connectorClass = connectorClass;
        this.debeziumMetricsDomain = debeziumMetricsDomain;
    }

    /** The Debezium connector class that captures this flavour. */
    public String connectorClass() {
        return connectorClass;
    }

    /** The JMX domain of Debezium's metrics for this flavour's connector, e.g. {@code debezium.mysql}. */
    public String debeziumMetricsDomain() {
        return "debezium." + debeziumMetricsDomain;
    }

    public String displayName() {
        return this == MYSQL ? "MySQL" : "MariaDB";
    }
}
