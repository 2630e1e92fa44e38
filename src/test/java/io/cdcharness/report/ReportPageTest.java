package io.cdcharness.report;

import io.cdcharness.stack.BootPhases;
import io.cdcharness.stack.Secrets;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPageTest {

    static List<ScenarioSummary> sample() {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");
        List<ScenarioSummary.Statement> statements = List.of(
                new ScenarioSummary.Statement(1, "INSERT INTO shop.customers VALUES (1, 'Ann', 'ann@example.com')", 20, 4,
                        "mysql-bin.000003:1000", "mysql-bin.000003:1300", false),
                new ScenarioSummary.Statement(2, "UPDATE shop.customers SET name = 'Bob' WHERE id = 1", 60, 3,
                        "mysql-bin.000003:1300", "mysql-bin.000003:1600", false));
        List<ScenarioSummary.Event> events = new ArrayList<>();
        events.add(new ScenarioSummary.Event("shop.shop.customers", 0, "c", 45, 1, 21, 12, 3800, "mysql-bin.000003:1100"));
        events.add(new ScenarioSummary.Event("shop.shop.customers", 1, "u", 83, 2, 20, 9, 4100, "mysql-bin.000003:1400"));
        events.add(new ScenarioSummary.Event("shop", 0, "ddl", 10, 0, -1, -1, 900, null));
        ScenarioSummary failed = new ScenarioSummary("a check that <cannot> pass", "features/x.feature:12", "scenario", "FAILED", now, 2400,
                "Expected topic \"shop.shop.customers\" to receive an event with after.name=Jill, but ...\ndatabase.password=hunter22",
                "evidence/a-check-that-cannot-pass/", statements, events,
                List.of(new ScenarioSummary.TopicStats("shop.shop.customers", 2, 7900, 3800, 4100), new ScenarioSummary.TopicStats("shop", 1, 900, 900, 900)),
                List.of(new ScenarioSummary.Mark(70, "fault", "Connect worker killed")),
                List.of("server binlog at mysql-bin.000003:1600 (SHOW MASTER STATUS)", "connector shop-connector: RUNNING; stored offset at mysql-bin.000003:1300"),
                List.of());
        ScenarioSummary passed = new ScenarioSummary("an insert is captured", "features/y.feature:3", "scenario", "PASSED", now, 300,
                null, null, statements.subList(0, 1), events.subList(0, 1),
                List.of(new ScenarioSummary.TopicStats("shop.shop.customers", 1, 3800, 3800, 3800)), List.of(), List.of(), List.of());
        ScenarioSummary test = new ScenarioSummary("OrderCdcTest aCancelledOrderIsCaptured()", "com.example.OrderCdcTest#aCancelledOrderIsCaptured",
                "test", "PASSED", now, 500, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        return List.of(passed, failed, test);
    }

    @Test
    void bootsAfterThePoolsFirstThreeAreFolded() {
        List<BootPhases.Boot> boots = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            BootPhases.Boot boot = BootPhases.begin("embedded stack " + i);
            boot.phase("mysql", Duration.ZERO, Duration.ofMillis(1000));
            boot.ready(Duration.ofMillis(1100));
            boots.add(boot);
        }

        String html = ReportPage.bootChart(boots);
        String folded = html.substring(html.indexOf("<details><summary>2 more boots in this run</summary>"));
        assertThat(html.substring(0, html.indexOf("<details>")).split("<svg ", -1).length - 1).as("boots drawn open").isEqualTo(3);
        assertThat(folded).contains("embedded stack 3", "embedded stack 4").doesNotContain("embedded stack 2").endsWith("</details>");
        assertThat(ReportPage.bootChart(boots.subList(0, 3))).doesNotContain("<details>");
    }

    @Test
    void failedScenariosComeFirstWithTheirEvidenceAndTimeline() throws Exception {
        BootPhases.Boot boot = BootPhases.begin("embedded stack, MySQL 8.0.31");
        boot.phase("mysql", Duration.ZERO, Duration.ofMillis(2200));
        boot.phase("kafka", Duration.ZERO, Duration.ofMillis(3000));
        boot.phase("connect", Duration.ofMillis(100), Duration.ofMillis(4700));
        boot.ready(Duration.ofMillis(4800));
        String html = ReportPage.render(sample(), List.of(boot));

        Path out = Path.of("target", "report-page-test", "index.html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, html);

        assertThat(html.indexOf("a check that &lt;cannot&gt; pass")).as("failed first").isLessThan(html.indexOf("an insert is captured"));
        assertThat(html).contains("<a class=\"evidence\" href=\"evidence/a-check-that-cannot-pass/summary.txt\">")
                .contains("gave up at 2.40 s")
                .contains("fault: Connect worker killed")
                .contains("server binlog at mysql-bin.000003:1600 (SHOW MASTER STATUS)")
                .contains("<details class=\"timeline failed\" id=\"t0\" open>")
                .contains("3 events linked to a statement: p50 21 ms, p95 21 ms, max 21 ms.")
                .contains("ready at 4.80 s")
                .contains(" <span class=\"kind\">JUnit</span>")
                .doesNotContain("hunter22")
                .doesNotContain("src=\"http")
                .doesNotContain("href=\"http")
                .doesNotContain("url(")
                .doesNotContain("@import");
        assertThat(html.split("<svg ", -1).length - 1).as("timelines, histogram, boot, topic bars").isEqualTo(3 + 1 + 1 + 2);
        assertThat(Secrets.containsSecret(html)).isFalse();
    }

    @Test
    void anEmptyRunSaysSo() {
        String html = ReportPage.render(List.of(), List.of());
        assertThat(html).contains("No scenario has finished yet.").contains("No event could be linked").contains("No scenario wrote to a topic.");
    }

    @Test
    void ticksAreRound() {
        assertThat(ReportPage.niceStep(95)).isEqualTo(10);
        assertThat(ReportPage.niceStep(2400)).isEqualTo(500);
        assertThat(ReportPage.percentile(List.of(1L, 2L, 3L, 4L), 50)).isEqualTo(2);
    }
}
