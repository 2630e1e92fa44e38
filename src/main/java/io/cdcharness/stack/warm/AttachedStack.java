package io.cdcharness.stack.warm;

import io.cdcharness.stack.CdcStack;
import io.cdcharness.stack.ConnectStorageTopics;
import io.cdcharness.stack.DatabaseEndpoint;
import io.cdcharness.stack.StackFaults;

import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A warm stack seen from a run that attached to it: the same endpoints, none of the processes. Closing
 * it lets the next run attach; the stack keeps running until its owner stops.
 */
final class AttachedStack implements CdcStack {
    private final WarmStackRecord record;
    private final FileLock lock;

    AttachedStack(WarmStackRecord record, FileLock lock) {
        this.record = record;
        this.lock = lock;
    }

    @Override
    public DatabaseEndpoint database() {
        return record.database();
    }

    @Override
    public String kafkaBootstrapServers() {
        return record.kafkaBootstrapServers();
    }

    @Override
    public String kafkaBootstrapServersForConnect() {
        return record.kafkaBootstrapServersForConnect();
    }

    @Override
    public String connectUrl() {
        return record.connectUrl();
    }

    @Override
    public Optional<String> connectJmxUrl() {
        return Optional.ofNullable(record.connectJmxUrl());
    }

    @Override
    public ConnectStorageTopics connectStorageTopics() {
        return record.storageTopics();
    }

    @Override
    public Map<String, Path> logs() {
        Map<String, Path> logs = new TreeMap<>();
        record.logs().forEach((service, path) -> logs.put(service, Path.of(path)));
        return logs;
    }

    @Override
    public String ensureSchemaRegistry() {
        return schemaRegistryUrl().orElseThrow(() -> new UnsupportedOperationException("The " + describe()
                + " runs no schema registry, and only its owner could start one. Stop it and start it again with "
                + "./cdc-harness up (it starts the registry when a Java 21+ is on the machine), or run with -Dcdc.reuse=false."));
    }

    @Override
    public Optional<String> schemaRegistryUrl() {
        return Optional.ofNullable(record.registryUrl());
    }

    @Override
    public Optional<String> schemaRegistryUrlForConnect() {
        return Optional.ofNullable(record.registryUrlForConnect());
    }

    @Override
    public StackFaults faults() {
        return StackFaults.none(describe());
    }

    @Override
    public String describe() {
        return "warm stack of ./cdc-harness up (pid " + record.ownerPid() + ", attached; its processes are not this run's to kill): "
                + record.description();
    }

    @Override
    public void close() {
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
