package io.cdcharness.stack.embedded;

import io.cdcharness.stack.maven.ServerArtifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Server-side jars (Kafka, Connect, Debezium, database binaries) for the embedded stack, resolved by
 * {@link ServerArtifacts} (Maven Resolver as a library: no {@code mvn} needed) so that they never
 * land on the test class path of the project using the harness.
 */
final class MavenArtifacts {
    private final ServerArtifacts maven;

    MavenArtifacts(ServerArtifacts maven) {
        this.maven = maven;
    }

    ServerArtifacts maven() {
        return maven;
    }

    /** The runtime class path (jar files) of the given {@code group:artifact:version} coordinates. */
    List<Path> classpath(String purpose, List<String> coordinates) {
        return maven.classpath(purpose, coordinates, List.of());
    }

    /** The same, without the excluded {@code group:artifact} ({@code group:*}) anywhere in the tree. */
    List<Path> classpath(String purpose, List<String> coordinates, List<String> exclusions) {
        return maven.classpath(purpose, coordinates, exclusions);
    }

    /** The single jar of one artifact, without its dependencies. */
    Path jar(String purpose, String coordinate) {
        return maven.artifact(purpose, coordinate);
    }

    /**
     * A Kafka Connect plugin directory holding the artifact and its runtime dependencies, minus what the
     * worker provides (Kafka and slf4j): exactly what a Connect {@code plugin.path} entry expects.
     */
    Path pluginDirectory(String purpose, String coordinate, Path pluginsRoot, String pluginName) {
        Path target = pluginsRoot.resolve(pluginName);
        Path done = target.resolve(".complete");
        if (Files.exists(done)) {
            return target;
        }
        List<Path> jars = maven.classpath(purpose + "-plugin", List.of(coordinate), List.of("org.apache.kafka:*", "org.slf4j:*"));
        Path staging = pluginsRoot.resolve(pluginName + ".staging-" + ProcessHandle.current().pid());
        try {
            RunDirectory.deleteTree(staging);
            Files.createDirectories(staging);
            for (Path jar : jars) {
                Files.copy(jar, staging.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(staging.resolve(".complete"), coordinate);
            RunDirectory.deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            RunDirectory.deleteTree(staging); // another JVM may have finished first
            if (!Files.exists(done)) {
                throw new UncheckedIOException("Could not set up the Connect plugin directory " + target, e);
            }
        }
        return target;
    }
}
