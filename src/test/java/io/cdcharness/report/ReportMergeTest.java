package io.cdcharness.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Joining two shards' reports (fixtures in src/test/resources/io/cdcharness/report/merge/), and what is refused. */
class ReportMergeTest {
    @TempDir
    Path work;
    private Path shard1;
    private Path shard2;
    private Path into;

    @BeforeEach
    void copyFixtures() throws Exception {
        Path fixtures = Path.of(ReportMergeTest.class.getResource("merge").toURI());
        ReportMerge.copyTree(fixtures, work);
        shard1 = work.resolve("shard-1");
        shard2 = work.resolve("shard-2");
        into = work.resolve("merged");
    }

    @Test
    void joinsTheShardsCucumberJsonOneFeatureAFileInLineOrder() throws Exception {
        ReportMerge.Result result = ReportMerge.merge(List.of(shard1, shard2), into);

        JsonNode cucumber = new ObjectMapper().readTree(into.resolve("cucumber.json").toFile());
        assertThat(cucumber).extracting(feature -> feature.get("uri").asText()).containsExactly("file:features/other.feature", "file:features/shop.feature");
        List<String> shop = new ArrayList<>();
        cucumber.get(1).get("elements").forEach(element -> shop.add(element.get("type").asText() + " " + element.get("line").asInt()));
        assertThat(shop).containsExactly("background 3", "scenario 6", "background 3", "scenario 12", "background 3", "scenario 20");
        assertThat(result.scenarios()).isEqualTo(4);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.summary()).isEqualTo("joined shards 1/2, 2/2 of plan abcd1234 (4 scenarios) into " + into + ": 4 scenarios, 1 failed, 0 skipped; "
                + "the CDC report: " + into.resolve("index.html"));
    }

    @Test
    void joinsTheJunitXmlIntoOneSuite() throws Exception {
        ReportMerge.merge(List.of(shard1, shard2), into);
        String xml = Files.readString(into.resolve("cucumber-junit.xml"));
        assertThat(xml).contains("tests=\"4\"").contains("failures=\"1\"").contains("skipped=\"0\"").contains("errors=\"0\"")
                .contains("time=\"5.100\"").contains("timestamp=\"2026-11-30T09:59:59.000Z\"")
                .contains("name=\"an order is refused\"").contains("name=\"a customer is captured\"")
                .contains("<![CDATA[expected a delete event]]>");
        assertThat(xml.split("<testcase ", -1)).hasSize(5);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite ");
        assertThat(JunitXmlMerge.read(into.resolve("cucumber-junit.xml")).getDocumentElement().getTagName()).isEqualTo("testsuite");
    }

    @Test
    void drawsTheCdcReportAgainWithEveryScenarioBootAndEvidenceFolder() throws Exception {
        ReportMerge.merge(List.of(shard1, shard2), into);
        String html = Files.readString(into.resolve("index.html"));
        assertThat(html).contains("4 scenarios: <span class=\"bad\">1 failed</span>, 3 passed")
                .contains("an order is captured").contains("an order is updated").contains("a customer is captured")
                .contains("href=\"evidence/an-order-is-refused/summary.txt\"")
                .contains("first began 2026-11-30 10:00:00 UTC");
        assertThat(html.split("booted ", -1)).as("both shards' boots").hasSize(3);
        assertThat(into.resolve("evidence/an-order-is-refused/summary.txt")).hasContent("scenario: an order is refused\nfailure: expected a delete event");
        ReportData.Contents data = ReportData.read(into.resolve(ReportData.FILE));
        assertThat(data.scenarios()).extracting(ScenarioSummary::location).containsExactly("features/shop.feature:12", "features/shop.feature:6",
                "features/other.feature:4", "features/shop.feature:20");
        assertThat(data.boots()).hasSize(2);
        assertThat(into.resolve("shard.json")).as("the merged directory is no shard").doesNotExist();
    }

    @Test
    void indexesTheShardsOwnCucumberReports() throws Exception {
        ReportMerge.merge(List.of(shard1, shard2), into);
        assertThat(Files.readString(into.resolve("cucumber.html"))).contains("<a href=\"shards/shard-1-of-2/cucumber.html\">shard 1/2 (")
                .contains("<a href=\"shards/shard-2-of-2/cucumber.html\">");
        assertThat(into.resolve("shards/shard-2-of-2/cucumber.html")).hasContent("<!doctype html><title>shard 2's Cucumber report</title>");
        assertThat(Files.readString(into.resolve("cucumber-timeline/index.html"))).contains(": no Cucumber timeline")
                .contains("<a href=\"../shards/shard-2-of-2/cucumber-timeline/index.html\">");
    }

    @Test
    void evidenceFoldersOfTheSameNameStayApart() throws Exception {
        Path copy = work.resolve("again");
        ReportMerge.copyTree(shard1, copy);
        Files.delete(copy.resolve("shard.json"));
        Files.delete(shard1.resolve("shard.json"));
        ReportMerge.Result result = ReportMerge.merge(List.of(shard1, copy), into);
        assertThat(into.resolve("evidence/an-order-is-refused/summary.txt")).exists();
        assertThat(into.resolve("evidence/an-order-is-refused-2/summary.txt")).exists();
        assertThat(Files.readString(into.resolve("index.html"))).contains("href=\"evidence/an-order-is-refused-2/summary.txt\"");
        assertThat(result.joined()).isEqualTo("2 reports of runs that were not sharded (not checked for overlap)");
        assertThat(result.warnings()).contains("file:features/shop.feature:6 ran in more than one run: [" + shard1 + ", " + copy + "]");
    }

    @Test
    void aMissingDirectoryIsNamedWithWhatWasExpected() {
        Path nowhere = work.resolve("shard-3");
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1, nowhere), into)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(nowhere + " does not exist. Expected a reports directory as ./cdc-harness run --shard i/n --reports DIR "
                        + "(or mvn verify -Dcdc.shard=i/n) writes it, with cucumber.json, cucumber-junit.xml and cdc-report.json.");
        assertThat(into).as("nothing written").doesNotExist();
    }

    @Test
    void aDirectoryWithoutTheFilesNamesThem() throws Exception {
        Files.delete(shard2.resolve("cdc-report.json"));
        Files.writeString(shard2.resolve("index.html"), "<html></html>");
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1, shard2), into))
                .hasMessageStartingWith(shard2 + " has no cdc-report.json. Expected a reports directory")
                .hasMessageEndingWith("Its index.html alone cannot be joined: run the shard again with this version of cdc-harness, "
                        + "which writes cdc-report.json beside it.");
        Files.delete(shard1.resolve("cucumber.json"));
        Files.delete(shard1.resolve("cucumber-junit.xml"));
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1, shard2), into))
                .hasMessageStartingWith(shard1 + " has no cucumber.json, no cucumber-junit.xml. Expected").hasMessageEndingWith("Did that shard's run finish?");
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1.resolve("shard.json")), into))
                .hasMessageStartingWith(shard1.resolve("shard.json") + " is a file, not a directory.");
    }

    @Test
    void malformedFilesAreNamed() throws Exception {
        Files.writeString(shard2.resolve("cucumber.json"), "{\"not\": \"an array\"}");
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1, shard2), into))
                .hasMessage(shard2.resolve("cucumber.json") + " is not a Cucumber JSON report: expected an array of features");
        Files.writeString(shard2.resolve("cucumber.json"), "[");
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1, shard2), into))
                .hasMessageStartingWith(shard2.resolve("cucumber.json") + " is not JSON (expected Cucumber's JSON report, an array of features)");
        ReportMerge.copyTree(Path.of(ReportMergeTest.class.getResource("merge/shard-2").toURI()), shard2);
        Files.writeString(shard2.resolve("cucumber-junit.xml"), "<testsuite");
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1, shard2), into))
                .hasMessageStartingWith(shard2.resolve("cucumber-junit.xml") + " is not XML (expected Cucumber's JUnit XML report, a <testsuite>)");
        Files.writeString(shard2.resolve("cucumber-junit.xml"), "<html/>");
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1, shard2), into))
                .hasMessage(shard2.resolve("cucumber-junit.xml") + " is not a JUnit XML report: expected <testsuite> or <testsuites> at the top, found <html>");
        ReportMerge.copyTree(Path.of(ReportMergeTest.class.getResource("merge/shard-2").toURI()), shard2);
        Files.writeString(shard2.resolve("cdc-report.json"), "{\"format\": 7, \"scenarios\": []}");
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1, shard2), into))
                .hasMessageStartingWith(shard2.resolve("cdc-report.json") + " is not the CDC report's data of this version (expected \"format\": 1");
    }

    @Test
    void aMissingShardIsRefused() {
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1), into))
                .hasMessageStartingWith("the directories are not the whole suite once: shard 2/2 is missing. Given: shard 1/2 (" + shard1 + ")")
                .hasMessageEndingWith("Join every shard 1 to 2 of the run, each once.");
    }

    @Test
    void shardsOfDifferentPlansAreRefused() throws Exception {
        Files.writeString(shard2.resolve("shard.json"), Files.readString(shard2.resolve("shard.json")).replace("abcd1234", "99999999"));
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1, shard2), into))
                .hasMessageStartingWith("the shards were planned differently: shard 1/2 (" + shard1 + ") has plan abcd1234 of 2 shards")
                .hasMessageEndingWith("Run every shard on the same features with the same cdc.shard.durations file.");
    }

    @Test
    void theSameDirectoryTwiceOrAsTheTargetIsRefused() {
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1, shard1), into))
                .hasMessage(shard1 + " is given twice: its scenarios would count twice. Give each shard's directory once.");
        assertThatThrownBy(() -> ReportMerge.merge(List.of(shard1, shard2), shard2)).hasMessageStartingWith("--into " + shard2
                + " is also one of the directories to join");
    }

    @Test
    void aShardThatDidNotFinishIsAWarning() throws Exception {
        Files.writeString(shard2.resolve("cucumber.json"), "[]");
        ReportMerge.Result result = ReportMerge.merge(List.of(shard1, shard2), into);
        assertThat(result.warnings()).containsExactly("2 scenarios the shards were given are not in their Cucumber JSON: "
                + "features/other.feature:4, features/shop.feature:12 (a shard's run stopped early, or, in Maven, a tag filter skipped "
                + "them before Cucumber ran them)");
    }

    @Test
    void scenariosOfAMavenShardAreFoundByTheirAbsoluteUri() throws Exception {
        Files.writeString(shard2.resolve("cucumber.json"), Files.readString(shard2.resolve("cucumber.json"))
                .replace("file:features/", "file:///home/runner/work/shop/shop/features/"));
        assertThat(ReportMerge.merge(List.of(shard1, shard2), into).warnings()).isEmpty();
    }

    @Test
    void theReportDataReadsBackWhatWasWritten() throws Exception {
        ReportPage.write(work.resolve("run/index.html"), ReportPageTest.sample(), List.of());
        ReportData.Contents data = ReportData.read(work.resolve("run/cdc-report.json"));
        assertThat(data.scenarios()).isEqualTo(ReportPageTest.sample());
        assertThat(data.boots()).isEmpty();
    }
}
