package io.cdcharness;

import io.cdcharness.connect.ConnectorDefinition;
import io.cdcharness.stack.DatabaseEndpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link CdcHarness#warmUp()} runs on a new Connect worker: a connector of the stack's database as a user
 * would write it (the resolver translates it for the worker's Debezium), a database with one table and one row.
 * <p>
 * A new worker loads, verifies and compiles Debezium's code on its first registration: 1.1-1.5 s from the POST
 * to streaming, against 0.3-0.45 s on a worker that has run a connector before.
 */
final class ConnectorWarmUp {
    static final String NAME = "cdc-harness-warm-up";
    private static final String DATABASE = "cdc_harness_warm_up";
    static final String SQL = "CREATE DATABASE " + DATABASE + "; CREATE TABLE " + DATABASE + ".t (id INT PRIMARY KEY, note VARCHAR(20));"
            + " INSERT INTO " + DATABASE + ".t VALUES (1, 'warm')";

    private ConnectorWarmUp() {
    }

    static ConnectorDefinition definition(DatabaseEndpoint database) {
        Map<String, String> config = new LinkedHashMap<>(database.debeziumConnection(database.flavor().connectorClass()));
        config.put("tasks.max", "1");
        config.put("database.include.list", DATABASE);
        config.put("topic.prefix", NAME);
        config.put("schema.history.internal.kafka.bootstrap.servers", "localhost:9092");
        config.put("schema.history.internal.kafka.topic", NAME + "-history");
        return new ConnectorDefinition(NAME, config, "the harness's warm-up of a new Connect worker");
    }

    /** The topic of the warm-up table's change events. */
    static String topic(String topicPrefix) {
        return topicPrefix + "." + DATABASE + ".t";
    }
}
