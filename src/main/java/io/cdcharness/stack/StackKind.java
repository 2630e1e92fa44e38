package io.cdcharness.stack;

/** Where the services of a stack come from ({@code cdc.stack}). */
public enum StackKind {
    /** Real servers started by the harness as local processes, no Docker. */
    EMBEDDED,
    /** Testcontainers: MySQL/MariaDB, Kafka and a Connect worker with Debezium. */
    CONTAINERS,
    /** An already running stack (for example the seed's docker-compose). */
    EXTERNAL
}
