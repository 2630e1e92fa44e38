package io.cdcharness.stack.warm;

import io.cdcharness.stack.CdcStack;
import io.cdcharness.stack.ConnectStorageTopics;
import io.cdcharness.stack.DatabaseEndpoint;
import io.cdcharness.stack.DatabaseFlavor;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a running {@code ./cdc-harness up} writes about its stack, so that other processes on the
 * machine can attach to it: who owns it, where every service listens and the settings it runs.
 */
record WarmStackRecord(long ownerPid, String description, String startedAt,
                       String databaseFlavor, String databaseHost, int databasePort, String databaseHostForConnect,
                       int databasePortForConnect, String databaseUser, String databasePassword, long databaseServerId,
                       String kafkaBootstrapServers, String kafkaBootstrapServersForConnect, String connectUrl, String connectJmxUrl,
                       String configTopic, String offsetTopic, String statusTopic, Map<String, String> logs,
                       String registryUrl, String registryUrlForConnect, Map<String, String> settings) {

    static WarmStackRecord of(CdcStack stack, long ownerPid, String startedAt, Map<String, String> settings) {
        DatabaseEndpoint database = stack.database();
        Map<String, String> logs = new TreeMap<>();
        stack.logs().forEach((service, path) -> logs.put(service, path.toString()));
        return new WarmStackRecord(ownerPid, stack.describe(), startedAt, database.flavor().name(), database.host(), database.port(),
                database.hostForConnect(), database.portForConnect(), database.user(), database.password(), database.serverId(),
                stack.kafkaBootstrapServers(), stack.kafkaBootstrapServersForConnect(), stack.connectUrl(), stack.connectJmxUrl().orElse(null),
                stack.connectStorageTopics().config(), stack.connectStorageTopics().offset(), stack.connectStorageTopics().status(), logs,
                stack.schemaRegistryUrl().orElse(null), stack.schemaRegistryUrlForConnect().orElse(null), new TreeMap<>(settings));
    }

    DatabaseEndpoint database() {
        return new DatabaseEndpoint(DatabaseFlavor.valueOf(databaseFlavor), databaseHost, databasePort, databaseHostForConnect,
                databasePortForConnect, databaseUser, databasePassword, databaseServerId);
    }

    ConnectStorageTopics storageTopics() {
        return new ConnectStorageTopics(configTopic, offsetTopic, statusTopic);
    }
}
