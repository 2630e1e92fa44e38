package io.cdcharness.stack;

import java.util.Locale;
import java.util.Map;

/**
 * Named sets of defaults ({@code cdc.preset}); a key set in any layer still wins over the preset.
 *
 * <ul>
 *   <li>{@code article}: the seed article's own stack. Debezium 1.5.0.Final in a Kafka Connect 2.7.0
 *       worker (the article's {@code cp-kafka-connect-base:6.1.1} is Kafka 2.7), MySQL 8.0.31, on the
 *       seed's ports 3306/9092/8083 where the article's host names {@code originDB} and {@code kafka}
 *       resolve for the worker. The broker stays the current one: Kafka 4 brokers accept clients from
 *       2.1 on, and the harness's own checks passed with Connect 2.7 against it (3.9.1 is the fallback
 *       if a broker refuses: {@code --set cdc.kafka.version=3.9.1}).</li>
 * </ul>
 */
public final class Presets {
    private static final Map<String, Map<String, String>> PRESETS = Map.of(
            "article", Map.of(
                    "cdc.debezium.version", "1.5.0.Final",
                    "cdc.connect.version", "2.7.0",
                    "cdc.ports", "seed",
                    "cdc.database", "mysql"));

    private Presets() {
    }

    /** The preset's value for a key, or null. */
    static String value(String preset, String property) {
        if (preset == null || preset.isBlank() || preset.equalsIgnoreCase("none")) {
            return null;
        }
        Map<String, String> values = PRESETS.get(preset.trim().toLowerCase(Locale.ROOT));
        if (values == null) {
            throw new IllegalArgumentException("cdc.preset=" + preset + " is not known. Use article (the seed article's own versions: "
                    + "Debezium 1.5.0.Final on Kafka Connect 2.7.0, seed ports) or none.");
        }
        return values.get(property);
    }

    /** One line for messages: {@code article (Debezium 1.5.0.Final, Connect 2.7.0, ports seed)}. */
    public static String describe(String preset) {
        Map<String, String> values = PRESETS.get(preset.trim().toLowerCase(Locale.ROOT));
        return values == null ? preset : preset + " " + new java.util.TreeMap<>(values);
    }
}
