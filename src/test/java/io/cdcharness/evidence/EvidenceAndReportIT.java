package io.cdcharness.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcharness.CdcHarness;
import io.cdcharness.report.ReportInBrowser;
import io.cdcharness.stack.DatabaseFlavor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A run with failures on purpose, Gherkin ({@code src/test/resources/deliberate}) and JUnit
 * ({@link DeliberatelyFailing}), into a reports directory of its own: the evidence folders, the
 * Cucumber attachments, JUnit's published files, the failure messages that link them, and the CDC report
 * opened in headless Chromium (installed when missing), whose screenshot lands in {@code reports/}.
 */
class EvidenceAndReportIT {
    static final Path REPORTS = Path.of("target", "deliberate-failures", "reports").toAbsolutePath();
    static final Path SCREENSHOT = Path.of("reports", "cdc-report-deliberate-failures.png");
    static final String FAILED_SCENARIO = "a-check-that-cannot-pass-leaves-its-evidence";
    static final ObjectMapper JSON = new ObjectMapper();

    static byte cucumberExit;
    static EngineExecutionResults junit;

    @BeforeAll
    static void runTheFailuresOnce() {
        CdcHarness.shared(); // boot first, so that a boot problem is not mistaken for a deliberate failure
        withProperties(Map.of("cdc.reports.dir", REPORTS.toString(), DeliberatelyFailing.ENABLED, "true"), () -> {
            cucumberExit = io.cucumber.core.cli.Main.run(new String[] {"--glue", "io.cdcharness.cucumber",
                    "--plugin", "io.cdcharness.report.ScenarioTimings", "--plugin", "json:" + REPORTS.resolve("cucumber.json"),
                    "--plugin", "html:" + REPORTS.resolve("cucumber.html"), "src/test/resources/deliberate"},
                    Thread.currentThread().getContextClassLoader());
            Path junitOutput = REPORTS.resolveSibling("junit-output");
            junit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(DeliberatelyFailing.class))
                    .outputDirectoryCreator(new org.junit.platform.engine.OutputDirectoryCreator() {
                        @Override
                        public Path getRootDirectory() {
                            return junitOutput;
                        }

                        @Override
                        public Path createOutputDirectory(org.junit.platform.engine.TestDescriptor descriptor) throws IOException {
                            return Files.createDirectories(junitOutput.resolve(descriptor.getUniqueId().toString().replaceAll("[^A-Za-z0-9.-]+", "_")));
                        }
                    })
                    .execute();
            Evidence.writeReports();
        });
    }

    /** Runs with the given system properties, and without the cucumber.* ones of the Maven run (they would pick other features). */
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

    private static Path folder(String name) {
        return REPORTS.resolve("evidence").resolve(name);
    }

    @Test
    void theFailedScenarioLeavesItsEvidenceFolder() throws IOException {
        assertThat(cucumberExit).as("Cucumber's exit status: one scenario fails on purpose").isEqualTo((byte) 1);
        Path folder = folder(FAILED_SCENARIO);
        assertThat(files(folder)).contains("summary.txt", "failure.txt", "sql.txt", "positions.json", "connectors/shop-connector.json",
                "topics/shop.shop.customers.jsonl", "topics/shop.shop.orders.jsonl", "topics/shop.jsonl", "topics/shop-history.jsonl",
                "logs/kafka.log", "logs/connect.log", "logs/" + database() + ".log");

        String summary = Files.readString(folder.resolve("summary.txt"));
        assertThat(summary).startsWith("Evidence of a failed scenario\n  name:     a check that cannot pass leaves its evidence\n"
                        + "  where:    src/test/resources/deliberate/deliberate_failures.feature:21\n  status:   FAILED after ")
                .contains("Failure (java.lang.AssertionError):\n  Expected topic \"shop.shop.customers\" to receive an event with op=c, after.name=Jill")
                .contains("Where the pipeline stood at the end:\n  server binlog at ")
                .contains("(" + binlogStatement() + ")")
                .contains("connector shop-connector: RUNNING, task 0 RUNNING; stored offset at ")
                .contains("Files:\n  failure.txt");
        assertThat(Files.readString(folder.resolve("failure.txt"))).contains("java.lang.AssertionError: Expected topic").contains("\tat ");

        String sql = Files.readString(folder.resolve("sql.txt"));
        assertThat(sql).contains("statement 1 of 3 (line 2 of fixtures/sql/shop-schema.sql)  binlog ")
                .contains("    CREATE DATABASE shop\n")
                .contains("statement 1 of 2 (line 1)  binlog ")
                .contains("    INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')\n")
                .containsPattern("statement 2 of 2 \\(line 2\\)  binlog \\S+:\\d+ -> \\S+:\\d+\n    INSERT INTO shop.orders");

        JsonNode positions = JSON.readTree(folder.resolve("positions.json").toFile());
        assertThat(positions.path("server").path("statement").asText()).isEqualTo(binlogStatement());
        assertThat(positions.path("server").path("File").asText()).matches(".*-bin\\.\\d+");
        assertThat(positions.path("server").path("Position").asLong()).isPositive();
        assertThat(positions.path("storedOffsets").path("shop-connector").path("offsets").get(0).path("offset").path("pos").asLong()).isPositive();

        JsonNode connector = JSON.readTree(folder.resolve("connectors/shop-connector.json").toFile());
        assertThat(connector.path("status").path("state").asText()).isEqualTo("RUNNING");
        assertThat(connector.path("status").path("tasks").get(0).path("state").asText()).isEqualTo("RUNNING");
        assertThat(connector.path("config").path("database.password").asText()).isEqualTo("********");
        assertThat(connector.path("config").path("database.user").asText()).isEqualTo("root");
        assertThat(connector.path("tasks").get(0).path("database.password").asText()).isEqualTo("********");

        List<String> lines = Files.readAllLines(folder.resolve("topics/shop.shop.customers.jsonl"));
        assertThat(lines).hasSize(1);
        JsonNode record = JSON.readTree(lines.get(0));
        assertThat(record.path("topic").asText()).isEqualTo("shop.shop.customers");
        assertThat(record.path("offset").asLong()).isZero();
        assertThat(record.path("timestamp").asLong()).isPositive();
        assertThat(record.path("key").path("payload").path("id").asInt()).isEqualTo(1);
        assertThat(record.path("value").path("payload").path("after").path("name").asText()).isEqualTo("Ann");
        assertThat(record.path("headers").fieldNames()).toIterable().isNotEmpty();
        assertThat(Files.size(folder.resolve("logs/connect.log"))).isPositive();
    }

    @Test
    void thePassingScenarioKeepsNothing() throws IOException {
        try (Stream<Path> folders = Files.list(REPORTS.resolve("evidence"))) {
            assertThat(folders.map(path -> path.getFileName().toString()).toList())
                    .doesNotContain("a-passing-scenario-keeps-no-evidence")
                    .contains(FAILED_SCENARIO);
        }
    }

    @Test
    void theFailureMessageAndTheCucumberReportCarryTheEvidence() throws IOException {
        JsonNode features = JSON.readTree(REPORTS.resolve("cucumber.json").toFile());
        JsonNode failed = null;
        for (JsonNode element : features.get(0).path("elements")) {
            if (element.path("name").asText().equals("a check that cannot pass leaves its evidence")) {
                failed = element;
            }
        }
        assertThat(failed).isNotNull();
        String message = "";
        for (JsonNode step : failed.path("steps")) {
            message += step.path("result").path("error_message").asText("");
        }
        assertThat(message).contains("Evidence (kept when the scenario fails: logs, topics, connectors, offsets, SQL): "
                + Path.of("").toAbsolutePath().relativize(folder(FAILED_SCENARIO)) + "/");
        List<String> attached = new ArrayList<>();
        for (JsonNode hook : failed.path("after")) {
            for (JsonNode embedding : hook.path("embeddings")) {
                attached.add(embedding.path("name").asText() + " " + embedding.path("mime_type").asText());
            }
        }
        assertThat(attached).contains("evidence: summary.txt text/plain", "evidence: sql.txt text/plain",
                "evidence: positions.json application/json", "evidence: connectors/shop-connector.json application/json",
                "evidence: " + FAILED_SCENARIO + ".zip (logs, topics, all) application/zip");
    }

    @Test
    void aFailedJUnitTestPublishesItsEvidenceAndNamesIt() throws IOException {
        junit.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
        Map<String, Throwable> failures = new HashMap<>();
        junit.testEvents().failed().stream().forEach(event -> failures.put(event.getTestDescriptor().getDisplayName(),
                event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow()));
        String checkFolder = "DeliberatelyFailing-aHarnessCheckThatCannotPass";
        String plainFolder = "DeliberatelyFailing-aPlainAssertionThatFails";
        assertThat(failures.get("aHarnessCheckThatCannotPass(CdcHarness)").getMessage())
                .contains("Evidence (kept when the test fails: logs, topics, connectors, offsets, SQL): ")
                .contains(checkFolder + "/");
        Throwable plain = failures.get("aPlainAssertionThatFails(CdcHarness)");
        assertThat(plain.getMessage()).startsWith("one is not two");
        assertThat(plain.getSuppressed()).singleElement().extracting(Throwable::getMessage).asString()
                .startsWith("Evidence of this failure (logs, topics, connectors, offsets, SQL): ").endsWith(plainFolder + "/");

        List<Event> published = junit.allEvents().stream().filter(event -> event.getType() == EventType.FILE_ENTRY_PUBLISHED).toList();
        assertThat(published).hasSize(2);
        for (Event event : published) {
            Path directory = event.getPayload(org.junit.platform.engine.reporting.FileEntry.class).orElseThrow().getPath();
            assertThat(directory.getFileName().toString()).isEqualTo("cdc-evidence");
            assertThat(files(directory)).contains("summary.txt", "sql.txt", "positions.json", "connectors/shop-connector.json");
        }
        assertThat(files(folder(checkFolder))).contains("summary.txt", "topics/shop.shop.customers.jsonl", "logs/connect.log");
        assertThat(Files.readString(folder(plainFolder).resolve("summary.txt")))
                .startsWith("Evidence of a failed test\n  name:     DeliberatelyFailing aPlainAssertionThatFails\n"
                        + "  where:    io.cdcharness.evidence.DeliberatelyFailing#aPlainAssertionThatFails\n");
    }

    @Test
    void theReportShowsFailuresFirstAndRendersInABrowser() throws Exception {
        String html = Files.readString(REPORTS.resolve("index.html"));
        assertThat(html.indexOf("<tr class=\"scenario failed\"")).isLessThan(html.indexOf("<tr class=\"scenario passed\""));
        assertThat(html).contains("href=\"evidence/" + FAILED_SCENARIO + "/summary.txt\"")
                .contains("href=\"evidence/DeliberatelyFailing-aHarnessCheckThatCannotPass/summary.txt\"")
                .contains("INSERT INTO shop.customers VALUES (1, &#39;Ann&#39;, &#39;ann@example.com&#39;)");

        ReportInBrowser.Rendering rendering = ReportInBrowser.open(REPORTS.resolve("index.html"), SCREENSHOT);
        System.out.println("[cdc-harness] " + rendering);
        assertThat(rendering.rows()).as("scenario rows: 2 scenarios and 2 JUnit tests").isEqualTo(4);
        assertThat(rendering.picturesDrawn()).as("SVG pictures with a size on the page: " + rendering).isGreaterThanOrEqualTo(5);
        assertThat(rendering.statementPixels()).as("statement bars in the screenshot").isPositive();
        assertThat(rendering.failedPixels()).as("the failure marks in the screenshot").isPositive();
        assertThat(rendering.histogramPixels()).as("the latency histogram").isPositive();
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);
    }

    @Test
    void manyFailuresStayWithinTheLimitsAndSayWhatWasCut() throws IOException {
        Path reports = Path.of("target", "evidence-limits", "reports").toAbsolutePath();
        byte[] exit = new byte[1];
        withProperties(Map.of("cdc.reports.dir", reports.toString(), "cdc.evidence.scenario.limit", "96KB",
                "cdc.evidence.run.limit", "160KB"), () -> exit[0] = io.cucumber.core.cli.Main.run(new String[] {"--glue", "io.cdcharness.cucumber",
                "--plugin", "io.cdcharness.report.ScenarioTimings", "src/test/resources/deliberate-many"}, Thread.currentThread().getContextClassLoader()));
        assertThat(exit[0]).isEqualTo((byte) 1);

        Path evidence = reports.resolve("evidence");
        long total;
        try (Stream<Path> paths = Files.walk(evidence)) {
            total = paths.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
        assertThat(total).as("all evidence of the run, within cdc.evidence.run.limit plus the summaries of failures after it")
                .isLessThanOrEqualTo(160 * 1024 + 2 * 16 * 1024);

        Path first = evidence.resolve("failure-1-with-many-records");
        String firstSummary = Files.readString(first.resolve("summary.txt"));
        assertThat(firstSummary).contains("Cut to stay within the limits:\n")
                .containsPattern("topics/shop\\.shop\\.customers\\.jsonl: \\d+ of 300 records left out \\(offset \\d+ to offset \\d+\\); "
                        + "the first and last are kept \\(cdc.evidence.scenario.limit=96KB\\)");
        List<String> lines = Files.readAllLines(first.resolve("topics/shop.shop.customers.jsonl"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("{\"_cut\":{\"records\":"));
        assertThat(JSON.readTree(lines.get(0)).path("offset").asLong()).isZero();
        assertThat(JSON.readTree(lines.get(lines.size() - 1)).path("offset").asLong()).isEqualTo(299);

        Path last = evidence.resolve("failure-4-with-many-records");
        assertThat(files(last)).containsExactly("summary.txt");
        assertThat(Files.readString(last.resolve("summary.txt")))
                .contains("Only this summary was kept: the evidence of this run reached cdc.evidence.run.limit=160KB before this scenario failed");
        assertThat(Files.readString(reports.resolve("index.html"))).contains("evidence: only summary.txt was kept");
    }

    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString()).sorted().toList();
        }
    }

    static String database() {
        return CdcHarness.shared().stack().database().flavor() == DatabaseFlavor.MYSQL ? "mysql" : "mariadb";
    }

    static String binlogStatement() {
        return "SHOW MASTER STATUS"; // MySQL 8.0.31 and MariaDB 11.4.5; MySQL 8.4+ would say SHOW BINARY LOG STATUS
    }
}
