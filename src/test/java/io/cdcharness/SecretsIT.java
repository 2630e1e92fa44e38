package io.cdcharness;

import io.cdcharness.assertions.EventExpectation;
import io.cdcharness.evidence.Evidence;
import io.cdcharness.evidence.ScenarioRun;
import io.cdcharness.junit.CdcTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Secrets never show. Failures whose configs carry passwords, a JAAS config, basic-auth user info, a
 * token and a client secret (from override tables and DSL maps, as {@code ${sys:...}} references and
 * as plain values) run through the DSL, Gherkin and JUnit; then every file they produced (evidence
 * folders and the zips attached to the Cucumber report included, the CDC report, Cucumber's reports,
 * JUnit's published files) and every failure message is searched for the configured secrets.
 */
class SecretsIT {
    static final Path ROOT = Path.of("target", "secrets-it").toAbsolutePath();
    static final Path REPORTS = ROOT.resolve("reports");
    static final String SHOP = "connectors/shop-connector.json";
    static final Map<String, String> SECRETS = new LinkedHashMap<>();
    static final List<String> MESSAGES = new ArrayList<>();
    static byte cucumberExit;
    static EngineExecutionResults junit;

    private static String secret(String name) {
        String value = name + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        SECRETS.put(name, value);
        return value;
    }

    static final String DB_PASSWORD = secret("Db-pw");
    static final String JAAS = secret("Jaas-pw");
    static final String BASIC = secret("Basic-pw");
    static final String TOKEN = secret("Tok");
    static final String CLIENT_SECRET = secret("Client-secret");
    static final String REFUSED_PASSWORD = secret("Refused-pw");
    static final String WRONG_PASSWORD = secret("Wrong-pw");
    static final String SQL_PASSWORD = secret("Sql-pw");
    static final String JUNIT_PASSWORD = secret("Junit-pw");

    static Map<String, String> secretOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("database.user", "cdc_secret_user");
        overrides.put("database.password", DB_PASSWORD);
        overrides.put("schema.history.internal.consumer.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"" + JAAS + "\";");
        overrides.put("value.converter.basic.auth.user.info", "user:" + BASIC);
        overrides.put("custom.api.token", TOKEN);
        overrides.put("custom.client.secret", CLIENT_SECRET);
        return overrides;
    }

    @BeforeAll
    static void runTheFailureCases() throws IOException {
        CdcHarness cdc = CdcHarness.shared();
        deleteTree(ROOT);
        cdc.reset();
        try (var admin = new io.cdcharness.sql.Database(cdc.stack().database())) {
            admin.execute("DROP USER IF EXISTS 'cdc_secret_user'@'%'");
            admin.execute("CREATE USER 'cdc_secret_user'@'%' IDENTIFIED BY '" + DB_PASSWORD + "'");
            admin.execute("GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'cdc_secret_user'@'%'");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("cdc.reports.dir", REPORTS.toString());
        properties.put("secrets-it.db-password", DB_PASSWORD);
        properties.put("secrets-it.jaas", JAAS);
        properties.put("secrets-it.basic", BASIC);
        properties.put("secrets-it.token", TOKEN);
        properties.put("secrets-it.client-secret", CLIENT_SECRET);
        properties.put("secrets-it.refused-password", REFUSED_PASSWORD);
        properties.put("secrets-it.wrong-password", WRONG_PASSWORD);
        properties.put("secrets-it.junit-password", JUNIT_PASSWORD);
        properties.put(SecretsFailing.ENABLED, "true");
        withProperties(properties, () -> {
            dslFailures(cdc);
            cucumberExit = io.cucumber.core.cli.Main.run(new String[] {"--glue", "io.cdcharness.cucumber",
                    "--plugin", "io.cdcharness.report.ScenarioTimings", "--plugin", "json:" + REPORTS.resolve("cucumber.json"),
                    "--plugin", "html:" + REPORTS.resolve("cucumber.html"), "--plugin", "junit:" + REPORTS.resolve("cucumber-junit.xml"),
                    "--plugin", "timeline:" + REPORTS.resolve("cucumber-timeline"), "src/test/resources/deliberate-secrets"},
                    Thread.currentThread().getContextClassLoader());
            Path output = ROOT.resolve("junit-output");
            junit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(SecretsFailing.class))
                    .outputDirectoryCreator(new org.junit.platform.engine.OutputDirectoryCreator() {
                        @Override
                        public Path getRootDirectory() {
                            return output;
                        }

                        @Override
                        public Path createOutputDirectory(org.junit.platform.engine.TestDescriptor descriptor) throws IOException {
                            return Files.createDirectories(output.resolve(descriptor.getUniqueId().toString().replaceAll("[^A-Za-z0-9.-]+", "_")));
                        }
                    }).execute();
            junit.testEvents().failed().stream().forEach(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).ifPresent(SecretsIT::note));
            Evidence.writeReports();
        });
    }

    /** The DSL's own failure cases, each recorded like a scenario. */
    private static void dslFailures(CdcHarness cdc) {
        scenario(cdc, "a check fails on a connector registered with secrets (DSL)", () -> {
            cdc.executeSqlFixture("sql/shop-schema.sql");
            cdc.register(SHOP, secretOverrides());
            cdc.execute("INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')");
            cdc.topic("shop.shop.customers").receives(EventExpectation.create().with("after.name", "Jill"));
        });
        scenario(cdc, "Connect refuses a config with a secret (DSL)", () -> {
            cdc.executeSqlFixture("sql/shop-schema.sql");
            cdc.register(SHOP, Map.of("snapshot.mode", "sometimes", "database.password", REFUSED_PASSWORD, "custom.api.token", TOKEN));
        });
        scenario(cdc, "a wrong password fails the task (DSL)", () -> {
            cdc.executeSqlFixture("sql/shop-schema.sql");
            cdc.register(SHOP, Map.of("database.user", "cdc_secret_user", "database.password", WRONG_PASSWORD));
        });
        scenario(cdc, "an SQL statement with a password fails (DSL)", () ->
                cdc.execute("CREATE USER 'cdc_secret_user'@'%' IDENTIFIED BY '" + SQL_PASSWORD + "'"));
    }

    private static void scenario(CdcHarness cdc, String name, Runnable body) {
        cdc.reset();
        ScenarioRun run = Evidence.begin(cdc, name, "SecretsIT");
        Throwable failure = null;
        try {
            body.run();
        } catch (RuntimeException | AssertionError e) {
            failure = e;
            note(e);
        }
        assertThat(failure).as("the case \"%s\" fails on purpose", name).isNotNull();
        Evidence.finish(run, "FAILED", failure);
    }

    private static void note(Throwable failure) {
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        MESSAGES.add(trace.toString());
    }

    @AfterAll
    static void dropTheUser() {
        try (var admin = new io.cdcharness.sql.Database(CdcHarness.shared().stack().database())) {
            admin.execute("DROP USER IF EXISTS 'cdc_secret_user'@'%'");
        }
        CdcHarness.shared().reset();
    }

    @Test
    void everyCaseFailedAndLeftItsEvidence() throws IOException {
        assertThat(cucumberExit).isEqualTo((byte) 1);
        junit.testEvents().assertStatistics(stats -> stats.failed(1));
        try (Stream<Path> folders = Files.list(REPORTS.resolve("evidence"))) {
            assertThat(folders.map(path -> path.getFileName().toString()).toList()).hasSize(4 + 3 + 1);
        }
        String connector = Files.readString(REPORTS.resolve("evidence/a-check-fails-on-a-connector-registered-with-secrets-DSL/connectors/shop-connector.json"));
        assertThat(connector).contains("\"database.password\" : \"********\"", "\"custom.api.token\" : \"********\"",
                "\"custom.client.secret\" : \"********\"", "\"value.converter.basic.auth.user.info\" : \"********\"",
                "\"schema.history.internal.consumer.sasl.jaas.config\" : \"********\"", "\"database.user\" : \"cdc_secret_user\"");
        assertThat(String.join("\n", MESSAGES)).contains("Access denied for user 'cdc_secret_user'")
                .contains("(using password: YES)").contains("IDENTIFIED BY '********'").contains("snapshot.mode = sometimes (from the overrides)");
    }

    @Test
    void noSecretShowsInAnyFileOrMessage() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = ROOT.relativize(file).toString();
                if (name.endsWith(".zip")) {
                    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                            texts.put(name + "!" + entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                } else {
                    texts.put(name, Files.readString(file, StandardCharsets.ISO_8859_1));
                }
            }
        }
        for (int i = 0; i < MESSAGES.size(); i++) {
            texts.put("failure message " + (i + 1), MESSAGES.get(i));
        }
        // Cucumber embeds attachments (the evidence zip among them) base64-encoded in its HTML and JSON reports
        // and the attachments are checked as files above; decoding every base64 run here would only find them again.
        List<String> found = new ArrayList<>();
        texts.forEach((where, text) -> SECRETS.forEach((name, secret) -> {
            if (text.contains(secret)) {
                found.add(name + " in " + where);
            }
        }));
        System.out.println("[cdc-harness] searched " + texts.size() + " files, zip entries and messages ("
                + texts.values().stream().mapToLong(String::length).sum() / 1024 + " KB) for " + SECRETS.size() + " secrets");
        assertThat(texts.size()).as("files, zip entries and messages searched").isGreaterThan(60);
        assertThat(found).as("secrets found").isEmpty();
    }

    @Test
    void theJUnitFailurePublishedItsEvidence() {
        assertThat(junit.allEvents().stream().filter(event -> event.getType() == org.junit.platform.testkit.engine.EventType.FILE_ENTRY_PUBLISHED))
                .hasSize(1);
    }

    static void withProperties(Map<String, String> properties, Runnable body) {
        Properties saved = new Properties();
        saved.putAll(System.getProperties());
        try {
            System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("cucumber.")).forEach(System::clearProperty);
            properties.forEach(System::setProperty);
            body.run();
        } finally {
            System.setProperties(saved);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** A JUnit test that fails on purpose with secrets in its connector; run only by SecretsIT. */
    @CdcTest(sql = "sql/shop-schema.sql")
    @EnabledIfSystemProperty(named = SecretsFailing.ENABLED, matches = "true")
    static class SecretsFailing {
        static final String ENABLED = "cdc-harness.secrets-failures";

        @Test
        void aCheckFailsWithSecretsInTheConnector(CdcHarness cdc) {
            Map<String, String> overrides = new LinkedHashMap<>(secretOverrides());
            overrides.put("value.converter.basic.auth.user.info", "user:${sys:secrets-it.junit-password}");
            cdc.register(SHOP, overrides);
            cdc.execute("INSERT INTO shop.customers VALUES (2, 'Bob', 'bob@example.com')");
            cdc.topic("shop.shop.customers").receives(EventExpectation.create().with("after.name", "Jill"));
        }
    }
}
