package io.cdcharness.shard;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CucumberJsonFileTest {
    /** The shape Cucumber writes: a background before each scenario, hooks around it (left out), step hooks inside steps. */
    static final String REPORT = """
            [{"uri": "file:features/shop.feature", "name": "Shop", "elements": [
              {"type": "background", "line": 3, "name": "", "steps": [{"name": "schema", "result": {"status": "passed", "duration": 100000000}}]},
              {"type": "scenario", "line": 6, "name": "an order is captured",
               "before": [{"result": {"status": "passed", "duration": 300000000}}],
               "steps": [{"name": "insert", "result": {"status": "passed", "duration": 1000000000},
                          "after": [{"result": {"status": "passed", "duration": 50000000}}]}],
               "after": [{"result": {"status": "passed", "duration": 50000000}}]},
              {"type": "background", "line": 3, "name": "", "steps": [{"name": "schema", "result": {"status": "passed", "duration": 100000000}}]},
              {"type": "scenario", "line": 12, "name": "an order is deleted", "steps": [{"name": "delete", "result": {"status": "failed", "duration": 2000000000}}]}
            ]},
            {"uri": "file:///somewhere/else/features/other.feature", "elements": [
              {"type": "scenario", "line": 4, "name": "outline row", "steps": [{"name": "x", "result": {"status": "skipped"}}]}
            ]}]
            """;

    @Test
    void readsEachScenarioWithItsBackgroundAndStepsButNotItsHooks(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cucumber.json"), REPORT);
        List<CucumberJsonFile.Entry> entries = CucumberJsonFile.read(file, dir);
        assertThat(entries).extracting(e -> e.scenario().location()).containsExactly("features/shop.feature:6", "features/shop.feature:12",
                "/somewhere/else/features/other.feature:4");
        assertThat(entries).extracting(CucumberJsonFile.Entry::took).containsExactly(Duration.ofMillis(1150), Duration.ofMillis(2100), Duration.ZERO);
        assertThat(entries.get(0).scenario().name()).isEqualTo("an order is captured");
    }

    @Test
    void anAbsoluteUriInsideTheProjectIsRelative(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cucumber.json"), "[{\"uri\": \"" + dir.resolve("features/a.feature").toUri()
                + "\", \"elements\": [{\"type\": \"scenario\", \"line\": 2, \"name\": \"a\", \"steps\": []}]}]");
        assertThat(CucumberJsonFile.read(file, dir)).extracting(e -> e.scenario().location()).containsExactly("features/a.feature:2");
    }

    @Test
    void somethingElseIsRefusedSayingWhatWasExpected(@TempDir Path dir) throws Exception {
        Path object = Files.writeString(dir.resolve("object.json"), "{\"uri\": \"x\"}");
        assertThatThrownBy(() -> CucumberJsonFile.read(object, dir)).hasMessage(object + " is not a Cucumber JSON report: expected an array of features, found object");
        Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"uri\": ");
        assertThatThrownBy(() -> CucumberJsonFile.read(broken, dir)).hasMessageStartingWith(broken + " is not JSON: ");
        Path noElements = Files.writeString(dir.resolve("features.json"), "[{\"name\": \"x\"}]");
        assertThatThrownBy(() -> CucumberJsonFile.read(noElements, dir)).hasMessageStartingWith(noElements
                + " is not a Cucumber JSON report: feature #0 has no \"uri\" and \"elements\"");
    }

    @Test
    void recordedDurationsSayWhereTheyCameFromOrWhyThereAreNone(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cucumber.json"), REPORT);
        RecordedDurations durations = RecordedDurations.read(dir.resolve("cucumber.json"), dir);
        assertThat(durations.source()).isEqualTo("the durations of 3 scenarios recorded in cucumber.json");
        assertThat(durations.of(new ScenarioLocation("features/shop.feature", 12, "an order is deleted"))).contains(Duration.ofMillis(2100));

        assertThat(RecordedDurations.read(dir.resolve("reports/cucumber.json"), dir).source()).isEqualTo("reports/cucumber.json does not exist");
        Files.writeString(dir.resolve("half.json"), "[{\"uri\": ");
        RecordedDurations unreadable = RecordedDurations.read(dir.resolve("half.json"), dir);
        assertThat(unreadable.isEmpty()).isTrue();
        assertThat(unreadable.source()).startsWith("half.json could not be read (" + dir.resolve("half.json") + " is not JSON: ");
        Files.writeString(dir.resolve("empty.json"), "[]");
        assertThat(RecordedDurations.read(dir.resolve("empty.json"), dir).source()).isEqualTo("empty.json holds no scenario");
    }
}
