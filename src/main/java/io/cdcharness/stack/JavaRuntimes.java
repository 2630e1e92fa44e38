package io.cdcharness.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given feature version on this machine, for services that need a
 * newer Java than the harness runs on (Apicurio Registry 3 needs Java 21). Looks at, in order: the
 * configured home, {@code JAVA_HOME}, the running JVM, {@code /usr/lib/jvm/*}, {@code /opt/java/*},
 * {@code /opt/*jdk*}, {@code ~/.sdkman/candidates/java/*} and {@code ~/.jdks/*}, reading each home's
 * {@code release} file.
 */
public final class JavaRuntimes {
    private JavaRuntimes() {
    }

    public record Runtime(Path home, int feature, String version) {
        public Path java() {
            return home.resolve("bin/java");
        }
    }

    public static Optional<Runtime> find(int minimumFeature, String configuredHome) {
        return candidates(configuredHome).stream().filter(runtime -> runtime.feature() >= minimumFeature)
                .findFirst();
    }

    /** The feature version (17, 25, ...) of a {@code .../bin/java} command, read from its home's release file; 0 when it has none. */
    public static int featureOf(Path java) {
        try {
            return read(java.toRealPath().getParent().getParent()).map(Runtime::feature).orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Every runtime found, for the message when none is new enough. */
    public static List<Runtime> candidates(String configuredHome) {
        Set<Path> homes = new LinkedHashSet<>();
        if (configuredHome != null && !configuredHome.isBlank()) {
            homes.add(Path.of(configuredHome.trim()));
        }
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(home -> !home.isBlank()).map(Path::of).ifPresent(homes::add);
        homes.add(Path.of(System.getProperty("java.home")));
        Path userHome = Path.of(System.getProperty("user.home"));
        for (Path parent : List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"), Path.of("/opt"),
                userHome.resolve(".sdkman/candidates/java"), userHome.resolve(".jdks"))) {
            if (Files.isDirectory(parent)) {
                try (Stream<Path> children = Files.list(parent)) {
                    children.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).forEach(homes::add);
                } catch (IOException ignored) {
                    // not readable: skip
                }
            }
        }
        List<Runtime> runtimes = new ArrayList<>();
        for (Path home : homes) {
            read(home).ifPresent(runtime -> {
                if (runtimes.stream().noneMatch(known -> known.home().equals(runtime.home()))) {
                    runtimes.add(runtime);
                }
            });
        }
        return runtimes;
    }

    private static Optional<Runtime> read(Path home) {
        try {
            Path real = home.toRealPath();
            if (!Files.isExecutable(real.resolve("bin/java"))) {
                return Optional.empty();
            }
            Path release = real.resolve("release");
            if (!Files.isRegularFile(release)) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(release)) {
                properties.load(in);
            }
            String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
            if (version.isEmpty()) {
                return Optional.empty();
            }
            String feature = version.startsWith("1.") ? version.substring(2, 3) : version.split("[.+-]")[0];
            return Optional.of(new Runtime(real, Integer.parseInt(feature), version));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
