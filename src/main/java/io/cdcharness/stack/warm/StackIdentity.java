package io.cdcharness.stack.warm;

import io.cdcharness.stack.Settings;
import io.cdcharness.stack.Settings.Key;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings that make a stack what it is (versions, flavour, ports, worker settings, the database's
 * binlog settings file by content), as opposed to the ones that only change how this run checks,
 * reports or waits. Two runs may share a stack when their identities are equal. A setting added later
 * counts as part of the identity until it is listed here as run-only: a wrong "differs" boots a stack
 * more, a wrong "same" would test the wrong thing.
 */
final class StackIdentity {
    /** Settings that change nothing in the running services. */
    private static final Set<Key> RUN_ONLY = EnumSet.of(Key.TIMEOUT, Key.FIXTURES_DIR, Key.MYSQL_CNF, Key.CONNECTOR_DEFAULTS, Key.CACHE_DIR,
            Key.CLASS_DATA_SHARING,
            Key.SERVICES_JAVA,
            Key.MAVEN_REPOSITORY, Key.BOOT_TIMEOUT, Key.GOLDEN_UPDATE, Key.RECORD_DIR, Key.PROJECT_DIR, Key.REPORTS_DIR, Key.EVIDENCE,
            Key.EVIDENCE_SCENARIO_LIMIT, Key.EVIDENCE_RUN_LIMIT, Key.REUSE, Key.POOL, Key.SHARD, Key.SHARD_DURATIONS, Key.EXTERNAL_JDBC_URL, Key.EXTERNAL_JDBC_USER,
            Key.EXTERNAL_JDBC_PASSWORD, Key.EXTERNAL_DATABASE_FOR_CONNECT, Key.EXTERNAL_KAFKA_BOOTSTRAP, Key.EXTERNAL_KAFKA_FOR_CONNECT,
            Key.EXTERNAL_KAFKA_CONFIG, Key.EXTERNAL_CONNECT_URL, Key.EXTERNAL_CONNECT_AUTH, Key.EXTERNAL_CONNECT_STORAGE_TOPICS,
            Key.EXTERNAL_REGISTRY_URL);
    /** Not a setting: the content of the binlog settings file the database started with. */
    static final String MYSQL_CNF_CONTENT = "mysql.cnf content (sha-256)";

    private StackIdentity() {
    }

    static Map<String, String> of(Settings settings) {
        Map<String, String> identity = new TreeMap<>();
        for (Key key : Key.values()) {
            if (!RUN_ONLY.contains(key)) {
                identity.put(key.property(), settings.get(key));
            }
        }
        identity.put(MYSQL_CNF_CONTENT, digest(settings.fixturesDir().resolve(settings.get(Key.MYSQL_CNF))));
        return identity;
    }

    /** The first difference, worded for the one line that says why a run boots its own stack; empty when equal. */
    static Optional<String> difference(Map<String, String> running, Map<String, String> wanted) {
        Set<String> keys = new java.util.TreeSet<>(running.keySet());
        keys.addAll(wanted.keySet());
        for (String key : keys) {
            String theirs = running.get(key);
            String ours = wanted.get(key);
            if (!Objects.equals(theirs, ours)) {
                return Optional.of("it runs " + key + "=" + shown(theirs) + ", this run asks for " + shown(ours));
            }
        }
        return Optional.empty();
    }

    private static String shown(String value) {
        return value == null ? "(not known to that version)" : value.isEmpty() ? "\"\"" : value;
    }

    private static String digest(Path file) {
        if (!Files.isRegularFile(file)) {
            return "none (" + file + ")";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))).substring(0, 16);
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}
