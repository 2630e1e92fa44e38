package io.cdcharness.stack.embedded;

import io.cdcharness.stack.JavaRuntimes;
import io.cdcharness.stack.StackBootException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Apicurio Registry (a Quarkus app from {@code io.apicurio:apicurio-registry-app:VERSION:tar.gz:all}) as a
 * child process with in-memory storage, on 127.0.0.1. It needs Java 21 or newer, found by
 * {@link JavaRuntimes}; without one the boot fails naming what to install. Ready when its
 * Confluent-compatible API answers {@code GET /apis/ccompat/v7/subjects}.
 */
final class RegistryProcess {
    static final String DEFAULT_VERSION = "3.3.3";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceProcess process;
    private final int port;

    private RegistryProcess(ServiceProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static RegistryProcess start(MavenArtifacts artifacts, Path cacheDir, String version, String javaHome, RunDirectory run,
                                 Services services, Duration timeout) {
        JavaRuntimes.Runtime java = JavaRuntimes.find(21, javaHome).orElseThrow(() -> new StackBootException("registry",
                "Apicurio Registry " + version + " needs Java 21 or newer, and none was found. Java runtimes here: "
                        + JavaRuntimes.candidates(javaHome).stream().map(runtime -> runtime.home() + " (" + runtime.version() + ")")
                        .collect(Collectors.joining(", "))
                        + ". Install one (Debian 13 / Ubuntu 24.04: apt-get install -y openjdk-21-jre-headless; elsewhere Temurin 21 or "
                        + "newer from adoptium.net) and, if it is not under /usr/lib/jvm, point cdc.registry.java.home at it.", null));
        Path home = install(artifacts, cacheDir, version);
        Path work = run.service("registry");
        int port = FreePorts.next();
        int management = FreePorts.next();
        List<String> command = List.of(java.java().toString(), "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.enabled=false", "-Dquarkus.management.port=" + management,
                "-Dapicurio.ccompat.legacy-id-mode.enabled=false",
                "-jar", home.resolve("quarkus-run.jar").toString());
        ServiceProcess process = ServiceProcess.start("registry", command, Map.of(), work, work.resolve("registry.log"), services);
        RegistryProcess registry = new RegistryProcess(process, port);
        process.awaitReady("answering GET /apis/ccompat/v7/subjects on port " + port, timeout, registry::ready);
        return registry;
    }

    /** Unpacks the registry's tar.gz into the cache once. */
    private static Path install(MavenArtifacts artifacts, Path cacheDir, String version) {
        Path home = cacheDir.resolve("apicurio-registry-" + version);
        if (Files.isRegularFile(home.resolve("quarkus-run.jar"))) {
            return home;
        }
        Path archive = artifacts.jar("registry", "io.apicurio:apicurio-registry-app:tar.gz:all:" + version);
        Path staging = cacheDir.resolve("apicurio-registry-" + version + ".staging-" + ProcessHandle.current().pid());
        try {
            RunDirectory.deleteTree(staging);
            Files.createDirectories(staging);
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", staging.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new StackBootException("registry", "could not unpack " + archive + " with tar", null);
            }
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            RunDirectory.deleteTree(staging);
            if (!Files.isRegularFile(home.resolve("quarkus-run.jar"))) {
                throw new StackBootException("registry", "could not unpack Apicurio Registry into " + home + ": " + e.getMessage(), null, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackBootException("registry", "interrupted while unpacking", null, e);
        }
        return home;
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/apis/ccompat/v7/subjects"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    ServiceProcess process() {
        return process;
    }
}
