package io.cdcharness.stack.embedded;

import io.cdcharness.stack.DatabaseFlavor;
import io.cdcharness.stack.HarnessLog;
import io.cdcharness.stack.StackBootException;
import io.cdcharness.stack.Versions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Debezium connector plugin the chosen database flavour needs, and only that one: the MySQL
 * connector for MySQL; for MariaDB the MariaDB connector where that Debezium version has one (2.7 and
 * later), else the MySQL connector, which captured MariaDB before. A version that is not published
 * fails before anything is downloaded, naming the published versions near it.
 */
final class DebeziumPlugins {
    static final String GROUP = "io.debezium";

    private DebeziumPlugins() {
    }

    /** The plugin directory (a directory holding one plugin directory per connector) for Connect's plugin.path. */
    record Selection(Path pluginDirectory, String connectorArtifact) {
        /** The connector's class: the MariaDB flavour's where this is the MariaDB connector, else the MySQL flavour's. */
        String connectorClass() {
            return (mariaDb() ? DatabaseFlavor.MARIADB : DatabaseFlavor.MYSQL).connectorClass();
        }

        /** The connector's DDL parser, which its plugin loader loads too. */
        String parserClass() {
            return mariaDb() ? "io.debezium.connector.mariadb.antlr.MariaDbAntlrDdlParser" : "io.debezium.connector.mysql.antlr.MySqlAntlrDdlParser";
        }

        private boolean mariaDb() {
            return connectorArtifact.equals("debezium-connector-mariadb");
        }
    }

    static Selection install(MavenArtifacts artifacts, Path cacheDir, String version, DatabaseFlavor flavor) {
        Path root = cacheDir.resolve("connect-plugins").resolve("debezium-" + version);
        String artifact = artifactFor(artifacts, root, version, flavor);
        if (!Files.exists(root.resolve(artifact).resolve(".complete"))) {
            List<String> published = artifacts.maven().versions(GROUP, artifact);
            if (!published.contains(version)) {
                throw new StackBootException("connect", Versions.notPublished("Debezium", version, published, GROUP + ":" + artifact,
                        artifacts.maven().repositoryDescription()) + " Set cdc.debezium.version to one of them.", null);
            }
        }
        Path directory = artifacts.pluginDirectory("debezium-" + artifact.substring("debezium-connector-".length()),
                GROUP + ":" + artifact + ":" + version, root, artifact);
        return new Selection(directory, artifact);
    }

    private static String artifactFor(MavenArtifacts artifacts, Path root, String version, DatabaseFlavor flavor) {
        if (flavor == DatabaseFlavor.MYSQL) {
            return "debezium-connector-mysql";
        }
        if (Files.exists(root.resolve("debezium-connector-mariadb").resolve(".complete"))) {
            return "debezium-connector-mariadb";
        }
        if (artifacts.maven().versions(GROUP, "debezium-connector-mariadb").contains(version)) {
            return "debezium-connector-mariadb";
        }
        HarnessLog.once("Debezium " + version + " has no MariaDB connector (io.debezium:debezium-connector-mariadb:" + version
                + " is not published; it exists from 2.7 on): MariaDB is captured with the MySQL connector, as before 2.7");
        return "debezium-connector-mysql";
    }
}
