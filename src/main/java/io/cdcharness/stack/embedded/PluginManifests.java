package io.cdcharness.stack.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Decides how Connect may find the user's plugins. With {@code plugin.discovery=service_load} the
 * worker reads only the plugins' {@code META-INF/services} manifests (KIP-898) and starts in 2 to 3 s;
 * plugins without manifests need {@code hybrid_warn}, which scans every class (several seconds more).
 * So the harness scans only when some plugin has no manifest.
 */
final class PluginManifests {
    private static final String CONNECT_SERVICES = "META-INF/services/org.apache.kafka.connect.";

    private PluginManifests() {
    }

    /** True when every jar or class directory directly in every plugin directory declares a Connect plugin manifest. */
    static boolean allDeclared(List<Path> pluginDirectories) {
        for (Path directory : pluginDirectories) {
            try (Stream<Path> entries = Files.list(directory)) {
                for (Path entry : entries.toList()) {
                    if (!declares(entry)) {
                        return false;
                    }
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean declares(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            if (Files.isDirectory(entry.resolve("META-INF/services"))) {
                try (Stream<Path> services = Files.list(entry.resolve("META-INF/services"))) {
                    return services.anyMatch(file -> ("META-INF/services/" + file.getFileName()).startsWith(CONNECT_SERVICES));
                }
            }
            try (Stream<Path> jars = Files.list(entry)) { // a plugin directory of jars: one of them must declare it
                for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).toList()) {
                    if (declares(jar)) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (!entry.toString().endsWith(".jar")) {
            return true; // not code: nothing to declare
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            return jar.stream().anyMatch(zipEntry -> zipEntry.getName().startsWith(CONNECT_SERVICES));
        }
    }
}
