package io.cdcharness.cli;

import io.cdcharness.connect.ConnectClient;
import io.cdcharness.stack.DatabaseFlavor;
import io.cdcharness.stack.Settings;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Pre-flight checks: one {@link Check} each, with what to do when it fails. The environment checks
 * cover the machine (Java, Maven, OS libraries, ports, Docker); the database and Connect checks
 * cover an existing stack (binlog settings, the connector user's privileges, the Debezium plugin).
 */
final class Doctor {

    enum Status { OK, WARN, FAIL }

    record Check(Status status, String what, String fix) {
        static Check ok(String what) {
            return new Check(Status.OK, what, "");
        }

        static Check warn(String what, String fix) {
            return new Check(Status.WARN, what, fix);
        }

        static Check fail(String what, String fix) {
            return new Check(Status.FAIL, what, fix);
        }

        String line() {
            String label = switch (status) {
                case OK -> "  ok   ";
                case WARN -> "  warn ";
                case FAIL -> "  FAIL ";
            };
            return label + what + (fix.isEmpty() ? "" : "\n         -> " + fix);
        }
    }

    List<Check> environment(Settings settings, boolean seedPorts) {
        List<Check> checks = new ArrayList<>();
        int java = Runtime.version().feature();
        checks.add(java >= 17 ? Check.ok("Java " + Runtime.version())
                : Check.fail("Java " + Runtime.version() + " is older than 17", "install a Java 17+ JDK (apt-get install openjdk-17-jdk-headless)"));
        switch (settings.stack()) {
            case EMBEDDED -> {
                checks.add(Check.ok("server jars come from " + io.cdcharness.stack.maven.ServerArtifacts.forCache(settings.cacheDir(),
                        settings.get(Settings.Key.MAVEN_REPOSITORY)).repositoryDescription() + " (Maven Resolver, no mvn needed)"));
                if (settings.database() == DatabaseFlavor.MYSQL) {
                    checks.add(hasLibrary("libaio.so.1") ? Check.ok("libaio.so.1 is installed (MySQL 8 needs it)")
                            : Check.warn("libaio.so.1 is not installed (MySQL 8 needs it)",
                            "the harness fetches Debian's libaio1 into its cache by itself; to install it for good: sudo apt-get install -y libaio1"));
                }
            }
            case CONTAINERS -> checks.add(run("docker", "info") == 0 ? Check.ok("Docker answers (docker info)")
                    : Check.fail("Docker does not answer (docker info failed)",
                    "start Docker (sudo systemctl start docker, or dockerd &), or use -Dcdc.stack=embedded, which needs no Docker"));
            case EXTERNAL -> checks.addAll(external(settings));
        }
        if (seedPorts) {
            for (int port : new int[] {3306, 9092, 8083}) {
                checks.add(portFree(port) ? Check.ok("port " + port + " is free")
                        : Check.fail("port " + port + " is in use", "stop what listens there (ss -ltnp 'sport = :" + port
                        + "') or start with free ports (up without --ports seed)"));
            }
        }
        return checks;
    }

    List<Check> database(String jdbcUrl, String user, String password) {
        List<Check> checks = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            checks.add(Check.ok("database answers at " + jdbcUrl + " as " + user));
            try (ResultSet row = statement.executeQuery(
                    "SELECT @@log_bin, @@binlog_format, @@binlog_row_image, @@server_id, @@version")) {
                row.next();
                checks.add(row.getBoolean(1) ? Check.ok("log_bin is ON")
                        : Check.fail("log_bin is OFF: there is no binlog to read", "start the server with log_bin = mysql-bin (see fixtures/mysql/mysql.cnf)"));
                String format = row.getString(2);
                checks.add("ROW".equalsIgnoreCase(format) ? Check.ok("binlog_format is ROW")
                        : Check.fail("binlog_format is " + format + ": Debezium needs ROW to see the changed rows",
                        "SET GLOBAL binlog_format = 'ROW' now, and binlog_format = ROW in my.cnf for good"));
                String image = row.getString(3);
                checks.add("FULL".equalsIgnoreCase(image) ? Check.ok("binlog_row_image is FULL")
                        : Check.fail("binlog_row_image is " + image + ": events would lack the columns that did not change",
                        "SET GLOBAL binlog_row_image = 'FULL' now, and binlog_row_image = FULL in my.cnf for good"));
                long serverId = row.getLong(4);
                checks.add(serverId > 0 ? Check.ok("server_id is " + serverId + " (give each connector another database.server.id)")
                        : Check.fail("server_id is 0: the server cannot serve a binlog replica", "set server-id = 1 in my.cnf"));
            }
            checks.add(privileges(statement, user));
        } catch (SQLException e) {
            checks.add(Check.fail("cannot connect to " + jdbcUrl + " as " + user + ": " + e.getMessage(),
                    "check the URL, user and password; MySQL 8 without TLS needs allowPublicKeyRetrieval=true in the URL"));
        }
        return checks;
    }

    private static Check privileges(Statement statement, String user) throws SQLException {
        StringBuilder grants = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("SHOW GRANTS")) {
            while (rows.next()) {
                String grant = rows.getString(1).toUpperCase(Locale.ROOT);
                if (grant.contains(" ON *.* ")) {
                    grants.append(grant).append('\n');
                }
            }
        }
        String text = grants.toString();
        boolean all = text.contains("ALL PRIVILEGES");
        List<String> missing = new ArrayList<>();
        if (!all && !text.contains("REPLICATION SLAVE") && !text.contains("REPLICATION REPLICA")) {
            missing.add("REPLICATION SLAVE");
        }
        if (!all && !text.contains("REPLICATION CLIENT") && !text.contains("BINLOG MONITOR") && !text.contains("SUPER")) {
            missing.add("REPLICATION CLIENT");
        }
        if (!all && !text.contains("SELECT")) {
            missing.add("SELECT");
        }
        if (missing.isEmpty()) {
            return Check.ok("user " + user + " may read the binlog (REPLICATION SLAVE, REPLICATION CLIENT, SELECT)");
        }
        return Check.fail("user " + user + " lacks " + String.join(", ", missing) + " on *.*, which Debezium needs to read the binlog",
                "GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + user + "'@'%'");
    }

    /** The external stack's endpoints, each checked on its own: settings, database, Kafka with its client properties, Connect, registry. */
    List<Check> external(Settings settings) {
        List<Check> checks = new ArrayList<>();
        io.cdcharness.stack.CdcStack stack;
        try {
            stack = io.cdcharness.stack.external.ExternalStack.connect(settings);
        } catch (RuntimeException e) {
            checks.add(Check.fail("external stack: " + e.getMessage(), "set the cdc.external.* settings (README, \"External stack\")"));
            return checks;
        }
        checks.add(Check.ok("external stack settings are complete: " + stack.describe()));
        io.cdcharness.stack.DatabaseEndpoint database = stack.database();
        checks.addAll(database(database.jdbcUrl(), database.user(), database.password()));
        checks.addAll(kafka(stack));
        checks.addAll(connect(stack.connectUrl(), stack.connectAuthorization()));
        stack.schemaRegistryUrl().ifPresent(url -> checks.add(answersHttp(url) ? Check.ok("schema registry answers at " + url)
                : Check.fail("schema registry does not answer at " + url, "check cdc.external.registry.url")));
        return checks;
    }

    private static List<Check> kafka(io.cdcharness.stack.CdcStack stack) {
        List<Check> checks = new ArrayList<>();
        java.util.Map<String, Object> config = new java.util.HashMap<>(stack.kafkaClientProperties());
        config.put("bootstrap.servers", stack.kafkaBootstrapServers());
        config.put("default.api.timeout.ms", "8000");
        config.put("request.timeout.ms", "5000");
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            java.util.Set<String> topics = admin.listTopics().names().get(10, java.util.concurrent.TimeUnit.SECONDS);
            checks.add(Check.ok("Kafka answers at " + stack.kafkaBootstrapServers() + " (" + topics.size() + " topics)"));
            java.util.Set<String> missing = new java.util.TreeSet<>(stack.connectStorageTopics().all());
            missing.removeAll(topics);
            checks.add(missing.isEmpty() ? Check.ok("the Connect worker's own topics exist: " + new java.util.TreeSet<>(stack.connectStorageTopics().all()))
                    : Check.fail("the Connect worker's topics " + missing + " are not in Kafka",
                    "name the worker's config.storage.topic, offset.storage.topic and status.storage.topic with "
                            + "cdc.external.connect.storage.topics=config,offset,status (the harness needs the offset topic)"));
        } catch (Exception e) {
            checks.add(Check.fail("Kafka does not answer at " + stack.kafkaBootstrapServers() + ": " + e.getMessage(),
                    "check cdc.external.kafka.bootstrap.servers, and cdc.external.kafka.config for TLS/SASL client settings"));
        }
        return checks;
    }

    private static boolean answersHttp(String url) {
        try {
            java.net.http.HttpResponse<Void> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(url)).timeout(java.time.Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return response.statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    List<Check> connect(String url) {
        return connect(url, java.util.Optional.empty());
    }

    List<Check> connect(String url, java.util.Optional<String> authorization) {
        List<Check> checks = new ArrayList<>();
        try {
            List<ConnectClient.Plugin> plugins = new ConnectClient(url, authorization).plugins();
            checks.add(Check.ok("Kafka Connect REST answers at " + url));
            List<String> debezium = plugins.stream().map(ConnectClient.Plugin::className)
                    .filter(name -> name.equals(DatabaseFlavor.MYSQL.connectorClass()) || name.equals(DatabaseFlavor.MARIADB.connectorClass()))
                    .toList();
            checks.add(!debezium.isEmpty() ? Check.ok("Debezium connector plugin present: " + String.join(", ", debezium))
                    : Check.fail("no Debezium MySQL/MariaDB connector among the worker's plugins",
                    "put debezium-connector-mysql (or -mariadb) and its jars in a directory on the worker's plugin.path and restart it"));
        } catch (RuntimeException e) {
            checks.add(Check.fail("Kafka Connect REST does not answer at " + url + ": " + e.getMessage(),
                    "start the worker, or give its URL with --connect-url"));
        }
        return checks;
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean hasLibrary(String library) {
        try {
            Process ldconfig = new ProcessBuilder("ldconfig", "-p").redirectErrorStream(true).start();
            String output = new String(ldconfig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ldconfig.waitFor(10, TimeUnit.SECONDS);
            return output.contains(library);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int run(String... command) {
        return io.cdcharness.stack.Commands.exitCode(java.time.Duration.ofSeconds(60), null, java.util.Map.of(), command);
    }
}
