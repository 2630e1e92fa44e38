package io.cdcharness.cli;

import io.cdcharness.stack.Settings;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options shared by the commands that start a stack; each one sets the matching cdc.* setting, and
 * {@code --set key=value} or {@code -Dkey=value} sets any setting (later wins).
 */
final class StackOptions {
    @Option(names = "--database", paramLabel = "mysql|mariadb", description = "database flavour (cdc.database; default mysql)")
    String database;

    @Option(names = "--stack", paramLabel = "embedded", description = "which stack (cdc.stack; default embedded)")
    String stack;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "fixtures directory (cdc.fixtures.dir; default fixtures)")
    String fixtures;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "any setting, e.g. --set cdc.debezium.version=2.7.3.Final (repeatable)")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "the same as --set, as in Maven: -Dcdc.debezium.version=2.7.3.Final")
    Map<String, String> defines = new LinkedHashMap<>();

    Settings apply(Settings settings) {
        Settings result = settings;
        if (database != null) {
            result = result.with(Settings.Key.DATABASE.property(), database);
        }
        if (stack != null) {
            result = result.with(Settings.Key.STACK.property(), stack);
        }
        if (fixtures != null) {
            result = result.with(Settings.Key.FIXTURES_DIR.property(), fixtures);
        }
        Map<String, String> all = new LinkedHashMap<>(defines);
        all.putAll(set);
        for (Map.Entry<String, String> entry : all.entrySet()) {
            result = result.with(settingKey(entry.getKey()), entry.getValue());
        }
        result.database(); // fail early with the explained message for a wrong value
        result.stack();
        return result;
    }

    /** The arguments that give the same settings to another process: {@code --set k=v ...}. */
    java.util.List<String> asArguments() {
        java.util.List<String> args = new java.util.ArrayList<>();
        if (database != null) {
            args.addAll(java.util.List.of("--database", database));
        }
        if (stack != null) {
            args.addAll(java.util.List.of("--stack", stack));
        }
        if (fixtures != null) {
            args.addAll(java.util.List.of("--fixtures", fixtures));
        }
        Map<String, String> all = new LinkedHashMap<>(defines);
        all.putAll(set);
        all.forEach((key, value) -> args.addAll(java.util.List.of("--set", key + "=" + value)));
        return args;
    }

    /** {@code cdc.debezium.version} as given; {@code debezium.version} gets its {@code cdc.} prefix; anything else is refused with the known keys. */
    static String settingKey(String key) {
        String trimmed = key.trim();
        if (trimmed.startsWith("cdc.")) {
            return trimmed;
        }
        for (Settings.Key known : Settings.Key.values()) {
            if (known.property().equals("cdc." + trimmed)) {
                return known.property();
            }
        }
        throw new IllegalArgumentException("\"" + trimmed + "\" is not a setting of cdc-harness: settings start with cdc., for example "
                + "--set cdc.debezium.version=2.7.3.Final. Known settings: " + java.util.Arrays.stream(Settings.Key.values())
                .map(Settings.Key::property).collect(java.util.stream.Collectors.joining(", ")));
    }
}
