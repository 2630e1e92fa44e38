package io.cdcharness.stack;

import java.util.Set;

/** The Kafka Connect worker's internal topics ({@code config.storage.topic} and friends). */
public record ConnectStorageTopics(String config, String offset, String status) {

    /** The seed's names: {@code my-source-connector-config}, {@code -offset}, {@code -status}. */
    public static ConnectStorageTopics withPrefix(String prefix) {
        return new ConnectStorageTopics(prefix + "-config", prefix + "-offset", prefix + "-status");
    }

    public Set<String> all() {
        return Set.of(config, offset, status);
    }
}
