package io.cdcharness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcharness.shard.ScenarioLocation;
import io.cdcharness.shard.ShardManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed features in two shards and joined again: each scenario runs in exactly one shard, and the joined report has all of them once. */
class ShardAndMergeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoShardsRunEverySeedScenarioOnceAndJoinIntoOneReport(@TempDir Path work) throws Exception {
        Path projectDir = Path.of("").toAbsolutePath();
        List<String> all = ScenarioListing.list(CucumberSettings.load(projectDir).selection(null), List.of("features/seed"), projectDir)
                .stream().map(ScenarioLocation::location).toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();

        List<String> union = new ArrayList<>();
        for (int index = 1; index <= 2; index++) {
            Path shard = work.resolve("shard-" + index);
            int exit = Main.commandLine().execute("run", "features/seed", "--shard", index + "/2", "--reports", shard.toString());
            assertThat(exit).as("shard " + index + "/2 passes").isZero();
            List<String> given = ShardManifest.read(shard).orElseThrow().scenarios();
            assertThat(given).as("shard " + index + "/2 has scenarios").isNotEmpty();
            assertThat(union).as("no scenario in two shards").doesNotContainAnyElementsOf(given);
            assertThat(scenariosIn(shard.resolve("cucumber.json"))).as("shard " + index + "/2 ran what it was given").containsExactlyElementsOf(given);
            union.addAll(given);
        }
        assertThat(union).as("the shards together are the whole suite").containsExactlyInAnyOrderElementsOf(all);

        Path merged = work.resolve("merged");
        assertThat(Main.commandLine().execute("report", "merge", work.resolve("shard-1").toString(), work.resolve("shard-2").toString(),
                "--into", merged.toString())).isZero();
        assertThat(scenariosIn(merged.resolve("cucumber.json"))).as("every seed scenario exactly once").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(Files.readString(merged.resolve("cucumber-junit.xml"))).contains("tests=\"" + all.size() + "\"").contains("failures=\"0\"");
        List<String> inCdcReport = new ArrayList<>();
        JSON.readTree(merged.resolve("cdc-report.json").toFile()).get("scenarios").forEach(s -> inCdcReport.add(s.get("location").asText()));
        assertThat(inCdcReport).containsExactlyInAnyOrderElementsOf(all);
        assertThat(Files.readString(merged.resolve("index.html"))).contains("<p class=\"totals\">" + all.size() + " scenarios: ");
    }

    @Test
    void aShardWithNothingToRunWritesEmptyReports(@TempDir Path work) throws Exception {
        Path empty = work.resolve("shard-2");
        assertThat(Main.commandLine().execute("run", "features/seed/seed_pipeline.feature:22", "--shard", "2/2", "--reports", empty.toString())).isZero();
        assertThat(ShardManifest.read(empty).orElseThrow().scenarios()).isEmpty();
        assertThat(Files.readString(empty.resolve("cucumber.json")).strip()).isEqualTo("[]");
        assertThat(empty.resolve("cucumber-junit.xml")).content().contains("tests=\"0\"");
        assertThat(empty.resolve("cdc-report.json")).exists();
    }

    /** Every scenario of a Cucumber JSON report, {@code file:line}, in the order of the report. */
    private static List<String> scenariosIn(Path cucumberJson) throws IOException {
        List<String> scenarios = new ArrayList<>();
        for (JsonNode feature : JSON.readTree(cucumberJson.toFile())) {
            String file = ScenarioLocation.featureFile(feature.get("uri").asText(), Path.of("").toAbsolutePath());
            feature.get("elements").forEach(element -> {
                if (!"background".equals(element.get("type").asText())) {
                    scenarios.add(file + ":" + element.get("line").asInt());
                }
            });
        }
        return scenarios;
    }
}
