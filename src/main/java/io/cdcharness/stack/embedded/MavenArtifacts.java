package io.cdcharness.stack.embedded;

import io.cdcharness.stack.StackBootException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Resolves server-side jars (Kafka, Connect, Debezium, database binaries) through Maven, the local
 * repository first, so that they never land on the test class path of the project using the harness.
 * Results are cached per set of coordinates; a warm cache needs no Maven run at all.
 */
final class MavenArtifacts {
    private final Path cacheDir;
    private final String maven;

    MavenArtifacts(Path cacheDir, String maven) {
        this.cacheDir = cacheDir.resolve("maven");
        this.maven = maven;
    }

    /** The runtime class path (jar files) of the given {@code group:artifact:version} coordinates. */
    List<Path> classpath(String purpose, List<String> coordinates) {
        Path work = workDir(purpose, coordinates);
        Path result = work.resolve("classpath.txt");
        List<Path> cached = readClasspath(result);
        if (cached != null) {
            return cached;
        }
        writePom(work, coordinates, false);
        run(purpose, work, List.of("dependency:build-classpath", "-Dmdep.outputFile=" + result, "-Dmdep.includeScope=runtime"));
        List<Path> resolved = readClasspath(result);
        if (resolved == null) {
            throw new StackBootException(purpose, "Maven resolved no class path for " + coordinates, work.resolve("maven.log"));
        }
        return resolved;
    }

    /** The single jar of one artifact, without its dependencies. */
    Path jar(String purpose, String coordinate) {
        Path work = workDir(purpose, List.of(coordinate));
        Path result = work.resolve("classpath.txt");
        List<Path> cached = readClasspath(result);
        if (cached == null) {
            writePom(work, List.of(coordinate), true);
            run(purpose, work, List.of("dependency:build-classpath", "-Dmdep.outputFile=" + result));
            cached = readClasspath(result);
        }
        if (cached == null || cached.size() != 1) {
            throw new StackBootException(purpose, "Maven did not resolve exactly one jar for " + coordinate, work.resolve("maven.log"));
        }
        return cached.get(0);
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
        Path work = workDir(purpose, List.of(coordinate, "plugin"));
        writePom(work, List.of(coordinate), false);
        Path staging = pluginsRoot.resolve(pluginName + ".staging-" + ProcessHandle.current().pid());
        run(purpose, work, List.of("dependency:copy-dependencies", "-DoutputDirectory=" + staging,
                "-DincludeScope=runtime", "-DexcludeGroupIds=org.apache.kafka,org.slf4j"));
        try {
            Files.writeString(staging.resolve(".complete"), coordinate);
            RunDirectory.deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(done)) {
                throw new UncheckedIOException("Could not set up the Connect plugin directory " + target, e);
            }
            RunDirectory.deleteTree(staging); // another JVM finished first
        }
        return target;
    }

    private Path workDir(String purpose, List<String> coordinates) {
        String key = purpose.replaceAll("[^a-zA-Z0-9.-]", "_") + "-" + hash(String.join(",", coordinates));
        try {
            return Files.createDirectories(cacheDir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the harness cache directory " + cacheDir
                    + " (set cdc.cache.dir to a writable place): " + e.getMessage(), e);
        }
    }

    private static List<Path> readClasspath(Path file) {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            String text = Files.readString(file).trim();
            if (text.isEmpty()) {
                return null;
            }
            List<Path> jars = Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
            return jars.stream().allMatch(Files::isRegularFile) ? jars : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void writePom(Path work, List<String> coordinates, boolean withoutDependencies) {
        StringBuilder dependencies = new StringBuilder();
        for (String coordinate : coordinates) {
            String[] parts = coordinate.split(":");
            if (parts.length < 3) {
                throw new IllegalArgumentException("Not a Maven coordinate (group:artifact:version): " + coordinate);
            }
            dependencies.append("    <dependency><groupId>").append(parts[0]).append("</groupId><artifactId>")
                    .append(parts[1]).append("</artifactId><version>").append(parts[2]).append("</version>");
            if (withoutDependencies) {
                dependencies.append("<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>");
            }
            dependencies.append("</dependency>\n");
        }
        String pom = """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.cdcharness.resolve</groupId>
                  <artifactId>server-side</artifactId>
                  <version>1</version>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(dependencies);
        try {
            Files.writeString(work.resolve("pom.xml"), pom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String purpose, Path work, List<String> goals) {
        Path log = work.resolve("maven.log");
        // Offline first: a warm local repository answers in about 2 s without any network.
        if (runMaven(work, goals, log, true) == 0) {
            return;
        }
        int exit = runMaven(work, goals, log, false);
        if (exit != 0) {
            throw new StackBootException(purpose, "Maven could not resolve the server-side jars (exit " + exit
                    + "). Check that Maven Central (or your mirror) is reachable, or that the artifacts are in ~/.m2. "
                    + "The project is in " + work, log);
        }
    }

    private int runMaven(Path work, List<String> goals, Path log, boolean offline) {
        List<String> command = new ArrayList<>(List.of(maven, "-B", "-q", "-f", work.resolve("pom.xml").toString()));
        if (offline) {
            command.add("-o");
        }
        command.add("org.apache.maven.plugins:maven-dependency-plugin:3.8.1:" + goals.get(0).substring("dependency:".length()));
        command.addAll(goals.subList(1, goals.size()));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new StackBootException("maven", "could not run '" + maven + "' to resolve server-side jars: "
                    + e.getMessage() + ". Install Maven or point cdc.maven at the mvn executable.", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Maven resolved server-side jars", e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
