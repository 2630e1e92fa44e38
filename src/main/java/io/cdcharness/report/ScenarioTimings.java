package io.cdcharness.report;

import io.cdcharness.stack.HarnessLog;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Cucumber plugin that prints one line per scenario with its status and time, and a closing
 * summary. It listens only; nothing calls it.
 *
 * <pre>{@code
 * cucumber.plugin=io.cdcharness.report.ScenarioTimings
 * }</pre>
 */
public final class ScenarioTimings implements ConcurrentEventListener {
    private final List<String> lines = new ArrayList<>();
    private final Map<Status, Integer> counts = new EnumMap<>(Status.class);
    private Instant started = Instant.now();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, event -> started = event.getInstant());
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, this::summary);
    }

    private synchronized void finished(TestCaseFinished event) {
        Status status = event.getResult().getStatus();
        counts.merge(status, 1, Integer::sum);
        String line = String.format(Locale.ROOT, "%-7s %6.2f s  %s (%s:%d)", status, millis(event.getResult().getDuration()) / 1000.0,
                event.getTestCase().getName(), shortUri(event.getTestCase().getUri().toString()), event.getTestCase().getLocation().getLine());
        lines.add(line);
        HarnessLog.info(line);
    }

    private synchronized void summary(TestRunFinished event) {
        Duration total = Duration.between(started, event.getInstant());
        int passed = counts.getOrDefault(Status.PASSED, 0);
        int failed = counts.getOrDefault(Status.FAILED, 0) + counts.getOrDefault(Status.UNDEFINED, 0)
                + counts.getOrDefault(Status.AMBIGUOUS, 0);
        int skipped = counts.getOrDefault(Status.SKIPPED, 0) + counts.getOrDefault(Status.PENDING, 0);
        HarnessLog.info("scenarios: " + passed + " passed, " + failed + " failed, " + skipped
                + " skipped in " + String.format(Locale.ROOT, "%.1f s", millis(total) / 1000.0));
    }

    private static long millis(Duration duration) {
        return duration == null ? 0 : duration.toMillis();
    }

    private static String shortUri(String uri) {
        int features = uri.indexOf("features/");
        if (features >= 0) {
            return uri.substring(features);
        }
        if (uri.startsWith("file:")) {
            java.nio.file.Path file = java.nio.file.Path.of(java.net.URI.create(uri));
            java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
            return (file.startsWith(here) ? here.relativize(file) : file).toString();
        }
        return uri;
    }
}
