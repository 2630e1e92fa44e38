package io.cdcharness.stack.embedded;

import java.nio.file.Path;
import java.util.List;

/** How to unpack, initialise and run one database product from its Maven-delivered binaries. */
interface DatabaseDistribution {

    /** Short service name for progress lines and logs: {@code mysql} or {@code mariadb}. */
    String service();

    /** Human name with version, e.g. {@code MySQL 8.0.31}. */
    String displayName();

    /** Unpacks the binaries (cached) and returns the base directory. */
    Path install(MavenArtifacts artifacts, Path cacheDir);

    /** The server binary inside the base directory. */
    Path serverBinary(Path baseDir);

    /** The command that creates an empty data directory (system tables, root user without password). */
    List<String> initializeCommand(Path baseDir, Path dataDir);

    /** Options that come after {@code --defaults-file} when the server runs. */
    List<String> serverOptions(Path baseDir);

    /**
     * Server settings the harness puts before the fixture's {@code mysql.cnf}, so that the fixture's own
     * setting wins: defaults that suit a test server, each with why.
     */
    default List<String> defaultSettings() {
        return List.of();
    }

    /** The cache directory of the initialised data-directory template (one per server version). */
    default String templateName() {
        return service() + "-datadir-template";
    }
}
