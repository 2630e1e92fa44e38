package io.cdcharness.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How long each scenario took in an earlier run, read from its Cucumber JSON report, for balancing
 * shards. A report that is missing or cannot be read gives no durations and says why; it never fails a run.
 *
 * <pre>{@code
 * RecordedDurations durations = RecordedDurations.read(Path.of("reports/cucumber.json"), projectDir);
 * durations.of(scenario);   // Optional[PT2.2S]
 * durations.source();       // "the durations of 5 scenarios recorded in reports/cucumber.json"
 * }</pre>
 */
public final class RecordedDurations {
    private final Map<String, Duration> byLocation;
    private final String source;

    private RecordedDurations(Map<String, Duration> byLocation, String source) {
        this.byLocation = Map.copyOf(byLocation);
        this.source = source;
    }

    /** The durations in {@code file}; none (saying why) when it does not exist or is not a Cucumber JSON report. */
    public static RecordedDurations read(Path file, Path projectDir) {
        String shown = ScenarioLocation.relative(file, projectDir);
        if (!Files.isRegularFile(file)) {
            return none(shown + " does not exist");
        }
        try {
            Map<String, Duration> durations = new HashMap<>();
            for (CucumberJsonFile.Entry entry : CucumberJsonFile.read(file, projectDir)) {
                durations.merge(entry.scenario().location(), entry.took(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
            if (durations.isEmpty()) {
                return none(shown + " holds no scenario");
            }
            return new RecordedDurations(durations, "the durations of " + durations.size() + " scenario"
                    + (durations.size() == 1 ? "" : "s") + " recorded in " + shown);
        } catch (IOException | RuntimeException e) {
            return none(shown + " could not be read (" + e.getMessage() + ")");
        }
    }

    /** No durations, for the reason given ({@code "reports/cucumber.json does not exist"}). */
    public static RecordedDurations none(String why) {
        return new RecordedDurations(Map.of(), why);
    }

    /** Durations by {@link ScenarioLocation#location()}, for tests and callers that measured them. */
    public static RecordedDurations of(Map<String, Duration> byLocation, String source) {
        return new RecordedDurations(byLocation, source);
    }

    public Optional<Duration> of(ScenarioLocation scenario) {
        return Optional.ofNullable(byLocation.get(scenario.location()));
    }

    public boolean isEmpty() {
        return byLocation.isEmpty();
    }

    /** Where the durations came from, or why there are none. */
    public String source() {
        return source;
    }
}
