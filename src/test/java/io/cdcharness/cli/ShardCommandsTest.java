package io.cdcharness.cli;

import io.cdcharness.shard.ScenarioLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** run --shard and report merge where they need no server: bad input, and listing the scenarios without running them. */
class ShardCommandsTest {

    private static String errorOf(int expectedExit, String... args) {
        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute(args);
        assertThat(exit).as(err.toString()).isEqualTo(expectedExit);
        return err.toString().strip();
    }

    @Test
    void aBadShardSaysWhatWasWrongAndTheExpectedForm() {
        assertThat(errorOf(2, "run", "features/seed", "--shard", "0/3")).isEqualTo("cdc-harness: --shard \"0/3\": shards are counted from 1 to 3, "
                + "so there is no shard 0. Write it as i/n, the i-th of n shards counted from 1, e.g. 2/4 (1 <= i <= n).");
        assertThat(errorOf(2, "run", "features/seed", "--shard", "3/2")).startsWith("cdc-harness: --shard \"3/2\": there are only 2 shards, "
                + "so there is no shard 3. Write it as i/n");
        assertThat(errorOf(2, "run", "features/seed", "--shard", "x")).startsWith("cdc-harness: --shard \"x\" is not a shard. Write it as i/n");
        assertThat(errorOf(2, "run", "features/seed", "--set", "cdc.shard=2/0")).startsWith("cdc-harness: cdc.shard \"2/0\": a suite is split into at least 1 shard");
    }

    @Test
    void aShardMayNotWriteWhereTheDurationsComeFrom() {
        assertThat(errorOf(2, "run", "features/seed", "--shard", "1/2", "--reports", "reports"))
                .startsWith("cdc-harness: --reports " + Path.of("").toAbsolutePath().resolve("reports")
                        + " is where the shards' durations come from (cdc.shard.durations=")
                .contains("without --reports, --shard 1/2 writes to reports/shard-1-of-2");
    }

    @Test
    void mergeNamesTheDirectoryAndWhatItExpected(@TempDir Path work) {
        Path missing = work.resolve("shard-1-of-2");
        assertThat(errorOf(2, "report", "merge", missing.toString(), "--into", work.resolve("merged").toString()))
                .isEqualTo("cdc-harness: " + missing + " does not exist. Expected a reports directory as ./cdc-harness run --shard i/n "
                        + "--reports DIR (or mvn verify -Dcdc.shard=i/n) writes it, with cucumber.json, cucumber-junit.xml and cdc-report.json.");
        assertThat(errorOf(2, "report", "merge", work.toString())).contains("Missing required option: '--into=DIR'");
    }

    @Test
    void theDryRunListsTheScenariosCucumberWouldRunWithoutBootingAnything() {
        CucumberSettings cucumber = CucumberSettings.load(Path.of("").toAbsolutePath());
        List<ScenarioLocation> scenarios = ScenarioListing.list(cucumber.selection(null), List.of("features/seed"), Path.of("").toAbsolutePath());
        assertThat(scenarios).extracting(ScenarioLocation::location).contains("features/seed/seed_pipeline.feature:22").hasSizeGreaterThanOrEqualTo(5)
                .doesNotHaveDuplicates().allMatch(location -> location.startsWith("features/seed/seed_pipeline.feature:"));
        List<ScenarioLocation> one = ScenarioListing.list(cucumber.selection(null), List.of("features/seed/seed_pipeline.feature:22"),
                Path.of("").toAbsolutePath());
        assertThat(one).extracting(ScenarioLocation::location).containsExactly("features/seed/seed_pipeline.feature:22");
    }
}
