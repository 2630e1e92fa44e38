package io.cdcharness.stack.external;

import io.cdcharness.stack.References;
import io.cdcharness.stack.ConnectStorageTopics;
import io.cdcharness.stack.DatabaseEndpoint;
import io.cdcharness.stack.DatabaseFlavor;
import io.cdcharness.stack.Settings;
import io.cdcharness.stack.Settings.Key;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code cdc.external.*} settings, checked and resolved: every problem is named at once, with the fix. */
record ExternalEndpoints(DatabaseEndpoint database, String kafkaBootstrapServers, String kafkaBootstrapServersForConnect,
                         Map<String, String> kafkaClientProperties, String connectUrl, Optional<String> connectAuthorization,
                         ConnectStorageTopics storageTopics, Optional<String> registryUrl) {
    private static final Pattern JDBC = Pattern.compile("jdbc:(mysql|mariadb)://([^:/?]+)(?::(\\d+))?.*");
    private static final Pattern HOST_PORT = Pattern.compile("([^:,\\s]+):(\\d{1,5})");

    static ExternalEndpoints from(Settings settings) {
        List<String> problems = new ArrayList<>();
        String jdbc = required(settings, Key.EXTERNAL_JDBC_URL, "jdbc:mysql://127.0.0.1:3306/", problems);
        String kafka = required(settings, Key.EXTERNAL_KAFKA_BOOTSTRAP, "127.0.0.1:9092", problems);
        String connect = required(settings, Key.EXTERNAL_CONNECT_URL, "http://127.0.0.1:8083", problems);
        String user = required(settings, Key.EXTERNAL_JDBC_USER, "root", problems);
        String password = References.resolve(Key.EXTERNAL_JDBC_PASSWORD.property(), settings.get(Key.EXTERNAL_JDBC_PASSWORD), "the settings");

        String host = null;
        int port = 3306;
        if (!jdbc.isEmpty()) {
            Matcher url = JDBC.matcher(jdbc);
            if (url.matches()) {
                host = url.group(2);
                port = url.group(3) == null ? 3306 : Integer.parseInt(url.group(3));
            } else {
                problems.add(Key.EXTERNAL_JDBC_URL.property() + "=" + jdbc + " is not a MySQL or MariaDB JDBC URL; write it as "
                        + "jdbc:mysql://host:3306/ or jdbc:mariadb://host:3306/");
            }
        }
        String hostForConnect = host;
        int portForConnect = port;
        String forConnect = settings.get(Key.EXTERNAL_DATABASE_FOR_CONNECT);
        if (!forConnect.isEmpty()) {
            Matcher hostPort = HOST_PORT.matcher(forConnect);
            if (hostPort.matches()) {
                hostForConnect = hostPort.group(1);
                portForConnect = Integer.parseInt(hostPort.group(2));
            } else {
                problems.add(Key.EXTERNAL_DATABASE_FOR_CONNECT.property() + "=" + forConnect + " is not host:port (e.g. originDB:3306)");
            }
        }
        for (String address : kafka.isEmpty() ? new String[0] : kafka.split(",")) {
            if (!HOST_PORT.matcher(address.trim()).matches()) {
                problems.add(Key.EXTERNAL_KAFKA_BOOTSTRAP.property() + " has \"" + address.trim() + "\", which is not host:port");
            }
        }
        if (!connect.isEmpty() && !(connect.startsWith("http://") || connect.startsWith("https://"))) {
            problems.add(Key.EXTERNAL_CONNECT_URL.property() + "=" + connect + " is not an http(s) URL (e.g. http://127.0.0.1:8083)");
        }
        Map<String, String> clientProperties = clientProperties(settings, problems);
        Optional<String> authorization = authorization(settings, problems);
        ConnectStorageTopics storage = storageTopics(settings, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cdc.stack=external cannot reach your cluster with these settings:\n  - "
                    + String.join("\n  - ", problems) + "\nThe README's \"External stack\" section lists every cdc.external.* setting; "
                    + "./cdc-harness doctor --set cdc.stack=external ... checks them one by one.");
        }
        DatabaseEndpoint probe = new DatabaseEndpoint(DatabaseFlavor.MYSQL, host, port, hostForConnect, portForConnect, user, password, 0);
        DatabaseEndpoint database = describeServer(probe);
        String registry = settings.get(Key.EXTERNAL_REGISTRY_URL);
        return new ExternalEndpoints(database, kafka, settings.get(Key.EXTERNAL_KAFKA_FOR_CONNECT).isEmpty() ? kafka
                : settings.get(Key.EXTERNAL_KAFKA_FOR_CONNECT), clientProperties, strip(connect), authorization, storage,
                registry.isEmpty() ? Optional.empty() : Optional.of(strip(registry)));
    }

    private static String required(Settings settings, Key key, String example, List<String> problems) {
        String value = settings.get(key);
        if (value.isEmpty()) {
            problems.add(key.property() + " is not set (e.g. -D" + key.property() + "=" + example + ")");
        }
        return value;
    }

    private static Map<String, String> clientProperties(Settings settings, List<String> problems) {
        String file = settings.get(Key.EXTERNAL_KAFKA_CONFIG);
        Map<String, String> properties = new TreeMap<>();
        if (file.isEmpty()) {
            return properties;
        }
        Path path = settings.projectDir().resolve(file);
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Properties loaded = new Properties();
            loaded.load(reader);
            loaded.stringPropertyNames().forEach(name -> properties.put(name,
                    References.resolve(name, loaded.getProperty(name), path.toString())));
            properties.remove("bootstrap.servers"); // cdc.external.kafka.bootstrap.servers names them
        } catch (IOException e) {
            problems.add(Key.EXTERNAL_KAFKA_CONFIG.property() + "=" + file + " cannot be read (" + path + ": " + e.getMessage()
                    + "); it is a Kafka client properties file, as --command-config takes it");
        }
        return properties;
    }

    private static Optional<String> authorization(Settings settings, List<String> problems) {
        String auth = References.resolve(Key.EXTERNAL_CONNECT_AUTH.property(), settings.get(Key.EXTERNAL_CONNECT_AUTH), "the settings");
        if (auth.isEmpty()) {
            return Optional.empty();
        }
        if (!auth.contains(":")) {
            problems.add(Key.EXTERNAL_CONNECT_AUTH.property() + " is not user:password (the value is not shown: it may be a secret)");
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
    }

    private static ConnectStorageTopics storageTopics(Settings settings, List<String> problems) {
        String named = settings.get(Key.EXTERNAL_CONNECT_STORAGE_TOPICS);
        if (named.isEmpty()) {
            return ConnectStorageTopics.withPrefix(settings.get(Key.CONNECT_STORAGE_PREFIX));
        }
        String[] topics = named.split(",");
        if (topics.length != 3 || java.util.Arrays.stream(topics).anyMatch(String::isBlank)) {
            problems.add(Key.EXTERNAL_CONNECT_STORAGE_TOPICS.property() + "=" + named + " is not three topic names: "
                    + "config,offset,status (the worker's config.storage.topic, offset.storage.topic, status.storage.topic)");
            return ConnectStorageTopics.withPrefix(settings.get(Key.CONNECT_STORAGE_PREFIX));
        }
        return new ConnectStorageTopics(topics[0].trim(), topics[1].trim(), topics[2].trim());
    }

    /** Asks the server for its flavour and server_id; fails with what the driver said and what to check. */
    private static DatabaseEndpoint describeServer(DatabaseEndpoint probe) {
        try (Connection connection = DriverManager.getConnection(probe.jdbcUrl(), probe.user(), probe.password());
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT VERSION(), @@server_id")) {
            row.next();
            DatabaseFlavor flavor = row.getString(1).toLowerCase(java.util.Locale.ROOT).contains("mariadb") ? DatabaseFlavor.MARIADB : DatabaseFlavor.MYSQL;
            return new DatabaseEndpoint(flavor, probe.host(), probe.port(), probe.hostForConnect(), probe.portForConnect(), probe.user(),
                    probe.password(), row.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("The external stack's database at " + probe.host() + ":" + probe.port() + " (user " + probe.user()
                    + ") did not let the harness in: " + e.getMessage() + ". Check cdc.external.jdbc.url, .user and .password; "
                    + "./cdc-harness doctor checks them.", e);
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "external endpoints: " + database + ", Kafka " + kafkaBootstrapServers + ", Connect " + connectUrl;
    }
}
