package io.cdcharness.stack.embedded;

import io.cdcharness.stack.Settings;
import io.cdcharness.stack.Versions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM options the Connect worker needs beyond the usual: the seed's host names with the seed's ports
 * ({@link SeedHostNames}), and for Kafka Connect before 3.0 (built for Java 8 and 11) the module
 * openings its Jersey and reflection-based scanning want on Java 17.
 */
final class ConnectRuntime {
    private ConnectRuntime() {
    }

    static List<String> jvmOptions(Settings settings, Path home) {
        List<String> options = new ArrayList<>();
        if (PortPlan.of(settings.get(Settings.Key.PORTS)).equals(PortPlan.seed())) {
            options.add(SeedHostNames.jvmOption(home));
        }
        if (Versions.of(settings.connectVersion()).before(3, 0)) {
            for (String module : List.of("java.base/java.lang", "java.base/java.util", "java.base/java.lang.reflect",
                    "java.base/java.net", "java.base/java.nio", "java.base/sun.nio.ch", "java.base/java.io")) {
                options.add("--add-opens=" + module + "=ALL-UNNAMED");
            }
        }
        return options;
    }
}
